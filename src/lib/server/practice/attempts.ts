// A role-play's life outside its turns: started (on the latest revision, or a given one), read back,
// ended by its clock or by the rep hanging up, and its hint opened. Turns are in `./turns.ts`.
import { and, asc, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { prepared, type AppDb, type Db } from '../db/index';
import { completeScenarioAssignments } from '../coaching/assignments';
import {
	attempts,
	turns,
	type Attempt,
	type AttemptMode,
	type PracticeMode,
	type TurnRow
} from '../db/schema';
import { newId } from '../ids';
import { latestScenarioRevision, findContent } from '../content/store';
import {
	readRolePlay,
	startRolePlay,
	timeOut,
	type Facts,
	type RolePlayState
} from '$lib/engine/scenario/index';
import type { ContentLocale, Scenario } from '$lib/engine/content/index';
import { finalScore } from '$lib/engine/scoring/attempt-score';
import { rolePlayEnded, rolePlayStarted } from '../derived/role-plays';
import { removeFromSkillRollups } from '../derived/skill-rollups';
import { compiledRevisionFor } from './compiled-revisions';

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
			if (attempt.userId) removeFromSkillRollups(db, attempt.userId, attempt.id);
			return { ok: true, attempt };
		})
		.immediate();
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
