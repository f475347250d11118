import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { hiringWorld } from '../testing/hiring-world';
import { updateRolePlays } from '../testing/role-plays';
import { hangUp, startAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { saveRating } from '../hiring/ratings';
import { startInterviewAttempt } from '../hiring/hiring';
import { attempts, interviewSummaries, practiceTotals, practiceWeeks } from '../db/schema';
import type { Db } from '../db';
import { rebuildDerivedTables } from './role-plays';
import { rebuildPracticeWeeks } from './practice-weeks';

function keptTables(db: Db) {
	return {
		totals: db.select().from(practiceTotals).orderBy(practiceTotals.userId).all(),
		weeks: db
			.select()
			.from(practiceWeeks)
			.orderBy(practiceWeeks.userId, practiceWeeks.week)
			.all()
			// A week whose role-plays have all gone keeps an empty row, or none: the same to every reader.
			.filter((week) => week.started > 0 || week.finished > 0),
		summaries: db.select().from(interviewSummaries).orderBy(interviewSummaries.interviewId).all()
	};
}

describe('the tables kept from role-plays, ratings and panels', () => {
	it('are what rebuilding them from the rows gives, and a rebuild rewrites nothing already right', () => {
		const { db, person, admin, panelist, interview } = hiringWorld();
		const reps = [person('rep-a', ['rep']), person('rep-b', ['rep'])];
		reps.forEach((rep, r) => {
			for (let k = 0; k < 6; k++) {
				const at = new Date(2026, 5, 1 + 4 * k + r, 9 + k);
				const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text', at)!;
				if (k % 3 === 0) hangUp(db, attempt.id, at);
				else if (k % 3 === 1)
					updateRolePlays(db, eq(attempts.id, attempt.id), {
						status: k % 2 ? 'won' : 'lost',
						score: 10 * k + r
					});
				else submitTurn(db, attempt.id, { mode: 'text', reply: 'Hello there.' }, 0, at);
			}
		});
		const a = interview('Ada');
		const b = interview('Bo', { mode: 'live' });
		interview('Cy');
		for (const [who, scores] of [
			[panelist, 4],
			[admin, 2]
		] as const) {
			const scored = Object.fromEntries(a.rubric.criteria.map((c) => [c.id, scores]));
			saveRating(db, a, who.id, { scores: scored, notes: '', recommendation: 'yes', submit: true });
		}
		startInterviewAttempt(db, b, 'live');
		const kept = keptTables(db);
		expect(kept.totals).toHaveLength(2);
		expect(kept.summaries).toHaveLength(3);

		// Nothing to correct: not a row written.
		expect(rebuildPracticeWeeks(db)).toBe(0);
		// Emptied, they come back as they were.
		db.run(sql`delete from ${practiceTotals}`);
		db.run(sql`delete from ${practiceWeeks}`);
		db.run(sql`delete from ${interviewSummaries}`);
		rebuildDerivedTables(db);
		const rebuilt = keptTables(db);
		expect(rebuilt.weeks).toEqual(
			kept.weeks.map((week) => ({ ...week, scoreSum: expect.closeTo(week.scoreSum, 6) }))
		);
		expect(rebuilt.totals).toEqual(
			kept.totals.map((total) => ({ ...total, scoreSum: expect.closeTo(total.scoreSum, 6) }))
		);
		expect(rebuilt.summaries).toEqual(kept.summaries);
	});
});
