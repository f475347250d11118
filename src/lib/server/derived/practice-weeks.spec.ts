import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../db';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { peopleIn } from '../testing/people';
import { startAttempt } from '../practice/attempts';
import { appSettings, attempts, practiceWeeks } from '../db/schema';
import { inTimeZone } from '$lib/test-time-zones';
import { RECOUNT_PRACTICE_WEEKS, recountPracticeWeeksOnce } from './practice-weeks';

const weeks = (db: ReturnType<typeof createTestDatabase>) =>
	db
		.select({ week: practiceWeeks.week, started: practiceWeeks.started })
		.from(practiceWeeks)
		.orderBy(practiceWeeks.week)
		.all();

describe('the weekly practice totals kept before migration 0017', () => {
	inTimeZone('Asia/Taipei');

	it('are counted again once, at start, by weekKey in this time zone; the rows already right are left', () => {
		const db = createTestDatabase();
		// A new database asks too, and has nothing to correct.
		expect(recountPracticeWeeksOnce(db)).toBe(0);
		expect(recountPracticeWeeksOnce(db)).toBeNull();
		loadShippedContent(db);
		const rep = peopleIn(db)('rep', ['rep']);
		// Monday 00:30 in Taipei is Sunday in UTC; Wednesday noon is Wednesday in both.
		startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text', new Date(2026, 5, 29, 0, 30));
		startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text', new Date(2026, 6, 8, 12, 0));
		const right = weeks(db);
		expect(right).toEqual([
			{ week: '2026-06-29', started: 1 },
			{ week: '2026-07-06', started: 1 }
		]);
		// As a process in UTC filed them with SQLite's date(…, 'weekday 0', '-6 days') before 0017.
		db.run(sql`delete from ${practiceWeeks}`);
		db.run(sql`insert into ${practiceWeeks} (user_id, week, started, finished, score_sum, best)
			select user_id, date(${attempts.startedAt} / 1000, 'unixepoch', 'weekday 0', '-6 days'), count(*), 0, 0, null
			from ${attempts} group by 1, 2`);
		expect(weeks(db)).toEqual([
			{ week: '2026-06-22', started: 1 },
			{ week: '2026-07-06', started: 1 }
		]);
		db.insert(appSettings).values({ key: RECOUNT_PRACTICE_WEEKS, value: 'test' }).run();
		// The wrong week removed, the right one written; the Wednesday's row left as it was.
		expect(recountPracticeWeeksOnce(db)).toBe(2);
		expect(weeks(db)).toEqual(right);
		expect(recountPracticeWeeksOnce(db)).toBeNull();
	});
});
