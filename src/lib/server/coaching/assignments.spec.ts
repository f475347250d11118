import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { coachingWorld } from '../testing/coaching-world';
import { setUserActive } from '../accounts/users';
import { expireIfDue, findAttempt, hangUp, startAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { assignments } from '../db/schema';
import { makeScriptDue, reviewEntry } from '../onboarding/review-cards';
import {
	assignmentChoices,
	assignmentsForHome,
	assignmentsOfRep,
	cancelAssignment,
	completeScriptAssignments,
	createAssignment,
	mayCancel,
	overdueAssignmentCounts,
	type AssignInput
} from './assignments';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';
import type { ContentItem } from '$lib/engine/content/index';

const GOOD = [
	'Good morning Mr Wang, this is Kevin calling from MetalHub. Do you have a minute?',
	'I understand, it is real money. How many inquiries do you get in a month right now?'
];
const BAD = 'We have a discount on now, want it?';

function script(id: string, title: string): ContentItem {
	return {
		kind: 'script',
		locale: 'en',
		id,
		data: {
			id,
			title,
			category: 'price',
			objection: 'Too expensive.',
			variants: [],
			answers: [
				{ text: 'How many inquiries a month?', techniques: ['ask'], why: 'Numbers first.' }
			],
			mistakes: [],
			knowledge: []
		},
		body: ''
	} as ContentItem;
}

/** Noon on Friday 4 December 2026 in the TZ the test runs in (read when called: a block sets TZ before its tests). */
const FRIDAY_NOON = (): Date => new Date(2026, 11, 4, 12, 0);
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * 3_600_000);

function setUp() {
	const { db, lead, coLead, otherLead, admin, trainer, rep, otherRep } = coachingWorld([
		script('price-too-high', 'It’s too expensive')
	]);
	const scenario = (change: Partial<AssignInput> = {}): AssignInput => ({
		repId: rep.id,
		kind: 'scenario',
		contentId: 'price-call',
		mode: 'text',
		passMark: '70',
		dueDate: '2026-12-11',
		note: '',
		...change
	});
	return { db, lead, coLead, otherLead, admin, trainer, rep, otherRep, scenario };
}

/** Plays price-call to its end in text mode: won with the good replies, lost with the bad one. */
function play(
	db: ReturnType<typeof setUp>['db'],
	repId: string,
	how: 'win' | 'lose',
	startAt: Date
) {
	const attempt = startAttempt(db, repId, 'price-call', 'en', 'text', startAt)!;
	const replies = how === 'win' ? GOOD : [BAD, BAD, BAD];
	replies.forEach((reply, turn) =>
		submitTurn(db, attempt.id, { mode: 'text', reply }, turn, at(startAt, 0.05 * (turn + 1)))
	);
	return findAttempt(db, attempt.id)!;
}

describe('who may assign', () => {
	it('a manager of the rep’s team and an admin; anyone else finds no rep, and nothing is written', () => {
		const { db, lead, otherLead, admin, trainer, rep, otherRep, scenario } = setUp();
		expect(createAssignment(db, lead, scenario(), FRIDAY_NOON()).ok).toBe(true);
		expect(createAssignment(db, admin, scenario(), FRIDAY_NOON()).ok).toBe(true);
		expect(createAssignment(db, admin, scenario({ repId: otherRep.id }), FRIDAY_NOON()).ok).toBe(
			true
		);
		for (const [user, repId] of [
			[otherLead, rep.id],
			[lead, otherRep.id],
			[trainer, rep.id],
			[rep, rep.id],
			[otherRep, rep.id],
			[lead, 'no-such-user']
		] as const) {
			expect(createAssignment(db, user, scenario({ repId }), FRIDAY_NOON())).toEqual({
				ok: false,
				problem: 'not-found'
			});
		}
		setUserActive(db, rep.id, false);
		expect(createAssignment(db, lead, scenario(), FRIDAY_NOON())).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(db.select().from(assignments).all()).toHaveLength(3);
	});
});

