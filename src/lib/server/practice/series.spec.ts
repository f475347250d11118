import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { coachingWorld } from '../testing/coaching-world';
import { hangUp, findAttempt, loadAttempt } from './attempts';
import { submitTurn } from './turns';
import { attempts, seriesRunCalls, seriesRuns } from '../db/schema';
import {
	findSeriesRun,
	listSeries,
	listSeriesRuns,
	loadSeriesRun,
	canReplayCall,
	playNextCall,
	replayCall,
	runOfAttempt,
	seriesRunReader,
	settleSeriesRun,
	startSeriesRun
} from './series';
import { completedModules, createCohort } from '../onboarding/onboarding';
import { parseContentFile, type ContentItem } from '$lib/engine/content/index';
import { seriesFiles } from '$lib/engine/series/series.fixture';

const items: ContentItem[] = seriesFiles().map((file) => {
	const parsed = parseContentFile(file.path, file.text);
	if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
	return parsed.item;
});

// A plan whose last day plays the series, done at a series score of 80.
const PLAN: ContentItem = {
	kind: 'curriculum',
	locale: 'en',
	id: 'with-series',
	body: '',
	data: {
		id: 'with-series',
		title: 'With a series',
		days: [1, 2, 3].map((day) => ({
			title: `Day ${day}`,
			modules:
				day === 3
					? [{ type: 'series', title: 'A whole sale', items: ['lin-hardware'], pass: 80 }]
					: [{ type: 'scenario', title: 'A call', items: ['price-call'] }]
		}))
	}
};

const DAY_ONE = new Date('2026-03-02T09:00:00Z');
const DAY_TWO = new Date('2026-03-03T14:00:00Z');

function setUp() {
	const world = coachingWorld([...items, PLAN]);
	const run = startSeriesRun(world.db, world.rep.id, 'lin-hardware', 'en', DAY_ONE)!;
	return { ...world, run };
}

/** Plays a call of the run by its choices, one a turn. */
function playCall(
	db: ReturnType<typeof setUp>['db'],
	runId: string,
	choices: number[],
	now: Date
): string {
	const started = playNextCall(db, findSeriesRun(db, runId)!, 'choice', now);
	if (!started.ok) throw new Error(started.reason);
	choices.forEach((choice, turn) =>
		submitTurn(db, started.attempt.id, { mode: 'choice', choice }, turn, now)
	);
	return started.attempt.id;
}

