import { asc, eq, getTableColumns, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/index';
import {
	articleReads,
	attempts,
	auditLog,
	bookmarks,
	interviewPanel,
	cohortMembers,
	cohorts,
	moduleCompletions,
	quizResults,
	ratings,
	reviewCards,
	scoreMarks,
	scoreOverrides,
	signoffs,
	teamMembers,
	teams,
	turns,
	userRoles,
	users
} from '../db/schema';
import { recordAudit } from './users';
import { refreshInterviewSummary } from '../derived/interview-summaries';
import { commentsForExport } from '../coaching/comments';
import { assignmentsForExport } from '../coaching/assignments';
import { dealsForExport } from '../coaching/deals';
import { oneToOnesForExport } from '../coaching/one-to-ones';
import { seriesRunsForExport } from '../practice/series';
import { recordingsOfAttempts, removeRecordingFiles } from '../practice/recordings';

/*
 * An account holder's right to their data: everything stored about a user as one JSON document, and
 * the deletion of the account with everything that is theirs. Both are an admin's to do, and both
 * are written to the audit log. (Candidates, who have no account, have theirs in hiring/candidate-data.ts.)
 */

const { passwordHash: _passwordHash, ...ACCOUNT_COLUMNS } = getTableColumns(users);

/**
 * Everything stored about a user: the account (never its password hash), roles, teams, their
 * practice with every turn and the comments and score marks on it, the comments and marks they
 * wrote, the assignments they were given and gave, their deals with their evidence, the
 * one-to-ones they had as a rep and those they recorded as a manager (each with its agreed
 * actions), their series runs (each call's role-play and the facts after it), their onboarding, quizzes, review cards, bookmarks and reads, the interview ratings
 * they gave, and the audit-log entries by or about them. Sessions and links are left out: only
 * hashes of their secrets are stored, and those are no one's business.
 */
export function exportUserData(db: Db, userId: string, now = new Date()) {
	const account = db.select(ACCOUNT_COLUMNS).from(users).where(eq(users.id, userId)).get();
	if (!account) return null;
	const practice = db
		.select()
		.from(attempts)
		.where(eq(attempts.userId, userId))
		.orderBy(asc(attempts.startedAt))
		.all();
	const attemptIds = practice.map((a) => a.id);
	const marksOnPractice =
		attemptIds.length > 0
			? db.select().from(scoreMarks).where(inArray(scoreMarks.attemptId, attemptIds)).all()
			: [];
	return {
		format: 'rehearse-user-export',
		version: 1,
		exportedAt: now.toISOString(),
		account,
		roles: db
			.select({ role: userRoles.role })
			.from(userRoles)
			.where(eq(userRoles.userId, userId))
			.all()
			.map((r) => r.role),
		teams: db
			.select({ teamId: teamMembers.teamId, name: teams.name, role: teamMembers.role })
			.from(teamMembers)
			.innerJoin(teams, eq(teams.id, teamMembers.teamId))
			.where(eq(teamMembers.userId, userId))
			.all(),
		practice: practice.map((attempt) => ({
			...attempt,
			turns: db
				.select()
				.from(turns)
				.where(eq(turns.attemptId, attempt.id))
				.orderBy(asc(turns.index))
				.all(),
			scoreMarks: marksOnPractice.filter((mark) => mark.attemptId === attempt.id),
			overrides: db
				.select()
				.from(scoreOverrides)
				.where(eq(scoreOverrides.attemptId, attempt.id))
				.all()
		})),
		// What call mode recorded of their replies: which turn, type, size and length (the audio
		// itself is played from the attempt's page).
		recordings: recordingsOfAttempts(db, attemptIds),
		comments: commentsForExport(db, userId),
		assignments: assignmentsForExport(db, userId),
		deals: dealsForExport(db, userId),
		oneToOnes: oneToOnesForExport(db, userId),
		seriesRuns: seriesRunsForExport(db, userId),
		scoreMarksWritten: db.select().from(scoreMarks).where(eq(scoreMarks.authorId, userId)).all(),
		onboarding: {
			cohorts: db
				.select({
					cohortId: cohortMembers.cohortId,
					name: cohorts.name,
					curriculumId: cohorts.curriculumId,
					startDate: cohorts.startDate,
					certifiedAt: cohortMembers.certifiedAt
				})
				.from(cohortMembers)
				.innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
				.where(eq(cohortMembers.userId, userId))
				.all(),
			modulesDone: db
				.select()
				.from(moduleCompletions)
				.where(eq(moduleCompletions.userId, userId))
				.all(),
			signoffs: db.select().from(signoffs).where(eq(signoffs.userId, userId)).all()
		},
		quizResults: db.select().from(quizResults).where(eq(quizResults.userId, userId)).all(),
		reviewCards: db.select().from(reviewCards).where(eq(reviewCards.userId, userId)).all(),
		bookmarks: db.select().from(bookmarks).where(eq(bookmarks.userId, userId)).all(),
		articleReads: db.select().from(articleReads).where(eq(articleReads.userId, userId)).all(),
		interviewRatings: db.select().from(ratings).where(eq(ratings.interviewerId, userId)).all(),
		auditLog: db
			.select()
			.from(auditLog)
			.where(or(eq(auditLog.actorId, userId), inArray(auditLog.targetId, [userId, ...attemptIds])))
			.orderBy(asc(auditLog.createdAt))
			.all()
	};
}

export type UserExport = NonNullable<ReturnType<typeof exportUserData>>;

/** The export, recorded in the audit log as it is handed out. */
export function exportUserDataFor(db: Db, actorId: string, userId: string): UserExport | null {
	const data = exportUserData(db, userId);
	if (data) recordAudit(db, { actorId, action: 'user.exported', targetId: userId });
	return data;
}

export type DeleteUserProblem = 'not-found' | 'self';

/**
 * Deletes an account and everything that is theirs, in one transaction, through the foreign keys'
 * cascades (the database is always opened with them on): sessions and links, roles and team
 * places, their role-plays with turns, recordings (rows and files), score marks and the comments on them, the comments they
 * wrote, their assignments, their deals with their evidence, their one-to-ones as a rep with the
 * actions agreed in them, their series runs, onboarding, quizzes, review cards, bookmarks, reads
 * and the interview ratings they gave (an interview's panel loses their scores; its kept summary
 * is worked out again). What they made for others stays,
 * without their name: content revisions, candidates, interviews and cohorts they created,
 * sign-offs, score marks and assignments they wrote, and the one-to-ones they recorded with a rep
 * (the rep's record of what was agreed) keep their row with the author cleared. The audit log
 * keeps who did what and when,
 * but the details of its entries about them are cleared. An admin cannot delete themselves.
 */
export function deleteUser(
	db: Db,
	actorId: string,
	userId: string
): { ok: true } | { ok: false; problem: DeleteUserProblem } {
	if (userId === actorId) return { ok: false, problem: 'self' };
	const recorded: string[] = [];
	const outcome = db.transaction((tx) => {
		if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get())
			return { ok: false as const, problem: 'not-found' as const };
		const attemptIds = tx
			.select({ id: attempts.id })
			.from(attempts)
			.where(eq(attempts.userId, userId))
			.all()
			.map((a) => a.id);
		recorded.push(...recordingsOfAttempts(tx, attemptIds).map((r) => r.id));
		tx.update(auditLog)
			.set({ detail: null })
			.where(inArray(auditLog.targetId, [userId, ...attemptIds]))
			.run();
		// Their ratings and panel seats go with them (foreign keys): those interviews' summaries change.
		const rated = tx
			.select({ id: ratings.interviewId })
			.from(ratings)
			.where(eq(ratings.interviewerId, userId))
			.union(
				tx
					.select({ id: interviewPanel.interviewId })
					.from(interviewPanel)
					.where(eq(interviewPanel.userId, userId))
			)
			.all();
		tx.delete(users).where(eq(users.id, userId)).run();
		for (const { id } of rated) refreshInterviewSummary(tx, id);
		recordAudit(tx, { actorId, action: 'user.deleted', targetId: userId });
		return { ok: true as const };
	});
	// Their recordings' rows went with their attempts; the files go once that is committed.
	if (outcome.ok) removeRecordingFiles(recorded);
	return outcome;
}
