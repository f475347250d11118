import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../db/index';
import { startAttempt } from './attempts';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { peopleIn } from '../testing/people';
import { attempts } from '../db/schema';
import { countsAsPracticeSql, finishedSql } from './attempt-counts';
import { ATTEMPT_STATUSES, countsAsPractice, isFinished } from '$lib/attempt-status';

describe('the SQL of what a role-play counts as', () => {
	it('selects the statuses isFinished and countsAsPractice name, no more, no fewer', () => {
		const db = createTestDatabase();
		loadShippedContent(db);
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

	it('is what the kept practice totals count by: no trigger in SQL spells the lists out again', () => {
		// The totals are written from TypeScript (derived/practice-totals.ts with `finishedSql`,
		// derived/practice-weeks.ts with `isFinished` and `countsAsPractice`). The only triggers
		// left raise the comparison's data version (db/hiring-version-triggers.sql) and name no status.
		const db = createTestDatabase();
		const objects = db.all<{ type: string; name: string; sql: string }>(
			sql`select type, name, sql from sqlite_master where type in ('trigger', 'view')`
		);
		expect(objects.filter((o) => !o.name.startsWith('hiring_version_'))).toEqual([]);
		for (const trigger of objects) expect(trigger.sql, trigger.name).not.toMatch(/status/);
	});
});
