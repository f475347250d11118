// A candidate's link to an online interview: made (only a hash of its secret is kept), withdrawn,
// looked up, and what the manager's pages say of it.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db } from '../db/index';
import {
	attempts,
	interviewInvites,
	type Attempt,
	type Candidate,
	type Interview
} from '../db/schema';
import { issueToken, secretMatches, splitToken } from '../ids';
import { recordAudit } from '../accounts/users';
import { linkStatus, type LinkStatus } from '$lib/engine/hiring/link-status';
import { findInterview, findCandidate, interviewAttempt } from './hiring';

const DAY_MS = 24 * 60 * 60 * 1000;
export const INTERVIEW_INVITE_LIFETIME_MS = 14 * DAY_MS;

// Candidate links --------------------------------------------------------------------------------

export function createInterviewInvite(
	db: Db,
	interviewId: string,
	createdBy: string,
	now = new Date()
): string {
	const { token, id, secretHash } = issueToken();
	db.transaction((tx) => {
		// One live link per interview: a new one replaces any earlier one.
		tx.update(interviewInvites)
			.set({ revokedAt: now })
			.where(and(eq(interviewInvites.interviewId, interviewId), isNull(interviewInvites.revokedAt)))
			.run();
		tx.insert(interviewInvites)
			.values({
				id,
				interviewId,
				secretHash,
				expiresAt: new Date(now.getTime() + INTERVIEW_INVITE_LIFETIME_MS),
				createdBy,
				createdAt: now
			})
			.run();
		recordAudit(tx, {
			actorId: createdBy,
			action: 'interview.invite-created',
			targetId: interviewId
		});
	});
	return token;
}

export function revokeInterviewInvites(
	db: Db,
	interviewId: string,
	userId: string,
	now = new Date()
): number {
	const result = db
		.update(interviewInvites)
		.set({ revokedAt: now })
		.where(and(eq(interviewInvites.interviewId, interviewId), isNull(interviewInvites.revokedAt)))
		.run();
	if (result.changes > 0)
		recordAudit(db, { actorId: userId, action: 'interview.invite-revoked', targetId: interviewId });
	return result.changes;
}

export function activeInviteOf(
	db: Db,
	interviewId: string,
	now = new Date()
): { expiresAt: Date } | undefined {
	const invite = db
		.select()
		.from(interviewInvites)
		.where(and(eq(interviewInvites.interviewId, interviewId), isNull(interviewInvites.revokedAt)))
		.orderBy(desc(interviewInvites.createdAt))
		.get();
	return invite && invite.expiresAt.getTime() > now.getTime()
		? { expiresAt: invite.expiresAt }
		: undefined;
}

/**
 * The candidate links of these online interviews as they stand at `now` (`linkStatus`): each
 * interview's latest link and the candidate's latest role-play, read for all of them at once.
 */
export function linkStatusesOf(
	db: Db,
	online: readonly Pick<Interview, 'id' | 'cancelledAt'>[],
	now: Date
): Map<string, LinkStatus> {
	const ids = online.map((interview) => interview.id);
	const statuses = new Map<string, LinkStatus>();
	if (ids.length === 0) return statuses;
	const latestInvite = new Map<string, { expiresAt: Date; revokedAt: Date | null }>();
	for (const invite of db
		.select({
			interviewId: interviewInvites.interviewId,
			expiresAt: interviewInvites.expiresAt,
			revokedAt: interviewInvites.revokedAt
		})
		.from(interviewInvites)
		.where(inArray(interviewInvites.interviewId, ids))
		.orderBy(desc(interviewInvites.createdAt))
		.all()) {
		if (!latestInvite.has(invite.interviewId)) latestInvite.set(invite.interviewId, invite);
	}
	const latestAttempt = new Map<
		string,
		{ status: string; startedAt: Date; endedAt: Date | null }
	>();
	for (const attempt of db
		.select({
			interviewId: attempts.interviewId,
			status: attempts.status,
			startedAt: attempts.startedAt,
			endedAt: attempts.endedAt
		})
		.from(attempts)
		.where(and(inArray(attempts.interviewId, ids), sql`${attempts.mode} != 'live'`))
		.orderBy(desc(attempts.startedAt))
		.all()) {
		if (attempt.interviewId && !latestAttempt.has(attempt.interviewId))
			latestAttempt.set(attempt.interviewId, attempt);
	}
	for (const interview of online) {
		statuses.set(
			interview.id,
			linkStatus(
				{
					invite: latestInvite.get(interview.id) ?? null,
					attempt: latestAttempt.get(interview.id) ?? null,
					cancelled: interview.cancelledAt !== null
				},
				now
			)
		);
	}
	return statuses;
}

export function linkStatusOf(
	db: Db,
	interview: Pick<Interview, 'id' | 'cancelledAt'>,
	now = new Date()
): LinkStatus {
	return linkStatusesOf(db, [interview], now).get(interview.id)!;
}

export type CandidateLink =
	| { ok: true; interview: Interview; candidate: Candidate; attempt: Attempt | undefined }
	| { ok: false; reason: 'invalid' | 'expired' | 'revoked' | 'used' | 'cancelled' };

/**
 * What a candidate's link opens. It stays usable while the role-play runs, so closing the tab and
 * opening the link again resumes it; once the role-play has ended, the link is used up.
 */
export function lookUpCandidateLink(db: Db, token: string, now = new Date()): CandidateLink {
	const parts = splitToken(token);
	if (!parts) return { ok: false, reason: 'invalid' };
	const invite = db.select().from(interviewInvites).where(eq(interviewInvites.id, parts.id)).get();
	if (!invite || !secretMatches(parts.secret, invite.secretHash))
		return { ok: false, reason: 'invalid' };
	if (invite.revokedAt) return { ok: false, reason: 'revoked' };
	const interview = findInterview(db, invite.interviewId)!;
	if (interview.cancelledAt) return { ok: false, reason: 'cancelled' };
	const attempt = interviewAttempt(db, interview.id);
	if (attempt && attempt.status !== 'active') return { ok: false, reason: 'used' };
	if (!attempt && invite.expiresAt.getTime() <= now.getTime())
		return { ok: false, reason: 'expired' };
	return { ok: true, interview, candidate: findCandidate(db, interview.candidateId)!, attempt };
}
