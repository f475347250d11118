import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { replaceAllContent } from '../content/store';
import { answerTurn, submitTurn } from './turns';
import { expireIfDue, findAttempt, hangUp, loadAttempt, startAttempt, useHint } from './attempts';
import { listPracticeScenarios } from './practice-list';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { skillRollups } from '../db/schema';
import type { ContentItem, Scenario } from '$lib/engine/content/index';
import { priceCall } from '$lib/testing/price-call.fixture';

function scenarioItem(changes: (s: Scenario) => void = () => {}): ContentItem {
	const data = priceCall();
	changes(data);
	return { kind: 'scenario', locale: 'en', id: 'price-call', data, body: '' };
}

function setUp() {
	const db = createTestDatabase();
	replaceAllContent(db, [scenarioItem()]);
	const user = insertUser(db, {
		email: 'rep@example.com',
		name: 'Rep',
		passwordHash: 'x',
		roles: ['rep']
	});
	return { db, user };
}

const GOOD_OPENING = 'Good morning, this is Kevin calling from MetalHub. Do you have a minute?';
const GOOD_PRICE = 'I understand. How many inquiries do you get in a month right now?';

describe('practice attempts', () => {
	it('starts on the latest revision with a deadline from the time box', () => {
		const { db, user } = setUp();
		const now = new Date('2026-05-01T09:00:00Z');
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text', now)!;
		expect(attempt.status).toBe('active');
		expect(attempt.deadlineAt.getTime() - now.getTime()).toBe(8 * 60_000);
		expect(loadAttempt(db, attempt).state.customer).toBe("Hello? I'm busy.");
	});

	it('saves every turn with the snapshot, and resumes from the database alone', () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		const first = submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_OPENING }, 0);
		expect(first.ok).toBe(true);
		// As after a reload or a restart: everything comes back from the rows.
		const resumed = loadAttempt(db, findAttempt(db, attempt.id)!);
		expect(resumed.state.customer).toBe("It's too expensive.");
		expect(resumed.turns).toHaveLength(1);
		expect(resumed.turns[0]).toMatchObject({ index: 0, beat: 'greet', reply: GOOD_OPENING });
		const second = submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_PRICE }, 1);
		expect(second.ok && second.attempt.status).toBe('won');
		expect(second.ok && second.attempt.score).toBe(100);
	});

	it('refuses a reply from a stale second tab and changes nothing', () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_OPENING }, 0).ok).toBe(true);
		expect(
			submitTurn(
				db,
				attempt.id,
				{ mode: 'text', reply: 'A second tab answering the first line again.' },
				0
			)
		).toEqual({ ok: false, reason: 'stale' });
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).turns).toHaveLength(1);
	});

	it('stores the turns of reps answering at the same moment, each as submitTurn would', async () => {
		const { db, user } = setUp();
		const together = [
			startAttempt(db, user.id, 'price-call', 'en', 'text')!,
			startAttempt(db, user.id, 'price-call', 'en', 'text')!
		];
		const alone = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		const outcomes = await Promise.all(
			together.map((attempt) => answerTurn(db, attempt, { mode: 'text', reply: GOOD_OPENING }, 0))
		);
		const reference = submitTurn(db, alone, { mode: 'text', reply: GOOD_OPENING }, 0);
		for (const [i, outcome] of outcomes.entries()) {
			expect(outcome.ok && outcome.attempt).toEqual(findAttempt(db, together[i]!.id));
			const stored = loadAttempt(db, findAttempt(db, together[i]!.id)!);
			expect(stored.state.customer).toBe("It's too expensive.");
			expect(stored.turns.map((t) => t.score)).toEqual([reference.ok && reference.turn.score]);
		}
		expect(reference.ok && reference.attempt).toEqual(findAttempt(db, alone.id));
	});

	it('lets only one of two tabs answering the same turn at the same moment through', async () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		const [first, second] = await Promise.all([
			answerTurn(db, attempt, { mode: 'text', reply: GOOD_OPENING }, 0),
			answerTurn(
				db,
				attempt,
				{ mode: 'text', reply: 'A second tab answering the first line again.' },
				0
			)
		]);
		expect(first.ok).toBe(true);
		expect(second).toEqual({ ok: false, reason: 'stale' });
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).turns.map((t) => t.reply)).toEqual([
			GOOD_OPENING
		]);
	});

	it('refuses an empty reply, an overlong one, and replies after the end', () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: '   ' }, 0)).toEqual({
			ok: false,
			reason: 'empty'
		});
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: 'x'.repeat(2001) }, 0)).toEqual({
			ok: false,
			reason: 'too-long'
		});
		submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_OPENING }, 0);
		submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_PRICE }, 1);
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: 'One more thing?' }, 2)).toEqual({
			ok: false,
			reason: 'ended'
		});
	});

	it('ends by time-out once the time box has passed', () => {
		const { db, user } = setUp();
		const start = new Date('2026-05-01T09:00:00Z');
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text', start)!;
		expect(expireIfDue(db, attempt, new Date(start.getTime() + 7 * 60_000)).status).toBe('active');
		const late = new Date(start.getTime() + 8 * 60_000 + 1);
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_OPENING }, 0, late)).toEqual({
			ok: false,
			reason: 'ended'
		});
		expect(findAttempt(db, attempt.id)!.status).toBe('timeout');
	});

	it('keeps a running attempt on its revision when the scenario changes', () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		replaceAllContent(db, [scenarioItem((s) => (s.beats['greet']!.customer = 'Yes? Who is it?'))]);
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).state.customer).toBe("Hello? I'm busy.");
		const fresh = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		expect(fresh.revisionId).not.toBe(attempt.revisionId);
		expect(loadAttempt(db, fresh).state.customer).toBe('Yes? Who is it?');
	});

	it('a re-sync without changes adds no revision', () => {
		const { db, user } = setUp();
		const before = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		replaceAllContent(db, [scenarioItem()]);
		expect(startAttempt(db, user.id, 'price-call', 'en', 'text')!.revisionId).toBe(
			before.revisionId
		);
	});

	it('a hint costs points; the list shows the best finished score', () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'choice')!;
		useHint(db, attempt.id);
		// Opening it again for the same turn (a reload) costs nothing more.
		expect(useHint(db, attempt.id)!.hintsUsed).toBe(1);
		submitTurn(db, attempt.id, { mode: 'choice', choice: 1 }, 0);
		const done = submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_PRICE }, 1);
		expect(done.ok && done.attempt.score).toBe(95);
		expect(listPracticeScenarios(db, user.id, 'en').scenarios).toMatchObject([
			{ id: 'price-call', best: 95, attempts: 1 }
		]);
	});
});

