import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from '../db/index';
import {
	attempts,
	seriesRunCalls,
	seriesRuns,
	type Attempt,
	type AttemptMode,
	type AttemptStatus,
	type PracticeMode,
	type SeriesRun,
	type SeriesRunCall,
	type SeriesRunStatus
} from '../db/schema';
import { newId } from '../ids';
import {
	contentTitles,
	findContent,
	latestScenarioRevision,
	listContentFields
} from '../content/store';
import { compiledRevisionFor } from './compiled-revisions';
import { expireIfDue, findAttempt, startAttemptOnRevision } from './attempts';
import { followsRep } from '../coaching/comments';
import type { SessionUser } from '../auth/session';
import type { ContentLocale, Series } from '$lib/engine/content/index';
import { callNotes } from '$lib/engine/series/check';
import {
	scoreSeries,
	type CallEnding,
	type PlayedCall,
	type SeriesScore
} from '$lib/engine/series/score';
import { readRolePlay, type Facts } from '$lib/engine/scenario/index';
import { isFinished } from '$lib/attempt-status';

/** A call's place in a run, as the run page shows it. */
export type CallState = 'done' | 'playing' | 'hung-up' | 'next' | 'later' | 'never';

export interface SeriesCard {
	id: string;
	locale: ContentLocale;
	title: string;
	objective: string | null;
	persona: Series['persona'];
	calls: number;
	/** The rep's latest run of it, if any. */
	run: { id: string; status: SeriesRunStatus; callsDone: number } | null;
}

/**
 * The series a rep can play, in their content language, each with the rep's latest run (settled
 * first: a call just ended counts as done).
 */
export function listSeries(
	db: Db,
	userId: string,
	locale: ContentLocale,
	now = new Date()
): SeriesCard[] {
	const items = listContentFields(db, 'series', locale, ['title', 'objective', 'persona', 'calls']);
	if (items.length === 0) return [];
	const runs = db
		.select()
		.from(seriesRuns)
		.where(
			and(
				eq(seriesRuns.userId, userId),
				inArray(
					seriesRuns.seriesId,
					items.map((item) => item.id)
				)
			)
		)
		.orderBy(desc(seriesRuns.startedAt))
		.all();
	const latest = new Map<string, (typeof runs)[number]>();
	for (const run of runs) if (!latest.has(run.seriesId)) latest.set(run.seriesId, run);
	return items.map((item) => {
		const found = latest.get(item.id);
		const run = found && settleSeriesRun(db, found, now);
		return {
			id: item.id,
			locale: item.locale,
			title: item.title,
			objective: item.objective ?? null,
			persona: item.persona,
			calls: item.calls.length,
			run: run
				? { id: run.id, status: run.status, callsDone: settledCalls(db, run.id).length }
				: null
		};
	});
}

export function findSeriesRun(db: Db, runId: string): SeriesRun | undefined {
	return db.select().from(seriesRuns).where(eq(seriesRuns.id, runId)).get();
}

/** The rep's runs of a series, newest first. */
export function listSeriesRuns(db: Db, userId: string, seriesId: string): SeriesRun[] {
	return db
		.select()
		.from(seriesRuns)
		.where(and(eq(seriesRuns.userId, userId), eq(seriesRuns.seriesId, seriesId)))
		.orderBy(desc(seriesRuns.startedAt))
		.all();
}

/**
 * Who reads a run: its rep (`own`), a manager who coaches the rep or an admin (`coach`), as for
 * the rep's role-plays; nobody else (null: the route answers 404).
 */
export function seriesRunReader(
	db: Db,
	user: SessionUser,
	run: Pick<SeriesRun, 'userId'>
): 'own' | 'coach' | null {
	if (run.userId === user.id) return 'own';
	return followsRep(db, user, run.userId) ? 'coach' : null;
}

function callsOf(db: Db, runId: string) {
	return db
		.select()
		.from(seriesRunCalls)
		.where(eq(seriesRunCalls.runId, runId))
		.orderBy(asc(seriesRunCalls.index))
		.all();
}

function settledCalls(db: Db, runId: string) {
	return callsOf(db, runId).filter((call) => call.factsAfter !== null);
}

/**
 * Records the facts after the run's latest call once its role-play has ended (by the customer or
 * the clock), and what that means for the run: a call lost or out of time ends it, the last call
 * played finishes it. A call hung up by the rep is not settled: it is played again. Returns the run
 * as it now is.
 */
