import type { DealReview } from './deals';
import { scriptCategoryLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages.js';
import { dealFlagLabel, strengthLabel } from '$lib/components/coaching/deal-labels';

type Locale = 'en' | 'zh-TW';

/**
 * The weekly deal review as one table, in the reader's language: a row per open deal, in the
 * page's order (flagged first), and a row for a rep with none, so that every rep is in it. The
 * flags are written out in words. Cells are the rep's own text: `toCsv` defuses formulas.
 */
export function dealReviewTable(review: DealReview, locale: Locale): (string | number | null)[][] {
	const options = { locale };
	const header = [
		m.dashboard_rep({}, options),
		m.deals_csv_team({}, options),
		m.deals_company({}, options),
		m.deals_contact({}, options),
		m.deals_contact_title({}, options),
		m.deals_call_number({}, options),
		m.deals_last_contact({}, options),
		m.deals_next_step({}, options),
		m.deals_next_step_date({}, options),
		m.deals_review_latest({}, options),
		m.deals_strength({}, options),
		m.deals_help({}, options),
		m.deals_objection({}, options),
		m.deals_csv_flags({}, options)
	];
	const rows: (string | number | null)[][] = [header];
	for (const rep of review.reps) {
		const teams = rep.teams.join('; ');
		if (rep.deals.length === 0) rows.push([rep.name, teams, ...header.slice(2).map(() => null)]);
		for (const deal of rep.deals) {
			const latest = deal.evidence[0];
			rows.push([
				rep.name,
				teams,
				deal.company,
				deal.contact,
				deal.contactTitle,
				deal.callNumber,
				deal.lastContact,
				deal.nextStep?.text ?? null,
				deal.nextStep?.date ?? null,
				latest ? `${latest.date} ${latest.text}` : null,
				latest ? strengthLabel(latest.strength, locale) : null,
				deal.help,
				deal.objection ? scriptCategoryLabel(deal.objection, locale) : null,
				deal.flags.map((flag) => dealFlagLabel(flag, locale)).join('; ')
			]);
		}
	}
	return rows;
}
