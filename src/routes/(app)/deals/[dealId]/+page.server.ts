import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { anyText, choice, idText, parseForm, readForm } from '$lib/server/forms';
import { contentLocale } from '$lib/server/content/locale';
import { objectionContent } from '$lib/server/team/dashboard';
import {
	DEAL_LIMITS,
	MAX_CALL_NUMBER,
	MAX_EVIDENCE_PER_DEAL,
	DEAL_FORM_FIELDS,
	DEAL_OUTCOMES,
	addEvidence,
	closeDeal,
	ownDeal,
	parseDeal,
	parseEvidence,
	proposeEvidence,
	removeEvidence,
	updateDeal,
	type DealView,
	type EvidenceForm
} from '$lib/server/coaching/deals';
import { EVIDENCE_STRENGTHS } from '$lib/engine/coaching';
import { localIsoDate } from '$lib/calendar';

/** The rep's own deal, or a 404 that does not say whether the id is someone else's: asked before anything is read. */
function ownOr404(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	today: string
): { user: ReturnType<typeof requireRole>; deal: DealView } {
	const user = requireRole(event, 'rep');
	const deal = ownDeal(getDb(), user, event.params.dealId ?? '', today);
	if (!deal) error(404, 'Not found');
	return { user, deal };
}

export const load: PageServerLoad = (event) => {
	// The organisation's calendar day: the flags count days on it.
	const today = localIsoDate(new Date());
	const { deal } = ownOr404(event, today);
	const { categories, byCategory } = objectionContent(getDb(), contentLocale());
	return {
		today,
		deal,
		created: event.url.searchParams.has('created'),
		objections: categories,
		targets: Object.fromEntries(byCategory),
		limits: { ...DEAL_LIMITS, callNumber: MAX_CALL_NUMBER },
		strengths: EVIDENCE_STRENGTHS,
		maxEvidence: MAX_EVIDENCE_PER_DEAL
	};
};

export const actions: Actions = {
	update: async (event) => {
		const today = localIsoDate(new Date());
		const { user, deal } = ownOr404(event, today);
		const values = parseForm(await readForm(event), DEAL_FORM_FIELDS).value;
		const db = getDb();
		const parsed = parseDeal(values, today, objectionContent(db, contentLocale()).categories);
		if (!parsed.ok) return fail(400, { edit: { values, problems: parsed.problems } });
		const done = updateDeal(db, user, deal.id, parsed.value);
		if (!done.ok) return fail(409, { closed: true });
		return { saved: 'deal' as const };
	},
	evidence: async (event) => {
		const today = localIsoDate(new Date());
		const { user, deal } = ownOr404(event, today);
		const values = parseForm(await readForm(event), {
			text: anyText,
			date: anyText,
			strength: anyText
		}).value;
		const parsed = parseEvidence(values, today);
		if (!parsed.ok)
			return fail(400, {
				evidence: { values, problems: parsed.problems, proposal: null } as EvidenceForm
			});
		const { text, date, strength } = parsed.value;
		// No strength yet: the app reads the evidence and proposes one, and the rep confirms it (nothing is saved).
		if (strength === null)
			return {
				evidence: {
					values,
					problems: {},
					proposal: proposeEvidence(text, deal.locale)
				} as EvidenceForm
			};
		const done = addEvidence(getDb(), user, deal.id, { text, date, strength });
		if (!done.ok)
			return fail(
				409,
				done.problem === 'evidence-cap'
					? { evidence: { values, problems: {}, proposal: null, cap: true } as EvidenceForm }
					: { closed: true }
			);
		return { saved: 'evidence' as const };
	},
	removeEvidence: async (event) => {
		const { user, deal } = ownOr404(event, localIsoDate(new Date()));
		const form = parseForm(await readForm(event), { evidenceId: idText });
		if (!form.ok) return fail(400, { removeProblem: true });
		const done = removeEvidence(getDb(), user, deal.id, form.value.evidenceId);
		if (!done.ok)
			return done.problem === 'closed' ? fail(409, { closed: true }) : error(404, 'Not found');
		return { saved: 'removed' as const };
	},
	close: async (event) => {
		const { user, deal } = ownOr404(event, localIsoDate(new Date()));
		const form = parseForm(await readForm(event), { outcome: choice(DEAL_OUTCOMES) });
		if (!form.ok) return fail(400, { outcomeProblem: true });
		const done = closeDeal(getDb(), user, deal.id, form.value.outcome);
		if (!done.ok) return fail(409, { closed: true });
		return { saved: 'closed' as const };
	}
};
