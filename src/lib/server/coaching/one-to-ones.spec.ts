import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { coachingWorld } from '../testing/coaching-world';
import { addTeamMember, findTeam } from '../accounts/teams';
import { setUserActive } from '../accounts/users';
import { hangUp, startAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { oneToOneActions, oneToOnes } from '../db/schema';
import {
	ACTIONS_MAX,
	EDIT_DAYS,
	NOTES_MAX_LENGTH,
	deleteOneToOne,
	homeOneToOnes,
	oneToOneForCoach,
	oneToOnesForExport,
	oneToOnesOf,
	openActions,
	readOneToOneForm,
	recordOneToOne,
	repOneToOnes,
	repsWithoutOneToOne,
	rolePlayOptions,
	setOneToOneWeeks,
	updateOneToOne,
	type OneToOneInput
} from './one-to-ones';

// Noon, so that the local date is the same in every time zone the tests run in: a Saturday.
const SATURDAY_NOON = new Date(2026, 11, 5, 12);
const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

function setUp() {
	const { db, person, lead, coLead, otherLead, admin, trainer, rep, otherRep, team, otherTeam } =
		coachingWorld();
	const quietRep = person('Quiet rep', ['rep']);
	addTeamMember(db, team.id, quietRep.id, 'rep');
	const rolePlay = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
	submitTurn(
		db,
		rolePlay.id,
		{ mode: 'text', reply: 'Good morning, this is Kevin from MetalHub. Do you have a minute?' },
		0
	);
	hangUp(db, rolePlay.id);
	const theirs = startAttempt(db, otherRep.id, 'price-call', 'en', 'text')!;
	return {
		db,
		lead,
		coLead,
		otherLead,
		admin,
		trainer,
		rep,
		quietRep,
		otherRep,
		team,
		otherTeam,
		rolePlay,
		theirs
	};
}

function talk(change: Partial<OneToOneInput> = {}): OneToOneInput {
	return {
		heldOn: '2026-12-05',
		notes: 'Rough week: three hang-ups on Tuesday. We went through the price objection.',
		actions: [
			{
				row: 0,
				id: null,
				text: 'Role-play the price objection twice',
				owner: 'rep',
				dueOn: '2026-12-09'
			},
			{
				row: 1,
				id: null,
				text: 'Listen to one of the rep’s calls',
				owner: 'manager',
				dueOn: '2026-12-12'
			}
		],
		rolePlays: [],
		open: [],
		...change
	};
}

describe('recording a one-to-one', () => {
	it('a manager of the rep’s team records notes, actions and a role-play; the rep reads it all', () => {
		const { db, lead, rep, rolePlay } = setUp();
		const result = recordOneToOne(
			db,
			lead,
			rep.id,
			talk({ rolePlays: [rolePlay.id] }),
			SATURDAY_NOON
		);
		expect(result.ok).toBe(true);
		const [view] = oneToOnesOf(db, rep.id, 'en', { today: '2026-12-05' });
		expect(view).toMatchObject({
			heldOn: '2026-12-05',
			manager: 'Lead',
			notes: expect.stringContaining('three hang-ups'),
			changeable: false
		});
		expect(view!.links).toEqual([
			{ kind: 'attempt', id: rolePlay.id, title: expect.any(String), startedAt: expect.any(Date) }
		]);
		expect(view!.actions.map((a) => [a.text, a.owner, a.dueOn, a.due])).toEqual([
			['Role-play the price objection twice', 'rep', '2026-12-09', { state: 'upcoming', days: 4 }],
			['Listen to one of the rep’s calls', 'manager', '2026-12-12', { state: 'upcoming', days: 7 }]
		]);
		expect(db.select().from(oneToOnes).get()!.links).toEqual([
			{ kind: 'attempt', id: rolePlay.id }
		]);
	});

	it('is refused to another team’s manager, a trainer, the rep themselves and for an unknown rep, before anything is checked', () => {
		const { db, otherLead, trainer, rep, admin } = setUp();
		for (const user of [otherLead, trainer, rep])
			expect(recordOneToOne(db, user, rep.id, talk({ heldOn: 'nonsense' }), SATURDAY_NOON)).toEqual(
				{ ok: false, problem: 'not-found' }
			);
		expect(recordOneToOne(db, admin, 'no-such-rep', talk(), SATURDAY_NOON)).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(db.select().from(oneToOnes).all()).toEqual([]);
		// An admin follows every rep.
		expect(recordOneToOne(db, admin, rep.id, talk(), SATURDAY_NOON).ok).toBe(true);
	});

	it('is refused for a deactivated rep by their manager', () => {
		const { db, lead, rep } = setUp();
		setUserActive(db, rep.id, false);
		expect(recordOneToOne(db, lead, rep.id, talk(), SATURDAY_NOON)).toEqual({
			ok: false,
			problem: 'not-found'
		});
	});

	it('says what is wrong: a date in the future or no date, too long notes, an action without owner or date, nothing at all', () => {
		const { db, lead, rep } = setUp();
		const problems = (change: Partial<OneToOneInput>) => {
			const result = recordOneToOne(db, lead, rep.id, talk(change), SATURDAY_NOON);
			return result.ok || result.problem !== 'invalid' ? [] : result.problems;
		};
		expect(problems({ heldOn: '2026-12-06' })).toEqual([{ field: 'heldOn', problem: 'future' }]);
		expect(problems({ heldOn: '2026-02-30' })).toEqual([{ field: 'heldOn', problem: 'invalid' }]);
		expect(problems({ notes: 'x'.repeat(NOTES_MAX_LENGTH + 1) })).toEqual([
			{ field: 'notes', problem: 'too-long' }
		]);
		expect(problems({ notes: 'x'.repeat(NOTES_MAX_LENGTH) })).toEqual([]);
		expect(
			problems({
				notes: ' \u200b ',
				actions: [{ row: 0, id: null, text: '\u200b', owner: 'rep', dueOn: '' }]
			})
		).toEqual([{ field: 'notes', problem: 'empty' }]);
		expect(
			problems({
				notes: '',
				actions: [{ row: 2, id: null, text: 'Call back', owner: 'boss', dueOn: '' }]
			})
		).toEqual([
			{ field: 'action', row: 2, problem: 'owner' },
			{ field: 'action', row: 2, problem: 'due-missing' }
		]);
		expect(
			problems({
				actions: [{ row: 0, id: null, text: 'Call back', owner: 'rep', dueOn: '2026-12-04' }]
			})
		).toEqual([{ field: 'action', row: 0, problem: 'due-before-talk' }]);
		expect(
			problems({
				actions: Array.from({ length: ACTIONS_MAX + 1 }, (_, row) => ({
					row,
					id: null,
					text: `Step ${row}`,
					owner: 'rep',
					dueOn: '2026-12-09'
				}))
			})
		).toEqual([{ field: 'actions', problem: 'too-many' }]);
		// Only the one with notes of the longest length allowed was recorded.
		expect(
			db
				.select()
				.from(oneToOnes)
				.all()
				.map((o) => o.notes.length)
		).toEqual([NOTES_MAX_LENGTH]);
	});

	it('links only the rep’s own practice', () => {
		const { db, lead, rep, theirs } = setUp();
		const result = recordOneToOne(
			db,
			lead,
			rep.id,
			talk({ rolePlays: [theirs.id] }),
			SATURDAY_NOON
		);
		expect(result).toEqual({
			ok: false,
			problem: 'invalid',
			problems: [{ field: 'rolePlays', problem: 'not-theirs' }]
		});
	});

	it('offers the rep’s latest role-plays to link, and older ones already linked', () => {
		const { db, rep, rolePlay } = setUp();
		expect(rolePlayOptions(db, rep.id, 'en').map((o) => o.id)).toEqual([rolePlay.id]);
	});
});

describe('open actions', () => {
	it('the next one-to-one closes what is done and carries over the rest, with history kept', () => {
		const { db, lead, coLead, rep } = setUp();
		const first = recordOneToOne(
			db,
			lead,
			rep.id,
			talk({ heldOn: '2026-11-21' }),
			at(2026, 11, 21)
		);
		expect(first.ok).toBe(true);
		const open = openActions(db, rep.id, '2026-12-05');
		expect(open.map((a) => [a.text, a.agreedOn, a.due])).toEqual([
			['Role-play the price objection twice', '2026-11-21', { state: 'upcoming', days: 4 }],
			['Listen to one of the rep’s calls', '2026-11-21', { state: 'upcoming', days: 7 }]
		]);
		const [practise, listen] = open;
		// Another manager of the team holds the next one: one action done, the other carried over to a new date.
		const second = recordOneToOne(
			db,
			coLead,
			rep.id,
			talk({
				heldOn: '2026-12-05',
				actions: [],
				notes: 'Better week.',
				open: [
					{ id: practise!.id, done: true, dueOn: '' },
					{ id: listen!.id, done: false, dueOn: '2026-12-19' }
				]
			}),
			SATURDAY_NOON
		);
		expect(second.ok).toBe(true);
		expect(openActions(db, rep.id, '2026-12-05').map((a) => [a.text, a.dueOn])).toEqual([
			['Listen to one of the rep’s calls', '2026-12-19']
		]);
		const done = db
			.select()
			.from(oneToOneActions)
			.where(eq(oneToOneActions.id, practise!.id))
			.get()!;
		expect(done).toMatchObject({ doneOn: '2026-12-05', closedIn: second.ok ? second.id : '' });
		// Each talk shows what it agreed and what it closed.
		const [latest, earlier] = oneToOnesOf(db, rep.id, 'en', { today: '2026-12-05' });
		expect(latest!.closed.map((a) => a.text)).toEqual(['Role-play the price objection twice']);
		expect(earlier!.actions.map((a) => [a.text, a.doneOn])).toEqual([
			['Role-play the price objection twice', '2026-12-05'],
			['Listen to one of the rep’s calls', null]
		]);
	});

	it('says which are overdue on a Saturday and across a year end', () => {
		const { db, lead, rep } = setUp();
		recordOneToOne(
			db,
			lead,
			rep.id,
			talk({
				heldOn: '2026-12-28',
				actions: [{ row: 0, id: null, text: 'Send the list', owner: 'rep', dueOn: '2026-12-31' }]
			}),
			at(2026, 12, 28)
		);
		expect(openActions(db, rep.id, '2027-01-02').map((a) => a.due)).toEqual([
			{ state: 'overdue', days: 2 }
		]);
		expect(openActions(db, rep.id, '2026-12-31').map((a) => a.due)).toEqual([
			{ state: 'today', days: 0 }
		]);
		expect(homeOneToOnes(db, rep.id, at(2027, 1, 2))).toEqual({
			any: true,
			open: [expect.objectContaining({ text: 'Send the list', due: { state: 'overdue', days: 2 } })]
		});
	});

	it('a decision on an action that is not the rep’s open one changes nothing', () => {
		const { db, lead, otherLead, rep, otherRep } = setUp();
		recordOneToOne(db, otherLead, otherRep.id, talk(), SATURDAY_NOON);
		const [theirs] = openActions(db, otherRep.id, '2026-12-05');
		recordOneToOne(
			db,
			lead,
			rep.id,
			talk({ open: [{ id: theirs!.id, done: true, dueOn: '' }] }),
			SATURDAY_NOON
		);
		expect(openActions(db, otherRep.id, '2026-12-05')).toHaveLength(2);
	});

	it('a home without one-to-ones asks nothing more', () => {
		const { db, rep } = setUp();
		expect(homeOneToOnes(db, rep.id, SATURDAY_NOON)).toEqual({ any: false, open: [] });
	});
});

describe('changing a one-to-one', () => {
	it('the manager who recorded it edits it within a week; nobody else, and not after', () => {
		const { db, lead, coLead, admin, rep } = setUp();
		const recorded = recordOneToOne(db, lead, rep.id, talk(), SATURDAY_NOON);
		const id = recorded.ok ? recorded.id : '';
		const [first, second] = db
			.select()
			.from(oneToOneActions)
			.orderBy(oneToOneActions.position)
			.all();
		const edit = talk({
			notes: 'Corrected notes.',
			actions: [
				{
					row: 0,
					id: first!.id,
					text: 'Role-play the price objection three times',
					owner: 'rep',
					dueOn: '2026-12-10'
				},
				{ row: 1, id: second!.id, text: '', owner: 'manager', dueOn: '2026-12-12' },
				{ row: 2, id: null, text: 'Read the renewal article', owner: 'rep', dueOn: '2026-12-08' }
			]
		});
		for (const other of [coLead, admin])
			expect(updateOneToOne(db, other, rep.id, id, edit, SATURDAY_NOON)).toEqual({
				ok: false,
				problem: 'not-found'
			});
		const late = new Date(SATURDAY_NOON.getTime() + EDIT_DAYS * 86_400_000 + 1000);
		expect(updateOneToOne(db, lead, rep.id, id, edit, late)).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(updateOneToOne(db, lead, rep.id, id, edit, at(2026, 12, 6))).toEqual({ ok: true, id });
		const [view] = oneToOnesOf(db, rep.id, 'en', {
			today: '2026-12-06',
			reader: lead,
			now: at(2026, 12, 6)
		});
		expect(view!.notes).toBe('Corrected notes.');
		expect(view!.changeable).toBe(true);
		expect(view!.updatedAt).toEqual(at(2026, 12, 6));
		expect(view!.actions.map((a) => [a.text, a.dueOn])).toEqual([
			['Role-play the price objection three times', '2026-12-10'],
			['Read the renewal article', '2026-12-08']
		]);
		expect(
			oneToOnesOf(db, rep.id, 'en', {
				today: '2026-12-06',
				reader: coLead,
				now: at(2026, 12, 6)
			})[0]!.changeable
		).toBe(false);
	});

	it('moving its date moves the day the actions it closed were done; actions a later talk closed stay as they were', () => {
		const { db, lead, rep } = setUp();
		const first = recordOneToOne(db, lead, rep.id, talk({ heldOn: '2026-12-01' }), at(2026, 12, 1));
		const [practise, listen] = openActions(db, rep.id, '2026-12-05');
		const second = recordOneToOne(
			db,
			lead,
			rep.id,
			talk({ actions: [], open: [{ id: practise!.id, done: true, dueOn: '' }] }),
			SATURDAY_NOON
		);
		const secondId = second.ok ? second.id : '';
		expect(
			updateOneToOne(
				db,
				lead,
				rep.id,
				secondId,
				talk({ heldOn: '2026-12-04', actions: [] }),
				SATURDAY_NOON
			)
		).toEqual({ ok: true, id: secondId });
		expect(
			db.select().from(oneToOneActions).where(eq(oneToOneActions.id, practise!.id)).get()
		).toMatchObject({ doneOn: '2026-12-04', closedIn: secondId });
		// The first talk's edit: its done action is not a row to edit (an id sent for it changes nothing), its open one is.
		const firstId = first.ok ? first.id : '';
		const edit = talk({
			heldOn: '2026-12-01',
			actions: [
				{ row: 0, id: practise!.id, text: 'Rewritten', owner: 'manager', dueOn: '2026-12-20' },
				{
					row: 1,
					id: listen!.id,
					text: 'Listen to two calls',
					owner: 'manager',
					dueOn: '2026-12-12'
				}
			]
		});
		expect(updateOneToOne(db, lead, rep.id, firstId, edit, SATURDAY_NOON)).toEqual({
			ok: true,
			id: firstId
		});
		expect(
			db.select().from(oneToOneActions).where(eq(oneToOneActions.id, practise!.id)).get()
		).toMatchObject({ text: 'Role-play the price objection twice', doneOn: '2026-12-04' });
		expect(openActions(db, rep.id, '2026-12-05').map((a) => a.text)).toEqual([
			'Listen to two calls'
		]);
	});

	it('deleting it removes its actions and opens again the actions it had closed', () => {
		const { db, lead, rep } = setUp();
		recordOneToOne(db, lead, rep.id, talk({ heldOn: '2026-12-01' }), at(2026, 12, 1));
		const open = openActions(db, rep.id, '2026-12-05');
		const second = recordOneToOne(
			db,
			lead,
			rep.id,
			talk({ open: open.map((a) => ({ id: a.id, done: true, dueOn: '' })) }),
			SATURDAY_NOON
		);
		const id = second.ok ? second.id : '';
		expect(openActions(db, rep.id, '2026-12-05').map((a) => a.agreedOn)).toEqual([
			'2026-12-05',
			'2026-12-05'
		]);
		expect(deleteOneToOne(db, lead, rep.id, id, SATURDAY_NOON)).toEqual({ ok: true });
		expect(openActions(db, rep.id, '2026-12-05').map((a) => [a.agreedOn, a.doneOn])).toEqual([
			['2026-12-01', null],
			['2026-12-01', null]
		]);
		expect(oneToOnesOf(db, rep.id, 'en', { today: '2026-12-05' })).toHaveLength(1);
	});

	it('a one-to-one is found only through its own rep, by those who follow them', () => {
		const { db, lead, otherLead, rep, otherRep } = setUp();
		const recorded = recordOneToOne(db, lead, rep.id, talk(), SATURDAY_NOON);
		const id = recorded.ok ? recorded.id : '';
		expect(oneToOneForCoach(db, lead, rep.id, id, 'en', SATURDAY_NOON)?.id).toBe(id);
		expect(oneToOneForCoach(db, otherLead, rep.id, id, 'en', SATURDAY_NOON)).toBeNull();
		expect(oneToOneForCoach(db, otherLead, otherRep.id, id, 'en', SATURDAY_NOON)).toBeNull();
		expect(deleteOneToOne(db, lead, otherRep.id, id, SATURDAY_NOON)).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(deleteOneToOne(db, otherLead, rep.id, id, SATURDAY_NOON)).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(db.select().from(oneToOnes).all()).toHaveLength(1);
	});
});

describe('the team page', () => {
	it('lists the reps without a one-to-one for the team’s weeks, never-met first', () => {
		const { db, lead, team, rep, quietRep } = setUp();
		expect(findTeam(db, team.id)!.oneToOneWeeks).toBe(2);
		expect(
			repsWithoutOneToOne(db, team.id, 2, SATURDAY_NOON).map((r) => [r.name, r.latest, r.days])
		).toEqual([
			['Quiet rep', null, null],
			['Rep', null, null]
		]);
		recordOneToOne(db, lead, rep.id, talk({ heldOn: '2026-11-22', actions: [] }), at(2026, 11, 22));
		expect(repsWithoutOneToOne(db, team.id, 2, SATURDAY_NOON).map((r) => r.id)).toEqual([
			quietRep.id
		]);
		// The Saturday two weeks after the talk, a week later, and across the year end.
		expect(
			repsWithoutOneToOne(db, team.id, 2, at(2026, 12, 6)).map((r) => [r.name, r.days])
		).toEqual([
			['Quiet rep', null],
			['Rep', 14]
		]);
		expect(setOneToOneWeeks(db, team.id, 4)).toBe(true);
		expect(repsWithoutOneToOne(db, team.id, 4, at(2026, 12, 19)).map((r) => r.name)).toEqual([
			'Quiet rep'
		]);
		expect(repsWithoutOneToOne(db, team.id, 4, at(2026, 12, 20)).map((r) => r.name)).toEqual([
			'Quiet rep',
			'Rep'
		]);
		expect(setOneToOneWeeks(db, team.id, 0)).toBe(false);
		expect(setOneToOneWeeks(db, team.id, 13)).toBe(false);
		expect(findTeam(db, team.id)!.oneToOneWeeks).toBe(4);
	});

	it('leaves out deactivated reps', () => {
		const { db, team, quietRep } = setUp();
		setUserActive(db, quietRep.id, false);
		expect(repsWithoutOneToOne(db, team.id, 2, SATURDAY_NOON).map((r) => r.name)).toEqual(['Rep']);
	});
});

describe('the rep page block, the form and the export', () => {
	it('shows the latest three, the count and the open actions', () => {
		const { db, lead, rep } = setUp();
		for (const day of ['2026-11-07', '2026-11-14', '2026-11-21', '2026-11-28'])
			recordOneToOne(db, lead, rep.id, talk({ heldOn: day, actions: [] }), SATURDAY_NOON);
		const block = repOneToOnes(db, lead, rep.id, 'en', SATURDAY_NOON);
		expect(block.total).toBe(4);
		expect(block.latest.map((o) => [o.heldOn, o.changeable])).toEqual([
			['2026-11-28', true],
			['2026-11-21', true],
			['2026-11-14', true]
		]);
		expect(block.open).toEqual([]);
	});

	it('reads numbered action rows and one decision per open action from a form', () => {
		const data = new FormData();
		for (const [name, value] of [
			['heldOn', ' 2026-12-05 '],
			['notes', 'Line one\r\nLine two'],
			['action-text-0', 'Call back'],
			['action-owner-0', 'rep'],
			['action-due-0', '2026-12-09'],
			['action-text-2', ''],
			['action-id-2', 'abc'],
			['rolePlay', 'a1'],
			['rolePlay', 'a1'],
			['open', 'x1'],
			['open-x1', 'done'],
			['open', 'x2'],
			['open-x2', 'carry'],
			['open-due-x2', '2026-12-19']
		])
			data.append(name!, value!);
		expect(readOneToOneForm(data)).toEqual({
			heldOn: '2026-12-05',
			notes: 'Line one\nLine two',
			actions: [
				{ row: 0, id: null, text: 'Call back', owner: 'rep', dueOn: '2026-12-09' },
				{ row: 2, id: 'abc', text: '', owner: '', dueOn: '' }
			],
			rolePlays: ['a1'],
			open: [
				{ id: 'x1', done: true, dueOn: '' },
				{ id: 'x2', done: false, dueOn: '2026-12-19' }
			]
		});
	});

	it('goes into the rep’s export as received and the manager’s as recorded, with its actions', () => {
		const { db, lead, rep, otherRep } = setUp();
		recordOneToOne(db, lead, rep.id, talk(), SATURDAY_NOON);
		const received = oneToOnesForExport(db, rep.id);
		expect(received.received.map((o) => [o.notes, o.actions.map((a) => a.text)])).toEqual([
			[talk().notes, ['Role-play the price objection twice', 'Listen to one of the rep’s calls']]
		]);
		expect(received.recorded).toEqual([]);
		expect(oneToOnesForExport(db, lead.id).recorded.map((o) => o.repId)).toEqual([rep.id]);
		expect(oneToOnesForExport(db, otherRep.id)).toEqual({ received: [], recorded: [] });
	});
});
