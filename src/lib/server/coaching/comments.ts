import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import { attempts, coachingComments, teamMembers, turns, users, type Attempt } from '../db/schema';
import { newId } from '../ids';
import { isBlank } from '../forms';
import type { SessionUser } from '../auth/session';
import { repsFollowedBy } from '../accounts/teams';

/*
 * A manager's comments on a rep's role-play: on one turn or on the whole call. Who may read a
 * role-play, who may comment on it, and what the rep has not seen yet are decided here, so that a
 * route asks once and before it loads anything else.
 */

/** The longest comment, in characters (as a browser's maxlength counts them). */
export const COMMENT_MAX_LENGTH = 2000;

/**
 * Whether `user` follows `repId`: a manager of a team the rep is an active rep in, or an admin
 * (any account). Nobody follows themselves here: their own role-plays are theirs, not coached.
 */
export function followsRep(db: Db, user: SessionUser, repId: string): boolean {
	if (repId === user.id) return false;
	if (user.roles.includes('admin')) {
		return !!prepared(db, 'coaching-user-exists', () =>
			db
				.select({ id: users.id })
				.from(users)
				.where(eq(users.id, sql.placeholder('repId')))
				.prepare()
		).get({ repId });
	}
	if (!user.roles.includes('manager')) return false;
	const statement = prepared(db, 'coaching-follows-rep', () => {
		const led = db
			.select({ teamId: teamMembers.teamId })
			.from(teamMembers)
			.where(
				and(eq(teamMembers.userId, sql.placeholder('userId')), eq(teamMembers.role, 'manager'))
			);
		return db
			.select({ id: users.id })
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId))
			.where(
				and(
					eq(teamMembers.userId, sql.placeholder('repId')),
					eq(teamMembers.role, 'rep'),
					isNull(users.deactivatedAt),
					sql`${teamMembers.teamId} in ${led}`
				)
			)
			.limit(1)
			.prepare();
	});
	return !!statement.get({ userId: user.id, repId });
}

/** Which of `userIds` `user` follows (see `followsRep`), for lists that link each rep to their page. */
export function followedAmong(db: Db, user: SessionUser, userIds: readonly string[]): Set<string> {
	if (user.roles.includes('admin')) return new Set(userIds.filter((id) => id !== user.id));
	if (!user.roles.includes('manager')) return new Set();
	const followed = new Set(repsFollowedBy(db, user.id, false).map((rep) => rep.id));
	return new Set(userIds.filter((id) => followed.has(id) && id !== user.id));
}

/** How `user` stands to a role-play: its rep, someone coaching that rep, or neither (null). Interviews are no one's here. */
export type AttemptReader = 'own' | 'coach';

export function attemptReader(
	db: Db,
	user: SessionUser,
	attempt: Pick<Attempt, 'userId' | 'interviewId'>
): AttemptReader | null {
	if (!attempt.userId || attempt.interviewId !== null) return null;
	if (attempt.userId === user.id) return 'own';
	return followsRep(db, user, attempt.userId) ? 'coach' : null;
}

export interface CommentView {
	id: string;
	/** The turn commented on; null: the whole role-play. */
	turnIndex: number | null;
	body: string;
	authorId: string;
	author: string;
	createdAt: Date;
	seenAt: Date | null;
}

/** The comments on a role-play, oldest first: what its page shows beside each turn and at its end. */
export function commentsOn(db: Db, attemptId: string): CommentView[] {
	return prepared(db, 'coaching-comments-on', () =>
		db
			.select({
				id: coachingComments.id,
				turnIndex: coachingComments.turnIndex,
				body: coachingComments.body,
				authorId: coachingComments.authorId,
				author: users.name,
				createdAt: coachingComments.createdAt,
				seenAt: coachingComments.seenAt
			})
			.from(coachingComments)
			.innerJoin(users, eq(users.id, coachingComments.authorId))
			.where(eq(coachingComments.attemptId, sql.placeholder('attemptId')))
			.orderBy(asc(coachingComments.createdAt), asc(coachingComments.id))
			.prepare()
	).all({ attemptId });
}

