import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '.';
import { candidates, interviewPanel, interviewSummaries, interviews } from './schema';
import { dataVersion } from '../cache';
import { addTeamMember, removeTeamMember } from '../accounts/teams';
import { comparePosition, listPositions } from '../hiring/comparison';
import { hiringWorld } from '../testing/hiring-world';

const TRIGGERS_FILE = 'src/lib/server/db/hiring-version-triggers.sql';

/** The file's statements without their comments, each on one line, as SQLite keeps them (no `;`). */
function statementsOf(text: string): string[] {
	return text
		.split('--> statement-breakpoint')
		.map((part) =>
			part
				.split('\n')
				.filter((line) => !line.startsWith('--'))
				.join(' ')
				.replace(/\s+/g, ' ')
				.trim()
				.replace(/;$/, '')
		)
		.filter(Boolean);
}

describe('the hiring version triggers', () => {
	it('are in a migrated database exactly as the named file has them', () => {
		const db = createTestDatabase();
		const installed = db
			.all<{
				sql: string;
			}>(
				sql`select sql from sqlite_master where type = 'trigger' and name like 'hiring_version_%' order by name`
			)
			.map((row) => row.sql.replace(/\s+/g, ' ').trim());
		const named = statementsOf(readFileSync(TRIGGERS_FILE, 'utf8'));
		expect(named).toHaveLength(15);
		expect(installed.sort()).toEqual(named.sort());
	});

	// What the comparison keeps must follow every write its visibility rule and its sort orders
	// read, whichever service (or none) makes it: each write below is made in plain SQL.
	it('raise the version on every kind of write the comparison reads, so it never shows stale rows', () => {
		const { db, outsider, admin, team, interview } = hiringWorld();
		const ada = interview('Ada');
		const version = () => dataVersion(db, 'hiring');
		const seen = () => comparePosition(db, outsider, 'Phone sales').map((row) => row[1]);

		expect(listPositions(db, outsider)).toEqual([]);
		let before = version();
		db.insert(interviewPanel).values({ interviewId: ada.id, userId: outsider.id }).run();
		expect(version()).toBeGreaterThan(before);
		expect(seen()).toEqual(['Ada']);

		before = version();
		db.delete(interviewPanel)
			.where(and(eq(interviewPanel.interviewId, ada.id), eq(interviewPanel.userId, outsider.id)))
			.run();
		expect(version()).toBeGreaterThan(before);
		expect(seen()).toEqual([]);

		addTeamMember(db, team.id, outsider.id, 'manager');
		expect(seen()).toEqual(['Ada']);
		const bea = interview('Bea');
		expect(seen().sort()).toEqual(['Ada', 'Bea']);

		db.update(interviews).set({ cancelledAt: new Date() }).where(eq(interviews.id, bea.id)).run();
		expect(seen()).toEqual(['Ada']);

		db.update(candidates)
			.set({ position: 'Inside sales' })
			.where(eq(candidates.id, ada.candidateId))
			.run();
		expect(listPositions(db, outsider)).toEqual(['Inside sales', 'Phone sales']);

		removeTeamMember(db, team.id, outsider.id);
		expect(listPositions(db, outsider)).toEqual([]);
		expect(listPositions(db, admin)).toEqual(['Inside sales', 'Phone sales']);
	});

	it('raise it for the summary columns the comparison sorts by, and only those', () => {
		const { db, interview } = hiringWorld();
		const ada = interview('Ada');
		const summary = eq(interviewSummaries.interviewId, ada.id);
		let before = dataVersion(db, 'hiring');
		db.update(interviewSummaries).set({ autoScore: 55 }).where(summary).run();
		expect(dataVersion(db, 'hiring')).toBe(before);
		for (const change of [{ score: 3.5 }, { spread: 1 }, { candidate: 'Ada L.' }]) {
			db.update(interviewSummaries).set(change).where(summary).run();
			expect(dataVersion(db, 'hiring'), JSON.stringify(change)).toBeGreaterThan(before);
			before = dataVersion(db, 'hiring');
		}
	});
});