describe.each(TIME_ZONES)('what an assignment takes, TZ=%s', (zone) => {
	inTimeZone(zone);

	it('refuses unknown content, a kind that is none, a bad mode, a pass mark outside 0–100 and a long note', () => {
		const { db, lead, scenario } = setUp();
		const problem = (change: Partial<AssignInput>) => {
			const outcome = createAssignment(db, lead, scenario(change), FRIDAY_NOON());
			return outcome.ok ? null : outcome.problem;
		};
		expect(problem({ contentId: 'no-such-scenario' })).toBe('content');
		expect(problem({ contentId: '' })).toBe('content');
		// A script entry's id is no scenario, and a scenario's no script entry.
		expect(problem({ contentId: 'price-too-high' })).toBe('content');
		expect(problem({ kind: 'script', contentId: 'price-call' })).toBe('content');
		expect(problem({ kind: 'article' })).toBe('kind');
		expect(problem({ mode: 'live' })).toBe('mode');
		expect(problem({ mode: '' })).toBe('mode');
		// Its price line has no options: it cannot be played as multiple choice.
		expect(problem({ mode: 'choice' })).toBe('mode-choice');
		for (const passMark of ['-1', '101', 'abc', '50.5'])
			expect(problem({ passMark })).toBe('pass-mark');
		expect(problem({ passMark: '0' })).toBeNull();
		expect(problem({ passMark: '100' })).toBeNull();
		// Left empty: the scenario's own pass mark.
		expect(problem({ passMark: ' ' })).toBeNull();
		expect(db.select().from(assignments).all().at(-1)!.passMark).toBe(70);
		expect(problem({ note: 'x'.repeat(501) })).toBe('note-too-long');
		expect(problem({ note: '字'.repeat(500) })).toBeNull();
		// A script entry needs neither mode nor pass mark.
		expect(
			problem({ kind: 'script', contentId: 'price-too-high', mode: '', passMark: '' })
		).toBeNull();
	});

	it('takes a due day from today on (a Friday’s today, and the Saturday after), never in the past or past the limit', () => {
		const { db, lead, scenario } = setUp();
		const problem = (dueDate: string, now = FRIDAY_NOON()) => {
			const outcome = createAssignment(db, lead, scenario({ dueDate }), now);
			return outcome.ok ? null : outcome.problem;
		};
		expect(problem('2026-12-04')).toBeNull();
		expect(problem('2026-12-03')).toBe('due-past');
		// Past local midnight on Friday it is Saturday: Friday is in the past.
		expect(problem('2026-12-04', new Date(2026, 11, 5, 0, 30))).toBe('due-past');
		expect(problem('2026-12-05', new Date(2026, 11, 5, 0, 30))).toBeNull();
		expect(problem('2027-03-06')).toBeNull();
		expect(problem('2027-03-07')).toBe('due-far');
		expect(problem('2026-11-31')).toBe('due-date');
		expect(problem('tomorrow')).toBe('due-date');
	});

	it('is due up to its day and overdue from the next, on the rep’s list and in the dashboard’s count alike', () => {
		const { db, lead, rep, otherRep, admin, scenario } = setUp();
		createAssignment(db, lead, scenario({ dueDate: '2026-12-04' }), FRIDAY_NOON());
		createAssignment(
			db,
			lead,
			scenario({ kind: 'script', contentId: 'price-too-high', dueDate: '2026-12-07' }),
			FRIDAY_NOON()
		);
		createAssignment(
			db,
			admin,
			scenario({ repId: otherRep.id, dueDate: '2026-12-31' }),
			FRIDAY_NOON()
		);
		const statuses = (now: Date) =>
			assignmentsOfRep(db, rep.id, 'en', now).map((a) => `${a.kind}:${a.status}`);
		expect(statuses(at(FRIDAY_NOON(), 11.9))).toEqual(['scenario:due', 'script:due']);
		expect(overdueAssignmentCounts(db, [rep.id, otherRep.id], at(FRIDAY_NOON(), 11.9))).toEqual(
			new Map()
		);
		// Saturday 00:06 where the organisation is.
		expect(statuses(at(FRIDAY_NOON(), 12.1))).toEqual(['scenario:overdue', 'script:due']);
		expect(overdueAssignmentCounts(db, [rep.id, otherRep.id], at(FRIDAY_NOON(), 12.1))).toEqual(
			new Map([[rep.id, 1]])
		);
		// Tuesday 8 December: both late; the month's end leaves the other rep's due.
		expect(overdueAssignmentCounts(db, [rep.id, otherRep.id], new Date(2026, 11, 8, 9))).toEqual(
			new Map([[rep.id, 2]])
		);
		expect(overdueAssignmentCounts(db, [otherRep.id], new Date(2026, 11, 31, 23, 59))).toEqual(
			new Map()
		);
		expect(overdueAssignmentCounts(db, [otherRep.id], new Date(2027, 0, 1, 0, 1))).toEqual(
			new Map([[otherRep.id, 1]])
		);
		expect(overdueAssignmentCounts(db, [], FRIDAY_NOON())).toEqual(new Map());
	});
});