/** The comments grouped as the page shows them: per turn index, and those on the whole role-play. */
export function commentsByTurn(comments: readonly CommentView[]): {
	byTurn: Map<number, CommentView[]>;
	whole: CommentView[];
} {
	const byTurn = new Map<number, CommentView[]>();
	const whole: CommentView[] = [];
	for (const comment of comments) {
		if (comment.turnIndex === null) whole.push(comment);
		else byTurn.set(comment.turnIndex, [...(byTurn.get(comment.turnIndex) ?? []), comment]);
	}
	return { byTurn, whole };
}

export type CommentProblem = 'not-found' | 'active' | 'turn' | 'empty' | 'too-long';

/**
 * A manager comments on a rep's role-play, on one turn (its index) or on the whole (null). Only
 * someone coaching the rep may, once the call has ended (a comment mid-call would be a hint).
 */
export function addComment(
	db: Db,
	user: SessionUser,
	input: { attemptId: string; turnIndex: number | null; body: string },
	now = new Date()
): { ok: true; id: string } | { ok: false; problem: CommentProblem } {
	// Who may comes first: to anyone else the role-play does not exist, whatever they sent.
	const attempt = db
		.select({
			id: attempts.id,
			userId: attempts.userId,
			interviewId: attempts.interviewId,
			status: attempts.status
		})
		.from(attempts)
		.where(eq(attempts.id, input.attemptId))
		.get();
	if (!attempt || attemptReader(db, user, attempt) !== 'coach')
		return { ok: false, problem: 'not-found' };
	if (attempt.status === 'active') return { ok: false, problem: 'active' };
	if (input.turnIndex !== null) {
		const turn = Number.isInteger(input.turnIndex)
			? db
					.select({ index: turns.index })
					.from(turns)
					.where(and(eq(turns.attemptId, attempt.id), eq(turns.index, input.turnIndex)))
					.get()
			: undefined;
		if (!turn) return { ok: false, problem: 'turn' };
	}
	const body = input.body.trim();
	if (isBlank(body)) return { ok: false, problem: 'empty' };
	if (body.length > COMMENT_MAX_LENGTH) return { ok: false, problem: 'too-long' };
	const id = newId();
	db.insert(coachingComments)
		.values({
			id,
			attemptId: attempt.id,
			turnIndex: input.turnIndex,
			repId: attempt.userId!,
			authorId: user.id,
			body,
			createdAt: now
		})
		.run();
	return { ok: true, id };
}

/**
 * Deletes one's own comment on a role-play. Someone who may not comment on it gets 'not-found' for
 * the role-play; a comment that is not there (deleted already, or someone else's) is 'gone'.
 */
export function deleteComment(
	db: Db,
	user: SessionUser,
	input: { attemptId: string; commentId: string }
): { ok: true } | { ok: false; problem: 'not-found' | 'gone' } {
	const attempt = db
		.select({ userId: attempts.userId, interviewId: attempts.interviewId })
		.from(attempts)
		.where(eq(attempts.id, input.attemptId))
		.get();
	if (!attempt || attemptReader(db, user, attempt) !== 'coach')
		return { ok: false, problem: 'not-found' };
	const deleted = db
		.delete(coachingComments)
		.where(
			and(
				eq(coachingComments.id, input.commentId),
				eq(coachingComments.attemptId, input.attemptId),
				eq(coachingComments.authorId, user.id)
			)
		)
		.run();
	return deleted.changes > 0 ? { ok: true } : { ok: false, problem: 'gone' };
}

/**
 * The rep has opened their result: its comments are seen from now on. Asked first with the index
 * of what is unseen, so the usual visit (nothing new) writes nothing.
 */
export function markCommentsSeen(
	db: Db,
	repId: string,
	attemptId: string,
	now = new Date()
): number {
	const unseen = prepared(db, 'coaching-unseen-on', () =>
		db
			.select({ id: coachingComments.id })
			.from(coachingComments)
			.where(
				and(
					eq(coachingComments.repId, sql.placeholder('repId')),
					isNull(coachingComments.seenAt),
					eq(coachingComments.attemptId, sql.placeholder('attemptId'))
				)
			)
			.limit(1)
			.prepare()
	).get({ repId, attemptId });
	if (!unseen) return 0;
	return db
		.update(coachingComments)
		.set({ seenAt: now })
		.where(
			and(
				eq(coachingComments.repId, repId),
				eq(coachingComments.attemptId, attemptId),
				isNull(coachingComments.seenAt)
			)
		)
		.run().changes;
}

