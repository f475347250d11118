import { m } from '$lib/paraglide/messages';
import type { DealFlag, EvidenceKind, EvidenceStrength } from '$lib/engine/coaching';
// Not from the index: it would bring the evidence rules' Chinese folding tables to the browser.
import { NO_CONTACT_DAYS, NURTURE_AFTER_CALLS } from '$lib/engine/coaching/deal-terms';

/*
 * The deal review's words, for its pages, its components and its CSV (kept beside the components
 * rather than in $lib/labels: the deal review is one block of the app). Each takes an optional
 * locale, for a download in the reader's language.
 */
type Options = { locale?: 'en' | 'zh-TW' };
type DealStatus = 'open' | 'won' | 'lost' | 'nurture';

export function dealFlagLabel(flag: DealFlag, locale?: 'en' | 'zh-TW'): string {
	const options: Options = { locale };
	switch (flag) {
		case 'feelings-only':
			return m.deals_flag_feelings_only({}, options);
		case 'no-contact-14-days':
			return m.deals_flag_no_contact({ count: NO_CONTACT_DAYS }, options);
		case 'past-11-calls-without-strong-evidence':
			return m.deals_flag_past_calls({ count: NURTURE_AFTER_CALLS }, options);
		case 'no-next-step':
			return m.deals_flag_no_next_step({}, options);
		case 'next-step-overdue':
			return m.deals_flag_overdue({}, options);
	}
}

export function strengthLabel(strength: EvidenceStrength, locale?: 'en' | 'zh-TW'): string {
	const labels: Record<EvidenceStrength, (inputs: object, options: Options) => string> = {
		weak: m.deals_strength_weak,
		medium: m.deals_strength_medium,
		strong: m.deals_strength_strong,
		'very-strong': m.deals_strength_very_strong
	};
	return labels[strength]({}, { locale });
}

/** What a level costs the customer, as the article puts it (STRENGTH_MEANING's costs). */
export function strengthMeaning(strength: EvidenceStrength): string {
	const labels: Record<EvidenceStrength, () => string> = {
		weak: m.deals_strength_weak_means,
		medium: m.deals_strength_medium_means,
		strong: m.deals_strength_strong_means,
		'very-strong': m.deals_strength_very_strong_means
	};
	return labels[strength]();
}

export function evidenceKindLabel(kind: EvidenceKind): string {
	return kind === 'objective'
		? m.deals_kind_objective()
		: kind === 'subjective'
			? m.deals_kind_subjective()
			: m.deals_kind_unclear();
}

export function dealStatusLabel(status: DealStatus, locale?: 'en' | 'zh-TW'): string {
	const labels: Record<DealStatus, (inputs: object, options: Options) => string> = {
		open: m.deals_status_open,
		won: m.deals_status_won,
		lost: m.deals_status_lost,
		nurture: m.deals_status_nurture
	};
	return labels[status]({}, { locale });
}

/** Where to work on the objection that stalls a deal: its script entry and a scenario (the weak spots' mapping). */
export interface ObjectionTarget {
	scriptId: string | null;
	scriptTitle: string | null;
	scenarioId: string | null;
	scenarioTitle: string | null;
}

export type FieldProblem =
	| 'missing'
	| 'too-long'
	| 'not-a-number'
	| 'out-of-range'
	| 'not-a-date'
	| 'in-the-future'
	| 'unknown';

/** What is wrong with one field of a deal or evidence form; `max` is its limit (characters, or the highest call). */
export function fieldProblemText(problem: FieldProblem, max = 0): string {
	switch (problem) {
		case 'missing':
			return m.deals_problem_missing();
		case 'too-long':
			return m.deals_problem_too_long({ max });
		case 'not-a-number':
			return m.deals_problem_not_a_number();
		case 'out-of-range':
			return m.deals_problem_out_of_range({ max });
		case 'not-a-date':
			return m.deals_problem_not_a_date();
		case 'in-the-future':
			return m.deals_problem_in_the_future();
		case 'unknown':
			return m.deals_problem_unknown();
	}
}