export function settleSeriesRun(db: Db, run: SeriesRun, now = new Date()): SeriesRun {
	if (run.status !== 'active') return run;
	const latest = callsOf(db, run.id).at(-1);
	if (!latest || latest.factsAfter !== null) return run;
	const found = findAttempt(db, latest.attemptId);
	if (!found) return run;
	const attempt = expireIfDue(db, found, now);
	if (!isFinished(attempt.status)) return run;
	const { compiled } = compiledRevisionFor(db, attempt.revisionId);
	const facts: Facts = readRolePlay(compiled, attempt.snapshot).context.facts ?? run.facts;
	const lost = attempt.status === 'lost' || attempt.status === 'timeout';
	const last = latest.index + 1 >= run.series.calls.length;
	const status: SeriesRunStatus = lost ? 'lost' : last ? 'finished' : 'active';
	return db.transaction((tx) => {
		tx.update(seriesRunCalls)
			.set({ factsAfter: facts })
			.where(and(eq(seriesRunCalls.runId, run.id), eq(seriesRunCalls.index, latest.index)))
			.run();
		return tx
			.update(seriesRuns)
			.set({ facts, status, endedAt: status === 'active' ? null : now })
			.where(eq(seriesRuns.id, run.id))
			.returning()
			.get()!;
	});
}

export interface SeriesCallView {
	index: number;
	scenarioId: string;
	title: string;
	daysAfter: number;
	/** The day of the story the call is on, counting the first call's as day 1. */
	day: number;
	meanwhile: string | null;
	state: CallState;
	attempt: { id: string; status: AttemptStatus; score: number; mode: AttemptMode } | null;
	/** The call notes as they stood after this call, once it has ended. */
	notesAfter: { fact: string; text: string }[] | null;
}

export interface SeriesRunView {
	run: SeriesRun;
	calls: SeriesCallView[];
	/** The facts as the rep would note them, after the calls settled so far. */
	notes: { fact: string; text: string }[];
	/** The call to play now (0-based), or null when the run is over. */
	next: number | null;
	/** Whether the next call can be played with multiple choice. */
	nextHasChoices: boolean;
	/** The run scored as a series: each ended call, the promises, the evidence and the outcome. */
	journey: SeriesScore;
}

const CALL_ENDINGS: readonly AttemptStatus[] = ['won', 'lost', 'neutral', 'timeout'];
const endingOf = (status: AttemptStatus | undefined): CallEnding | null =>
	status && CALL_ENDINGS.includes(status) ? (status as CallEnding) : null;

/** A run's calls as the series score reads them: each call's role-play score and ending, and the facts after it. */
function playedCalls(
	rows: readonly Pick<SeriesRunCall, 'attemptId' | 'factsAfter'>[],
	attemptsById: ReadonlyMap<string, { score: number; status: AttemptStatus }>
): PlayedCall[] {
	return rows.map((row) => ({
		score: attemptsById.get(row.attemptId)?.score ?? 0,
		ending: row.factsAfter ? endingOf(attemptsById.get(row.attemptId)?.status) : null,
		facts: row.factsAfter
	}));
}

/**
 * For each member (a rep, and when their evidence starts to count), the best series score of each
 * of the series named that they played to the end: what an onboarding plan's series module counts.
 * Two queries whatever the number of members: a cohort page asks for dozens of reps at once.
 */
export function bestSeriesScores(
	db: Db,
	members: readonly { userId: string; since: Date }[],
	seriesIds: readonly string[]
): Map<string, number>[] {
	const best = members.map(() => new Map<string, number>());
	if (members.length === 0 || seriesIds.length === 0) return best;
	// Prepared once, the lists bound as JSON: a cohort page and the dashboard ask on every view.
	const runs = prepared(db, 'best-series-runs', () =>
		db
			.select()
			.from(seriesRuns)
			.where(
				and(
					eq(seriesRuns.status, 'finished'),
					inJsonList(seriesRuns.userId, 'users'),
					inJsonList(seriesRuns.seriesId, 'series')
				)
			)
			.prepare()
	).all({
		users: JSON.stringify([...new Set(members.map((m) => m.userId))]),
		series: JSON.stringify(seriesIds)
	});
	if (runs.length === 0) return best;
	const rows = prepared(db, 'best-series-calls', () =>
		db
			.select({
				runId: seriesRunCalls.runId,
				attemptId: seriesRunCalls.attemptId,
				factsAfter: seriesRunCalls.factsAfter,
				score: attempts.score,
				status: attempts.status
			})
			.from(seriesRunCalls)
			.innerJoin(attempts, eq(attempts.id, seriesRunCalls.attemptId))
			.where(inJsonList(seriesRunCalls.runId, 'runs'))
			.orderBy(asc(seriesRunCalls.runId), asc(seriesRunCalls.index))
			.prepare()
	).all({ runs: JSON.stringify(runs.map((run) => run.id)) });
	const callsByRun = new Map<string, typeof rows>();
	for (const row of rows) callsByRun.set(row.runId, [...(callsByRun.get(row.runId) ?? []), row]);
	for (const run of runs) {
		const calls = callsByRun.get(run.id) ?? [];
		const { score } = scoreSeries(
			run.series,
			playedCalls(calls, new Map(calls.map((c) => [c.attemptId, c]))),
			true
		);
		members.forEach((member, i) => {
			if (member.userId !== run.userId || run.startedAt < member.since) return;
			const known = best[i]!.get(run.seriesId);
			if (known === undefined || score > known) best[i]!.set(run.seriesId, score);
		});
	}
	return best;
}