export interface NewFeedback {
	attemptId: string;
	scenarioId: string;
	comments: number;
	/** Who commented, each once, in the order they first did. */
	authors: string[];
	latestAt: Date;
}

/** The role-plays with comments the rep has not seen yet, the latest first: the "new feedback" on their home. */
export function newFeedbackFor(db: Db, repId: string, limit = 5): NewFeedback[] {
	const rows = prepared(db, 'coaching-new-feedback', () =>
		db
			.select({
				attemptId: coachingComments.attemptId,
				scenarioId: attempts.scenarioId,
				author: users.name,
				createdAt: coachingComments.createdAt
			})
			.from(coachingComments)
			.innerJoin(attempts, eq(attempts.id, coachingComments.attemptId))
			.innerJoin(users, eq(users.id, coachingComments.authorId))
			.where(
				and(eq(coachingComments.repId, sql.placeholder('repId')), isNull(coachingComments.seenAt))
			)
			.orderBy(asc(coachingComments.createdAt))
			.prepare()
	).all({ repId });
	const byAttempt = new Map<string, NewFeedback>();
	for (const row of rows) {
		const entry = byAttempt.get(row.attemptId) ?? {
			attemptId: row.attemptId,
			scenarioId: row.scenarioId,
			comments: 0,
			authors: [],
			latestAt: row.createdAt
		};
		entry.comments += 1;
		if (!entry.authors.includes(row.author)) entry.authors.push(row.author);
		entry.latestAt = row.createdAt;
		byAttempt.set(row.attemptId, entry);
	}
	return [...byAttempt.values()]
		.sort((a, b) => b.latestAt.getTime() - a.latestAt.getTime())
		.slice(0, limit);
}

export interface RepComment extends CommentView {
	attemptId: string;
	scenarioId: string;
}

/** The comments on a rep's role-plays, the latest first: what the rep's page shows their coaches. */
export function commentsAboutRep(db: Db, repId: string, limit = 20): RepComment[] {
	return db
		.select({
			id: coachingComments.id,
			attemptId: coachingComments.attemptId,
			scenarioId: attempts.scenarioId,
			turnIndex: coachingComments.turnIndex,
			body: coachingComments.body,
			authorId: coachingComments.authorId,
			author: users.name,
			createdAt: coachingComments.createdAt,
			seenAt: coachingComments.seenAt
		})
		.from(coachingComments)
		.innerJoin(attempts, eq(attempts.id, coachingComments.attemptId))
		.innerJoin(users, eq(users.id, coachingComments.authorId))
		.where(eq(coachingComments.repId, repId))
		.orderBy(desc(coachingComments.createdAt), desc(coachingComments.id))
		.limit(limit)
		.all();
}

/** How many comments each of a rep's role-plays has, for the list of their practice. */
export function commentCounts(db: Db, attemptIds: readonly string[]): Map<string, number> {
	if (attemptIds.length === 0) return new Map();
	const rows = db
		.select({ attemptId: coachingComments.attemptId, n: sql<number>`count(*)` })
		.from(coachingComments)
		.where(
			sql`${coachingComments.attemptId} in (select value from json_each(${JSON.stringify(attemptIds)}))`
		)
		.groupBy(coachingComments.attemptId)
		.all();
	return new Map(rows.map((row) => [row.attemptId, row.n]));
}

/**
 * A user's comments for their data export: those on their role-plays (received) and those they
 * wrote on others' (written), each with the role-play and turn it is on.
 */
export function commentsForExport(
	db: Db,
	userId: string
): {
	received: Omit<CoachingCommentRow, 'repId'>[];
	written: Omit<CoachingCommentRow, 'authorId'>[];
} {
	const received = db
		.select()
		.from(coachingComments)
		.where(eq(coachingComments.repId, userId))
		.orderBy(asc(coachingComments.createdAt))
		.all();
	const written = db
		.select()
		.from(coachingComments)
		.where(eq(coachingComments.authorId, userId))
		.orderBy(asc(coachingComments.createdAt))
		.all();
	return {
		received: received.map(({ repId: _repId, ...row }) => row),
		written: written.map(({ authorId: _authorId, ...row }) => row)
	};
}

type CoachingCommentRow = typeof coachingComments.$inferSelect;
