import { and, asc, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { inJsonList, prepared, type AppDb, type Db } from '../db/index';
import { commitTogether } from '../db/group-commit';
import { keptPerDatabase } from '../cache';
import { makeScriptDue } from '../onboarding/review-cards';
import { completeScenarioAssignments } from '../coaching/assignments';
import {
	attempts,
	interviews,
	scenarioRevisions,
	skillRollups,
	turns,
	type Attempt,
	type AttemptStatus,
	type AttemptMode,
	type PracticeMode,
	type TurnRow
} from '../db/schema';
import { newId } from '../ids';
import { isBlank } from '../forms';
import {
	builtFromContent,
	latestScenarioRevision,
	lexiconPhrasebook,
	listContentFields,
	findContent
} from '../content/store';
import {
	BadChoiceError,
	compileScenario,
	readRolePlay,
	startRolePlay,
	step,
	timeOut,
	type CompiledScenario,
	type Facts,
	type ReplyInput,
	type RolePlayState,
	type Turn
} from '$lib/engine/scenario/index';
import type { ContentLocale, Scenario } from '$lib/engine/content/index';
import { criterionShare, criterionWeights, finalScore } from '$lib/engine/scoring/attempt-score';
import { isBriefed, withoutBriefedCriteria } from '$lib/engine/hiring/brief';
import { pageOf, type Pager } from '$lib/pages';
import { countsAsPracticeSql, finishedSql } from './attempt-counts';
import { rolePlayEnded, rolePlayStarted } from '../derived/role-plays';
import { insertRecording, type StoredFile } from './recordings';

/** The longest reply accepted, in characters. */
export const REPLY_MAX_LENGTH = 2000;

/** Scenarios compiled with the lexicon as published: the few hundred revisions in use. */
const compiledRevisions = keptPerDatabase<{ compiled: CompiledScenario; locale: ContentLocale }>({
	limit: 500,
	dependsOn: 'content'
});

/**
 * The compiled machine of a revision, scoring with its language's lexicon as published now.
 * Revisions never change and compiling is pure, so each is read and compiled once per process, and
 * again only when the content changes (a phrase a trainer adds to the lexicon counts from the next
 * reply on). `unbriefed`: scoring without the key points that need a brief (`withoutBriefedCriteria`).
 */
export function compiledRevisionFor(
	db: Db,
	revisionId: string,
	unbriefed = false
): { compiled: CompiledScenario; locale: ContentLocale } {
	const key = unbriefed ? `${revisionId} unbriefed` : revisionId;
	return compiledRevisions.get(db, key, () => {
		const revision = db
			.select()
			.from(scenarioRevisions)
			.where(eq(scenarioRevisions.id, revisionId))
			.get();
		if (!revision) throw new Error(`missing scenario revision ${revisionId}`);
		return {
			compiled: compileScenario(
				unbriefed ? withoutBriefedCriteria(revision.data) : revision.data,
				lexiconPhrasebook(db, revision.locale)
			),
			locale: revision.locale
		};
	});
}

export interface PracticeScenario {
	id: string;
	locale: ContentLocale;
	title: string;
	/** Only what the list shows of the customer. */
	persona: Pick<Scenario['persona'], 'name' | 'role' | 'company'>;
	difficulty: Scenario['difficulty'];
	minutes: number;
	pass: number;
	/** Over the rep's finished role-plays of the scenario (see `isFinished`). */
	best: number | null;
	/** The rep's role-plays of the scenario that count as practice: hung-up calls are left out. */
	attempts: number;
}

/**
 * The scenarios a rep can practise, a page at a time (`?page=`), each with the rep's best score and
 * number of attempts. The list of scenarios is kept until the content changes; only the rep's own
 * figures are read on each visit.
 */
export function listPracticeScenarios(
	db: Db,
	userId: string,
	locale: ContentLocale,
	page: { perPage: number; requested: string | null } = { perPage: Infinity, requested: null }
): { scenarios: PracticeScenario[]; pager: Pager } {
	const cards = builtFromContent(db, `practice-cards:${locale}`, () =>
		listContentFields(db, 'scenario', locale, [
			'title',
			'persona',
			'difficulty',
			'minutes',
			'pass'
		]).map(({ persona, ...item }) => ({
			...item,
			persona: { name: persona.name, role: persona.role, company: persona.company }
		}))
	);
	const { items, pager } = pageOf(cards, page.perPage, page.requested);
	// Only the scenarios on the page, in a statement prepared once.
	const statement = prepared(db, 'practice-stats', () =>
		db
			.select({
				scenarioId: attempts.scenarioId,
				best: sql<
					number | null
				>`max(case when ${finishedSql(attempts.status)} then ${attempts.score} end)`,
				count: sql<number>`count(*)`
			})
			.from(attempts)
			.where(
				and(
					eq(attempts.userId, sql.placeholder('userId')),
					inJsonList(attempts.scenarioId, 'scenarios'),
					countsAsPracticeSql(attempts.status)
				)
			)
			.groupBy(attempts.scenarioId)
			.prepare()
	);
	const stats = new Map(
		statement
			.all({ userId, scenarios: JSON.stringify(items.map((item) => item.id)) })
			.map((row) => [row.scenarioId, row])
	);
	const scenarios = items.map((item) => ({
		...item,
		best: stats.get(item.id)?.best ?? null,
		attempts: stats.get(item.id)?.count ?? 0
	}));
	return { scenarios, pager };
}

export function startAttempt(
	db: Db,
	userId: string,
	scenarioId: string,
	locale: ContentLocale,
	mode: PracticeMode,
	now = new Date()
): Attempt | null {
	const item = findContent(db, 'scenario', scenarioId, locale);
	if (!item) return null;
	const revision = latestScenarioRevision(db, scenarioId, item.locale);
	if (!revision) return null;
	return startAttemptOnRevision(
		db,
		{ revisionId: revision.id, userId, interviewId: null, mode },
		now
	);
}

/**
 * Starts a role-play on a given revision: a rep's practice, or an interview's. A call of a series
 * starts with the `facts` its earlier calls recorded.
 */
export function startAttemptOnRevision(
	db: Db,
	input: {
		revisionId: string;
		userId: string | null;
		interviewId: string | null;
		mode: AttemptMode;
	},
	now = new Date(),
	facts: Facts = {}
): Attempt {
	const { compiled } = compiledRevisionFor(db, input.revisionId);
	const { snapshot } = startRolePlay(compiled, { facts });
	return db.transaction((tx) => {
		const attempt = tx
			.insert(attempts)
			.values({
				id: newId(),
				...input,
				scenarioId: compiled.scenario.id,
				snapshot,
				startedAt: now,
				deadlineAt: new Date(now.getTime() + compiled.scenario.minutes * 60_000)
			})
			.returning()
			.get();
		rolePlayStarted(tx, attempt);
		return attempt;
	});
}

export interface LoadedAttempt {
	attempt: Attempt;
	/** The content locale of the revision the attempt runs on. */
	locale: ContentLocale;
	scenario: Scenario;
	state: RolePlayState;
	turns: TurnRow[];
}

export function findAttempt(db: Db, attemptId: string): Attempt | undefined {
	return prepared(db, 'attempt-by-id', () =>
		db
			.select()
			.from(attempts)
			.where(eq(attempts.id, sql.placeholder('id')))
			.prepare()
	).get({ id: attemptId });
}

export function loadAttempt(db: Db, attempt: Attempt): LoadedAttempt {
	const { compiled, locale } = compiledRevisionFor(db, attempt.revisionId);
	return {
		attempt,
		locale,
		scenario: compiled.scenario,
		state: readRolePlay(compiled, attempt.snapshot),
		// Prepared once: the practice room reloads after every turn.
		turns: prepared(db, 'attempt-turns', () =>
			db
				.select()
				.from(turns)
				.where(eq(turns.attemptId, sql.placeholder('id')))
				.orderBy(asc(turns.index))
				.prepare()
		).all({ id: attempt.id })
	};
}

function statusOf(state: RolePlayState): AttemptStatus {
	return state.ended ?? 'active';
}

/**
 * Ends an attempt whose time box has run out. Returns the attempt as it now is. Called whenever an
 * attempt is loaded or answered, so a tab left open ends by itself, out of time, on the next visit
 * (a finished result, unlike a call the rep hangs up: see `hangUp`).
 */
export function expireIfDue(db: Db, attempt: Attempt, now = new Date()): Attempt {
	if (attempt.status !== 'active' || attempt.deadlineAt.getTime() > now.getTime()) return attempt;
	const { snapshot, state } = timeOut(
		compiledRevisionFor(db, attempt.revisionId).compiled,
		attempt.snapshot
	);
	// A call ended by the clock is a result: it may complete an assignment, in the same transaction.
	const updated = db.transaction(() => {
		const ended = db
			.update(attempts)
			.set({
				snapshot,
				status: 'timeout',
				score: finalScore(state.score, attempt.hintsUsed),
				endedAt: now
			})
			.where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'active')))
			.returning()
			.get();
		if (ended) {
			rolePlayEnded(db, ended);
			completeScenarioAssignments(db, ended, now);
		}
		return ended;
	});
	return updated ?? findAttempt(db, attempt.id)!;
}