/** A run for its page: each call with its role-play and where it stands, and the call notes. */
export function loadSeriesRun(db: Db, run: SeriesRun): SeriesRunView {
	const rows = callsOf(db, run.id);
	const attemptRows = rows.length
		? db
				.select({
					id: attempts.id,
					status: attempts.status,
					score: attempts.score,
					mode: attempts.mode
				})
				.from(attempts)
				.where(
					inArray(
						attempts.id,
						rows.map((row) => row.attemptId)
					)
				)
				.all()
		: [];
	const byId = new Map(attemptRows.map((a) => [a.id, a]));
	const titles = new Map(
		contentTitles(
			db,
			'scenario',
			run.series.calls.map((call) => call.scenario),
			run.locale
		).map((t) => [t.id, t.title])
	);
	const settled = rows.filter((row) => row.factsAfter !== null).length;
	const next = run.status === 'active' ? settled : null;
	let day = 1;
	const calls = run.series.calls.map((call, index): SeriesCallView => {
		day += index === 0 ? 0 : call.daysAfter;
		const row = rows[index];
		const attempt = row ? (byId.get(row.attemptId) ?? null) : null;
		let state: CallState;
		if (row?.factsAfter) state = 'done';
		else if (next === null) state = 'never';
		else if (index > next) state = 'later';
		else if (attempt?.status === 'active') state = 'playing';
		else if (attempt?.status === 'abandoned') state = 'hung-up';
		else state = 'next';
		return {
			index,
			scenarioId: call.scenario,
			title: titles.get(call.scenario) ?? call.scenario,
			daysAfter: call.daysAfter,
			day,
			meanwhile: call.meanwhile ?? null,
			state,
			attempt,
			notesAfter: row?.factsAfter ? callNotes(run.series, row.factsAfter) : null
		};
	});
	const played = playedCalls(rows, byId);
	const nextScenario =
		next === null
			? undefined
			: findContent(db, 'scenario', run.series.calls[next]!.scenario, run.locale);
	return {
		run,
		calls,
		notes: callNotes(run.series, run.facts),
		next,
		nextHasChoices:
			!!nextScenario &&
			Object.values(nextScenario.data.beats).every(
				(beat) => beat.end !== undefined || beat.choices.length > 0
			),
		journey: scoreSeries(run.series, played, run.status !== 'active')
	};
}

/** Starts a run of a series for a rep, with no facts yet. Null: no such series. */
export function startSeriesRun(
	db: Db,
	userId: string,
	seriesId: string,
	locale: ContentLocale,
	now = new Date()
): SeriesRun | null {
	const item = findContent(db, 'series', seriesId, locale);
	if (!item) return null;
	return db
		.insert(seriesRuns)
		.values({
			id: newId(),
			userId,
			seriesId,
			locale: item.locale,
			series: item.data,
			facts: {},
			startedAt: now
		})
		.returning()
		.get();
}

export type NextCallOutcome =
	{ ok: true; attempt: Attempt } | { ok: false; reason: 'over' | 'missing-scenario' };

/**
 * The role-play of the run's next call, with the facts of the calls before it in its machine
 * context: the one being played if there is one, else a new one (a call hung up starts again).
 */
