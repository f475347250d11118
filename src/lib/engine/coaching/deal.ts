import type { ContentLocale } from '../content/kinds';
import { atLeast, evidenceKind, isEvidenceStrength, type EvidenceStrength } from './evidence';
import { NO_CONTACT_DAYS, NURTURE_AFTER_CALLS } from './deal-terms';

export { NO_CONTACT_DAYS, NURTURE_AFTER_CALLS };

/** A calendar date, YYYY-MM-DD: a deal's dates are days, not instants. */
export type IsoDate = string;

export interface DealEvidence {
	/** What the customer said or did, in the rep's words (or a feeling, which the flags see through). */
	text: string;
	date: IsoDate;
	/** The rep's ranking, on the content's scale (see STRENGTH_MEANING). */
	strength: EvidenceStrength;
}

export interface DealNextStep {
	text: string;
	date: IsoDate;
}

export interface Deal {
	/** Which follow-up call of the cadence the rep has reached: 1 to 11, more past the cadence. */
	callNumber: number;
	lastContact: IsoDate;
	evidence: readonly DealEvidence[];
	nextStep: DealNextStep | null;
	/** The language the deal is kept in (the reading of its evidence does not depend on it). */
	locale?: ContentLocale;
}

/** What a weekly review points out about a deal, in this order. */
export const DEAL_FLAGS = [
	'feelings-only',
	'no-contact-14-days',
	'past-11-calls-without-strong-evidence',
	'no-next-step',
	'next-step-overdue'
] as const;
export type DealFlag = (typeof DEAL_FLAGS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a calendar date (days since 1970-01-01), or null if it is not one (2026-02-30). */
function dayNumber(date: IsoDate): number | null {
	const match = ISO_DATE.exec(date);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	// Date.UTC counts calendar days without any time zone, so TZ cannot move the answer.
	const time = Date.UTC(year, month - 1, day);
	const back = new Date(time);
	if (
		back.getUTCFullYear() !== year ||
		back.getUTCMonth() !== month - 1 ||
		back.getUTCDate() !== day
	)
		return null;
	return time / 86_400_000;
}

export function isCalendarDate(value: unknown): value is IsoDate {
	return typeof value === 'string' && dayNumber(value) !== null;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). Throws on a string that is no date. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	const [a, b] = [dayNumber(from), dayNumber(to)];
	if (a === null || b === null)
		throw new RangeError(`not a calendar date: ${a === null ? from : to}`);
	return b - a;
}

/** Whether the evidence is objective and ranked strong or very strong: a feeling never is, whatever its ranking. */
export function isStrongEvidence(evidence: DealEvidence, locale: ContentLocale = 'en'): boolean {
	return (
		isEvidenceStrength(evidence.strength) &&
		atLeast(evidence.strength, 'strong') &&
		evidenceKind(evidence.text, locale) === 'objective'
	);
}

/**
 * What a deal review flags on `today` (passed in: nothing here reads the clock), in the order of
 * DEAL_FLAGS:
 * - `feelings-only`: no piece of evidence reads as objective (evidenceKind), none at all included;
 * - `no-contact-14-days`: the last contact was 14 or more calendar days before today (or is
 *   not a date: nobody can say when it was);
 * - `past-11-calls-without-strong-evidence`: the 11th call of the cadence or a later one reached,
 *   and no objective evidence ranked strong or very strong: propose moving it to nurture;
 * - `no-next-step`: none, or one without words or without a date (a next step has a date);
 * - `next-step-overdue`: the next step's date is before today (due today is not overdue).
 */
export function dealFlags(deal: Deal, today: IsoDate): DealFlag[] {
	const now = dayNumber(today);
	if (now === null) throw new RangeError(`today is not a calendar date: ${today}`);
	const locale = deal.locale ?? 'en';
	const flags = new Set<DealFlag>();
	if (!deal.evidence.some((e) => evidenceKind(e.text, locale) === 'objective'))
		flags.add('feelings-only');
	const contact = dayNumber(deal.lastContact);
	if (contact === null || now - contact >= NO_CONTACT_DAYS) flags.add('no-contact-14-days');
	if (
		deal.callNumber >= NURTURE_AFTER_CALLS &&
		!deal.evidence.some((e) => isStrongEvidence(e, locale))
	)
		flags.add('past-11-calls-without-strong-evidence');
	const step = deal.nextStep;
	const due = step ? dayNumber(step.date) : null;
	if (!step || !step.text.trim() || due === null) flags.add('no-next-step');
	else if (due < now) flags.add('next-step-overdue');
	return DEAL_FLAGS.filter((flag) => flags.has(flag));
}
