import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { AppDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';

// The hang-up action as a browser reaches it: who may, in which order the checks come, and what
// each refusal answers. The route reads the app's database; here it is a fresh one per test.
const state = vi.hoisted(() => ({ db: null as AppDb | null }));
vi.mock('$lib/server/db', async (original) => ({
	...(await original<typeof import('$lib/server/db')>()),
	getDb: () => state.db!
}));

const { createTestDatabase } = await import('$lib/server/db');
const { loadShippedContent } = await import('$lib/server/testing/shipped-content');
const { peopleIn } = await import('$lib/server/testing/people');
const { addTeamMember, createTeam } = await import('$lib/server/accounts/teams');
const { findAttempt, startAttempt } = await import('$lib/server/practice/attempts');
const { submitTurn } = await import('$lib/server/practice/turns');
const { actions, load } = await import('./+page.server');
const { postToAction, statusOf } = await import('$lib/server/testing/form-action');
const { commentsOn, newFeedbackFor } = await import('$lib/server/coaching/comments');
const { hangUp } = await import('$lib/server/practice/attempts');

function setUp() {
	state.db = createTestDatabase();
	const db = state.db;
	loadShippedContent(db);
	const person = peopleIn(db);
	const rep = person('rep', ['rep']);
	const otherRep = person('other', ['rep']);
	const manager = person('lead', ['manager']);
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, manager.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
	submitTurn(
		db,
		attempt.id,
		{
			mode: 'text',
			reply: 'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?'
		},
		0
	);
	return { db, rep, otherRep, manager, attempt };
}

/** Posts the hang-up form (`confirm=yes`, as its button sends) as `user`; the action's answer. */
function hangUpAs(
	user: SessionUser,
	attemptId: string,
	form: Record<string, string> | string = { confirm: 'yes' }
): Promise<unknown> {
	return postToAction(actions.hangup!, {
		path: `/attempts/${attemptId}?/hangup`,
		user,
		params: { attemptId },
		form
	});
}

const status = statusOf;

describe('hanging up a practice call', () => {
	beforeEach(() => {
		state.db = null;
	});

	it('ends the owner’s call as abandoned and brings them back to it', async () => {
		const { rep, attempt } = setUp();
		const answer = await hangUpAs(rep, attempt.id);
		expect(isRedirect(answer) && answer).toMatchObject({
			status: 303,
			location: `/attempts/${attempt.id}`
		});
		expect(findAttempt(state.db!, attempt.id)!.status).toBe('abandoned');
	});

	it('answers anyone else 404, as for the attempt’s other actions, and ends nothing', async () => {
		const { otherRep, manager, attempt } = setUp();
		// The manager following the rep may read the call, not end it; another rep may do neither.
		for (const user of [otherRep, manager]) {
			const answer = await hangUpAs(user, attempt.id);
			expect(isHttpError(answer) && answer.status, user.name).toBe(404);
		}
		expect(findAttempt(state.db!, attempt.id)!.status).toBe('active');
		expect(status(await hangUpAs(otherRep, 'no-such-attempt'))).toBe(404);
	});

	it('decides who may before it reads the form: another’s attempt is 404 whatever is posted', async () => {
		const { rep, otherRep, attempt } = setUp();
		expect(status(await hangUpAs(otherRep, attempt.id, {}))).toBe(404);
		// Not a form: the owner is told so (415), anyone else still gets the 404.
		expect(status(await hangUpAs(otherRep, attempt.id, 'confirm=yes'))).toBe(404);
		expect(status(await hangUpAs(rep, attempt.id, 'confirm=yes'))).toBe(415);
		expect(findAttempt(state.db!, attempt.id)!.status).toBe('active');
	});

	it('ends nothing without the confirming button’s answer', async () => {
		const { rep, attempt } = setUp();
		const answer = await hangUpAs(rep, attempt.id, {});
		expect(answer).toMatchObject({ status: 400, data: { problem: 'hangup-unconfirmed' } });
		expect(findAttempt(state.db!, attempt.id)!.status).toBe('active');
	});

	it('answers 400 with its reason when the call has already ended, a second hang-up included', async () => {
		const { rep, attempt } = setUp();
		await hangUpAs(rep, attempt.id);
		expect(await hangUpAs(rep, attempt.id)).toMatchObject({
			status: 400,
			data: { problem: 'hangup-ended' }
		});
		const won = startAttempt(state.db!, rep.id, 'renewal-price-objection', 'en', 'text')!;
		state.db!.$client.prepare("update attempts set status = 'won' where id = ?").run(won.id);
		expect(await hangUpAs(rep, won.id)).toMatchObject({
			status: 400,
			data: { problem: 'hangup-ended' }
		});
		expect(findAttempt(state.db!, won.id)!.status).toBe('won');
	});
});

/** Posts one of the page's comment forms as `user`; the action's answer (a thrown error or redirect included). */
function postAs(
	user: SessionUser,
	action: 'comment' | 'deleteComment',
	attemptId: string,
	form: Record<string, string> | string
): Promise<unknown> {
	return postToAction(actions[action]!, {
		path: `/attempts/${attemptId}?/${action}`,
		user,
		params: { attemptId },
		form
	});
}

async function loadAs(user: SessionUser, attemptId: string) {
	const url = new URL(`http://localhost/attempts/${attemptId}`);
	return (await load({
		locals: { user, session: null },
		url,
		params: { attemptId }
	} as never)) as Exclude<Awaited<ReturnType<typeof load>>, void>;
}

describe('comments on a rep’s role-play', { timeout: 30_000 }, () => {
	beforeEach(() => {
		state.db = null;
	});

	it('the rep’s manager comments on a turn and on the whole; the rep reads them beside the turn, and the home’s new feedback goes once opened', async () => {
		const { db, rep, manager, attempt } = setUp();
		hangUp(db, attempt.id);
		expect(
			await postAs(manager, 'comment', attempt.id, {
				turn: '0',
				body: 'Good: you asked for a minute.'
			})
		).toEqual({ commented: '0' });
		expect(
			await postAs(manager, 'comment', attempt.id, {
				turn: '',
				body: 'Next time stay on the line.'
			})
		).toEqual({ commented: '' });
		expect(newFeedbackFor(db, rep.id)).toHaveLength(1);

		const asManager = await loadAs(manager, attempt.id);
		expect(asManager.rep).toEqual({ id: rep.id, name: 'rep' });
		expect(asManager.current).toBeNull();
		expect(asManager.comments).toMatchObject({
			mayComment: true,
			count: 2,
			whole: [{ body: 'Next time stay on the line.', author: 'lead', mine: true, seen: false }]
		});
		expect(asManager.transcript[0]!.comments).toMatchObject([
			{ body: 'Good: you asked for a minute.', mine: true }
		]);

		const asRep = await loadAs(rep, attempt.id);
		expect(asRep.rep).toBeNull();
		expect(asRep.comments.mayComment).toBe(false);
		expect(asRep.transcript[0]!.comments).toMatchObject([
			{ body: 'Good: you asked for a minute.', author: 'lead', mine: false, seen: null }
		]);
		expect(newFeedbackFor(db, rep.id)).toEqual([]);
		expect((await loadAs(manager, attempt.id)).comments.whole[0]!.seen).toBe(true);
	});

	it('answers anyone who does not coach the rep 404, before it reads the form, and stores nothing', async () => {
		const { db, rep, otherRep, attempt } = setUp();
		hangUp(db, attempt.id);
		const otherManager = peopleIn(db)('other lead', ['manager']);
		for (const user of [rep, otherRep, otherManager]) {
			for (const action of ['comment', 'deleteComment'] as const) {
				expect(
					status(await postAs(user, action, attempt.id, { turn: '0', body: 'x', comment: 'x' })),
					`${user.name} ${action}`
				).toBe(404);
				expect(
					status(await postAs(user, action, attempt.id, 'body=x')),
					`${user.name} ${action} not a form`
				).toBe(404);
			}
		}
		expect(commentsOn(db, attempt.id)).toEqual([]);
	});

	it('tells the manager what is wrong with a comment and keeps what they typed', async () => {
		const { db, manager, attempt } = setUp();
		expect(
			await postAs(manager, 'comment', attempt.id, { turn: '0', body: 'Mid-call' })
		).toMatchObject({
			status: 400,
			data: { commentProblem: 'active', commentTurn: '0', commentBody: 'Mid-call' }
		});
		hangUp(db, attempt.id);
		expect(status(await postAs(manager, 'comment', attempt.id, 'body=x'))).toBe(415);
		expect(await postAs(manager, 'comment', attempt.id, { turn: '0', body: '  ' })).toMatchObject({
			status: 400,
			data: { commentProblem: 'empty' }
		});
		expect(await postAs(manager, 'comment', attempt.id, { turn: '7', body: 'x' })).toMatchObject({
			status: 400,
			data: { commentProblem: 'turn' }
		});
		expect(await postAs(manager, 'comment', attempt.id, { turn: '0x', body: 'x' })).toMatchObject({
			status: 400,
			data: { commentProblem: 'turn' }
		});
		expect(
			await postAs(manager, 'comment', attempt.id, { turn: '0', body: 'y'.repeat(2001) })
		).toMatchObject({ status: 400, data: { commentProblem: 'too-long' } });
		expect(
			await postAs(manager, 'deleteComment', attempt.id, { turn: '0', comment: 'no-such-comment' })
		).toMatchObject({ status: 400, data: { commentProblem: 'gone' } });
		expect(commentsOn(db, attempt.id)).toEqual([]);
	});

	it('a manager deletes their own comment', async () => {
		const { db, manager, attempt } = setUp();
		hangUp(db, attempt.id);
		await postAs(manager, 'comment', attempt.id, { turn: '0', body: 'Oops' });
		const [comment] = commentsOn(db, attempt.id);
		expect(
			await postAs(manager, 'deleteComment', attempt.id, { turn: '0', comment: comment!.id })
		).toEqual({ commentDeleted: '0' });
		expect(commentsOn(db, attempt.id)).toEqual([]);
	});
});

describe('the call timer', { timeout: 30_000 }, () => {
	beforeEach(() => {
		state.db = null;
	});

	it('counts a call from when it began, by the server’s clock, until it ends; a typed role-play has none', async () => {
		const { db, rep, attempt: typed } = setUp();
		const call = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'call')!;
		const before = Date.now();
		const running = (await loadAs(rep, call.id)).callTime!;
		expect(running).toMatchObject({ startedAt: call.startedAt.getTime(), endedAt: null });
		expect(running.serverNow).toBeGreaterThanOrEqual(before);

		hangUp(db, call.id);
		const ended = (await loadAs(rep, call.id)).callTime!;
		expect(ended.startedAt).toBe(call.startedAt.getTime());
		expect(ended.endedAt).toBe(findAttempt(db, call.id)!.endedAt!.getTime());

		expect((await loadAs(rep, typed.id)).callTime).toBeNull();
	});
});
