import { and, gte, isNull, sql } from 'drizzle-orm';
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
 * eight weeks (which move with the clock, so they cannot be kept as totals) in one pass over
 * those weeks' role-plays, read from the covering index in the order it is stored.
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
	// One row per rep and week: how many whole weeks ago each role-play started, as the dashboard
	// has always counted them (integer division: `now` is bound as an integer).
	const recent = prepared(db, 'practice-recent-weeks', () =>
		db
			.select({
				userId: sql<string>`${attempts.userId}`,
				weeksAgo: sql<number>`(${sql.placeholder('now')} - ${attempts.startedAt}) / ${sql.raw(String(WEEK_MS))}`,
				sum: sql<number>`total(case when ${attempts.status} != 'active' then ${attempts.score} end)`,
				count: sql<number>`sum(${attempts.status} != 'active')`,
				thisWeek: sql<number>`sum(${attempts.startedAt} >= ${sql.placeholder('weekAgo')})`
			})
			.from(attempts)
			.where(and(inJsonList(attempts.userId, 'reps'), isNull(attempts.interviewId), gte(attempts.startedAt, sql.placeholder('since'))))
			.groupBy(attempts.userId, sql`2`)
			.prepare()
	).all({ reps, now: BigInt(now.getTime()), weekAgo: now.getTime() - WEEK_MS, since: now.getTime() - TREND_WEEKS * WEEK_MS });
	const summaries = new Map<string, PracticeSummary>(
		userIds.map((userId) => {
			const total = totalsOf.get(userId);
			const finished = total !== undefined && total.finished > 0;
			return [userId, { thisWeek: 0, average: finished ? total.scoreSum / total.finished : null, best: finished ? total.best : null, weeks: Array.from({ length: TREND_WEEKS }, () => ({ sum: 0, count: 0 })) }];
		})
	);
	for (const row of recent) {
		const summary = summaries.get(row.userId)!;
		summary.thisWeek += row.thisWeek;
		const week = summary.weeks[Number(row.weeksAgo)];
		if (week) Object.assign(week, { sum: row.sum, count: row.count });
	}
	return summaries;
}
