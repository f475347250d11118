import { and, asc, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '../db/index';
import {
	attempts,
	scenarioRevisions,
	SCORE_MARK_KINDS,
	scoreMarks,
	turns,
	users,
	type ScoreMark,
	type ScoreMarkKind
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { followedReps } from '../team/dashboard';
import { recordAudit } from '../accounts/users';
import { newId } from '../ids';
import { addPhraseToIntent, addToBeat, type BeatSuggestion } from '../content/studio';

/*
 * "The score missed this" and "the score gave credit wrongly": marks that managers and trainers put
 * on practice turns, and that trainers review per beat in the studio. An accepted mark carries the
 * trainer's grade of the reply and joins the graded corpus (as JSON lines, the corpus's format).
 */

/** The longest note on a mark, and the longest reason a trainer gives with a grade. */
export const MARK_NOTE_MAX = 500;

export type MarkProblem = 'not-found' | 'turn' | 'not-typed' | 'kind' | 'note';

/** Who may mark scores at all: the people who judge replies. */
export function mayMarkScores(user: SessionUser): boolean {
	return user.roles.some((role) => role === 'manager' || role === 'trainer' || role === 'admin');
}

/**
 * The practice attempt, if `user` may mark its turns: their own, or (managers and admins) one of
 * a rep they follow. Interviews are scored by their panel, not marked here.
 */
function markableAttempt(db: Db, user: SessionUser, attemptId: string) {
	if (!mayMarkScores(user)) return undefined;
	const attempt = db
		.select({
			id: attempts.id,
			userId: attempts.userId,
			interviewId: attempts.interviewId,
			scenarioId: attempts.scenarioId,
			revisionId: attempts.revisionId
		})
		.from(attempts)
		.where(eq(attempts.id, attemptId))
		.get();
	if (!attempt || attempt.interviewId !== null || attempt.userId === null) return undefined;
	const follows =
		user.roles.some((r) => r === 'manager' || r === 'admin') &&
		followedReps(db, user).some((rep) => rep.id === attempt.userId);
	return attempt.userId === user.id || follows ? attempt : undefined;
}

/** The marks `user` has put on an attempt's turns, by turn index (what the transcript shows them). */
export function ownMarks(
	db: Db,
	user: SessionUser,
	attemptId: string
): Map<number, Pick<ScoreMark, 'kind' | 'note' | 'status'>> {
	if (!mayMarkScores(user)) return new Map();
	const rows = db
		.select({
			turnIndex: scoreMarks.turnIndex,
			kind: scoreMarks.kind,
			note: scoreMarks.note,
			status: scoreMarks.status
		})
		.from(scoreMarks)
		.where(and(eq(scoreMarks.attemptId, attemptId), eq(scoreMarks.authorId, user.id)))
		.all();
	return new Map(rows.map(({ turnIndex, ...mark }) => [turnIndex, mark]));
}

/**
 * Marks one typed turn's score as wrong, with a note saying what the score missed or credited
 * wrongly. Marking the same turn again replaces one's earlier mark while it is still open.
 */
export function markTurn(
	db: Db,
	user: SessionUser,
	input: { attemptId: string; turnIndex: number; kind: string; note: string },
	now = new Date()
): { ok: true } | { ok: false; problem: MarkProblem } {
	// Who may comes first: to anyone else the attempt does not exist, whatever they sent.
	const attempt = markableAttempt(db, user, input.attemptId);
	if (!attempt) return { ok: false, problem: 'not-found' };
	const turn = Number.isInteger(input.turnIndex)
		? db
				.select()
				.from(turns)
				.where(and(eq(turns.attemptId, attempt.id), eq(turns.index, input.turnIndex)))
				.get()
		: undefined;
	// The attempt is theirs to read: that it has no such turn is no secret.
	if (!turn) return { ok: false, problem: 'turn' };
	// A chosen option is scored by its authored quality, not by reading it: there is nothing to mark.
	if (turn.choice !== null) return { ok: false, problem: 'not-typed' };
	const kind = SCORE_MARK_KINDS.find((k) => k === input.kind);
	if (!kind) return { ok: false, problem: 'kind' };
	const note = input.note.trim();
	if (!note || note.length > MARK_NOTE_MAX) return { ok: false, problem: 'note' };
	const revision = db
		.select({ locale: scenarioRevisions.locale })
		.from(scenarioRevisions)
		.where(eq(scenarioRevisions.id, attempt.revisionId))
		.get()!;
	const values = {
		kind,
		note,
		status: 'open' as const,
		grade: null,
		reason: null,
		resolvedBy: null,
		resolvedAt: null,
		createdAt: now
	};
	db.insert(scoreMarks)
		.values({
			id: newId(),
			attemptId: attempt.id,
			turnIndex: turn.index,
			scenarioId: attempt.scenarioId,
			locale: revision.locale,
			beat: turn.beat,
			reply: turn.reply,
			score: turn.score,
			authorId: user.id,
			...values
		})
		.onConflictDoUpdate({
			target: [scoreMarks.attemptId, scoreMarks.turnIndex, scoreMarks.authorId],
			set: values,
			setWhere: eq(scoreMarks.status, 'open')
		})
		.run();
	return { ok: true };
}

/** How many marks wait for a trainer. */
export function openMarkCount(db: Db): number {
	return (
		db
			.select({ count: sql<number>`count(*)` })
			.from(scoreMarks)
			.where(eq(scoreMarks.status, 'open'))
			.get()?.count ?? 0
	);
}

export interface OpenMark {
	id: string;
	kind: ScoreMarkKind;
	reply: string;
	score: number;
	note: string;
	author: string | null;
	createdAt: Date;
}

/** The open marks, by scenario, language and beat: what the studio lists for trainers to review. */
export function openMarksByBeat(
	db: Db
): { scenarioId: string; locale: ScoreMark['locale']; beat: string; marks: OpenMark[] }[] {
	const rows = db
		.select({
			id: scoreMarks.id,
			scenarioId: scoreMarks.scenarioId,
			locale: scoreMarks.locale,
			beat: scoreMarks.beat,
			kind: scoreMarks.kind,
			reply: scoreMarks.reply,
			score: scoreMarks.score,
			note: scoreMarks.note,
			author: users.name,
			createdAt: scoreMarks.createdAt
		})
		.from(scoreMarks)
		.leftJoin(users, eq(users.id, scoreMarks.authorId))
		.where(eq(scoreMarks.status, 'open'))
		.orderBy(
			asc(scoreMarks.scenarioId),
			asc(scoreMarks.locale),
			asc(scoreMarks.beat),
			asc(scoreMarks.createdAt)
		)
		.all();
	const groups: ReturnType<typeof openMarksByBeat> = [];
	for (const { scenarioId, locale, beat, ...mark } of rows) {
		const last = groups[groups.length - 1];
		if (last && last.scenarioId === scenarioId && last.locale === locale && last.beat === beat)
			last.marks.push(mark);
		else groups.push({ scenarioId, locale, beat, marks: [mark] });
	}
	return groups;
}

export type Resolution = { accept: { grade: number; reason: string } } | 'dismiss';

/** What is wrong with a grade and reason given to accept a mark, if anything. */
export function acceptanceProblem({
	grade,
	reason
}: {
	grade: number;
	reason: string;
}): 'grade' | 'reason' | null {
	if (!Number.isInteger(grade) || grade < 1 || grade > 5) return 'grade';
	if (!reason.trim() || reason.trim().length > MARK_NOTE_MAX) return 'reason';
	return null;
}

/** A trainer accepts a mark with their grade of the reply (1–5) and a one-line reason, or dismisses it. */
export function resolveMark(
	db: Db,
	user: SessionUser,
	id: string,
	resolution: Resolution,
	now = new Date()
): { ok: true } | { ok: false; problem: 'not-found' | 'grade' | 'reason' } {
	const problem = resolution === 'dismiss' ? null : acceptanceProblem(resolution.accept);
	if (problem) return { ok: false, problem };
	return db.transaction((tx) => {
		const mark = tx
			.select({ id: scoreMarks.id })
			.from(scoreMarks)
			.where(and(eq(scoreMarks.id, id), eq(scoreMarks.status, 'open')))
			.get();
		if (!mark) return { ok: false as const, problem: 'not-found' as const };
		const decided =
			resolution === 'dismiss'
				? { status: 'dismissed' as const }
				: {
						status: 'accepted' as const,
						grade: resolution.accept.grade,
						reason: resolution.accept.reason.trim()
					};
		tx.update(scoreMarks)
			.set({ ...decided, resolvedBy: user.id, resolvedAt: now })
			.where(eq(scoreMarks.id, id))
			.run();
		recordAudit(tx, {
			actorId: user.id,
			action: `score-mark.${decided.status}`,
			targetId: id,
			detail: 'grade' in decided ? `grade ${decided.grade}` : undefined
		});
		return { ok: true as const };
	});
}

/** What a trainer may take from a mark besides their grade: each is optional. */
export interface MarkSuggestions {
	/** A phrasing the score did not know, for an intent of the lexicons. */
	phrase?: { intent: string; phrase: string };
	/** Keep the reply as an example of its line: good when graded 4–5, bad when 1–2. */
	example?: boolean;
	/** A cue for a key point (`expect`) or a pitfall (`avoid`) of the line, by its place. */
	cue?: { list: 'expect' | 'avoid'; index: number; cue: string };
}

export type AcceptProblem = 'not-found' | 'grade' | 'reason' | 'phrase' | 'example' | 'cue';

/**
 * Accepts a mark with the trainer's grade and reason, and with it what they take from it: a phrase
 * for an intent (in the lexicon's draft), the reply as an example of its line, a cue (both in the
 * scenario's draft); each published like any edit. All happen or none: a mark decided meanwhile by
 * someone else leaves the drafts alone.
 */
export function acceptMark(
	db: Db,
	user: SessionUser,
	id: string,
	accept: { grade: number; reason: string },
	suggestions: MarkSuggestions = {},
	now = new Date()
):
	| {
			ok: true;
			added: {
				phrase: string;
				intent: string;
				lexicon: string;
				locale: ScoreMark['locale'];
			} | null;
			scenario: { id: string; locale: ScoreMark['locale'] } | null;
	  }
	| { ok: false; problem: AcceptProblem } {
	const problem = acceptanceProblem(accept);
	if (problem) return { ok: false, problem };
	const phrase = suggestions.phrase?.phrase.trim() ?? '';
	if (suggestions.phrase && (!phrase || phrase.length > 100))
		return { ok: false, problem: 'phrase' };
	// A middling reply (3) is an example of neither.
	if (suggestions.example && accept.grade === 3) return { ok: false, problem: 'example' };
	const cue = suggestions.cue?.cue.trim() ?? '';
	if (suggestions.cue && (!cue || cue.length > 100)) return { ok: false, problem: 'cue' };
	const mark = db
		.select({
			locale: scoreMarks.locale,
			scenarioId: scoreMarks.scenarioId,
			beat: scoreMarks.beat,
			reply: scoreMarks.reply
		})
		.from(scoreMarks)
		.where(and(eq(scoreMarks.id, id), eq(scoreMarks.status, 'open')))
		.get();
	if (!mark) return { ok: false, problem: 'not-found' };
	try {
		return db.transaction((tx) => {
			const lexicon = suggestions.phrase
				? addPhraseToIntent(tx, mark.locale, suggestions.phrase.intent, phrase, user.id)
				: null;
			if (suggestions.phrase && !lexicon) throw new Refused('phrase');
			const toBeat = (suggestion: BeatSuggestion) =>
				addToBeat(tx, mark.locale, mark.scenarioId, mark.beat, suggestion, user.id);
			if (
				suggestions.example &&
				!toBeat({ kind: 'example', quality: accept.grade >= 4 ? 'good' : 'bad', reply: mark.reply })
			)
				throw new Refused('example');
			if (
				suggestions.cue &&
				!toBeat({ kind: 'cue', list: suggestions.cue.list, index: suggestions.cue.index, cue })
			)
				throw new Refused('cue');
			if (!resolveMark(tx, user, id, { accept }, now).ok) tx.rollback();
			return {
				ok: true as const,
				added:
					suggestions.phrase && lexicon
						? { phrase, intent: suggestions.phrase.intent, lexicon, locale: mark.locale }
						: null,
				scenario:
					suggestions.example || suggestions.cue
						? { id: mark.scenarioId, locale: mark.locale }
						: null
			};
		});
	} catch (cause) {
		if (cause instanceof Refused) return { ok: false, problem: cause.problem };
		if (cause instanceof TransactionRollbackError) return { ok: false, problem: 'not-found' };
		throw cause;
	}
}

/** A suggestion that cannot be applied: the transaction is undone and the trainer told which. */
class Refused extends Error {
	constructor(readonly problem: 'phrase' | 'example' | 'cue') {
		super(problem);
	}
}

/**
 * The accepted marks as lines of the graded corpus (scoring/corpus/<locale>.jsonl), in the tuning
 * part: a trainer has seen them, so rules may be fitted to them.
 */
export function acceptedMarksAsCorpus(db: Db): string {
	const rows = db
		.select({
			locale: scoreMarks.locale,
			scenario: scoreMarks.scenarioId,
			beat: scoreMarks.beat,
			reply: scoreMarks.reply,
			grade: scoreMarks.grade,
			reason: scoreMarks.reason,
			kind: scoreMarks.kind
		})
		.from(scoreMarks)
		.where(eq(scoreMarks.status, 'accepted'))
		.orderBy(
			asc(scoreMarks.locale),
			asc(scoreMarks.scenarioId),
			asc(scoreMarks.beat),
			asc(scoreMarks.resolvedAt)
		)
		.all();
	return rows
		.map(
			({ kind, ...row }) =>
				`${JSON.stringify({ ...row, part: 'tuning', kinds: ['marked-in-app', kind] })}\n`
		)
		.join('');
}