describe('a series run', () => {
	it('starts with no facts and the first call next; the list shows the series with the run', () => {
		const { db, rep, run } = setUp();
		expect(run).toMatchObject({
			userId: rep.id,
			seriesId: 'lin-hardware',
			locale: 'en',
			facts: {},
			status: 'active'
		});
		const view = loadSeriesRun(db, run);
		expect(view.next).toBe(0);
		expect(view.calls.map((c) => [c.state, c.day, c.meanwhile])).toEqual([
			['next', 1, null],
			['later', 4, 'He went to a trade fair.'],
			['later', 11, null]
		]);
		expect(view.notes).toEqual([]);
		expect(listSeries(db, rep.id, 'en')).toEqual([
			expect.objectContaining({
				id: 'lin-hardware',
				calls: 3,
				run: { id: run.id, status: 'active', callsDone: 0 }
			})
		]);
		expect(startSeriesRun(db, rep.id, 'no-such-series', 'en', DAY_ONE)).toBeNull();
	});

	it('carries the facts of one call into the next over two sittings: the customer remembers', () => {
		const { db, run } = setUp();
		const first = playCall(db, run.id, [1], DAY_ONE);
		// The list settles the call just ended: it counts as done.
		expect(listSeries(db, run.userId, 'en', DAY_ONE)[0]!.run).toEqual({
			id: run.id,
			status: 'active',
			callsDone: 1
		});
		expect(runOfAttempt(db, first)).toEqual({
			runId: run.id,
			seriesId: 'lin-hardware',
			index: 0,
			title: 'Lin Hardware, call by call'
		});
		// The next day: the run page settles the first call and shows the notes.
		const view = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_TWO));
		expect(view.run.facts).toEqual({ 'material-sent': false, 'decision-maker': 'Mrs. Lin' });
		expect(view.notes.map((n) => n.text)).toEqual([
			'Promised the catalogue; not sent yet.',
			'Decides: Mrs. Lin'
		]);
		expect(view.calls.map((c) => c.state)).toEqual(['done', 'next', 'later']);
		const second = playNextCall(db, view.run, 'choice', DAY_TWO);
		if (!second.ok) throw new Error(second.reason);
		expect(loadAttempt(db, second.attempt).state.customer).toBe(
			"You said you'd send the catalogue. I never got it."
		);
		// Asked again before a reply, the same role-play is resumed, not a second one started.
		const again = playNextCall(db, findSeriesRun(db, run.id)!, 'choice', DAY_TWO);
		expect(again.ok && again.attempt.id).toBe(second.attempt.id);
		submitTurn(db, second.attempt.id, { mode: 'choice', choice: 1 }, 0, DAY_TWO);
		submitTurn(db, second.attempt.id, { mode: 'choice', choice: 1 }, 1, DAY_TWO);
		const after = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_TWO));
		expect(after.run.facts).toEqual({
			'material-sent': true,
			'decision-maker': 'Mrs. Lin',
			'trial-booked': true
		});
		expect(
			db
				.select()
				.from(seriesRunCalls)
				.where(eq(seriesRunCalls.runId, run.id))
				.all()
				.map((c) => c.factsAfter)
		).toEqual([
			{ 'material-sent': false, 'decision-maker': 'Mrs. Lin' },
			{ 'material-sent': true, 'decision-maker': 'Mrs. Lin', 'trial-booked': true }
		]);
		playCall(db, run.id, [1], DAY_TWO);
		const done = settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_TWO);
		expect(done.status).toBe('finished');
		expect(loadSeriesRun(db, done).next).toBeNull();
		expect(playNextCall(db, done, 'choice', DAY_TWO)).toEqual({ ok: false, reason: 'over' });
	});

	it('ends when a call is lost: the calls after it are never played', () => {
		const { db, run } = setUp();
		playCall(db, run.id, [3], DAY_ONE);
		const lost = settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_ONE);
		expect(lost).toMatchObject({ status: 'lost', endedAt: DAY_ONE });
		expect(loadSeriesRun(db, lost).calls.map((c) => c.state)).toEqual(['done', 'never', 'never']);
		expect(playNextCall(db, lost, 'choice', DAY_ONE)).toEqual({ ok: false, reason: 'over' });
	});

	it('plays a call hung up again, as a new role-play in the same place', () => {
		const { db, run } = setUp();
		const started = playNextCall(db, run, 'text', DAY_ONE);
		if (!started.ok) throw new Error(started.reason);
		hangUp(db, started.attempt.id, DAY_ONE);
		const view = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_ONE));
		expect(view.calls[0]!.state).toBe('hung-up');
		const again = playNextCall(db, view.run, 'choice', DAY_ONE);
		if (!again.ok) throw new Error(again.reason);
		expect(again.attempt.id).not.toBe(started.attempt.id);
		expect(runOfAttempt(db, again.attempt.id)?.index).toBe(0);
		expect(runOfAttempt(db, started.attempt.id)).toBeUndefined();
		expect(findAttempt(db, started.attempt.id)?.status).toBe('abandoned');
	});

	it('settles a call whose time ran out as lost', () => {
		const { db, run } = setUp();
		const started = playNextCall(db, run, 'choice', DAY_ONE);
		if (!started.ok) throw new Error(started.reason);
		const settled = settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_TWO);
		expect(settled.status).toBe('lost');
		expect(
			db.select().from(attempts).where(eq(attempts.id, started.attempt.id)).get()!.status
		).toBe('timeout');
	});

	it('keeps the series as it was at the start', () => {
		const { db, run } = setUp();
		expect(findSeriesRun(db, run.id)!.series.calls.map((c) => c.scenario)).toEqual([
			'first-call',
			'follow-up',
			'closing'
		]);
	});
});