export type TurnOutcome =
	| { ok: true; turn: Turn; state: RolePlayState; attempt: Attempt }
	| { ok: false; reason: 'ended' | 'stale' | 'empty' | 'too-long' | 'bad-choice' };

/** A turn decided but not yet written: what `writeTurn` stores. */
interface PlannedTurn {
	attempt: Attempt;
	scenario: Scenario;
	expectedTurn: number;
	now: Date;
	result: ReturnType<typeof step>;
}

/**
 * Answers one turn and resolves once it is stored: the route's way in. The turn is planned (checked,
 * scored, the customer moved on) straight away and written in a transaction shared with the other
 * turns that arrived meanwhile (see `commitTogether`), so many reps answering at once share commits.
 */
export async function answerTurn(
	db: AppDb,
	attemptOrId: Attempt | string,
	input: ReplyInput,
	expectedTurn: number,
	now = new Date(),
	recording: StoredFile | null = null
): Promise<TurnOutcome> {
	const planned = planTurn(db, attemptOrId, input, expectedTurn, now);
	return 'plan' in planned
		? commitTogether(db, () => writeTurn(db, planned.plan, recording))
		: planned;
}

/** `answerTurn` in one transaction of its own, synchronously: for scripts and tests. */
export function submitTurn(
	db: AppDb,
	attemptOrId: Attempt | string,
	input: ReplyInput,
	expectedTurn: number,
	now = new Date()
): TurnOutcome {
	const planned = planTurn(db, attemptOrId, input, expectedTurn, now);
	// IMMEDIATE takes the write lock before the first read: with several processes on one database
	// a deferred read-then-write would fail with SQLITE_BUSY instead of waiting its turn.
	return 'plan' in planned
		? db.$client.transaction(() => writeTurn(db, planned.plan)).immediate()
		: planned;
}

