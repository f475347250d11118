// Who may see which candidates and interviews, and whose ratings are open to whom: decided here
// for every hiring page, as conditions the queries carry (a manager sees the interviews they sit on,
// created, or their teams' have; an admin, all).
import {
	and,
	asc,
	eq,
	inArray,
	or,
	sql,
	type Placeholder,
	type SQL,
	type SQLWrapper
} from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import {
	candidates,
	interviewPanel,
	interviews,
	ratings,
	teamMembers,
	type Candidate
} from '../db/schema';
import type { SessionUser } from '../auth/session';

export function isAdmin(user: SessionUser): boolean {
	return user.roles.includes('admin');
}

/** The interview ids a user may see: admins all; a manager those they sit on, created, or their teams'. */
export function visibleInterviewCondition(
	db: Db,
	user: SessionUser,
	userId: string | Placeholder = user.id
) {
	if (isAdmin(user)) return undefined;
	const onPanel = db
		.select({ id: interviewPanel.interviewId })
		.from(interviewPanel)
		.where(eq(interviewPanel.userId, userId));
	const managedTeams = db
		.select({ id: teamMembers.teamId })
		.from(teamMembers)
		.where(and(eq(teamMembers.userId, userId), eq(teamMembers.role, 'manager')));
	return or(
		inArray(interviews.id, onPanel),
		eq(interviews.createdBy, userId),
		inArray(interviews.teamId, managedTeams)
	);
}

export function canSeeInterview(db: Db, user: SessionUser, interviewId: string): boolean {
	const row = db
		.select({ id: interviews.id })
		.from(interviews)
		.where(and(eq(interviews.id, interviewId), visibleInterviewCondition(db, user)))
		.get();
	return !!row;
}

export function isOnPanel(db: Db, interviewId: string, userId: string): boolean {
	return !!db
		.select()
		.from(interviewPanel)
		.where(and(eq(interviewPanel.interviewId, interviewId), eq(interviewPanel.userId, userId)))
		.get();
}

/**
 * Blind scoring, the one rule for all that shows ratings (pages, CSV, exports, the comparison,
 * calibration): an interview's ratings are open to a user on its panel once they have submitted
 * their own, and to anyone else who may see the interview once every panel member has submitted
 * (what they see could otherwise reach a panelist who has not scored yet). Until then a user sees
 * no rating but their own; a draft is never seen by anyone but its author.
 */
export function panelOpenCondition(interviewId: SQLWrapper, userId: string | Placeholder): SQL {
	return sql`(case when exists (select 1 from ${interviewPanel} seat where seat.interview_id = ${interviewId} and seat.user_id = ${userId})
		then exists (select 1 from ${ratings} own where own.interview_id = ${interviewId} and own.interviewer_id = ${userId} and own.submitted_at is not null)
		else not exists (select 1 from ${interviewPanel} seat where seat.interview_id = ${interviewId}
			and not exists (select 1 from ${ratings} done where done.interview_id = seat.interview_id and done.interviewer_id = seat.user_id and done.submitted_at is not null)) end)`;
}

export function isPanelOpenTo(db: Db, userId: string, interviewId: string): boolean {
	return !!db
		.select({ id: interviews.id })
		.from(interviews)
		.where(and(eq(interviews.id, interviewId), panelOpenCondition(interviews.id, userId)))
		.get();
}

/** Of these interviews, the ones whose ratings are still hidden from the user (in the order given). */
export function hiddenFrom(db: Db, userId: string, ids: readonly string[]): string[] {
	const listed = sql`${sql.identifier('listed')}.value`;
	return prepared(db, 'hidden-from', () =>
		db
			.select({ id: sql<string>`${listed}` })
			.from(sql`json_each(${sql.placeholder('ids')}) as ${sql.identifier('listed')}`)
			.where(sql`not ${panelOpenCondition(listed, sql.placeholder('user'))}`)
			.orderBy(sql`${sql.identifier('listed')}.key`)
			.prepare()
	)
		.all({ ids: JSON.stringify(ids), user: userId })
		.map((row) => row.id);
}

/** Candidates a user may see: those with an interview they may see, and those they entered. */
export function visibleCandidateCondition(
	db: Db,
	user: SessionUser,
	userId: string | Placeholder = user.id
) {
	if (isAdmin(user)) return undefined;
	const visible = db
		.select({ id: interviews.candidateId })
		.from(interviews)
		.where(visibleInterviewCondition(db, user, userId));
	return or(eq(candidates.createdBy, userId), inArray(candidates.id, visible));
}

export function listVisibleCandidates(db: Db, user: SessionUser): Candidate[] {
	return db
		.select()
		.from(candidates)
		.where(visibleCandidateCondition(db, user))
		.orderBy(asc(candidates.position), asc(candidates.name))
		.all();
}

export function canSeeCandidate(db: Db, user: SessionUser, candidateId: string): boolean {
	return listVisibleCandidates(db, user).some((c) => c.id === candidateId);
}