describe('a scenario assignment is done by a role-play', () => {
	it('finished in its mode, started after it was made, at or over its pass mark; the first such one', () => {
		const { db, lead, rep, scenario } = setUp();
		const before = play(db, rep.id, 'win', at(FRIDAY_NOON(), -1));
		const won = play(db, rep.id, 'win', at(FRIDAY_NOON(), 1));
		expect(won.status).toBe('won');
		const score = won.score;
		expect(score).toBeGreaterThan(0);
		// Made before `won` started, after `before`.
		db.delete(assignments).run();
		const exact = createAssignment(
			db,
			lead,
			scenario({ passMark: String(Math.floor(score)) }),
			FRIDAY_NOON()
		);
		const tooHigh = createAssignment(db, lead, scenario({ passMark: '100' }), FRIDAY_NOON());
		const otherMode = createAssignment(
			db,
			lead,
			scenario({ mode: 'call', passMark: '0' }),
			FRIDAY_NOON()
		);
		expect([exact.ok, tooHigh.ok, otherMode.ok]).toEqual([true, true, true]);
		// Nothing counts until a role-play ends after the assignment: the earlier win is before it.
		expect(before.status).toBe('won');
		expect(assignmentsOfRep(db, rep.id, 'en', FRIDAY_NOON()).every((a) => a.status === 'due')).toBe(
			true
		);

		const lost = play(db, rep.id, 'lose', at(FRIDAY_NOON(), 2));
		expect(lost.status).toBe('lost');
		const running = startAttempt(db, rep.id, 'price-call', 'en', 'text', at(FRIDAY_NOON(), 2))!;
		hangUp(db, running.id, at(FRIDAY_NOON(), 2.1));
		expect(
			assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 3)).every((a) => a.status === 'due')
		).toBe(true);

		const passed = play(db, rep.id, 'win', at(FRIDAY_NOON(), 3));
		const views = new Map(
			assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 4)).map((a) => [a.id, a])
		);
		expect(views.get(exact.ok ? exact.id : '')).toMatchObject({
			status: 'done',
			completedAttemptId: passed.id,
			completedScore: passed.score,
			title: 'Too expensive'
		});
		expect(views.get(tooHigh.ok ? tooHigh.id : '')?.status).toBe(score >= 100 ? 'done' : 'due');
		expect(views.get(otherMode.ok ? otherMode.id : '')?.status).toBe('due');
		// A later win does not move the record of the one that did it.
		play(db, rep.id, 'win', at(FRIDAY_NOON(), 5));
		expect(
			db
				.select()
				.from(assignments)
				.where(eq(assignments.id, exact.ok ? exact.id : ''))
				.get()!.completedAttemptId
		).toBe(passed.id);
	});

	it('by a role-play the clock ended with a score at or over the pass mark', () => {
		const { db, lead, rep, scenario } = setUp();
		createAssignment(db, lead, scenario({ passMark: '0' }), FRIDAY_NOON());
		const attempt = startAttempt(db, rep.id, 'price-call', 'en', 'text', at(FRIDAY_NOON(), 1))!;
		submitTurn(db, attempt.id, { mode: 'text', reply: GOOD[0]! }, 0, at(FRIDAY_NOON(), 1.01));
		expect(assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 1.02))[0]!.status).toBe('due');
		const timedOut = expireIfDue(db, findAttempt(db, attempt.id)!, at(FRIDAY_NOON(), 2));
		expect(timedOut.status).toBe('timeout');
		expect(assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 2))[0]).toMatchObject({
			status: 'done',
			completedAttemptId: attempt.id
		});
	});

	it('never by another rep’s role-play', () => {
		const { db, admin, rep, otherRep, scenario } = setUp();
		createAssignment(db, admin, scenario({ passMark: '0' }), FRIDAY_NOON());
		play(db, otherRep.id, 'win', at(FRIDAY_NOON(), 1));
		expect(assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 2))[0]!.status).toBe('due');
	});
});