describe('a turn the engine refuses', () => {
	it('a choice the beat does not have answers bad-choice and writes nothing', async () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'choice')!;
		expect(submitTurn(db, attempt.id, { mode: 'choice', choice: 99 }, 0)).toEqual({
			ok: false,
			reason: 'bad-choice'
		});
		expect(await answerTurn(db, attempt.id, { mode: 'choice', choice: 0 }, 0)).toEqual({
			ok: false,
			reason: 'bad-choice'
		});
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(0);
		expect(loadAttempt(db, attempt).turns).toEqual([]);
	});

	it('anything else surfaces, with the attempt and turn, instead of passing for a bad choice', () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		// A judgement outside 0–1: no form sends one, so only a bug could.
		const play = () => submitTurn(db, attempt.id, { mode: 'judged', score: 2 }, 0);
		expect(play).toThrow(`Turn 0 of attempt ${attempt.id}`);
		try {
			play();
		} catch (error) {
			expect((error as Error).cause).toEqual(new Error('A judgement is a score from 0 to 1.'));
		}
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(0);
	});
});

describe('hanging up', () => {
	it('ends a running call as abandoned, keeps its turns, and takes no more replies', () => {
		const { db, user } = setUp();
		const attempt = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_OPENING }, 0);
		const at = new Date();
		const outcome = hangUp(db, attempt.id, at);
		expect(outcome.ok && outcome.attempt).toMatchObject({
			id: attempt.id,
			status: 'abandoned',
			endedAt: at,
			turnCount: 1
		});
		expect(findAttempt(db, attempt.id)).toMatchObject({ status: 'abandoned', endedAt: at });
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).turns.map((t) => t.reply)).toEqual([
			GOOD_OPENING
		]);
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: GOOD_PRICE }, 1)).toEqual({
			ok: false,
			reason: 'ended'
		});
		expect(useHint(db, attempt.id)!.hintsUsed).toBe(0);
		// Its clock running out later changes nothing: it stays hung up.
		expect(
			expireIfDue(db, findAttempt(db, attempt.id)!, new Date(at.getTime() + 60 * 60_000)).status
		).toBe('abandoned');
	});

	it('refuses a call that has already ended: hung up, won, lost or out of time', () => {
		const { db, user } = setUp();
		const twice = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		expect(hangUp(db, twice.id).ok).toBe(true);
		expect(hangUp(db, twice.id)).toEqual({ ok: false, reason: 'ended' });
		const won = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		submitTurn(db, won.id, { mode: 'text', reply: GOOD_OPENING }, 0);
		submitTurn(db, won.id, { mode: 'text', reply: GOOD_PRICE }, 1);
		expect(hangUp(db, won.id)).toEqual({ ok: false, reason: 'ended' });
		expect(findAttempt(db, won.id)!.status).toBe('won');
		const start = new Date('2026-05-01T09:00:00Z');
		const late = expireIfDue(
			db,
			startAttempt(db, user.id, 'price-call', 'en', 'text', start)!,
			new Date(start.getTime() + 9 * 60_000)
		);
		expect(hangUp(db, late.id)).toEqual({ ok: false, reason: 'ended' });
		expect(findAttempt(db, late.id)!.status).toBe('timeout');
		expect(hangUp(db, 'no-such-attempt')).toEqual({ ok: false, reason: 'ended' });
	});

	it('takes the call’s replies back out of the weak-spot totals, to what they were before it', () => {
		const db = createTestDatabase();
		loadShippedContent(db);
		const user = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		const rollups = () =>
			db
				.select()
				.from(skillRollups)
				.orderBy(skillRollups.dimension, skillRollups.key)
				.all()
				.map((r) => ({ ...r, sum: Math.round(r.sum * 1e6) / 1e6 }));
		const kept = startAttempt(db, user.id, 'renewal-price-objection', 'en', 'text')!;
		submitTurn(
			db,
			kept.id,
			{
				mode: 'text',
				reply: 'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?'
			},
			0
		);
		const before = rollups();
		expect(before.length).toBeGreaterThan(0);
		const dropped = startAttempt(db, user.id, 'renewal-price-objection', 'en', 'text')!;
		submitTurn(
			db,
			dropped.id,
			{
				mode: 'text',
				reply: 'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?'
			},
			0
		);
		submitTurn(
			db,
			dropped.id,
			{ mode: 'text', reply: 'It is not expensive at all, everybody pays that much.' },
			1
		);
		// The price objection's reply went into its script entry's total and the criteria's.
		expect(
			rollups().find((r) => r.dimension === 'script' && r.key === 'price-too-high')?.count
		).toBe(1);
		expect(rollups()).not.toEqual(before);
		expect(hangUp(db, dropped.id).ok).toBe(true);
		expect(rollups()).toEqual(before);
		// A rep whose only practice was hung up has no totals at all.
		hangUp(db, kept.id);
		expect(rollups()).toEqual([]);
	});

	it('leaves the practice list’s best and count as if the call had not been made', () => {
		const { db, user } = setUp();
		const hungUp = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		submitTurn(db, hungUp.id, { mode: 'text', reply: GOOD_OPENING }, 0);
		hangUp(db, hungUp.id);
		expect(listPracticeScenarios(db, user.id, 'en').scenarios).toMatchObject([
			{ id: 'price-call', best: null, attempts: 0 }
		]);
		const lost = startAttempt(db, user.id, 'price-call', 'en', 'text')!;
		submitTurn(db, lost.id, { mode: 'text', reply: 'We have a discount on now, want it?' }, 0);
		expect(listPracticeScenarios(db, user.id, 'en').scenarios).toMatchObject([
			{ id: 'price-call', best: null, attempts: 1 }
		]);
	});
});
