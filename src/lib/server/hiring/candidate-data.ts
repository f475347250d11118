import { and, eq, getTableColumns, inArray, isNull, ne, not, or } from 'drizzle-orm';
import type { Db } from '../db/index';
import {
	attempts,
	auditLog,
	candidates,
	interviewInvites,
	interviewPanel,
	interviews,
	ratings,
	recordings,
	scoreOverrides,
	turns,
	users
} from '../db/schema';
import { recordAudit } from '../accounts/users';
import { deleteInterviewSummaries } from '../derived/interview-summaries';
import { canSeeCandidate, canSeeInterview, isAdmin, panelOpenCondition } from './access';
import { findCandidate } from './hiring';
import type { SessionUser } from '../auth/session';
import { recordingsOfAttempts, removeRecordingFiles } from '../practice/recordings';

/**
 * A candidate's right to their data: everything stored about them as one JSON document, and their
 * deletion with everything that hangs off them. Both are written to the audit log.
 */

export type CandidateDataAccess = 'full' | 'partial' | 'none';

/**
 * Whether a user may export or delete a candidate's data. Admins may; a manager may for a
 * candidate they can see, but only when they can see every interview of that candidate: the
 * export would otherwise show, and the deletion destroy, other teams' interviews.
 */
export function candidateDataAccess(
	db: Db,
	user: SessionUser,
	candidateId: string
): CandidateDataAccess {
	if (!findCandidate(db, candidateId)) return 'none';
	if (isAdmin(user)) return 'full';
	if (!canSeeCandidate(db, user, candidateId)) return 'none';
	const ids = interviewIdsOf(db, candidateId);
	return ids.every((id) => canSeeInterview(db, user, id)) ? 'full' : 'partial';
}

/**
 * Whether the export would show the user a rating that blind scoring still hides from them
 * (`panelOpenCondition`; another's draft is always hidden). The export is everything stored, so it
 * is held back rather than cut: a manager gets it once nothing in it is hidden from them. An admin,
 * who answers privacy requests for the organisation, gets it complete (drafts too) unless they sit
 * on one of the candidate's panels where something is still hidden from them as a panelist.
 */
export function exportHeldBack(db: Db, user: SessionUser, candidateId: string): boolean {
	const seats = db
		.select({ id: interviewPanel.interviewId })
		.from(interviewPanel)
		.where(eq(interviewPanel.userId, user.id));
	const hidden = db
		.select({ id: ratings.interviewId })
		.from(ratings)
		.innerJoin(interviews, eq(interviews.id, ratings.interviewId))
		.where(
			and(
				eq(interviews.candidateId, candidateId),
				ne(ratings.interviewerId, user.id),
				or(isNull(ratings.submittedAt), not(panelOpenCondition(interviews.id, user.id))),
				isAdmin(user) ? inArray(interviews.id, seats) : undefined
			)
		)
		.get();
	return !!hidden;
}

function interviewIdsOf(db: Db, candidateId: string): string[] {
	return db
		.select({ id: interviews.id })
		.from(interviews)
		.where(eq(interviews.candidateId, candidateId))
		.all()
		.map((r) => r.id);
}

function attemptIdsOf(db: Db, interviewIds: readonly string[]): string[] {
	if (interviewIds.length === 0) return [];
	return db
		.select({ id: attempts.id })
		.from(attempts)
		.where(inArray(attempts.interviewId, interviewIds))
		.all()
		.map((r) => r.id);
}

const { secretHash: _secretHash, ...INVITE_COLUMNS } = getTableColumns(interviewInvites);

