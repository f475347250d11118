import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';

// The rep page's assignment actions as a browser reaches them: who may, in which order the checks
// come (whose rep it is before the form is read), and what each answer carries back to the form.
const state = vi.hoisted(() => ({ db: null as AppDb | null }));
vi.mock('$lib/server/db', async (original) => ({
	...(await original<typeof import('$lib/server/db')>()),
	getDb: () => state.db!
}));

const { createTestDatabase } = await import('$lib/server/db');
const { loadShippedContent } = await import('$lib/server/testing/shipped-content');
const { peopleIn } = await import('$lib/server/testing/people');
const { addTeamMember, createTeam } = await import('$lib/server/accounts/teams');
const { assignmentsOfRep } = await import('$lib/server/coaching/assignments');
const { localIsoDate } = await import('$lib/calendar');
const { addDays } = await import('$lib/engine/coaching');
const { actions, load } = await import('./+page.server');
const { postToAction, statusOf } = await import('$lib/server/testing/form-action');

function setUp() {
	state.db = createTestDatabase();
	const db = state.db;
	loadShippedContent(db);
	const person = peopleIn(db);
	const rep = person('rep', ['rep']);
	const lead = person('lead', ['manager']);
	const outsider = person('outsider', ['manager']);
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, lead.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	addTeamMember(db, createTeam(db, 'Other').id, outsider.id, 'manager');
	return { db, rep, lead, outsider };
}

/** Posts `form` to an action of the rep's page as `user`; the action's answer (a thrown one too). */
function post(
	action: 'assign' | 'cancelAssignment',
	user: SessionUser,
	repId: string,
	form: Record<string, string> | string
): Promise<unknown> {
	return postToAction(actions[action]!, {
		path: `/team/reps/${repId}?/${action}`,
		user,
		params: { repId },
		form
	});
}

const status = statusOf;
const inAWeek = () => addDays(localIsoDate(new Date()), 7);

describe('assigning from the rep’s page', () => {
	beforeEach(() => {
		state.db = null;
	});

	it('assigns a scenario for the rep’s manager, and the page lists it', async () => {
		const { db, rep, lead } = setUp();
		const answer = await post('assign', lead, rep.id, {
			kind: 'scenario',
			content: 'renewal-price-objection',
			mode: 'choice',
			passMark: '60',
			due: inAWeek(),
			note: 'Go'
		});
		expect(answer).toEqual({ assigned: true });
		const url = new URL(
			`http://localhost/team/reps/${rep.id}?scenario=gatekeeper-boss-not-in&script=no-such-entry`
		);
		const page = (await load({
			locals: { user: lead, session: null },
			url,
			params: { repId: rep.id }
		} as never)) as {
			view: {
				value: {
					assignments: {
						assignments: {
							contentId: string;
							mode: string;
							passMark: number;
							mayCancel: boolean;
						}[];
						prefill: unknown;
					};
				};
			};
		};
		const block = page.view.value.assignments;
		expect(block.assignments).toMatchObject([
			{ contentId: 'renewal-price-objection', mode: 'choice', passMark: 60, mayCancel: true }
		]);
		// Weak spots' preselection is taken only for a published item.
		expect(block.prefill).toEqual({ scenario: 'gatekeeper-boss-not-in', script: null });
		expect(assignmentsOfRep(db, rep.id, 'en')).toHaveLength(1);
	});

	it('refuses another team’s manager with 404 before reading the form, whatever is posted', async () => {
		const { db, rep, outsider } = setUp();
		expect(
			status(
				await post('assign', outsider, rep.id, {
					kind: 'scenario',
					content: 'renewal-price-objection',
					mode: 'text',
					passMark: '60',
					due: inAWeek()
				})
			)
		).toBe(404);
		// Not a form at all: still 404, not 415 (which would say the rep's page exists for them).
		expect(status(await post('assign', outsider, rep.id, 'kind=scenario'))).toBe(404);
		expect(status(await post('cancelAssignment', outsider, rep.id, 'assignment=x'))).toBe(404);
		expect(assignmentsOfRep(db, rep.id, 'en')).toEqual([]);
	});

	it('answers a bad form with the problem, which form it is about and what was typed', async () => {
		const { rep, lead } = setUp();
		const form = {
			kind: 'scenario',
			content: 'renewal-price-objection',
			mode: 'text',
			passMark: '150',
			due: inAWeek(),
			note: 'Keep <b>this</b>'
		};
		const answer = (await post('assign', lead, rep.id, form)) as {
			status: number;
			data: Record<string, unknown>;
		};
		expect(answer.status).toBe(400);
		expect(answer.data).toEqual({
			assignProblem: 'pass-mark',
			assignForm: 'scenario',
			assignValues: {
				content: form.content,
				mode: 'text',
				passMark: '150',
				due: form.due,
				note: form.note
			}
		});
		const script = (await post('assign', lead, rep.id, {
			kind: 'script',
			content: 'price-too-high',
			due: '2020-01-01'
		})) as { data: Record<string, unknown> };
		expect(script.data).toMatchObject({ assignProblem: 'due-past', assignForm: 'script' });
		const cancel = (await post('cancelAssignment', lead, rep.id, {
			assignment: 'no-such-assignment'
		})) as { status: number; data: Record<string, unknown> };
		expect([cancel.status, cancel.data]).toEqual([
			400,
			{ assignProblem: 'gone', assignForm: 'cancel' }
		]);
	});
});
