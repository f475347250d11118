import { isOneOf } from '$lib/engine/one-of';

/**
 * How a role-play stands, and what each standing counts as. This is the one place that says what
 * "finished" means: every count, average, best score, leaderboard and list of practice reads it,
 * through `isFinished` / `countsAsPractice` here or their SQL twins in `$lib/server/practice/attempt-counts`
 * (the kept practice totals too: `$lib/server/derived/`).
 *
 * - `active`: the call is running.
 * - `won`, `lost`, `neutral`: the customer ended it at one of the scenario's endings.
 * - `timeout`: its time box ran out (a tab left open ends so on its next visit).
 * - `abandoned`: the rep hung up. Not a practice result: never scored as a failure, never counted.
 */
export const ATTEMPT_STATUSES = [
	'active',
	'won',
	'lost',
	'neutral',
	'timeout',
	'abandoned'
] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** The endings that are practice results: scored, averaged, ranked and counted as finished. */
export const FINISHED_STATUSES = [
	'won',
	'lost',
	'neutral',
	'timeout'
] as const satisfies readonly AttemptStatus[];

/** Statuses of role-plays that are not practice at all (not started practice, not a result). */
export const NOT_PRACTICE_STATUSES = ['abandoned'] as const satisfies readonly AttemptStatus[];

/** Whether a role-play is a practice result: ended by the customer or by the clock, not hung up. */
export function isFinished(status: AttemptStatus): boolean {
	return isOneOf(FINISHED_STATUSES, status);
}

/** Whether a role-play counts as practice at all: running or finished, but not hung up. */
export function countsAsPractice(status: AttemptStatus): boolean {
	return !isOneOf(NOT_PRACTICE_STATUSES, status);
}