/** Everything stored about a candidate. Link secrets are left out: only their hashes are stored, and those are no one's business. */
export function exportCandidateData(db: Db, candidateId: string, now = new Date()) {
	const candidate = findCandidate(db, candidateId);
	if (!candidate) return null;
	const interviewRows = db
		.select()
		.from(interviews)
		.where(eq(interviews.candidateId, candidateId))
		.all();
	const interviewIds = interviewRows.map((i) => i.id);
	const attemptIds = attemptIdsOf(db, interviewIds);
	const targets = [candidateId, ...interviewIds, ...attemptIds];
	return {
		format: 'rehearse-candidate-export',
		version: 1,
		exportedAt: now.toISOString(),
		candidate,
		interviews: interviewRows.map((interview) => {
			const attemptRows = db
				.select()
				.from(attempts)
				.where(eq(attempts.interviewId, interview.id))
				.all();
			return {
				...interview,
				panel: db
					.select({ userId: interviewPanel.userId, name: users.name })
					.from(interviewPanel)
					.leftJoin(users, eq(users.id, interviewPanel.userId))
					.where(eq(interviewPanel.interviewId, interview.id))
					.all(),
				ratings: db.select().from(ratings).where(eq(ratings.interviewId, interview.id)).all(),
				invites: db
					.select(INVITE_COLUMNS)
					.from(interviewInvites)
					.where(eq(interviewInvites.interviewId, interview.id))
					.all(),
				attempts: attemptRows.map((attempt) => ({
					...attempt,
					turns: db
						.select()
						.from(turns)
						.where(eq(turns.attemptId, attempt.id))
						.orderBy(turns.index)
						.all(),
					overrides: db
						.select()
						.from(scoreOverrides)
						.where(eq(scoreOverrides.attemptId, attempt.id))
						.all(),
					recordings: recordingsOfAttempts(db, [attempt.id])
				}))
			};
		}),
		auditLog: db
			.select()
			.from(auditLog)
			.where(inArray(auditLog.targetId, targets))
			.orderBy(auditLog.createdAt)
			.all()
	};
}

export type CandidateExport = NonNullable<ReturnType<typeof exportCandidateData>>;

/** The export, recorded in the audit log as it is handed out. */
export function exportCandidateDataFor(
	db: Db,
	actorId: string,
	candidateId: string
): CandidateExport | null {
	const data = exportCandidateData(db, candidateId);
	if (data) recordAudit(db, { actorId, action: 'candidate.exported', targetId: candidateId });
	return data;
}

/**
 * Deletes a candidate and everything about them in one transaction: their interviews with panels,
 * ratings, links (so every link they hold stops working), role-plays, turns, recordings (rows and
 * files), score overrides and
 * the interviews' kept summaries.
 * Deleted explicitly rather than through the foreign keys' cascades, so that it does not depend on
 * how the database was opened. The audit log keeps who did what when, but the details of entries
 * about this candidate (scores, for example) are cleared; the deletion itself is recorded without
 * the candidate's name.
 */
export function deleteCandidate(
	db: Db,
	actorId: string,
	candidateId: string
): { interviews: number; attempts: number } | null {
	const recorded: string[] = [];
	const deleted = db.transaction((tx) => {
		if (!findCandidate(tx, candidateId)) return null;
		const interviewIds = interviewIdsOf(tx, candidateId);
		const attemptIds = attemptIdsOf(tx, interviewIds);
		if (attemptIds.length > 0) {
			recorded.push(...recordingsOfAttempts(tx, attemptIds).map((r) => r.id));
			tx.delete(recordings).where(inArray(recordings.attemptId, attemptIds)).run();
			tx.delete(scoreOverrides).where(inArray(scoreOverrides.attemptId, attemptIds)).run();
			tx.delete(turns).where(inArray(turns.attemptId, attemptIds)).run();
			tx.delete(attempts).where(inArray(attempts.id, attemptIds)).run();
		}
		if (interviewIds.length > 0) {
			tx.delete(ratings).where(inArray(ratings.interviewId, interviewIds)).run();
			tx.delete(interviewInvites).where(inArray(interviewInvites.interviewId, interviewIds)).run();
			tx.delete(interviewPanel).where(inArray(interviewPanel.interviewId, interviewIds)).run();
			deleteInterviewSummaries(tx, interviewIds);
			tx.delete(interviews).where(inArray(interviews.id, interviewIds)).run();
		}
		tx.delete(candidates).where(eq(candidates.id, candidateId)).run();
		tx.update(auditLog)
			.set({ detail: null })
			.where(inArray(auditLog.targetId, [candidateId, ...interviewIds, ...attemptIds]))
			.run();
		const counts = { interviews: interviewIds.length, attempts: attemptIds.length };
		recordAudit(tx, {
			actorId,
			action: 'candidate.deleted',
			targetId: candidateId,
			detail: `${counts.interviews} interviews, ${counts.attempts} role-plays`
		});
		return counts;
	});
	// The recordings' files go once their rows' deletion is committed.
	if (deleted) removeRecordingFiles(recorded);
	return deleted;
}
