import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appSettings, users, type Attempt } from '../db/schema';
import { weekKey } from '$lib/calendar';
import { isFinished } from '$lib/attempt-status';
import {
	addToPracticeTotals,
	rebuildPracticeTotals,
	refreshPracticeTotals
} from './practice-totals';
import {
	rebuildPracticeWeeks,
	refreshPracticeWeek,
	RECOUNT_PRACTICE_WEEKS
} from './practice-weeks';
import { rebuildInterviewSummaries, refreshInterviewSummary } from './interview-summaries';

// What a write to a role-play (`attempts`) changes in the tables kept from them: a rep's practice
// (a user, no interview) feeds `practice_totals` and `practice_weeks`, an interview's role-play its
// `interview_summaries` row. The services that write role-plays call one of these in the same
// transaction: practice/attempts.ts (`startAttemptOnRevision`, `expireIfDue`, `hangUp`),
// practice/turns.ts (`writeTurn`) and hiring/ratings.ts (`overrideAttemptScore`). Deleting a rep
// deletes their rows (foreign keys); deleting a candidate deletes their interviews' summaries
// (candidate-data.ts). A rep's weak-spot totals are kept from their turns (`./skill-rollups.ts`).

type RolePlay = Pick<Attempt, 'userId' | 'interviewId' | 'startedAt' | 'status' | 'score'>;

/** A role-play has just been started. */
export function rolePlayStarted(db: Db, attempt: RolePlay): void {
	if (attempt.interviewId !== null) refreshInterviewSummary(db, attempt.interviewId);
	else if (attempt.userId !== null)
		refreshPracticeWeek(db, attempt.userId, weekKey(attempt.startedAt));
}

/**
 * A running role-play has just ended (`attempt` as it now is: won, lost, neutral, out of time or
 * hung up). On the turn path: a finished practice adds itself to the totals in one statement.
 */
export function rolePlayEnded(db: Db, attempt: RolePlay): void {
	if (attempt.interviewId !== null) refreshInterviewSummary(db, attempt.interviewId);
	else if (attempt.userId !== null) {
		if (isFinished(attempt.status)) addToPracticeTotals(db, attempt);
		refreshPracticeWeek(db, attempt.userId, weekKey(attempt.startedAt));
	}
}

/**
 * Any other write to role-plays (a rescoring, a deletion, a move): given each one as it was and as
 * it is, what they fed and feed is worked out again.
 */
export function rolePlaysChanged(
	db: Db,
	rolePlays: readonly Pick<Attempt, 'userId' | 'interviewId' | 'startedAt'>[]
): void {
	const reps = new Set<string>();
	const weeks = new Map<string, { userId: string; week: string }>();
	const interviewIds = new Set<string>();
	for (const attempt of rolePlays) {
		if (attempt.interviewId !== null) interviewIds.add(attempt.interviewId);
		else if (attempt.userId !== null) {
			const week = weekKey(attempt.startedAt);
			reps.add(attempt.userId);
			weeks.set(`${attempt.userId} ${week}`, { userId: attempt.userId, week });
		}
	}
	// A rep deleted meanwhile took their totals with them.
	const existing = new Set(
		[...reps].filter(
			(userId) =>
				db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get() !== undefined
		)
	);
	for (const userId of existing) refreshPracticeTotals(db, userId);
	for (const { userId, week } of weeks.values())
		if (existing.has(userId)) refreshPracticeWeek(db, userId, week);
	for (const interviewId of interviewIds) refreshInterviewSummary(db, interviewId);
}

/**
 * Every kept table worked out again from the rows, writing only what differs: for a data set
 * written in bulk (the benchmark's), which no service wrote row by row.
 */
export function rebuildDerivedTables(db: Db): void {
	db.transaction((tx) => {
		rebuildPracticeTotals(tx);
		rebuildPracticeWeeks(tx);
		rebuildInterviewSummaries(tx);
		tx.delete(appSettings).where(eq(appSettings.key, RECOUNT_PRACTICE_WEEKS)).run();
	});
}
