import { and, gt, gte, isNull, lte, ne, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from './db';
import { attempts, practiceTotals } from './db/schema';

// The totals themselves are kept by triggers on `attempts` (drizzle/0008_practice-totals.sql), not
// by calls in the code that writes role-plays: a turn, the end of a role-play (won, lost, neutral, a
// time-out found by `expireIfDue`), a rescoring and a deletion (a rep's, a candidate's, by cascade)
// all keep them exact without having to remember to, and the turn path stays as it is.

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
export const TREND_WEEKS = 8;

export interface PracticeSummary {
	/** Role-plays started in the last seven days, finished or not. */
	thisWeek: number;
	/** Over every finished role-play, 0–100; null before the first. */
	average: number | null;
	best: number | null;
	/** Finished role-plays by week, as many as TREND_WEEKS, index 0 the current week (the last seven days). */
	weeks: { sum: number; count: number }[];
}

/**
 * The practice summary of each rep: average and best from the running totals, and the last
 * eight weeks, which move with the clock (a week is counted back from now, not a calendar week),
 * so they cannot be kept as totals: read from the covering index `attempts_user_started_idx`.
 */
export function practiceSummaries(db: Db, userIds: readonly string[], now = new Date()): Map<string, PracticeSummary> {
	const reps = JSON.stringify(userIds);
	const totals = prepared(db, 'practice-totals', () =>
		db
			.select({ userId: practiceTotals.userId, finished: practiceTotals.finished, scoreSum: practiceTotals.scoreSum, best: practiceTotals.best })
			.from(practiceTotals)
			.where(inJsonList(practiceTotals.userId, 'reps'))
			.prepare()
	).all({ reps });
	const totalsOf = new Map(totals.map((row) => [row.userId, row]));
	// One row per rep and week, each week read as its own range of the covering index (grouping by a
	// computed week would sort every row first), then this week's count, unfinished role-plays too.
	// A week holds the role-plays started in (now − (k+1)·WEEK, now − k·WEEK]: whole weeks ago.
	const recent = prepared(db, 'practice-recent-weeks', () => {
		const week = (k: number) =>
			db
				.select({ week: sql<number>`${sql.raw(String(k))}`, userId: sql<string>`${attempts.userId}`, sum: sql<number>`total(${attempts.score})`, count: sql<number>`count(*)` })
				.from(attempts)
				.where(
					and(
						inJsonList(attempts.userId, 'reps'),
						isNull(attempts.interviewId),
						ne(attempts.status, 'active'),
						gt(attempts.startedAt, sql.placeholder(`after${k}`)),
						lte(attempts.startedAt, sql.placeholder(`until${k}`))
					)
				)
				.groupBy(attempts.userId);
		const thisWeek = db
			.select({ week: sql<number>`-1`, userId: sql<string>`${attempts.userId}`, sum: sql<number>`0`, count: sql<number>`count(*)` })
			.from(attempts)
			.where(and(inJsonList(attempts.userId, 'reps'), isNull(attempts.interviewId), gte(attempts.startedAt, sql.placeholder('weekAgo'))))
			.groupBy(attempts.userId);
		return Array.from({ length: TREND_WEEKS }, (_, k) => week(k))
			.reduce((all, next) => all.unionAll(next) as unknown as typeof all, thisWeek)
			.prepare();
	}).all({ reps, weekAgo: now.getTime() - WEEK_MS, ...weekBounds(now) });
	const summaries = new Map<string, PracticeSummary>(
		userIds.map((userId) => {
			const total = totalsOf.get(userId);
			const finished = total !== undefined && total.finished > 0;
			return [userId, { thisWeek: 0, average: finished ? total.scoreSum / total.finished : null, best: finished ? total.best : null, weeks: Array.from({ length: TREND_WEEKS }, () => ({ sum: 0, count: 0 })) }];
		})
	);
	for (const row of recent) {
		const summary = summaries.get(row.userId)!;
		if (row.week < 0) summary.thisWeek = row.count;
		else summary.weeks[row.week] = { sum: row.sum, count: row.count };
	}
	return summaries;
}

/** The edges of each trend week, as placeholders of the weeks' statement. */
function weekBounds(now: Date): Record<string, number> {
	return Object.fromEntries(
		Array.from({ length: TREND_WEEKS }, (_, k) => [
			[`after${k}`, now.getTime() - (k + 1) * WEEK_MS],
			[`until${k}`, now.getTime() - k * WEEK_MS]
		]).flat()
	);
}