/**
 * Whether the attempt is an online candidate's role-play on an interview without a brief: its
 * replies are scored without the key points of product facts the candidate was never told (the
 * live interviewer judges each line as a whole, so a live record is scored as it always was).
 */
function scoredUnbriefed(db: Db, attempt: Attempt): boolean {
	if (attempt.interviewId === null || attempt.mode === 'live') return false;
	const interview = db
		.select({ brief: interviews.brief })
		.from(interviews)
		.where(eq(interviews.id, attempt.interviewId))
		.get();
	return interview !== undefined && !isBriefed(interview);
}

/** The checks, the score and the customer's next move for a reply; reads only. */
function planTurn(
	db: Db,
	attemptOrId: Attempt | string,
	input: ReplyInput,
	expectedTurn: number,
	now: Date
): { plan: PlannedTurn } | Extract<TurnOutcome, { ok: false }> {
	const found = typeof attemptOrId === 'string' ? findAttempt(db, attemptOrId) : attemptOrId;
	if (!found) return { ok: false, reason: 'ended' };
	const attempt = expireIfDue(db, found, now);
	if (attempt.status !== 'active') return { ok: false, reason: 'ended' };
	if (attempt.turnCount !== expectedTurn) return { ok: false, reason: 'stale' };
	if (input.mode === 'text') {
		if (isBlank(input.reply)) return { ok: false, reason: 'empty' };
		if ([...input.reply].length > REPLY_MAX_LENGTH) return { ok: false, reason: 'too-long' };
	}
	const { compiled } = compiledRevisionFor(db, attempt.revisionId, scoredUnbriefed(db, attempt));
	const earlier = prepared(db, 'attempt-replies', () =>
		db
			.select({ reply: turns.reply })
			.from(turns)
			.where(eq(turns.attemptId, sql.placeholder('id')))
			.prepare()
	).all({ id: attempt.id });
	try {
		const result = step(
			compiled,
			attempt.snapshot,
			input,
			earlier.map((t) => t.reply)
		);
		return { plan: { attempt, scenario: compiled.scenario, expectedTurn, now, result } };
	} catch (cause) {
		// A choice the beat does not have is the rep's (a stale or edited form); anything else is a
		// bug, and surfaces (a 500, logged with its cause) rather than passing for a bad choice.
		if (cause instanceof BadChoiceError) return { ok: false, reason: 'bad-choice' };
		throw new Error(
			`Turn ${expectedTurn} of attempt ${attempt.id} (revision ${attempt.revisionId}) could not be played`,
			{ cause }
		);
	}
}

