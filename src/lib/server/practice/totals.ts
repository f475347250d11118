import { and, eq, gt, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { inJsonList, prepared, type Db } from '../db/index';
import { practiceTotals, practiceWeeks, teamMembers, teams, users } from '../db/schema';
import { weekKey } from '$lib/calendar';

// The totals are written by the services that write role-plays, in the same transaction, through
// `derived/practice-totals.ts` and `derived/practice-weeks.ts` (see there which writes call them):
// a turn that ends a role-play (won, lost, neutral), a time-out found by `expireIfDue`, a hang-up,
// a rescoring and a deletion. What counts is `$lib/attempt-status`'s: finished = `isFinished`,
// started = `countsAsPractice`; a week is `weekKey`'s ($lib/calendar).

export const TREND_WEEKS = 8;

export interface PracticeSummary {
	/** Role-plays started this calendar week (since Monday), finished or running; not those hung up. */
	thisWeek: number;
	/** Over every finished role-play, 0–100; null before the first. */
	average: number | null;
	best: number | null;
	/** Finished role-plays by week, as many as TREND_WEEKS, index 0 this calendar week. */
	weeks: { sum: number; count: number }[];
}

// The week rule lives in $lib/calendar: the writer of the weekly totals files by it too.
export { weekKey };

/**
 * The practice summary of each rep: average and best from the running totals, this week and the
 * seven before it from the weekly totals (calendar weeks, Monday first). Both are kept as role-plays
 * are written, so the cost grows with the number of reps, not with how much they practise.
 */
export function practiceSummaries(
	db: Db,
	userIds: readonly string[],
	now = new Date()
): Map<string, PracticeSummary> {
	const trendWeeks = Array.from({ length: TREND_WEEKS }, (_, weeksBack) => weekKey(now, weeksBack));
	const weeksAgo = new Map(trendWeeks.map((week, k) => [week, k]));
	// One row per rep, the recent weeks packed as JSON: a row costs more to hand to JavaScript than
	// SQLite takes to find it, and a page shows eight weeks for each of its reps.
	const rows = prepared(db, 'practice-summaries', () =>
		db
			.select({
				userId: users.id,
				finished: practiceTotals.finished,
				scoreSum: practiceTotals.scoreSum,
				best: practiceTotals.best,
				weeks: sql<string>`(select json_group_array(json_array(${practiceWeeks.week}, ${practiceWeeks.started}, ${practiceWeeks.finished}, ${practiceWeeks.scoreSum})) from ${practiceWeeks} where ${practiceWeeks.userId} = ${users.id} and ${practiceWeeks.week} between ${sql.placeholder('oldest')} and ${sql.placeholder('newest')})`
			})
			.from(users)
			.leftJoin(practiceTotals, eq(practiceTotals.userId, users.id))
			.where(inJsonList(users.id, 'reps'))
			.prepare()
	).all({ reps: JSON.stringify(userIds), oldest: trendWeeks.at(-1)!, newest: trendWeeks[0]! });
	const summaries = new Map<string, PracticeSummary>(
		userIds.map((userId) => [
			userId,
			{
				thisWeek: 0,
				average: null,
				best: null,
				weeks: Array.from({ length: TREND_WEEKS }, () => ({ sum: 0, count: 0 }))
			}
		])
	);
	for (const row of rows) {
		const summary = summaries.get(row.userId)!;
		if (row.finished !== null && row.finished > 0) {
			summary.average = row.scoreSum! / row.finished;
			summary.best = row.best;
		}
		for (const [week, started, finished, sum] of JSON.parse(row.weeks) as [
			string,
			number,
			number,
			number
		][]) {
			const k = weeksAgo.get(week);
			// Not a Monday of the trend: kept while the server had another time zone.
			if (k === undefined) continue;
			if (k === 0) summary.thisWeek = started;
			summary.weeks[k] = { sum, count: finished };
		}
	}
	return summaries;
}

/** A rep's line on a leaderboard; `place` counts from 1, most finished role-plays first. */
export interface LeaderboardRow {
	userId: string;
	name: string;
	finished: number;
	best: number;
	place: number;
}

/**
 * A team's practice this week for its leaderboard: each rep's role-plays finished and best score,
 * most active first, from the weekly totals. With `focus`, only the first `top` places and the
 * given rep's own line (a rep's practice page shows that much; the manager's team page shows all).
 */
export function leaderboard(
	db: Db,
	teamId: string,
	now = new Date(),
	focus?: { top: number; userId: string }
): LeaderboardRow[] {
	const statement = prepared(db, 'team-leaderboard', () =>
		leaderboardStatement(db, sql.placeholder('teamId'))
	);
	return statement.all({
		teamId,
		week: weekKey(now),
		top: focus?.top ?? Number.MAX_SAFE_INTEGER,
		userId: focus?.userId ?? ''
	});
}

/**
 * The leaderboard a rep's practice page shows: the first `top` places and the rep's own line, of
 * a team of theirs that has it switched on (none: empty). The team is found inside the same
 * statement: on a page of the rep's own, each statement costs about as much as ranking the team.
 */
export function repLeaderboard(db: Db, userId: string, now: Date, top: number): LeaderboardRow[] {
	const statement = prepared(db, 'rep-leaderboard', () => {
		const mine = alias(teamMembers, 'mine');
		const team = db
			.select({ id: mine.teamId })
			.from(mine)
			.innerJoin(teams, eq(teams.id, mine.teamId))
			.where(
				and(
					eq(mine.userId, sql.placeholder('userId')),
					eq(mine.role, 'rep'),
					eq(teams.leaderboard, true)
				)
			)
			.limit(1);
		return leaderboardStatement(db, sql`(${team})`);
	});
	return statement.all({ userId, week: weekKey(now), top });
}

/**
 * The board of the team `teamId` (a placeholder or a subquery), ranked in a subquery of the weekly
 * totals alone: the names are looked up after it, for the places kept rather than the whole team.
 */
function leaderboardStatement(db: Db, teamId: SQL | Placeholder) {
	const board = db
		.select({
			userId: sql<string>`${teamMembers.userId}`.as('user_id'),
			finished: sql<number>`${practiceWeeks.finished}`.as('finished'),
			best: sql<number>`${practiceWeeks.best}`.as('best'),
			place:
				sql<number>`row_number() over (order by ${practiceWeeks.finished} desc, ${practiceWeeks.best} desc)`.as(
					'place'
				)
		})
		.from(teamMembers)
		.innerJoin(
			practiceWeeks,
			and(
				eq(practiceWeeks.userId, teamMembers.userId),
				eq(practiceWeeks.week, sql.placeholder('week'))
			)
		)
		.where(
			and(
				eq(teamMembers.teamId, teamId),
				eq(teamMembers.role, 'rep'),
				gt(practiceWeeks.finished, 0)
			)
		)
		.as('board');
	return db
		.select({
			userId: board.userId,
			name: users.name,
			finished: board.finished,
			best: board.best,
			place: board.place
		})
		.from(board)
		.innerJoin(users, eq(users.id, board.userId))
		.where(
			or(lte(board.place, sql.placeholder('top')), eq(board.userId, sql.placeholder('userId')))
		)
		.orderBy(sql`${board.place}`)
		.prepare();
}
