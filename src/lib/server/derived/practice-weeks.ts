import { and, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db';
import { appSettings, attempts, practiceWeeks, type AttemptStatus } from '../db/schema';
import { countsAsPractice, isFinished } from '$lib/attempt-status';
import { weekKey } from '$lib/calendar';

// `practice_weeks`: each rep's practice per calendar week, filed under `weekKey` ($lib/calendar:
// Monday to Sunday in this process's time zone, the organisation's, as every date of the app). A
// row counts the role-plays started that week (`countsAsPractice`: not those hung up); the finished
// ones (`isFinished`) also count in finished, score_sum and best. Written only here, by the
// services, in the transaction of the write that changes it (`./role-plays.ts` says which write
// calls what): the week a role-play was started in is counted again, a few rows read through the
// index on (user, start). A rep's deletion takes their rows with it (foreign key).

interface WeekTotals {
	started: number;
	finished: number;
	scoreSum: number;
	best: number | null;
}

const empty = (): WeekTotals => ({ started: 0, finished: 0, scoreSum: 0, best: null });

function count(week: WeekTotals, attempt: { status: AttemptStatus; score: number }): void {
	if (!countsAsPractice(attempt.status)) return;
	week.started += 1;
	if (!isFinished(attempt.status)) return;
	week.finished += 1;
	week.scoreSum += attempt.score;
	week.best = week.best === null ? attempt.score : Math.max(week.best, attempt.score);
}

function write(db: Db, userId: string, week: string, totals: WeekTotals): void {
	const p = sql.placeholder;
	prepared(db, 'practice-week-write', () =>
		db
			.insert(practiceWeeks)
			.values({
				userId: p('userId'),
				week: p('week'),
				started: p('started'),
				finished: p('finished'),
				scoreSum: p('scoreSum'),
				best: p('best')
			})
			.onConflictDoUpdate({
				target: [practiceWeeks.userId, practiceWeeks.week],
				set: {
					started: sql`excluded.started`,
					finished: sql`excluded.finished`,
					scoreSum: sql`excluded.score_sum`,
					best: sql`excluded.best`
				}
			})
			.prepare()
	).run({ userId, week, ...totals });
}

/**
 * Counts one week of a rep's practice again (`week` a `weekKey`); the rep must exist. Role-plays
 * are read from a day before its Monday to a day after its Sunday, and `weekKey` decides, so that a
 * clock change at midnight cannot move one across.
 */
export function refreshPracticeWeek(db: Db, userId: string, week: string): void {
	const [year, month, day] = week.split('-').map(Number) as [number, number, number];
	const p = sql.placeholder;
	const rows = prepared(db, 'practice-week-attempts', () =>
		db
			.select({ startedAt: attempts.startedAt, status: attempts.status, score: attempts.score })
			.from(attempts)
			.where(
				and(
					eq(attempts.userId, p('userId')),
					gte(attempts.startedAt, p('from')),
					lt(attempts.startedAt, p('to')),
					isNull(attempts.interviewId)
				)
			)
			.prepare()
	).all({
		userId,
		from: new Date(year, month - 1, day - 1).getTime(),
		to: new Date(year, month - 1, day + 8).getTime()
	});
	const totals = empty();
	for (const row of rows) if (weekKey(row.startedAt) === week) count(totals, row);
	write(db, userId, week, totals);
}

/**
 * Every rep's weeks counted again from their role-plays, writing only the rows that differ; rows
 * of weeks with no practice are left if empty and removed otherwise (filed under a Monday of
 * another time zone). Returns how many rows it wrote or removed.
 */
export function rebuildPracticeWeeks(db: Db): number {
	const expected = new Map<string, { userId: string; week: string; totals: WeekTotals }>();
	for (const attempt of db
		.select({
			userId: attempts.userId,
			startedAt: attempts.startedAt,
			status: attempts.status,
			score: attempts.score
		})
		.from(attempts)
		.where(and(isNotNull(attempts.userId), isNull(attempts.interviewId)))
		.all()) {
		const week = weekKey(attempt.startedAt);
		const key = `${attempt.userId} ${week}`;
		let entry = expected.get(key);
		if (!entry) expected.set(key, (entry = { userId: attempt.userId!, week, totals: empty() }));
		count(entry.totals, attempt);
	}
	let changed = 0;
	for (const kept of db.select().from(practiceWeeks).all()) {
		const key = `${kept.userId} ${kept.week}`;
		const entry = expected.get(key);
		expected.delete(key);
		const { userId: _u, week: _w, ...totals } = kept;
		if (!entry) {
			if (totals.started === 0 && totals.finished === 0) continue;
			db.delete(practiceWeeks)
				.where(and(eq(practiceWeeks.userId, kept.userId), eq(practiceWeeks.week, kept.week)))
				.run();
		} else if (
			totals.started === entry.totals.started &&
			totals.finished === entry.totals.finished &&
			Math.abs(totals.scoreSum - entry.totals.scoreSum) < 1e-6 &&
			totals.best === entry.totals.best
		) {
			continue;
		} else write(db, kept.userId, kept.week, entry.totals);
		changed += 1;
	}
	for (const entry of expected.values()) {
		write(db, entry.userId, entry.week, entry.totals);
		changed += 1;
	}
	return changed;
}

/**
 * Set by migration 0017: the weeks kept before it were filed by SQLite's 'localtime' in the time
 * zone of whichever process wrote (a script under another TZ, a system without zone data), which
 * `weekKey` need not agree with.
 */
export const RECOUNT_PRACTICE_WEEKS = 'recount-practice-weeks';

/**
 * At start, once after migration 0017: the weeks are counted again by `weekKey` and the ones it
 * files differently are corrected. Returns how many rows it wrote, or null when not asked to.
 */
export function recountPracticeWeeksOnce(db: Db): number | null {
	return db.transaction((tx) => {
		const asked = tx
			.select()
			.from(appSettings)
			.where(eq(appSettings.key, RECOUNT_PRACTICE_WEEKS))
			.get();
		if (!asked) return null;
		const changed = rebuildPracticeWeeks(tx);
		tx.delete(appSettings).where(eq(appSettings.key, RECOUNT_PRACTICE_WEEKS)).run();
		return changed;
	});
}