/**
 * Writes a planned turn and the new snapshot, only if the attempt is still at the turn the plan was
 * made for: a reply from a stale second tab changes nothing. Runs inside the caller's transaction.
 * (Not drizzle's `db.transaction`: it builds a query builder for every table on each call, which
 * cost a turn more than its statements.)
 */
function writeTurn(
	db: Db,
	{ attempt, scenario, expectedTurn, now, result }: PlannedTurn,
	recording: StoredFile | null = null
): TurnOutcome {
	const status = statusOf(result.state);
	const statements = turnStatements(db);
	// Read again inside the transaction: a hint opened meanwhile must count in the score.
	const current = statements.hintsUsed.get({ id: attempt.id });
	if (!current) return { ok: false, reason: 'ended' };
	const updated: Attempt = {
		...attempt,
		snapshot: result.snapshot,
		status,
		score: finalScore(result.state.score, current.hintsUsed),
		turnCount: attempt.turnCount + 1,
		hintsUsed: current.hintsUsed,
		endedAt: status === 'active' ? null : now
	};
	// The set values are raw placeholders, so they are given as stored: JSON text, milliseconds.
	const { changes } = statements.advance.run({
		id: attempt.id,
		expectedTurn,
		snapshot: JSON.stringify(updated.snapshot),
		status: updated.status,
		score: updated.score,
		turnCount: updated.turnCount,
		endedAt: updated.endedAt?.getTime() ?? null
	});
	if (changes === 0) return { ok: false, reason: 'stale' };
	const beat = scenario.beats[result.turn.beat];
	statements.insertTurn.run({
		attemptId: attempt.id,
		index: attempt.turnCount,
		beat: result.turn.beat,
		customer: result.turn.customer,
		reply: result.turn.reply,
		choice: result.turn.choice,
		scriptId: beat?.script ?? null,
		score: result.turn.score,
		result: result.turn.result,
		createdAt: now
	});
	// The spoken reply's file is already on disk: its row goes in with the turn, or not at all.
	if (recording) insertRecording(db, recording, attempt.id, attempt.turnCount, now);
	if (attempt.userId) {
		if (beat?.script)
			addToRollup(db, attempt.userId, 'script', beat.script, result.turn.score * 100);
		for (const c of criterionWeights(result.turn.result.points))
			addToRollup(db, attempt.userId, 'criterion', c.criterion, criterionShare(c));
	}
	// A rep who missed key points of a line gets its script entry back for review, now.
	if (attempt.userId && beat?.script && result.turn.result.points.some((point) => !point.hit))
		makeScriptDue(db, attempt.userId, beat.script, now);
	// The last turn of a call counts in the kept totals and may complete an assignment: written
	// with it, or not at all.
	if (status !== 'active') {
		rolePlayEnded(db, updated);
		completeScenarioAssignments(db, updated, now);
	}
	return { ok: true, turn: result.turn, state: result.state, attempt: updated };
}

/**
 * The writes of a turn, prepared once: building and compiling the SQL on every turn cost more
 * than running it (a turn took ~1 ms in-process before, most of it in query building).
 */
function turnStatements(db: Db) {
	const p = sql.placeholder;
	return prepared(db, 'turn-statements', () => ({
		hintsUsed: db
			.select({ hintsUsed: attempts.hintsUsed })
			.from(attempts)
			.where(eq(attempts.id, p('id')))
			.prepare(),
		advance: db
			.update(attempts)
			.set({
				snapshot: sql`${p('snapshot')}`,
				status: sql`${p('status')}`,
				score: sql`${p('score')}`,
				turnCount: sql`${p('turnCount')}`,
				endedAt: sql`${p('endedAt')}`
			})
			.where(
				and(
					eq(attempts.id, p('id')),
					eq(attempts.turnCount, p('expectedTurn')),
					eq(attempts.status, 'active')
				)
			)
			.prepare(),
		insertTurn: db
			.insert(turns)
			.values({
				attemptId: p('attemptId'),
				index: p('index'),
				beat: p('beat'),
				customer: p('customer'),
				reply: p('reply'),
				choice: p('choice'),
				scriptId: p('scriptId'),
				score: p('score'),
				result: p('result'),
				createdAt: p('createdAt')
			})
			.prepare(),
		rollup: db
			.insert(skillRollups)
			.values({
				userId: p('userId'),
				dimension: p('dimension'),
				key: p('key'),
				sum: p('value'),
				count: 1
			})
			.onConflictDoUpdate({
				target: [skillRollups.userId, skillRollups.dimension, skillRollups.key],
				set: { sum: sql`${skillRollups.sum} + excluded.sum`, count: sql`${skillRollups.count} + 1` }
			})
			.prepare()
	}));
}