export function playNextCall(
	db: Db,
	run: SeriesRun,
	mode: PracticeMode,
	now = new Date()
): NextCallOutcome {
	const current = settleSeriesRun(db, run, now);
	if (current.status !== 'active') return { ok: false, reason: 'over' };
	const rows = callsOf(db, current.id);
	const index = rows.filter((row) => row.factsAfter !== null).length;
	const row = rows[index];
	const playing = row ? findAttempt(db, row.attemptId) : undefined;
	if (playing?.status === 'active') return { ok: true, attempt: playing };
	const revision = latestScenarioRevision(
		db,
		current.series.calls[index]!.scenario,
		current.locale
	);
	if (!revision) return { ok: false, reason: 'missing-scenario' };
	const attempt = db.transaction((tx) => {
		const started = startAttemptOnRevision(
			tx,
			{ revisionId: revision.id, userId: current.userId, interviewId: null, mode },
			now,
			current.facts
		);
		if (row)
			tx.update(seriesRunCalls)
				.set({ attemptId: started.id })
				.where(and(eq(seriesRunCalls.runId, current.id), eq(seriesRunCalls.index, index)))
				.run();
		else
			tx.insert(seriesRunCalls).values({ runId: current.id, index, attemptId: started.id }).run();
		return started;
	});
	return { ok: true, attempt };
}

/**
 * Plays the run's latest ended call again, within the run: the run goes back to before that call
 * (its facts as they were, active again even if the call lost it) and the call's row points at a
 * new role-play started with those facts. Only the latest call can be: replaying an earlier one
 * would unmake the calls after it. The call's earlier role-play stays among the rep's practice.
 */
export function replayCall(
	db: Db,
	run: SeriesRun,
	index: number,
	mode: PracticeMode,
	now = new Date()
): NextCallOutcome {
	const current = settleSeriesRun(db, run, now);
	const rows = callsOf(db, current.id);
	const row = rows.at(-1);
	if (!row || row.index !== index || row.factsAfter === null) return { ok: false, reason: 'over' };
	const revision = latestScenarioRevision(
		db,
		current.series.calls[index]!.scenario,
		current.locale
	);
	if (!revision) return { ok: false, reason: 'missing-scenario' };
	const before = rows[index - 1]?.factsAfter ?? {};
	const attempt = db.transaction((tx) => {
		const started = startAttemptOnRevision(
			tx,
			{ revisionId: revision.id, userId: current.userId, interviewId: null, mode },
			now,
			before
		);
		tx.update(seriesRunCalls)
			.set({ attemptId: started.id, factsAfter: null })
			.where(and(eq(seriesRunCalls.runId, current.id), eq(seriesRunCalls.index, index)))
			.run();
		tx.update(seriesRuns)
			.set({ facts: before, status: 'active', endedAt: null })
			.where(eq(seriesRuns.id, current.id))
			.run();
		return started;
	});
	return { ok: true, attempt };
}

/**
 * Whether a call of a run can be played again within it: it is the run's latest call, and has
 * ended (the run is settled first: the call's result page asks the moment the call ends).
 */
export function canReplayCall(db: Db, runId: string, index: number, now = new Date()): boolean {
	const run = findSeriesRun(db, runId);
	if (run) settleSeriesRun(db, run, now);
	const latest = callsOf(db, runId).at(-1);
	return !!latest && latest.index === index && latest.factsAfter !== null;
}

/** The run a role-play is a call of, if any: the role-play's page links back to it. */
export function runOfAttempt(
	db: Db,
	attemptId: string
): { runId: string; seriesId: string; index: number; title: string } | undefined {
	// Prepared once: every view of a role-play asks whether it is a call of a series.
	return prepared(db, 'series-run-of-attempt', () =>
		db
			.select({
				runId: seriesRunCalls.runId,
				seriesId: seriesRuns.seriesId,
				index: seriesRunCalls.index,
				title: sql<string>`json_extract(${seriesRuns.series}, '$.title')`
			})
			.from(seriesRunCalls)
			.innerJoin(seriesRuns, eq(seriesRuns.id, seriesRunCalls.runId))
			.where(eq(seriesRunCalls.attemptId, sql.placeholder('attemptId')))
			.prepare()
	).get({ attemptId });
}

/** A rep's series runs for their data export: each with its calls' role-plays and facts after them. */
export function seriesRunsForExport(db: Db, userId: string) {
	return db
		.select()
		.from(seriesRuns)
		.where(eq(seriesRuns.userId, userId))
		.orderBy(asc(seriesRuns.startedAt))
		.all()
		.map((run) => ({
			...run,
			calls: callsOf(db, run.id).map(({ index, attemptId, factsAfter }) => ({
				index,
				attemptId,
				factsAfter
			}))
		}));
}
