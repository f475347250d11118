// A turn's path: the reply checked, scored and the customer moved on (`planTurn`, reads only), then
// written with everything it changes in one transaction (`writeTurn`).
import { and, eq, sql } from 'drizzle-orm';
import { prepared, type AppDb, type Db } from '../db/index';
import { commitTogether } from '../db/group-commit';
import { makeScriptDue } from '../onboarding/review-cards';
import { completeScenarioAssignments } from '../coaching/assignments';
import { attempts, interviews, turns, type Attempt, type AttemptStatus } from '../db/schema';
import { isBlank } from '../forms';
import {
	BadChoiceError,
	step,
	type ReplyInput,
	type RolePlayState,
	type Turn
} from '$lib/engine/scenario/index';
import type { Scenario } from '$lib/engine/content/index';
import { finalScore } from '$lib/engine/scoring/attempt-score';
import { isBriefed } from '$lib/engine/hiring/brief';
import { rolePlayEnded } from '../derived/role-plays';
import { addToSkillRollups } from '../derived/skill-rollups';
import { insertRecording, type StoredFile } from './recordings';
import { compiledRevisionFor } from './compiled-revisions';
import { expireIfDue, findAttempt } from './attempts';

/** The longest reply accepted, in characters. */
export const REPLY_MAX_LENGTH = 2000;

function statusOf(state: RolePlayState): AttemptStatus {
	return state.ended ?? 'active';
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
	if (attempt.userId)
		addToSkillRollups(db, attempt.userId, {
			scriptId: beat?.script ?? null,
			score: result.turn.score,
			result: result.turn.result
		});
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
			.prepare()
	}));
}
