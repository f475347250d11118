import {
	and,
	asc,
	desc,
	eq,
	getTableColumns,
	inArray,
	isNull,
	or,
	sql,
	type Placeholder,
	type SQL,
	type SQLWrapper
} from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import {
	attempts,
	candidates,
	interviewInvites,
	interviewPanel,
	interviewSummaries,
	interviews,
	ratings,
	scoreOverrides,
	teamMembers,
	users,
	type Attempt,
	type Candidate,
	type Interview,
	type InterviewMode,
	type OverrideReason,
	type Rating,
	type Recommendation
} from '../db/schema';
import { issueToken, newId, secretMatches, splitToken } from '../ids';
import { keptPerDatabase } from '../cache';
import { findContent, latestScenarioRevision } from '../content/store';
import { getUserRoles, recordAudit, usersWithRole } from '../accounts/users';
import { listTeams, teamsManagedBy } from '../accounts/teams';
import { compiledRevisionFor, startAttemptOnRevision } from '../practice/practice';
import { refreshInterviewSummary } from '../derived/interview-summaries';
import { rolePlaysChanged } from '../derived/role-plays';
import type { SessionUser } from '../auth/session';
import { pageAt, type Pager } from '$lib/pages';
import type { ContentLocale } from '$lib/engine/content/index';
import { missingCriteria } from '$lib/engine/hiring/rubric';
import { linkStatus, type LinkStatus } from '$lib/engine/hiring/link-status';
import type { Screening } from '$lib/engine/hiring/screening';
import { BRIEF_MAX_LENGTH } from '$lib/engine/hiring/brief';
import {
	readFormerProduct,
	rubricForScenario,
	sellsFormerProduct,
	type FormerProductProblem
} from '$lib/engine/hiring/former-product';

const DAY_MS = 24 * 60 * 60 * 1000;
export const INTERVIEW_INVITE_LIFETIME_MS = 14 * DAY_MS;

export function createCandidate(
	db: Db,
	input: {
		name: string;
		contact: string;
		position: string;
		notes: string;
		createdBy: string;
		/** Checked already (`readScreening`); none: nothing recorded yet. */
		screening?: Screening;
	},
	now = new Date()
): Candidate {
	return db
		.insert(candidates)
		.values({
			id: newId(),
			name: input.name.trim(),
			contact: input.contact.trim(),
			position: input.position.trim(),
			notes: input.notes.trim(),
			...input.screening,
			createdBy: input.createdBy,
			createdAt: now
		})
		.returning()
		.get();
}

export function isAdmin(user: SessionUser): boolean {
	return user.roles.includes('admin');
}