describe('the journey of a run', () => {
	it('a whole sale: each call with its score, ending, evidence and notes after it, the promise kept, the sale won', () => {
		const { db, run } = setUp();
		playCall(db, run.id, [1], DAY_ONE);
		const promised = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_ONE));
		expect(promised.journey.promises.map((p) => [p.label, p.state, p.due])).toEqual([
			['Send him the catalogue', 'open', 2]
		]);
		expect(promised.journey.outcome).toBe('in-progress');
		playCall(db, run.id, [1, 1], DAY_TWO);
		playCall(db, run.id, [1], DAY_TWO);
		const view = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_TWO));
		expect(view.journey.calls.map((c) => [c.call, c.ending, c.evidence.strength])).toEqual([
			[1, 'won', 'medium'],
			[2, 'won', 'strong'],
			[3, 'won', 'strong']
		]);
		expect(view.journey.promises.map((p) => [p.state, p.madeIn, p.keptIn])).toEqual([
			['kept', 1, 2]
		]);
		expect(view.journey.outcome).toBe('won');
		expect(view.journey.parts.promises).toMatchObject({ kept: 1, broken: 0 });
		expect(view.calls.map((c) => c.notesAfter?.map((n) => n.text))).toEqual([
			['Promised the catalogue; not sent yet.', 'Decides: Mrs. Lin'],
			['Catalogue sent.', 'Decides: Mrs. Lin', 'Trial booked.'],
			['Catalogue sent.', 'Decides: Mrs. Lin', 'Trial booked.']
		]);
		expect(view.journey.score).toBe(
			Math.round(0.5 * view.journey.parts.calls.score + 0.25 * 100 + 0.25 * 100)
		);
	});

	it('a promise not kept when the customer hangs up on it is broken, and the sale lost', () => {
		const { db, run } = setUp();
		playCall(db, run.id, [1], DAY_ONE);
		playCall(db, run.id, [2], DAY_TWO);
		const view = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_TWO));
		expect(view.run.status).toBe('lost');
		expect(view.journey.promises.map((p) => p.state)).toEqual(['broken']);
		expect(view.journey.calls.map((c) => c.broken)).toEqual([[], ['send-catalogue']]);
		expect(view.journey.outcome).toBe('lost');
		expect(view.calls[2]!.notesAfter).toBeNull();
	});
});

describe('a series in the onboarding plan', () => {
	function cohortOf(world: ReturnType<typeof setUp>) {
		const created = createCohort(
			world.db,
			{
				name: 'March',
				curriculumId: 'with-series',
				locale: 'en',
				startDate: '2026-03-02',
				userIds: [world.rep.id],
				teamId: world.team.id,
				createdBy: world.lead.id
			},
			{ reps: [{ id: world.rep.id, name: 'Rep' }], teams: [{ id: world.team.id, name: 'North' }] },
			DAY_ONE
		);
		if (!created.ok) throw new Error(created.problem);
		return created.cohort;
	}

	it('is done once a run is finished with the series score at the pass mark; not before, nor with a lost run', () => {
		const world = setUp();
		const { db, run, rep } = world;
		const cohort = cohortOf(world);
		// A run lost at call 2 (the promise broken) does not count…
		playCall(db, run.id, [1], DAY_ONE);
		playCall(db, run.id, [2], DAY_ONE);
		expect(settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_ONE).status).toBe('lost');
		expect(completedModules(db, cohort, rep.id).has('d3m1')).toBe(false);
		// …nor a run still going, whatever its score so far…
		const second = startSeriesRun(db, rep.id, 'lin-hardware', 'en', DAY_TWO)!;
		playCall(db, second.id, [1], DAY_TWO);
		playCall(db, second.id, [1, 1], DAY_TWO);
		expect(completedModules(db, cohort, rep.id).has('d3m1')).toBe(false);
		// …the run played to the end at the pass mark does.
		playCall(db, second.id, [1], DAY_TWO);
		const done = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, second.id)!, DAY_TWO));
		expect(done.run.status).toBe('finished');
		expect(done.journey.score).toBeGreaterThanOrEqual(80);
		expect(completedModules(db, cohort, rep.id).has('d3m1')).toBe(true);
	});

	it('does not count a run finished under the pass mark', () => {
		const world = setUp();
		const { db, run, rep } = world;
		const cohort = cohortOf(world);
		// The catalogue sent at once, then two calls won with replies that say next to nothing.
		playCall(db, run.id, [2], DAY_ONE);
		const sayOk = () => {
			const call = playNextCall(db, findSeriesRun(db, run.id)!, 'text', DAY_ONE);
			if (!call.ok) throw new Error(call.reason);
			submitTurn(db, call.attempt.id, { mode: 'text', reply: 'OK.' }, 0, DAY_ONE);
			return findAttempt(db, call.attempt.id)!;
		};
		expect(sayOk().status).toBe('won');
		expect(sayOk().status).toBe('won');
		const done = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_ONE));
		expect(done.run.status).toBe('finished');
		expect(done.journey.score).toBeLessThan(80);
		expect(completedModules(db, cohort, rep.id).has('d3m1')).toBe(false);
	});
});

