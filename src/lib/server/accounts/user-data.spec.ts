import { describe, expect, it } from 'vitest';
import { createTestDatabase, type AppDb } from '../db/index';
import { replaceAllContent } from '../content/store';
import { recordAudit } from './users';
import { addTeamMember, createTeam } from './teams';
import { hangUp, startAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { peopleIn } from '../testing/people';
import { addComment, commentsOn, newFeedbackFor } from '../coaching/comments';
import { markTurn } from '../practice/score-marks';
import { markArticleRead, setBookmark } from '../onboarding/library';
import { ensureReviewCards } from '../onboarding/review-cards';
import { deleteUser, exportUserData, exportUserDataFor } from './user-data';
import { createAssignment } from '../coaching/assignments';
import { localIsoDate } from '$lib/calendar';
import { addDays } from '$lib/engine/coaching/index';
import { oneToOnesOf, openActions, recordOneToOne } from '../coaching/one-to-ones';
import { eq } from 'drizzle-orm';
import { assignments, auditLog, practiceTotals, scoreMarks, turns, users } from '../db/schema';
import { priceCall } from '$lib/testing/price-call.fixture';
import { addEvidence, createDeal } from '../coaching/deals';
import { playNextCall, settleSeriesRun, startSeriesRun } from '../practice/series';
import { seriesFiles } from '$lib/engine/series/series.fixture';
import { parseContentFile } from '$lib/engine/content';

const OPENING = 'Good morning, this is Kevin calling from MetalHub. Do you have a minute?';

function setUp() {
	const db = createTestDatabase();
	replaceAllContent(db, [
		{ kind: 'scenario', locale: 'en', id: 'price-call', data: priceCall(), body: '' },
		...seriesFiles().map((file) => {
			const parsed = parseContentFile(file.path, file.text);
			if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
			return parsed.item;
		})
	]);
	const person = peopleIn(db);
	const admin = person('Admin', ['admin']);
	const lead = person('Lead', ['manager']);
	const rep = person('Rep', ['rep']);
	const otherRep = person('Other rep', ['rep']);
	const team = createTeam(db, 'North');
	addTeamMember(db, team.id, lead.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	addTeamMember(db, team.id, otherRep.id, 'rep');

	/** A finished call with a comment on its turn and on the whole, and the manager's score mark. */
	function practised(repId: string, tag: string) {
		const attempt = startAttempt(db, repId, 'price-call', 'en', 'text')!;
		for (const turn of [0, 1, 2])
			submitTurn(db, attempt.id, { mode: 'text', reply: `${OPENING} (${tag} ${turn})` }, turn);
		hangUp(db, attempt.id);
		addComment(db, lead, { attemptId: attempt.id, turnIndex: 0, body: `On ${tag}’s opening` });
		addComment(db, admin, { attemptId: attempt.id, turnIndex: null, body: `Overall, ${tag}` });
		markTurn(db, lead, {
			attemptId: attempt.id,
			turnIndex: 0,
			kind: 'missed',
			note: `Mark on ${tag}`
		});
		return attempt;
	}
	// Assignments from the manager, made before the practice (the rep's may be done by it).
	const due = addDays(localIsoDate(new Date()), 7);
	for (const [repId, tag] of [
		[rep.id, 'rep'],
		[otherRep.id, 'other']
	] as const) {
		createAssignment(db, lead, {
			repId,
			kind: 'scenario',
			contentId: 'price-call',
			mode: 'text',
			passMark: '0',
			dueDate: due,
			note: `Assigned to ${tag}`
		});
	}
	const mine = practised(rep.id, 'rep');
	const theirs = practised(otherRep.id, 'other');
	/** A deal of the rep's with a piece of evidence. */
	function dealOf(owner: typeof rep, tag: string): string {
		const deal = createDeal(
			db,
			owner,
			{
				company: `${tag} Hardware`,
				contact: 'Mr Wang',
				contactTitle: 'Owner',
				callNumber: 3,
				lastContact: '2026-11-30',
				nextStep: null,
				nextStepDate: null,
				help: '',
				objection: null
			},
			'en'
		);
		if (!deal.ok) throw new Error('no deal');
		addEvidence(db, owner, deal.id, {
			text: `The boss asked about two-year pricing (${tag})`,
			date: '2026-12-01',
			strength: 'very-strong'
		});
		return deal.id;
	}
	const myDeal = dealOf(rep, 'Rep');
	const theirDeal = dealOf(otherRep, 'Other');
	/** A one-to-one the manager recorded with the rep: notes, an action, a link to their role-play. */
	const talkWith = (repId: string, tag: string, attemptId: string) =>
		recordOneToOne(
			db,
			lead,
			repId,
			{
				heldOn: '2026-12-05',
				notes: `Talk with ${tag}`,
				actions: [
					{ row: 0, id: null, text: `Action for ${tag}`, owner: 'rep', dueOn: '2026-12-09' }
				],
				rolePlays: [attemptId],
				open: []
			},
			new Date(2026, 11, 5, 12)
		);
	expect(talkWith(rep.id, 'rep', mine.id).ok).toBe(true);
	expect(talkWith(otherRep.id, 'other', theirs.id).ok).toBe(true);
	/** A series run with its first call played: the catalogue promised. */
	function seriesRunOf(repId: string): { runId: string; callId: string } {
		const run = startSeriesRun(db, repId, 'lin-hardware', 'en')!;
		const call = playNextCall(db, run, 'choice');
		if (!call.ok) throw new Error(call.reason);
		submitTurn(db, call.attempt.id, { mode: 'choice', choice: 1 }, 0);
		settleSeriesRun(db, run);
		return { runId: run.id, callId: call.attempt.id };
	}
	const myRun = seriesRunOf(rep.id);
	const theirRun = seriesRunOf(otherRep.id);
	setBookmark(db, rep.id, 'price-too-high', true);
	markArticleRead(db, rep.id, 'membership-tiers');
	ensureReviewCards(db, rep.id, ['price-too-high']);
	recordAudit(db, {
		actorId: admin.id,
		action: 'test.note',
		targetId: rep.id,
		detail: 'Rep, rep@example.com'
	});
	return { db, admin, lead, rep, otherRep, mine, theirs, myDeal, theirDeal, myRun, theirRun };
}

/** Every row of every table (the audit log aside) with a text column holding one of these ids. */
function rowsReferencing(db: AppDb, ids: readonly string[]): string[] {
	const found: string[] = [];
	const tables = db.$client
		.prepare(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%fts%'"
		)
		.all() as { name: string }[];
	for (const { name } of tables) {
		if (name === 'audit_log') continue;
		const columns = db.$client.prepare('select name, type from pragma_table_info(?)').all(name) as {
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

describe('exporting a user’s data', () => {
	it('holds their account without its password hash, their practice with turns and marks, and the comments they received', () => {
		const { db, lead, rep, mine, myRun } = setUp();
		const data = exportUserData(db, rep.id)!;
		expect(data.account).toMatchObject({ id: rep.id, email: 'rep@example.com', name: 'Rep' });
		expect(JSON.stringify(data)).not.toMatch(/passwordHash|password_hash/);
		expect(data.roles).toEqual(['rep']);
		expect(data.teams).toEqual([{ teamId: expect.any(String), name: 'North', role: 'rep' }]);
		const stored = db
			.select()
			.from(turns)
			.where(eq(turns.attemptId, mine.id))
			.orderBy(turns.index)
			.all();
		expect(stored.length).toBeGreaterThan(0);
		expect(data.practice.map((a) => [a.id, a.turns, a.scoreMarks.map((m) => m.note)])).toEqual([
			[mine.id, stored, ['Mark on rep']],
			[myRun.callId, [expect.objectContaining({ index: 0, choice: 1 })], []]
		]);
		expect(data.seriesRuns.map((r) => [r.id, r.seriesId, r.status, r.facts, r.calls])).toEqual([
			[
				myRun.runId,
				'lin-hardware',
				'active',
				{ 'material-sent': false, 'decision-maker': 'Mrs. Lin' },
				[
					{
						index: 0,
						attemptId: myRun.callId,
						factsAfter: { 'material-sent': false, 'decision-maker': 'Mrs. Lin' }
					}
				]
			]
		]);
		expect(
			data.comments.received.map((c) => [c.attemptId, c.turnIndex, c.body, c.authorId === lead.id])
		).toEqual([
			[mine.id, 0, 'On rep’s opening', true],
			[mine.id, null, 'Overall, rep', false]
		]);
		expect(data.comments.written).toEqual([]);
		expect(
			data.oneToOnes.received.map((o) => [
				o.notes,
				o.managerId === lead.id,
				o.links,
				o.actions.map((a) => [a.text, a.owner, a.dueOn, a.doneOn])
			])
		).toEqual([
			[
				'Talk with rep',
				true,
				[{ kind: 'attempt', id: mine.id }],
				[['Action for rep', 'rep', '2026-12-09', null]]
			]
		]);
		expect(data.oneToOnes.recorded).toEqual([]);
		expect(data.bookmarks.map((b) => b.scriptId)).toEqual(['price-too-high']);
		expect(data.articleReads.map((r) => r.articleId)).toEqual(['membership-tiers']);
		expect(data.reviewCards.map((c) => c.scriptId)).toEqual(['price-too-high']);
		expect(
			data.deals.map((d) => [
				d.company,
				d.lastContact,
				d.evidence.map((e) => [e.text, e.date, e.strength])
			])
		).toEqual([
			[
				'Rep Hardware',
				'2026-12-01',
				[['The boss asked about two-year pricing (Rep)', '2026-12-01', 'very-strong']]
			]
		]);
		expect(data.auditLog.map((e) => e.action)).toContain('test.note');
		expect(data.assignments.received.map((a) => [a.contentId, a.note, a.assignedBy])).toEqual([
			['price-call', 'Assigned to rep', lead.id]
		]);
		expect(data.assignments.given).toEqual([]);
		// Nothing of the other rep's.
		expect(JSON.stringify(data)).not.toMatch(
			/Other rep|other \d|Mark on other|Overall, other|Other Hardware/
		);
	});

	it('holds the comments and score marks a manager wrote', () => {
		const { db, lead, mine, theirs } = setUp();
		const data = exportUserData(db, lead.id)!;
		expect(data.comments.written.map((c) => [c.attemptId, c.body])).toEqual([
			[mine.id, 'On rep’s opening'],
			[theirs.id, 'On other’s opening']
		]);
		expect(data.comments.received).toEqual([]);
		expect(data.scoreMarksWritten.map((m) => m.note)).toEqual(['Mark on rep', 'Mark on other']);
		expect(data.assignments.given.map((a) => a.note)).toEqual([
			'Assigned to rep',
			'Assigned to other'
		]);
		expect(data.assignments.received).toEqual([]);
		expect(data.oneToOnes.recorded.map((o) => [o.notes, o.actions.map((a) => a.text)])).toEqual([
			['Talk with rep', ['Action for rep']],
			['Talk with other', ['Action for other']]
		]);
		expect(data.oneToOnes.received).toEqual([]);
		expect(data.practice).toEqual([]);
		// The deals they read as a coach are their reps', not theirs.
		expect(data.deals).toEqual([]);
	});

	it('is recorded in the audit log, and is nothing for an unknown user', () => {
		const { db, admin, rep } = setUp();
		exportUserDataFor(db, admin.id, rep.id);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.find((e) => e.action === 'user.exported')
		).toMatchObject({ actorId: admin.id, targetId: rep.id });
		expect(exportUserDataFor(db, admin.id, 'no-such-user')).toBeNull();
	});
});

describe('deleting a user', () => {
	it('deletes a rep with their practice, the comments on it and their deals, and leaves the other rep’s untouched', () => {
		const { db, admin, rep, otherRep, mine, theirs, myDeal, theirDeal, myRun, theirRun } = setUp();
		expect(rowsReferencing(db, [rep.id, mine.id, myDeal]).length).toBeGreaterThan(5);
		expect(rowsReferencing(db, [myRun.runId, myRun.callId])).toEqual([
			'attempts.id: 1',
			'turns.attempt_id: 1',
			'series_run_calls.run_id: 1',
			'series_run_calls.attempt_id: 1',
			'series_runs.id: 1'
		]);
		expect(rowsReferencing(db, [myDeal])).toEqual(['deal_evidence.deal_id: 1', 'deals.id: 1']);
		const before = exportUserData(db, otherRep.id)!;
		expect(deleteUser(db, admin.id, rep.id)).toEqual({ ok: true });
		expect(rowsReferencing(db, [rep.id, mine.id, myDeal, myRun.runId, myRun.callId])).toEqual([]);
		expect(rowsReferencing(db, [theirRun.runId])).toEqual([
			'series_run_calls.run_id: 1',
			'series_runs.id: 1'
		]);
		expect(rowsReferencing(db, [theirDeal])).toEqual(['deal_evidence.deal_id: 1', 'deals.id: 1']);
		expect(commentsOn(db, mine.id)).toEqual([]);
		expect(
			db
				.select()
				.from(assignments)
				.all()
				.map((a) => a.note)
		).toEqual(['Assigned to other']);
		const { exportedAt: _a, ...expected } = before;
		const { exportedAt: _b, ...now } = exportUserData(db, otherRep.id)!;
		expect(now).toEqual(expected);
		expect(commentsOn(db, theirs.id)).toHaveLength(2);
		expect(oneToOnesOf(db, rep.id, 'en', { today: '2026-12-05' })).toEqual([]);
		expect(openActions(db, rep.id, '2026-12-05')).toEqual([]);
		expect(openActions(db, otherRep.id, '2026-12-05').map((a) => a.text)).toEqual([
			'Action for other'
		]);
		expect(
			db
				.select()
				.from(practiceTotals)
				.all()
				.map((t) => t.userId)
		).not.toContain(rep.id);
	});

	it('deletes a manager with the comments they wrote; the score marks and one-to-ones they made stay without their name', () => {
		const { db, admin, lead, rep, mine } = setUp();
		expect(newFeedbackFor(db, rep.id)[0]!.comments).toBe(2);
		expect(deleteUser(db, admin.id, lead.id)).toEqual({ ok: true });
		expect(rowsReferencing(db, [lead.id])).toEqual([]);
		expect(commentsOn(db, mine.id).map((c) => c.author)).toEqual(['Admin']);
		expect(newFeedbackFor(db, rep.id)[0]!.comments).toBe(1);
		// The assignments they made stay with the reps, without their author.
		expect(
			db
				.select()
				.from(assignments)
				.all()
				.map((a) => [a.note, a.assignedBy])
		).toEqual([
			['Assigned to rep', null],
			['Assigned to other', null]
		]);
		expect(
			db
				.select()
				.from(scoreMarks)
				.all()
				.map((m) => [m.note, m.authorId])
		).toEqual([
			['Mark on rep', null],
			['Mark on other', null]
		]);
		// The rep's one-to-one is the rep's record: it stays, with its action, recorded by no one now.
		expect(
			oneToOnesOf(db, rep.id, 'en', { today: '2026-12-05' }).map((o) => [
				o.notes,
				o.manager,
				o.managerId,
				o.actions.map((a) => a.text)
			])
		).toEqual([['Talk with rep', null, null, ['Action for rep']]]);
	});

	it('is recorded without their name, clears the details of entries about them, and refuses oneself and the unknown', () => {
		const { db, admin, rep } = setUp();
		expect(deleteUser(db, admin.id, admin.id)).toEqual({ ok: false, problem: 'self' });
		expect(deleteUser(db, admin.id, 'no-such-user')).toEqual({ ok: false, problem: 'not-found' });
		deleteUser(db, admin.id, rep.id);
		const entries = db.select().from(auditLog).all();
		expect(entries.find((e) => e.action === 'user.deleted')).toMatchObject({
			actorId: admin.id,
			targetId: rep.id,
			detail: null
		});
		expect(JSON.stringify(entries)).not.toMatch(/rep@example\.com/);
		expect(
			db
				.select()
				.from(users)
				.all()
				.map((u) => u.name)
				.sort()
		).toEqual(['Admin', 'Lead', 'Other rep']);
	});
});