/** The interview ids a user may see: admins all; a manager those they sit on, created, or their teams'. */
function visibleInterviewCondition(
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
function hiddenFrom(db: Db, userId: string, ids: readonly string[]): string[] {
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

export interface InterviewRow {
	id: string;
	candidateId: string;
	candidateName: string;
	position: string;
	mode: InterviewMode;
	scheduledAt: Date;
	cancelled: boolean;
	scenarioTitle: string;
	/** An online interview's candidate link as it stands now; null for a live one. */
	link: LinkStatus | null;
}

// Lists leave out the pinned rubric: several kilobytes per interview that a list never shows.
const { rubric: _rubric, ...listedInterviewColumns } = getTableColumns(interviews);

function visibleInterviews(
	db: Db,
	user: SessionUser,
	position?: string
): { interview: Omit<Interview, 'rubric'>; candidate: Candidate }[] {
	return db
		.select({ interview: listedInterviewColumns, candidate: candidates })
		.from(interviews)
		.innerJoin(candidates, eq(candidates.id, interviews.candidateId))
		.where(
			and(
				visibleInterviewCondition(db, user),
				position ? eq(candidates.position, position) : undefined
			)
		)
		.orderBy(desc(interviews.scheduledAt))
		.all();
}

export function listVisibleInterviews(
	db: Db,
	user: SessionUser,
	position?: string,
	now = new Date()
): InterviewRow[] {
	const rows = visibleInterviews(db, user, position);
	const links = linkStatusesOf(
		db,
		rows.map(({ interview }) => interview).filter((interview) => interview.mode === 'online'),
		now
	);
	return rows.map(({ interview, candidate }) => ({
		id: interview.id,
		candidateId: candidate.id,
		candidateName: candidate.name,
		position: candidate.position,
		mode: interview.mode,
		scheduledAt: interview.scheduledAt,
		cancelled: interview.cancelledAt !== null,
		scenarioTitle: revisionTitle(db, interview),
		link: links.get(interview.id) ?? null
	}));
}

function revisionTitle(db: Db, interview: Pick<Interview, 'revisionId'>): string {
	return compiledRevisionFor(db, interview.revisionId).compiled.scenario.title;
}

/** Candidates a user may see: those with an interview they may see, and those they entered. */
function visibleCandidateCondition(
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

/**
 * What the comparison keeps per user: the positions of the candidates they may see, and per
 * position the interviews (not cancelled) they may see, with the orders the table has listed them
 * in. It changes only with who may see what and with the columns the table sorts by, so it is
 * kept until a write to those raises the `hiring` data version (`db/hiring-version-triggers.sql`).
 * What a row shows is always read fresh.
 */
interface KeptComparison {
	positions: string[];
	/** Per position: its interviews, and the orders worked out (those by score and spread for `hidden`). */
	interviews: Map<string, { ids: string[]; orders: Map<ComparisonSort, string[]>; hidden: string }>;
}

/** One entry per manager or admin who opened the comparison since the last change. */
const keptComparisons = keptPerDatabase<KeptComparison>({ limit: 10_000, dependsOn: 'hiring' });

function visibleHiring(db: Db, user: SessionUser): KeptComparison {
	const key = `${isAdmin(user) ? 'admin' : 'manager'}:${user.id}`;
	return keptComparisons.get(db, key, () => {
		const positions = db
			.selectDistinct({ position: candidates.position })
			.from(candidates)
			.where(visibleCandidateCondition(db, user))
			.orderBy(asc(candidates.position))
			.all()
			.map((row) => row.position);
		const visible: KeptComparison = { positions, interviews: new Map() };
		const rows = db
			.select({ id: interviews.id, position: candidates.position })
			.from(interviews)
			.innerJoin(candidates, eq(candidates.id, interviews.candidateId))
			.where(and(isNull(interviews.cancelledAt), visibleInterviewCondition(db, user)))
			.all();
		for (const row of rows) {
			const entry = visible.interviews.get(row.position);
			if (entry) entry.ids.push(row.id);
			else visible.interviews.set(row.position, { ids: [row.id], orders: new Map(), hidden: '' });
		}
		return visible;
	});
}

export function listPositions(db: Db, user: SessionUser): string[] {
	return visibleHiring(db, user).positions;
}

export type CreateInterviewProblem =
	'candidate' | 'scenario' | 'rubric' | 'panel' | 'team' | 'date' | 'brief';

export interface InterviewChoices {
	interviewers: { id: string; name: string }[];
	teams: { id: string; name: string }[];
}

/**
 * Who may sit on the panel of an interview a user schedules, and which team it may belong to. The
 * panel: active managers and admins, the only ones who can open and score it (a rep or trainer
 * there would leave it never complete). The team: a manager's own (the team's managers see its
 * interviews, the candidate's contact and notes with them), an admin's any.
 */
export function interviewChoicesFor(
	db: Db,
	user: Pick<SessionUser, 'id' | 'roles'>
): InterviewChoices {
	const interviewers = [...usersWithRole(db, 'manager'), ...usersWithRole(db, 'admin')]
		.filter((u, i, all) => all.findIndex((o) => o.id === u.id) === i)
		.map(({ id, name }) => ({ id, name }));
	const teams = user.roles.includes('admin')
		? listTeams(db)
		: teamsManagedBy(db, user.id).map(({ team }) => team);
	return { interviewers, teams: teams.map(({ id, name }) => ({ id, name })) };
}

/**
 * Creates an interview with its panel, pinning the scenario revision and the rubric as they are now.
 * The panel and the team must be among the choices of whoever creates it (`interviewChoicesFor`).
 */
export function createInterview(
	db: Db,
	input: {
		candidateId: string;
		scenarioId: string;
		rubricId: string;
		locale: ContentLocale;
		mode: InterviewMode;
		scheduledAt: Date;
		panel: readonly string[];
		teamId: string | null;
		createdBy: string;
		/** Markdown shown to the candidate before the role-play; empty: no brief. */
		brief?: string;
	},
	now = new Date()
): { ok: true; interview: Interview } | { ok: false; problem: CreateInterviewProblem } {
	const brief = (input.brief ?? '').trim();
	if ([...brief].length > BRIEF_MAX_LENGTH) return { ok: false, problem: 'brief' };
	if (!db.select().from(candidates).where(eq(candidates.id, input.candidateId)).get())
		return { ok: false, problem: 'candidate' };
	const scenario = findContent(db, 'scenario', input.scenarioId, input.locale);
	const revision = scenario && latestScenarioRevision(db, scenario.id, scenario.locale);
	if (!revision) return { ok: false, problem: 'scenario' };
	const rubric = findContent(db, 'rubric', input.rubricId, input.locale);
	if (!rubric) return { ok: false, problem: 'rubric' };
	if (Number.isNaN(input.scheduledAt.getTime())) return { ok: false, problem: 'date' };
	const choices = interviewChoicesFor(db, {
		id: input.createdBy,
		roles: getUserRoles(db, input.createdBy)
	});
	const panel = [...new Set(input.panel)];
	const interviewers = new Set(choices.interviewers.map((person) => person.id));
	if (panel.length === 0 || !panel.every((id) => interviewers.has(id)))
		return { ok: false, problem: 'panel' };
	if (input.teamId !== null && !choices.teams.some((team) => team.id === input.teamId))
		return { ok: false, problem: 'team' };
	const interview = db.transaction((tx) => {
		const created = tx
			.insert(interviews)
			.values({
				id: newId(),
				candidateId: input.candidateId,
				revisionId: revision.id,
				rubricId: rubric.id,
				rubric: rubricForScenario(rubric.data, revision.data),
				mode: input.mode,
				brief,
				scheduledAt: input.scheduledAt,
				teamId: input.teamId,
				createdBy: input.createdBy,
				createdAt: now
			})
			.returning()
			.get();
		tx.insert(interviewPanel)
			.values(panel.map((userId) => ({ interviewId: created.id, userId })))
			.run();
		refreshInterviewSummary(tx, created.id);
		recordAudit(tx, {
			actorId: input.createdBy,
			action: 'interview.created',
			targetId: created.id
		});
		return created;
	});
	return { ok: true, interview };
}

/** Whether the interview is the handbook's role-play, in which the candidate sells their former product. */
export function isFormerProductInterview(
	db: Db,
	interview: Pick<Interview, 'revisionId'>
): boolean {
	return sellsFormerProduct(compiledRevisionFor(db, interview.revisionId).compiled.scenario);
}

/**
 * Records the product the candidate names (the candidate online, the interviewer live), for an
 * interview whose scenario asks for one; while its role-play has not ended, so that what the
 * panel rates is what the candidate sold.
 */
export function setFormerProduct(
	db: Db,
	interview: Interview,
	typed: string,
	actorId: string | null
): { ok: true; product: string } | { ok: false; problem: FormerProductProblem | 'not-asked' } {
	if (!isFormerProductInterview(db, interview)) return { ok: false, problem: 'not-asked' };
	const read = readFormerProduct(typed);
	if (!read.ok) return read;
	db.transaction((tx) => {
		tx.update(interviews)
			.set({ formerProduct: read.product })
			.where(eq(interviews.id, interview.id))
			.run();
		recordAudit(tx, {
			actorId,
			action: 'interview.former-product-named',
			targetId: interview.id
		});
	});
	return read;
}

/** The products named in these interviews (those named only), for a page that lists them. */
export function formerProductsOf(db: Db, ids: readonly string[]): Record<string, string> {
	if (ids.length === 0) return {};
	return Object.fromEntries(
		db
			.select({ id: interviews.id, product: interviews.formerProduct })
			.from(interviews)
			.where(and(inArray(interviews.id, [...ids]), sql`${interviews.formerProduct} != ''`))
			.all()
			.map((row) => [row.id, row.product])
	);
}

export function findInterview(db: Db, id: string): Interview | undefined {
	return db.select().from(interviews).where(eq(interviews.id, id)).get();
}

export function findCandidate(db: Db, id: string): Candidate | undefined {
	return db.select().from(candidates).where(eq(candidates.id, id)).get();
}

export function panelOf(db: Db, interviewId: string): { id: string; name: string }[] {
	return db
		.select({ id: users.id, name: users.name })
		.from(interviewPanel)
		.innerJoin(users, eq(users.id, interviewPanel.userId))
		.where(eq(interviewPanel.interviewId, interviewId))
		.orderBy(asc(users.name))
		.all();
}

export function ratingsOf(db: Db, interviewId: string): Rating[] {
	return db.select().from(ratings).where(eq(ratings.interviewId, interviewId)).all();
}

export type SaveRatingResult =
	| { ok: true; rating: Rating }
	| { ok: false; problem: 'submitted' | 'incomplete'; missing?: string[] };

/**
 * Saves an interviewer's draft or submits it. A submitted rating is final: blindness only means
 * something if nobody can adjust their scores after seeing the others'.
 */
export function saveRating(
	db: Db,
	interview: Interview,
	interviewerId: string,
	input: {
		scores: Record<string, number>;
		notes: string;
		recommendation: Recommendation | null;
		submit: boolean;
	},
	now = new Date()
): SaveRatingResult {
	const existing = db
		.select()
		.from(ratings)
		.where(and(eq(ratings.interviewId, interview.id), eq(ratings.interviewerId, interviewerId)))
		.get();
	if (existing?.submittedAt) return { ok: false, problem: 'submitted' };
	const rubric = interview.rubric;
	const known = new Set(rubric.criteria.map((c) => c.id));
	const scores = Object.fromEntries(
		Object.entries(input.scores).filter(
			([id, value]) => known.has(id) && Number.isInteger(value) && value >= 1 && value <= 5
		)
	);
	if (input.submit) {
		const missing = missingCriteria(rubric, scores);
		if (missing.length > 0 || !input.recommendation)
			return { ok: false, problem: 'incomplete', missing };
	}
	const values = {
		scores,
		notes: input.notes.slice(0, 5000),
		recommendation: input.recommendation,
		submittedAt: input.submit ? now : null,
		updatedAt: now
	};
	return db.transaction((tx): SaveRatingResult => {
		const rating = tx
			.insert(ratings)
			.values({ interviewId: interview.id, interviewerId, ...values })
			.onConflictDoUpdate({
				target: [ratings.interviewId, ratings.interviewerId],
				set: values,
				where: isNull(ratings.submittedAt)
			})
			.returning()
			.get();
		if (!rating) return { ok: false, problem: 'submitted' };
		refreshInterviewSummary(tx, interview.id);
		if (input.submit)
			recordAudit(tx, {
				actorId: interviewerId,
				action: 'interview.rating-submitted',
				targetId: interview.id
			});
		return { ok: true, rating };
	});
}

export function interviewAttempt(db: Db, interviewId: string, mode?: 'live'): Attempt | undefined {
	return db
		.select()
		.from(attempts)
		.where(
			and(
				eq(attempts.interviewId, interviewId),
				mode === 'live' ? eq(attempts.mode, 'live') : sql`${attempts.mode} != 'live'`
			)
		)
		.orderBy(desc(attempts.startedAt))
		.limit(1)
		.get();
}

/** The role-play of an interview: the candidate's online one, or the interviewer's live record. */
export function startInterviewAttempt(
	db: Db,
	interview: Interview,
	mode: 'text' | 'live',
	now = new Date()
): Attempt {
	return startAttemptOnRevision(
		db,
		{ revisionId: interview.revisionId, userId: null, interviewId: interview.id, mode },
		now
	);
}

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

// Overrides --------------------------------------------------------------------------------------

export function overrideAttemptScore(
	db: Db,
	attempt: Attempt,
	input: { score: number; reason: OverrideReason; comment: string; userId: string },
	now = new Date()
): void {
	db.transaction((tx) => {
		tx.insert(scoreOverrides)
			.values({
				id: newId(),
				attemptId: attempt.id,
				previousScore: attempt.score,
				newScore: input.score,
				reason: input.reason,
				comment: input.comment.trim(),
				userId: input.userId,
				createdAt: now
			})
			.run();
		tx.update(attempts).set({ score: input.score }).where(eq(attempts.id, attempt.id)).run();
		rolePlaysChanged(tx, [attempt]);
		recordAudit(tx, {
			actorId: input.userId,
			action: 'attempt.score-overridden',
			targetId: attempt.id,
			detail: `${attempt.score} → ${input.score} (${input.reason})`
		});
	});
}

export function overridesOf(db: Db, attemptId: string) {
	return db
		.select({
			previousScore: scoreOverrides.previousScore,
			newScore: scoreOverrides.newScore,
			reason: scoreOverrides.reason,
			comment: scoreOverrides.comment,
			createdAt: scoreOverrides.createdAt,
			by: users.name
		})
		.from(scoreOverrides)
		.leftJoin(users, eq(users.id, scoreOverrides.userId))
		.where(eq(scoreOverrides.attemptId, attemptId))
		.orderBy(asc(scoreOverrides.createdAt))
		.all();
}

/**
 * One interview as the comparison shows it. A tuple, named element by element: the page sends its
 * rows to the browser for hydration, and serializing tuples cost half as much as objects with keys.
 */
export type ComparisonRow = [
	interviewId: string,
	candidate: string,
	scheduledAt: number,
	mode: InterviewMode,
	// The panel's figures: null while blind scoring hides them from the viewer (`panelOpenCondition`).
	score: number | null,
	spread: number | null,
	strongYes: number | null,
	yes: number | null,
	no: number | null,
	strongNo: number | null,
	submitted: number,
	panelSize: number,
	autoScore: number | null
];

export const COMPARISON_SORTS = ['score', 'spread', 'candidate', 'date'] as const;
export type ComparisonSort = (typeof COMPARISON_SORTS)[number];
export const COMPARISON_PER_PAGE = 25;

// Best score first (none last), least spread first, latest first; ties keep the latest first. An
// interview whose ratings are hidden from the viewer sorts as one with none submitted, or its place
// would tell what is hidden.
const isHidden = sql`${interviewSummaries.interviewId} in (select value from json_each(${sql.placeholder('hidden')}))`;
const comparisonOrder = {
	score: [
		sql`case when ${isHidden} then -1 else coalesce(${interviewSummaries.score}, -1) end desc`,
		desc(interviewSummaries.scheduledAt),
		asc(interviewSummaries.interviewId)
	],
	spread: [
		sql`case when ${isHidden} then 0 else ${interviewSummaries.spread} end`,
		desc(interviewSummaries.scheduledAt),
		asc(interviewSummaries.interviewId)
	],
	date: [desc(interviewSummaries.scheduledAt), asc(interviewSummaries.interviewId)]
};

/** The given interviews (a JSON list drives the join: one look-up each) in one order. */
function orderedIds(
	db: Db,
	ids: readonly string[],
	order: keyof typeof comparisonOrder,
	hidden: readonly string[] = []
): string[] {
	return prepared(db, `compare-order-${order}`, () =>
		db
			.select({ id: interviewSummaries.interviewId })
			.from(sql`json_each(${sql.placeholder('ids')}) as ${sql.identifier('listed')}`)
			.innerJoin(
				interviewSummaries,
				sql`${interviewSummaries.interviewId} = ${sql.identifier('listed')}.value`
			)
			.orderBy(...comparisonOrder[order])
			.prepare()
	)
		.all({ ids: JSON.stringify(ids), hidden: JSON.stringify(hidden) })
		.map((row) => row.id);
}

// Read as plain values, the row's own shape: drizzle's mapping of every column of every row cost
// more than the query on this, the busiest page of hiring.
const comparisonColumns = sql`${interviewSummaries.interviewId}, ${interviewSummaries.candidate}, ${interviewSummaries.scheduledAt}, ${interviewSummaries.mode}, ${interviewSummaries.score}, ${interviewSummaries.spread}, ${interviewSummaries.strongYes}, ${interviewSummaries.yes}, ${interviewSummaries.no}, ${interviewSummaries.strongNo}, ${interviewSummaries.submitted}, ${interviewSummaries.panelSize}, ${interviewSummaries.autoScore}`;

/**
 * The rows of the given interviews, in the order given. The panel's summary and the role-play's
 * score are read as kept (`interview_summaries`), not worked out again from every rating; the kept
 * summary is the whole panel's, so the figures of the `hidden` interviews are left out here.
 */
function comparisonRows(
	db: Db,
	ids: readonly string[],
	hidden: ReadonlySet<string>
): ComparisonRow[] {
	const rows = prepared(db, 'compare-rows', () =>
		db
			.select({ values: comparisonColumns })
			.from(sql`json_each(${sql.placeholder('ids')}) as ${sql.identifier('listed')}`)
			.innerJoin(
				interviewSummaries,
				sql`${interviewSummaries.interviewId} = ${sql.identifier('listed')}.value`
			)
			.prepare()
	).values({ ids: JSON.stringify(ids) }) as ComparisonRow[];
	// Put in the order given here: sorting them again in SQL cost more.
	const at = new Map(ids.map((id, i) => [id, i]));
	for (const row of rows)
		if (hidden.has(row[0])) row.splice(4, 6, null, null, null, null, null, null);
	return rows.sort((a, b) => at.get(a[0])! - at.get(b[0])!);
}

/** One row per interview the user may see for a position (cancelled ones left out), latest first. */
export function comparePosition(db: Db, user: SessionUser, position: string): ComparisonRow[] {
	const visible = visibleHiring(db, user).interviews.get(position);
	return visible
		? comparisonRows(
				db,
				orderedIds(db, visible.ids, 'date'),
				new Set(hiddenFrom(db, user.id, visible.ids))
			)
		: [];
}

/**
 * One page of a position's comparison (the first position the user may see unless one is asked
 * for), sorted by the chosen column on the server so that sorting works without JavaScript, with
 * the positions the user may choose from. `total` counts every row.
 */
export function comparisonPage(
	db: Db,
	user: SessionUser,
	requested: { position: string | null; sort: ComparisonSort; page: string | null }
): { positions: string[]; position: string; rows: ComparisonRow[]; total: number; pager: Pager } {
	const kept = visibleHiring(db, user);
	const position = requested.position ?? kept.positions[0] ?? '';
	const visible = kept.interviews.get(position);
	const { offset, limit, pager } = pageAt(
		visible?.ids.length ?? 0,
		COMPARISON_PER_PAGE,
		requested.page
	);
	if (!visible) return { positions: kept.positions, position, rows: [], total: 0, pager };
	// Worked out on every view: it changes as the user and the panels submit, which the kept version does not follow.
	const hidden = hiddenFrom(db, user.id, visible.ids);
	if (visible.hidden !== hidden.join(' ')) {
		visible.hidden = hidden.join(' ');
		visible.orders.delete('score');
		visible.orders.delete('spread');
	}
	let order = visible.orders.get(requested.sort);
	if (!order) {
		// Names sort as people expect (localeCompare), which SQLite's collations cannot; ties keep
		// the latest first.
		order =
			requested.sort === 'candidate'
				? comparePosition(db, user, position)
						.sort((a, b) => a[1].localeCompare(b[1]))
						.map(([interviewId]) => interviewId)
				: orderedIds(db, visible.ids, requested.sort, hidden);
		visible.orders.set(requested.sort, order);
	}
	return {
		positions: kept.positions,
		position,
		rows: comparisonRows(db, order.slice(offset, offset + limit), new Set(hidden)),
		total: order.length,
		pager
	};
}

/** Every submitted rating on interviews the user may see and whose ratings are open to them, for the calibration page. */
export function submittedRatingsFor(
	db: Db,
	user: SessionUser
): { interviewId: string; interviewerId: string; scores: Record<string, number> }[] {
	return db
		.select({
			interviewId: ratings.interviewId,
			interviewerId: ratings.interviewerId,
			scores: ratings.scores
		})
		.from(ratings)
		.innerJoin(interviews, eq(interviews.id, ratings.interviewId))
		.where(
			and(
				sql`${ratings.submittedAt} is not null`,
				visibleInterviewCondition(db, user),
				panelOpenCondition(interviews.id, user.id)
			)
		)
		.all();
}