describe('a script assignment is done when the rep opens the entry', () => {
	it('or rates its card on the review page', () => {
		const { db, lead, rep, scenario } = setUp();
		createAssignment(
			db,
			lead,
			scenario({ kind: 'script', contentId: 'price-too-high' }),
			FRIDAY_NOON()
		);
		makeScriptDue(db, rep.id, 'price-too-high', at(FRIDAY_NOON(), 1));
		reviewEntry(db, rep.id, 'price-too-high', 'good', at(FRIDAY_NOON(), 2));
		expect(assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 3))[0]).toMatchObject({
			status: 'done',
			completedAt: at(FRIDAY_NOON(), 2)
		});
	});

	it('after it was assigned; a done one leaves the home after a few days', () => {
		const { db, lead, rep, otherRep, scenario } = setUp();
		const made = createAssignment(
			db,
			lead,
			scenario({ kind: 'script', contentId: 'price-too-high' }),
			FRIDAY_NOON()
		);
		expect(completeScriptAssignments(db, rep.id, 'price-too-high', at(FRIDAY_NOON(), -1))).toBe(0);
		expect(completeScriptAssignments(db, otherRep.id, 'price-too-high', at(FRIDAY_NOON(), 1))).toBe(
			0
		);
		expect(completeScriptAssignments(db, rep.id, 'another-entry', at(FRIDAY_NOON(), 1))).toBe(0);
		expect(assignmentsForHome(db, rep.id, 'en', at(FRIDAY_NOON(), 1))[0]!.status).toBe('due');
		expect(completeScriptAssignments(db, rep.id, 'price-too-high', at(FRIDAY_NOON(), 2))).toBe(1);
		expect(completeScriptAssignments(db, rep.id, 'price-too-high', at(FRIDAY_NOON(), 3))).toBe(0);
		const [done] = assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 3));
		expect(done).toMatchObject({
			id: made.ok ? made.id : '',
			status: 'done',
			completedAt: at(FRIDAY_NOON(), 2),
			title: 'It’s too expensive',
			assignedBy: 'Lead'
		});
		expect(assignmentsForHome(db, rep.id, 'en', at(FRIDAY_NOON(), 3))).toHaveLength(1);
		expect(assignmentsForHome(db, rep.id, 'en', at(FRIDAY_NOON(), 2 + 24 * 3 + 1))).toEqual([]);
		// The rep's page keeps it.
		expect(assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 2 + 24 * 30))).toHaveLength(1);
	});
});

describe('cancelling', () => {
	it('its author and an admin may cancel an open assignment; another manager of the team may not; outsiders find nothing', () => {
		const { db, lead, coLead, otherLead, admin, rep, scenario } = setUp();
		const id = (outcome: ReturnType<typeof createAssignment>) => (outcome.ok ? outcome.id : '');
		const first = id(createAssignment(db, lead, scenario(), FRIDAY_NOON()));
		const second = id(createAssignment(db, lead, scenario(), FRIDAY_NOON()));
		expect(cancelAssignment(db, otherLead, { repId: rep.id, assignmentId: first })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(cancelAssignment(db, coLead, { repId: rep.id, assignmentId: first })).toEqual({
			ok: false,
			problem: 'not-yours'
		});
		expect(cancelAssignment(db, lead, { repId: rep.id, assignmentId: first })).toEqual({
			ok: true
		});
		expect(cancelAssignment(db, lead, { repId: rep.id, assignmentId: first })).toEqual({
			ok: false,
			problem: 'gone'
		});
		expect(cancelAssignment(db, admin, { repId: rep.id, assignmentId: second })).toEqual({
			ok: true
		});
		expect(db.select().from(assignments).all()).toEqual([]);
		// A done one stays: it is the record of what the rep did.
		const script = id(
			createAssignment(
				db,
				lead,
				scenario({ kind: 'script', contentId: 'price-too-high' }),
				FRIDAY_NOON()
			)
		);
		completeScriptAssignments(db, rep.id, 'price-too-high', at(FRIDAY_NOON(), 1));
		expect(cancelAssignment(db, lead, { repId: rep.id, assignmentId: script })).toEqual({
			ok: false,
			problem: 'done'
		});
		const [view] = assignmentsOfRep(db, rep.id, 'en', at(FRIDAY_NOON(), 1));
		expect([mayCancel(lead, view!), mayCancel(admin, view!)]).toEqual([false, false]);
		const open = assignmentsOfRep(db, rep.id, 'en', FRIDAY_NOON());
		expect(open).toHaveLength(1);
	});

	it('mayCancel says what cancelAssignment allows', () => {
		const { db, lead, coLead, admin, rep, scenario } = setUp();
		createAssignment(db, lead, scenario(), FRIDAY_NOON());
		const [view] = assignmentsOfRep(db, rep.id, 'en', FRIDAY_NOON());
		expect([mayCancel(lead, view!), mayCancel(coLead, view!), mayCancel(admin, view!)]).toEqual([
			true,
			false,
			true
		]);
	});
});

describe('the form’s choices', () => {
	it('lists published scenarios with their own pass mark, and script entries, by title', () => {
		const { db } = setUp();
		expect(assignmentChoices(db, 'en')).toEqual({
			scenarios: [{ id: 'price-call', title: 'Too expensive', pass: 70 }],
			scripts: [{ id: 'price-too-high', title: 'It’s too expensive' }]
		});
	});
});
