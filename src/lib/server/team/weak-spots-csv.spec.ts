import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { addTeamMember, createTeam } from '../accounts/teams';
import { followedReps, weakSpots } from './dashboard';
import { skillRollups } from '../db/schema';
import { toCsv } from '../csv';
import { weakSpotsTable } from './weak-spots-csv';
import type { SessionUser } from '../auth/session';

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const lead = insertUser(db, {
		email: 'lead@example.com',
		name: 'Lead',
		passwordHash: 'x',
		roles: ['manager']
	});
	const rep = insertUser(db, {
		email: 'rep@example.com',
		name: '王小明',
		passwordHash: 'x',
		roles: ['rep']
	});
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, lead.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	db.insert(skillRollups)
		.values([
			{ userId: rep.id, dimension: 'script', key: 'price-too-high', sum: 120, count: 4 },
			{ userId: rep.id, dimension: 'criterion', key: 'needs-discovery', sum: 150, count: 3 }
		])
		.run();
	const manager: SessionUser = {
		id: lead.id,
		email: lead.email,
		name: 'Lead',
		locale: null,
		roles: ['manager']
	};
	return { db, manager };
}

describe('the weak-spots CSV', () => {
	it('heads each column with its heatmap and the title of its category or criterion in English, not with ids', () => {
		const { db, manager } = setUp();
		const [heading, row] = weakSpotsTable(weakSpots(db, followedReps(db, manager), 'en'), 'en');
		expect(heading).toContain('By objection category: Price');
		expect(heading).toContain('By rubric criterion: Needs discovery');
		expect(heading).toContain('By rubric criterion: Composure under rejection');
		expect(heading!.join(',')).not.toMatch(/needs-discovery|brush-off|: price/);
		expect(row![0]).toBe('王小明');
		expect(row![heading!.indexOf('By objection category: Price')]).toBe(30);
		expect(row![heading!.indexOf('By rubric criterion: Needs discovery')]).toBe(50);
	});

	it('heads them in Traditional Chinese with the full-width colon for a reader in zh-TW', () => {
		const { db, manager } = setUp();
		const spots = weakSpots(db, followedReps(db, manager), 'zh-TW');
		// Every criterion the shipped scenarios score has a title in the language.
		expect(spots.criteria.filter((c) => !spots.criterionTitles.has(c))).toEqual([]);
		const table = weakSpotsTable(spots, 'zh-TW');
		const heading = table[0]!;
		expect(heading[0]).toBe('業務');
		expect(heading).toContain('依拒絕類別：價格');
		expect(heading).toContain('依評分項目：需求探詢');
		expect(heading.join(',')).not.toMatch(/needs-discovery|[a-z]-[a-z]|:/);
		expect(toCsv(table).split('\r\n')[1]).toMatch(/^王小明,/);
	});
});
