import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../db/index';
import { startAttempt } from './practice';
import { syncContentOnFirstStart } from '../bootstrap';
import { peopleIn } from '../testing/people';
import { attempts } from '../db/schema';
import { countsAsPracticeSql, finishedSql } from './attempt-counts';
import {
	ATTEMPT_STATUSES,
	FINISHED_STATUSES,
	NOT_PRACTICE_STATUSES,
	countsAsPractice,
	isFinished
} from '$lib/attempt-status';

describe('the SQL of what a role-play counts as', () => {
	it('selects the statuses isFinished and countsAsPractice name, no more, no fewer', () => {
		const db = createTestDatabase();
		syncContentOnFirstStart(db, 'content', () => {});
		const rep = peopleIn(db)('rep', ['rep']);
		for (const status of ATTEMPT_STATUSES) {
			const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
			db.update(attempts)
				.set({ status })
				.where(sql`${attempts.id} = ${attempt.id}`)
				.run();
		}
		const statuses = (where: ReturnType<typeof finishedSql>) =>
			db
				.select({ status: attempts.status })
				.from(attempts)
				.where(where)
				.all()
				.map((row) => row.status)
				.sort();
		expect(statuses(finishedSql(attempts.status))).toEqual(
			ATTEMPT_STATUSES.filter(isFinished).sort()
		);
		expect(statuses(countsAsPracticeSql(attempts.status))).toEqual(
			ATTEMPT_STATUSES.filter(countsAsPractice).sort()
		);
	});

	it('is the same as the triggers that keep the practice totals use', () => {
		// The triggers (drizzle/0012_abandoned-attempts.sql) cannot call the helper: they spell its
		// lists out. Every list in them must be FINISHED_STATUSES, and every status they leave out
		// one that is not finished ('active') or not practice.
		const db = createTestDatabase();
		const triggers = db.all<{ name: string; sql: string }>(
			sql`select name, sql from sqlite_master where type = 'trigger' and name like 'practice_%'`
		);
		expect(triggers.map((t) => t.name).sort()).toEqual([
			'practice_totals_delete',
			'practice_totals_insert',
			'practice_totals_update',
			'practice_weeks_delete',
			'practice_weeks_insert',
			'practice_weeks_update'
		]);
		const finished = FINISHED_STATUSES.map((status) => `'${status}'`).join(', ');
		for (const trigger of triggers) {
			const lists = [...trigger.sql.matchAll(/status` IN \(([^)]*)\)/g)].map((match) => match[1]);
			expect(lists.length, trigger.name).toBeGreaterThan(0);
			for (const list of lists) expect(list, trigger.name).toBe(finished);
			const leftOut = [...trigger.sql.matchAll(/status` != '(\w+)'/g)].map((match) => match[1]);
			for (const status of leftOut)
				expect(['active', ...NOT_PRACTICE_STATUSES], trigger.name).toContain(status);
		}
		expect(
			triggers
				.filter((t) => t.name.startsWith('practice_weeks'))
				.every((t) => t.sql.includes("status` != 'abandoned'"))
		).toBe(true);
	});
});