/**
 * Opens the hint for the current turn. It costs HINT_COST points (`attempt-score.ts`) once per turn: opening it again,
 * or reloading the page while it is open, costs nothing more.
 */
export function useHint(db: Db, attemptId: string): Attempt | undefined {
	db.update(attempts)
		.set({ hintsUsed: sql`${attempts.hintsUsed} + 1`, hintTurn: sql`${attempts.turnCount}` })
		.where(
			and(
				eq(attempts.id, attemptId),
				eq(attempts.status, 'active'),
				or(isNull(attempts.hintTurn), ne(attempts.hintTurn, attempts.turnCount))
			)
		)
		.run();
	return findAttempt(db, attemptId);
}

export type HangUpOutcome = { ok: true; attempt: Attempt } | { ok: false; reason: 'ended' };

/**
 * Ends a running role-play because the rep hung up. It is kept, with its turns, as `abandoned`: not
 * a practice result, so no total, average, leaderboard or weak spot counts it (see
 * `$lib/attempt-status`). It is taken out of the weekly totals and its replies out of the
 * weak-spot roll-ups here, in the same transaction. A role-play that has
 * already ended (by its customer, its clock or an earlier hang-up) is left as it is.
 */
export function hangUp(db: AppDb, attemptId: string, now = new Date()): HangUpOutcome {
	// IMMEDIATE, as a turn: the status is read and changed under the write lock, so a turn being
	// written at the same moment is either in before (and taken out below) or refused after.
	return db.$client
		.transaction((): HangUpOutcome => {
			const attempt = db
				.update(attempts)
				.set({ status: 'abandoned', endedAt: now })
				.where(and(eq(attempts.id, attemptId), eq(attempts.status, 'active')))
				.returning()
				.get();
			if (!attempt) return { ok: false, reason: 'ended' };
			rolePlayEnded(db, attempt);
			if (attempt.userId) removeFromRollups(db, attempt.userId, attempt.id);
			return { ok: true, attempt };
		})
		.immediate();
}

/** Takes a role-play's replies back out of its rep's running totals: the exact reverse of `writeTurn`'s. */
function removeFromRollups(db: Db, userId: string, attemptId: string): void {
	const rows = db
		.select({ scriptId: turns.scriptId, score: turns.score, result: turns.result })
		.from(turns)
		.where(eq(turns.attemptId, attemptId))
		.all();
	const take = (dimension: 'script' | 'criterion', key: string, value: number) =>
		db
			.update(skillRollups)
			.set({ sum: sql`${skillRollups.sum} - ${value}`, count: sql`${skillRollups.count} - 1` })
			.where(
				and(
					eq(skillRollups.userId, userId),
					eq(skillRollups.dimension, dimension),
					eq(skillRollups.key, key)
				)
			)
			.run();
	for (const row of rows) {
		if (row.scriptId) take('script', row.scriptId, row.score * 100);
		for (const c of criterionWeights(row.result.points))
			take('criterion', c.criterion, criterionShare(c));
	}
	// A total left with no reply is no total: weak spots must not show an empty cell as practised.
	if (rows.length > 0)
		db.delete(skillRollups)
			.where(and(eq(skillRollups.userId, userId), sql`${skillRollups.count} <= 0`))
			.run();
}

/** Whether the hint for the attempt's current turn has been opened (and paid for). */
export function hintOpen(attempt: Attempt): boolean {
	return attempt.status === 'active' && attempt.hintTurn === attempt.turnCount;
}

export function listAttemptsFor(db: Db, userId: string, scenarioId: string): Attempt[] {
	return db
		.select()
		.from(attempts)
		.where(and(eq(attempts.userId, userId), eq(attempts.scenarioId, scenarioId)))
		.orderBy(desc(attempts.startedAt))
		.all();
}

function addToRollup(
	db: Db,
	userId: string,
	dimension: 'script' | 'criterion',
	key: string,
	value: number
): void {
	turnStatements(db).rollup.run({ userId, dimension, key, value });
}
