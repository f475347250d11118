import { describe, expect, it } from 'vitest';
import { hiringWorld } from '../testing/hiring-world';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { AppDb } from '../db/index';
import { recordAudit } from '../accounts/users';
import { addTeamMember, createTeam } from '../accounts/teams';
import { submitTurn } from '../practice/turns';
import { createCandidate, createInterview, startInterviewAttempt } from './hiring';
import { createInterviewInvite, lookUpCandidateLink } from './links';
import { overrideAttemptScore, saveRating } from './ratings';
import {
	candidateDataAccess,
	deleteCandidate,
	exportCandidateData,
	exportCandidateDataFor
} from './candidate-data';
import {
	auditLog,
	attempts,
	interviewInvites,
	interviewPanel,
	interviews,
	ratings,
	scoreOverrides,
	turns
} from '../db/schema';
import type { SessionUser } from '../auth/session';

const SCORES = {
	opening: 4,
	'needs-discovery': 3,
	'objection-handling': 4,
	'product-knowledge': 3,
	closing: 4,
	composure: 5,
	articulation: 4
};

function setUp() {
	const { db, person, admin, panelist, outsider } = hiringWorld();
	const otherLead = person('other-lead', ['manager']);
	const otherTeam = createTeam(db, 'Kaohsiung');
	addTeamMember(db, otherTeam.id, otherLead.id, 'manager');

	/** A candidate with an online interview (link, role-play with turns, ratings, an override) and a live one. */
	function candidateWithHistory(
		name: string,
		createdBy: SessionUser,
		liveTeamId: string | null,
		livePanel: SessionUser
	) {
		const candidate = createCandidate(db, {
			name,
			contact: `${name}@example.com`,
			position: 'Phone sales',
			notes: `Notes about ${name}`,
			createdBy: createdBy.id,
			screening: {
				salesYears: 2,
				salesKinds: ['phone'],
				education: 'high-school',
				languages: ['國語', '台語'],
				availability: 'From January',
				manner: `Manner of ${name}`
			}
		});
		const online = createInterview(db, {
			candidateId: candidate.id,
			scenarioId: 'renewal-price-objection',
			rubricId: 'hiring-roleplay',
			locale: 'en',
			mode: 'online',
			scheduledAt: new Date(),
			panel: [panelist.id, admin.id],
			teamId: null,
			createdBy: panelist.id,
			brief: `Brief for ${name}`
		});
		const live = createInterview(db, {
			candidateId: candidate.id,
			scenarioId: 'renewal-price-objection',
			rubricId: 'hiring-roleplay',
			locale: 'en',
			mode: 'live',
			scheduledAt: new Date(),
			panel: [livePanel.id],
			teamId: liveTeamId,
			createdBy: livePanel.id
		});
		if (!online.ok || !live.ok) throw new Error('interview not created');
		const token = createInterviewInvite(db, online.interview.id, panelist.id);
		const attempt = startInterviewAttempt(db, online.interview, 'text');
		submitTurn(db, attempt.id, { mode: 'text', reply: `Hello, this is ${name}` }, 0);
		overrideAttemptScore(
			db,
			{ ...attempt, score: 40 },
			{ score: 55, reason: 'context', comment: 'Line was noisy', userId: panelist.id }
		);
		saveRating(db, online.interview, panelist.id, {
			scores: SCORES,
			notes: `Rating notes on ${name}`,
			recommendation: 'yes',
			submit: true
		});
		saveRating(db, online.interview, admin.id, {
			scores: { opening: 2 },
			notes: 'draft',
			recommendation: null,
			submit: false
		});
		const liveAttempt = startInterviewAttempt(db, live.interview, 'live');
		submitTurn(db, liveAttempt.id, { mode: 'judged', score: 1, note: 'handled well' }, 0);
		return {
			candidate,
			token,
			interviewIds: [online.interview.id, live.interview.id],
			attemptIds: [attempt.id, liveAttempt.id]
		};
	}

	const alice = candidateWithHistory('Alice', panelist, otherTeam.id, otherLead);
	const bob = candidateWithHistory('Bob', admin, null, panelist);
	return { db, admin, panelist, otherLead, outsider, alice, bob };
}

/** A value as it travels in the JSON download. */
function json(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}

/** Rows as JSON, in a fixed order, to compare two lists whatever order they came in. */
function sameRows(rows: readonly unknown[]): string[] {
	return rows.map((row) => JSON.stringify(row)).sort();
}

