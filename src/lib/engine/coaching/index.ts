/**
 * The deal review (抓單): the rules, as pure functions (no Kit, database, Paraglide or clock).
 *
 * - `evidenceKind(text, locale)` → 'objective' | 'subjective' | 'unclear': what the customer
 *   said or did, or the rep's feeling, or neither; `readEvidence` gives the same with the words
 *   that decided it and the dates and figures that make it concrete (for a page that says why).
 *   The rules are the 抓單 article's and sorting quiz's (evidence.ts explains them; a test
 *   classifies every example of the content as the content does).
 * - `EVIDENCE_STRENGTHS` ('weak' | 'medium' | 'strong' | 'very-strong', 弱/中/強/非常強) and
 *   `STRENGTH_MEANING`: ranked by what the evidence cost the customer (words; information and
 *   access; time and effort; money and paperwork). `parseStrength` reads the content's names,
 *   `atLeast` compares, `suggestStrength(text, locale)` proposes a level for the rep to confirm.
 * - `dealFlags(deal, today)` → DealFlag[] for `{ callNumber, lastContact, evidence: { text,
 *   date, strength }[], nextStep: { text, date } | null }`: 'feelings-only',
 *   'no-contact-14-days', 'past-11-calls-without-strong-evidence' (propose nurture),
 *   'no-next-step', 'next-step-overdue'. Dates are calendar dates (YYYY-MM-DD); `today` is
 *   passed in (the caller's calendar, e.g. `localIsoDate(now)` in TZ); `daysBetween` and
 *   `isCalendarDate` are the date arithmetic it uses, independent of the process's time zone.
 * - One-to-ones (談心, one-to-ones.ts): `oneToOneGap(latest, today, weeks)` → { due, days }:
 *   whether a rep has gone `weeks` weeks (7 calendar days each) without one; `actionDue(dueOn,
 *   today)` → overdue / today / upcoming with the days; the date checks of a talk and its actions.
 *
 * - Assignments (assignments.ts): `assignmentStatus({ dueDate, completedAt }, today)` → 'done' |
 *   'due' | 'overdue' (due through its day, overdue from the next); `dueDateProblem(dueDate, today)`
 *   (a real day, from today, at most ASSIGNMENT_MAX_DAYS_AHEAD ahead), `parsePassMark`, `addDays`.
 *
 * Labels for the UI (the flags' and levels' names) belong in the messages, not here.
 */
export {
	EVIDENCE_STRENGTHS,
	STRENGTH_MEANING,
	atLeast,
	evidenceKind,
	isEvidenceStrength,
	parseStrength,
	readEvidence,
	suggestStrength
} from './evidence';
export type { EvidenceCost, EvidenceKind, EvidenceReading, EvidenceStrength } from './evidence';
export {
	DEAL_FLAGS,
	NO_CONTACT_DAYS,
	NURTURE_AFTER_CALLS,
	daysBetween,
	dealFlags,
	isCalendarDate,
	isStrongEvidence
} from './deal';
export type { Deal, DealEvidence, DealFlag, DealNextStep, IsoDate } from './deal';
export {
	ASSIGNMENT_MAX_DAYS_AHEAD,
	ASSIGNMENT_NOTE_MAX_LENGTH,
	ASSIGNMENT_STATUSES,
	addDays,
	assignmentStatus,
	dueDateProblem,
	parsePassMark
} from './assignments';
export type { AssignmentFacts, AssignmentStatus, DueDateProblem } from './assignments';
export {
	ONE_TO_ONE_WEEKS_DEFAULT,
	ONE_TO_ONE_WEEKS_MAX,
	ONE_TO_ONE_WEEKS_MIN,
	actionDue,
	actionDueProblem,
	isOneToOneWeeks,
	oneToOneDateProblem,
	oneToOneGap
} from './one-to-ones';
export type {
	ActionDueProblem,
	ActionDueState,
	OneToOneDateProblem,
	OneToOneGap
} from './one-to-ones';
