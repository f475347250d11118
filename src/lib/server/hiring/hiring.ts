import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from '../db/index';
import {
	attempts,
	candidates,
	interviewPanel,
	interviews,
	users,
	type Attempt,
	type Candidate,
	type Interview,
	type InterviewMode
} from '../db/schema';
import { newId } from '../ids';
import { findContent, latestScenarioRevision } from '../content/store';
import { getUserRoles, recordAudit, usersWithRole } from '../accounts/users';
import { listTeams, teamsManagedBy } from '../accounts/teams';
import { compiledRevisionFor } from '../practice/compiled-revisions';
import { startAttemptOnRevision } from '../practice/attempts';
import { refreshInterviewSummary } from '../derived/interview-summaries';
import type { SessionUser } from '../auth/session';
import type { ContentLocale } from '$lib/engine/content/index';
import type { Screening } from '$lib/engine/hiring/screening';
import { BRIEF_MAX_LENGTH } from '$lib/engine/hiring/brief';
import {
	readFormerProduct,
	rubricForScenario,
	sellsFormerProduct,
	type FormerProductProblem
} from '$lib/engine/hiring/former-product';

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
	// Prepared once, the page's ids bound as one JSON list: the comparison asks on every view, and
	// building the statement for 25 ids cost more than running it.
	const rows = prepared(db, 'former-products', () =>
		db
			.select({ id: interviews.id, product: interviews.formerProduct })
			.from(interviews)
			.where(and(inJsonList(interviews.id, 'ids'), sql`${interviews.formerProduct} != ''`))
			.prepare()
	).values({ ids: JSON.stringify(ids) }) as [string, string][];
	return Object.fromEntries(rows);
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
	mode: 'text' | 'call' | 'live',
	now = new Date()
): Attempt {
	return startAttemptOnRevision(
		db,
		{ revisionId: interview.revisionId, userId: null, interviewId: interview.id, mode },
		now
	);
}