describe('trying a call again within its run', () => {
	it('replays the latest call from the facts it started with: a lost run goes on', () => {
		const { db, run } = setUp();
		playCall(db, run.id, [1], DAY_ONE);
		const lostCall = playCall(db, run.id, [2], DAY_TWO);
		// The call's result page asks before anything settled the run.
		expect(canReplayCall(db, run.id, 1, DAY_TWO)).toBe(true);
		const lost = findSeriesRun(db, run.id)!;
		expect(lost.status).toBe('lost');
		// Only the latest call: replaying the first would unmake the second.
		expect(canReplayCall(db, run.id, 0, DAY_TWO)).toBe(false);
		expect(replayCall(db, lost, 0, 'choice', DAY_TWO)).toEqual({ ok: false, reason: 'over' });
		const replay = replayCall(db, lost, 1, 'choice', DAY_TWO);
		if (!replay.ok) throw new Error(replay.reason);
		expect(loadAttempt(db, replay.attempt).state.customer).toBe(
			"You said you'd send the catalogue. I never got it."
		);
		const again = findSeriesRun(db, run.id)!;
		expect(again).toMatchObject({
			status: 'active',
			endedAt: null,
			facts: { 'material-sent': false, 'decision-maker': 'Mrs. Lin' }
		});
		expect(runOfAttempt(db, replay.attempt.id)?.index).toBe(1);
		expect(runOfAttempt(db, lostCall)).toBeUndefined();
		expect(findAttempt(db, lostCall)?.status).toBe('lost');
		submitTurn(db, replay.attempt.id, { mode: 'choice', choice: 1 }, 0, DAY_TWO);
		submitTurn(db, replay.attempt.id, { mode: 'choice', choice: 1 }, 1, DAY_TWO);
		const view = loadSeriesRun(db, settleSeriesRun(db, findSeriesRun(db, run.id)!, DAY_TWO));
		expect(view.calls.map((c) => c.state)).toEqual(['done', 'done', 'next']);
		expect(view.journey.promises.map((p) => p.state)).toEqual(['kept']);
	});

	it('refuses a call still being played', () => {
		const { db, run } = setUp();
		const started = playNextCall(db, run, 'choice', DAY_ONE);
		if (!started.ok) throw new Error(started.reason);
		expect(canReplayCall(db, run.id, 0, DAY_ONE)).toBe(false);
		expect(replayCall(db, run, 0, 'choice', DAY_ONE)).toEqual({ ok: false, reason: 'over' });
	});
});

describe('who reads a run', () => {
	it('its rep, the rep’s manager and an admin; nobody else', () => {
		const { db, run, rep, lead, otherLead, otherRep, admin, trainer } = setUp();
		expect(seriesRunReader(db, rep, run)).toBe('own');
		expect(seriesRunReader(db, lead, run)).toBe('coach');
		expect(seriesRunReader(db, admin, run)).toBe('coach');
		for (const other of [otherLead, otherRep, trainer])
			expect(seriesRunReader(db, other, run)).toBeNull();
		expect(listSeriesRuns(db, otherRep.id, 'lin-hardware')).toEqual([]);
		expect(listSeriesRuns(db, rep.id, 'lin-hardware').map((r) => r.id)).toEqual([run.id]);
		expect(db.select().from(seriesRuns).all()).toHaveLength(1);
	});
});