/** Every row in every table (audit log aside) with a text column holding one of these ids. */
function rowsReferencing(db: AppDb, ids: readonly string[]): string[] {
	const found: string[] = [];
	const tables = db.$client
		.prepare(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%fts%'"
		)
		.all() as { name: string }[];
	for (const { name } of tables) {
		if (name === 'audit_log') continue;
		const columns = db.$client.prepare(`select name, type from pragma_table_info(?)`).all(name) as {
			name: string;
			type: string;
		}[];
		for (const column of columns.filter((c) => c.type.toLowerCase() === 'text')) {
			const count = (
				db.$client
					.prepare(
						`select count(*) as n from "${name}" where "${column.name}" in (${ids.map(() => '?').join(',')})`
					)
					.get(...ids) as { n: number }
			).n;
			if (count > 0) found.push(`${name}.${column.name}: ${count}`);
		}
	}
	return found;
}

function rowsOf(db: AppDb, table: Table, column: string, ids: readonly string[]): unknown[] {
	return db.$client
		.prepare(
			`select * from "${getTableName(table)}" where "${column}" in (${ids.map(() => '?').join(',')})`
		)
		.all(...ids);
}

describe('exporting a candidate’s data', () => {
	it('holds every row stored about them, with every column, and no link secret hash', () => {
		const s = setUp();
		const data = exportCandidateData(s.db, s.alice.candidate.id)!;
		expect(data.candidate).toEqual(s.alice.candidate);
		const exported = {
			interviews: data.interviews,
			interviewPanel: data.interviews.flatMap((i) => i.panel),
			ratings: data.interviews.flatMap((i) => i.ratings),
			invites: data.interviews.flatMap((i) => i.invites),
			attempts: data.interviews.flatMap((i) => i.attempts),
			turns: data.interviews.flatMap((i) => i.attempts.flatMap((a) => a.turns)),
			overrides: data.interviews.flatMap((i) => i.attempts.flatMap((a) => a.overrides))
		};
		const stored = {
			interviews: s.db
				.select()
				.from(interviews)
				.all()
				.filter((r) => r.candidateId === s.alice.candidate.id),
			interviewPanel: rowsOf(s.db, interviewPanel, 'interview_id', s.alice.interviewIds),
			ratings: s.db
				.select()
				.from(ratings)
				.all()
				.filter((r) => s.alice.interviewIds.includes(r.interviewId)),
			invites: s.db
				.select()
				.from(interviewInvites)
				.all()
				.filter((r) => s.alice.interviewIds.includes(r.interviewId)),
			attempts: s.db
				.select()
				.from(attempts)
				.all()
				.filter((r) => s.alice.attemptIds.includes(r.id)),
			turns: s.db
				.select()
				.from(turns)
				.all()
				.filter((r) => s.alice.attemptIds.includes(r.attemptId)),
			overrides: s.db
				.select()
				.from(scoreOverrides)
				.all()
				.filter((r) => s.alice.attemptIds.includes(r.attemptId))
		};
		// The history built above has something in every table, so that a missing part would show.
		for (const rows of Object.values(stored)) expect(rows.length).toBeGreaterThan(0);
		for (const [table, rows] of Object.entries(stored))
			expect(exported[table as keyof typeof exported], table).toHaveLength(rows.length);
		const withoutHash = (row: { secretHash: unknown }) =>
			Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'secretHash'));
		expect(sameRows(exported.invites)).toEqual(sameRows(stored.invites.map(withoutHash)));
		expect(sameRows(exported.ratings)).toEqual(sameRows(stored.ratings));
		expect(sameRows(exported.turns)).toEqual(sameRows(stored.turns));
		expect(sameRows(exported.overrides)).toEqual(sameRows(stored.overrides));
		for (const [list, table] of [
			[stored.interviews, interviews],
			[stored.attempts, attempts]
		] as const) {
			for (const row of list) {
				const match = [...exported.interviews, ...exported.attempts].find((e) => e.id === row.id);
				expect(Object.keys(match!)).toEqual(
					expect.arrayContaining(Object.keys(getTableColumns(table)))
				);
				expect(json(match)).toMatchObject(json(row) as object);
			}
		}
		expect(data.auditLog.map((e) => e.action)).toEqual(
			expect.arrayContaining([
				'interview.created',
				'interview.invite-created',
				'attempt.score-overridden',
				'interview.rating-submitted'
			])
		);
		const text = JSON.stringify(data);
		expect(text).not.toMatch(/secretHash|secret_hash/);
		expect(text).not.toContain(s.alice.token.split('.')[1]);
		// Nothing of the other candidate.
		expect(text).not.toContain('Bob');
		expect(text).not.toContain(s.bob.interviewIds[0]);
	});

	it('holds their screening and the brief they were given', () => {
		const s = setUp();
		const data = exportCandidateData(s.db, s.alice.candidate.id)!;
		expect(data.candidate).toMatchObject({
			salesYears: 2,
			salesKinds: ['phone'],
			education: 'high-school',
			languages: ['國語', '台語'],
			availability: 'From January',
			manner: 'Manner of Alice'
		});
		expect(data.interviews.map((i) => i.brief)).toContain('Brief for Alice');
		expect(JSON.stringify(data)).not.toContain('Manner of Bob');
	});

	it('is recorded in the audit log', () => {
		const s = setUp();
		exportCandidateDataFor(s.db, s.admin.id, s.alice.candidate.id);
		expect(
			s.db
				.select()
				.from(auditLog)
				.all()
				.filter((e) => e.action === 'candidate.exported')
		).toMatchObject([{ actorId: s.admin.id, targetId: s.alice.candidate.id }]);
		expect(exportCandidateDataFor(s.db, s.admin.id, 'no-such-candidate')).toBeNull();
	});
});

describe('deleting a candidate', () => {
	it('leaves nothing that refers to them, stops their link, and leaves the other candidate untouched', () => {
		const s = setUp();
		const ids = [s.alice.candidate.id, ...s.alice.interviewIds, ...s.alice.attemptIds];
		expect(rowsReferencing(s.db, ids).length).toBeGreaterThan(5);
		const bobBefore = exportCandidateData(s.db, s.bob.candidate.id)!;
		expect(lookUpCandidateLink(s.db, s.alice.token)).toMatchObject({ ok: true });

		expect(deleteCandidate(s.db, s.panelist.id, s.alice.candidate.id)).toEqual({
			interviews: 2,
			attempts: 2
		});

		expect(rowsReferencing(s.db, ids)).toEqual([]);
		expect(lookUpCandidateLink(s.db, s.alice.token)).toEqual({ ok: false, reason: 'invalid' });
		const { exportedAt: _before, ...bobExpected } = bobBefore;
		const { exportedAt: _after, ...bobNow } = exportCandidateData(s.db, s.bob.candidate.id)!;
		expect(bobNow).toEqual(bobExpected);
		expect(lookUpCandidateLink(s.db, s.bob.token).ok).toBe(true);
	});

	it('is recorded in the audit log without their name, and clears the details of entries about them', () => {
		const s = setUp();
		recordAudit(s.db, {
			actorId: s.admin.id,
			action: 'test.note',
			targetId: s.alice.candidate.id,
			detail: 'Alice, alice@example.com'
		});
		deleteCandidate(s.db, s.admin.id, s.alice.candidate.id);
		const entries = s.db.select().from(auditLog).all();
		expect(entries.find((e) => e.action === 'candidate.deleted')).toMatchObject({
			actorId: s.admin.id,
			targetId: s.alice.candidate.id,
			detail: '2 interviews, 2 role-plays'
		});
		expect(JSON.stringify(entries)).not.toMatch(/Alice|alice@/);
		// Who did what stays: the override and the rating submission are still recorded.
		expect(
			entries.filter(
				(e) =>
					s.alice.interviewIds.includes(e.targetId ?? '') ||
					s.alice.attemptIds.includes(e.targetId ?? '')
			).length
		).toBeGreaterThan(2);
	});

	it('does nothing for an unknown candidate', () => {
		const s = setUp();
		const before = s.db.select().from(auditLog).all().length;
		expect(deleteCandidate(s.db, s.admin.id, 'no-such-candidate')).toBeNull();
		expect(s.db.select().from(auditLog).all()).toHaveLength(before);
	});
});

describe('who may export or delete', () => {
	it.each([
		['admin', 'alice', 'full'],
		// Alice's live interview belongs to another team: the panelist sees Alice, but not all of her.
		['panelist', 'alice', 'partial'],
		['panelist', 'bob', 'full'],
		['otherLead', 'alice', 'partial'],
		['otherLead', 'bob', 'none'],
		['outsider', 'alice', 'none']
	] as const)('%s for %s → %s', (who, whom, expected) => {
		const s = setUp();
		expect(candidateDataAccess(s.db, s[who], s[whom].candidate.id)).toBe(expected);
	});

	it('a manager may for a candidate they entered who has no interview yet', () => {
		const s = setUp();
		const fresh = createCandidate(s.db, {
			name: 'New',
			contact: '',
			position: 'Phone sales',
			notes: '',
			createdBy: s.outsider.id
		});
		expect(candidateDataAccess(s.db, s.outsider, fresh.id)).toBe('full');
		expect(candidateDataAccess(s.db, s.panelist, fresh.id)).toBe('none');
	});
});
