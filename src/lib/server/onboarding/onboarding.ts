import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from '../db/index';
import {
	articleReads,
	attempts,
	cohortMembers,
	cohorts,
	moduleCompletions,
	quizResults,
	signoffs,
	teamMembers,
	users,
	type Cohort
} from '../db/schema';
import { newId } from '../ids';
import { builtFromContentItem, findContent } from '../content/store';
import { recordAudit, usersWithRole } from '../accounts/users';
import { listTeams, repsFollowedBy, teamsManagedBy } from '../accounts/teams';
import type { SessionUser } from '../auth/session';
import { bestSeriesScores } from '../practice/series';
import type { ContentLocale, Curriculum } from '$lib/engine/content/index';
import {
	planProgress,
	planStatuses,
	type PlanProgress,
	type PlanStatuses
} from '$lib/engine/training/plan';
import { planInLanguage, type ShownPlan } from '$lib/engine/training/plan-language';
import { localIsoDate } from '$lib/calendar';
import type { GradedQuiz, QuizAnswer } from '$lib/engine/training/quiz';
import { missingCriteria, weightedScore } from '$lib/engine/hiring/rubric';

export type CreateCohortProblem = 'name' | 'curriculum' | 'date' | 'members' | 'team';

export interface CohortChoices {
	reps: { id: string; name: string }[];
	teams: { id: string; name: string }[];
}

/**
 * Whom a user may put in a cohort and which team it may belong to. A manager: the reps of the teams
 * they manage and new hires who are in no team yet (a cohort's members are people the manager then
 * follows, so never another team's reps), and their own teams. An admin: every active rep and team.
 */
export function cohortChoicesFor(db: Db, user: SessionUser): CohortChoices {
	const allReps = usersWithRole(db, 'rep').map(({ id, name }) => ({ id, name }));
	if (user.roles.includes('admin'))
		return { reps: allReps, teams: listTeams(db).map(({ id, name }) => ({ id, name })) };
	const inTeams = new Set(
		db
			.selectDistinct({ id: teamMembers.userId })
			.from(teamMembers)
			.where(eq(teamMembers.role, 'rep'))
			.all()
			.map((row) => row.id)
	);
	const managed = new Set(repsFollowedBy(db, user.id, false).map((rep) => rep.id));
	return {
		reps: allReps.filter((rep) => managed.has(rep.id) || !inTeams.has(rep.id)),
		teams: teamsManagedBy(db, user.id).map(({ team }) => ({ id: team.id, name: team.name }))
	};
}

export function createCohort(
	db: Db,
	input: {
		name: string;
		curriculumId: string;
		locale: ContentLocale;
		startDate: string;
		userIds: readonly string[];
		teamId: string | null;
		createdBy: string;
	},
	choices: CohortChoices,
	now = new Date()
): { ok: true; cohort: Cohort } | { ok: false; problem: CreateCohortProblem } {
	if (!input.name.trim()) return { ok: false, problem: 'name' };
	const curriculum = findContent(db, 'curriculum', input.curriculumId, input.locale);
	if (!curriculum) return { ok: false, problem: 'curriculum' };
	if (
		!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate) ||
		Number.isNaN(new Date(input.startDate).getTime())
	)
		return { ok: false, problem: 'date' };
	const members = [...new Set(input.userIds)];
	const allowed = new Set(choices.reps.map((rep) => rep.id));
	if (members.length === 0 || !members.every((id) => allowed.has(id)))
		return { ok: false, problem: 'members' };
	if (input.teamId !== null && !choices.teams.some((team) => team.id === input.teamId))
		return { ok: false, problem: 'team' };
	const cohort = db.transaction((tx) => {
		const created = tx
			.insert(cohorts)
			.values({
				id: newId(),
				name: input.name.trim().slice(0, 100),
				curriculumId: curriculum.id,
				locale: curriculum.locale,
				curriculum: curriculum.data,
				startDate: input.startDate,
				teamId: input.teamId,
				createdBy: input.createdBy,
				createdAt: now
			})
			.returning()
			.get();
		tx.insert(cohortMembers)
			.values(members.map((userId) => ({ cohortId: created.id, userId })))
			.run();
		recordAudit(tx, { actorId: input.createdBy, action: 'cohort.created', targetId: created.id });
		return created;
	});
	return { ok: true, cohort };
}

/** Cohorts a manager may follow: the ones they created and their teams'; admins see all. */
export function cohortsVisibleTo(db: Db, user: SessionUser): Cohort[] {
	if (user.roles.includes('admin'))
		return db.select().from(cohorts).orderBy(desc(cohorts.startDate)).all();
	const managed = db
		.select({ id: teamMembers.teamId })
		.from(teamMembers)
		.where(and(eq(teamMembers.userId, user.id), eq(teamMembers.role, 'manager')));
	return db
		.select()
		.from(cohorts)
		.where(or(eq(cohorts.createdBy, user.id), inArray(cohorts.teamId, managed)))
		.orderBy(desc(cohorts.startDate))
		.all();
}

/** The rule of cohortsVisibleTo for one cohort, without reading every cohort (each carries its plan). */
export function canFollowCohort(
	db: Db,
	user: SessionUser,
	cohort: Pick<Cohort, 'createdBy' | 'teamId'>
): boolean {
	if (user.roles.includes('admin') || cohort.createdBy === user.id) return true;
	if (!cohort.teamId) return false;
	return !!db
		.select({ id: teamMembers.teamId })
		.from(teamMembers)
		.where(
			and(
				eq(teamMembers.teamId, cohort.teamId),
				eq(teamMembers.userId, user.id),
				eq(teamMembers.role, 'manager')
			)
		)
		.get();
}

export type MemberCohort = Cohort & { certifiedAt: Date | null };

/** The rep's current cohort: the latest they belong to. */
export function currentCohortOf(db: Db, userId: string): MemberCohort | undefined {
	return currentCohortsOf(db, [userId]).get(userId);
}

/** Each rep's current cohort, for many reps at once (a dashboard lists dozens). */
export function currentCohortsOf(db: Db, userIds: readonly string[]): Map<string, MemberCohort> {
	const current = new Map<string, MemberCohort>();
	if (userIds.length === 0) return current;
	// Prepared once, with the reps as one JSON list: the dashboard asks for dozens on every view.
	const memberships = prepared(db, 'current-cohorts', () =>
		db
			.select({
				userId: cohortMembers.userId,
				cohortId: cohortMembers.cohortId,
				certifiedAt: cohortMembers.certifiedAt,
				startDate: cohorts.startDate
			})
			.from(cohortMembers)
			.innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
			.where(inJsonList(cohortMembers.userId, 'users'))
			.orderBy(desc(cohorts.startDate))
			.prepare()
	).all({ users: JSON.stringify(userIds) });
	const latest = new Map<string, (typeof memberships)[number]>();
	for (const row of memberships) if (!latest.has(row.userId)) latest.set(row.userId, row);
	// Each cohort (with its plan, a few kilobytes) is read once, not once per member.
	const cohortIds = [...new Set([...latest.values()].map((row) => row.cohortId))];
	const byId = new Map(
		cohortIds.length > 0
			? prepared(db, 'cohorts-by-id', () =>
					db.select().from(cohorts).where(inJsonList(cohorts.id, 'ids')).prepare()
				)
					.all({ ids: JSON.stringify(cohortIds) })
					.map((cohort) => [cohort.id, cohort])
			: []
	);
	for (const [userId, row] of latest)
		current.set(userId, { ...byId.get(row.cohortId)!, certifiedAt: row.certifiedAt });
	return current;
}

export function membersOf(
	db: Db,
	cohortId: string
): { id: string; name: string; certifiedAt: Date | null }[] {
	return prepared(db, 'cohort-members', () =>
		db
			.select({ id: users.id, name: users.name, certifiedAt: cohortMembers.certifiedAt })
			.from(cohortMembers)
			.innerJoin(users, eq(users.id, cohortMembers.userId))
			.where(eq(cohortMembers.cohortId, sql.placeholder('cohortId')))
			.orderBy(asc(users.name))
			.prepare()
	).all({ cohortId });
}

export function isMember(db: Db, cohortId: string, userId: string): boolean {
	return !!db
		.select()
		.from(cohortMembers)
		.where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
		.get();
}

/** What a rep did that a plan counts, as read from the database. */
interface Evidence {
	read: Set<string>;
	passedQuizzes: Set<string>;
	/** By scenario: the best score won in each mode. */
	wins: Map<string, { mode: string; score: number }[]>;
	marked: Set<string>;
	signedOff: Set<string>;
	/** By series: the best series score of a run played to the end. */
	series: Map<string, number>;
}

/** When a cohort's evidence starts to count: its start date, or its creation if that was earlier. */
function sinceOf(cohort: Cohort): Date {
	const since = new Date(`${cohort.startDate}T00:00:00Z`);
	return cohort.createdAt < since ? cohort.createdAt : since;
}

/**
 * The evidence of many (cohort, rep) pairs with one query per kind of evidence, rather than five
 * queries per rep: a cohort page or a dashboard shows dozens of reps at once.
 */
function evidenceOf(db: Db, members: readonly { cohort: Cohort; userId: string }[]): Evidence[] {
	if (members.length === 0) return [];
	const userIds = [...new Set(members.map((m) => m.userId))];
	const cohortIds = [...new Set(members.map((m) => m.cohort.id))];
	// Lists bound as JSON and statements prepared once (see inJsonList). `members` pairs each rep with
	// the time their evidence starts to count, so that SQLite keeps only what counts, per member:
	// the best score of each scenario and mode won, and each quiz passed, rather than every row.
	const params = {
		users: JSON.stringify(userIds),
		cohorts: JSON.stringify(cohortIds),
		members: JSON.stringify(members.map((m) => [m.userId, sinceOf(m.cohort).getTime()])),
		scenarios: JSON.stringify(practisedScenarios(members))
	};
	const reads = prepared(db, 'evidence-reads', () =>
		db
			.select({ userId: articleReads.userId, id: articleReads.articleId })
			.from(articleReads)
			.where(inJsonList(articleReads.userId, 'users'))
			.prepare()
	).values(params) as [string, string][];
	const quizzes = prepared(db, 'evidence-quizzes', () =>
		db
			.selectDistinct({ member: sql<number>`member.key`, id: quizResults.quizId })
			.from(sql`json_each(${sql.placeholder('members')}) member`)
			.innerJoin(
				quizResults,
				sql`${quizResults.userId} = member.value ->> 0 and ${quizResults.createdAt} >= member.value ->> 1`
			)
			.where(eq(quizResults.passed, true))
			.prepare()
	).values(params) as [number, string][];
	const wins = prepared(db, 'evidence-wins', () =>
		db
			.select({
				member: sql<number>`member.key`,
				scenarioId: attempts.scenarioId,
				mode: attempts.mode,
				score: sql<number>`max(${attempts.score})`
			})
			.from(sql`json_each(${sql.placeholder('members')}) member`)
			.innerJoin(
				attempts,
				sql`${attempts.userId} = member.value ->> 0 and ${attempts.startedAt} >= member.value ->> 1`
			)
			// Only the scenarios the plans name: a rep wins many others, each row of them read for nothing.
			.where(and(eq(attempts.status, 'won'), inJsonList(attempts.scenarioId, 'scenarios')))
			.groupBy(sql`member.key`, attempts.scenarioId, attempts.mode)
			.prepare()
	).values(params) as [number, string, string, number][];
	const marked = prepared(db, 'evidence-marked', () =>
		db
			.select({
				cohortId: moduleCompletions.cohortId,
				userId: moduleCompletions.userId,
				key: moduleCompletions.moduleKey
			})
			.from(moduleCompletions)
			.where(
				and(
					inJsonList(moduleCompletions.cohortId, 'cohorts'),
					inJsonList(moduleCompletions.userId, 'users')
				)
			)
			.prepare()
	).values(params) as [string, string, string][];
	const signedOff = prepared(db, 'evidence-signoffs', () =>
		db
			.select({ cohortId: signoffs.cohortId, userId: signoffs.userId, key: signoffs.moduleKey })
			.from(signoffs)
			.where(
				and(
					inJsonList(signoffs.cohortId, 'cohorts'),
					inJsonList(signoffs.userId, 'users'),
					eq(signoffs.passed, true)
				)
			)
			.prepare()
	).values(params) as [string, string, string][];
	const series = bestSeriesScores(
		db,
		members.map((m) => ({ userId: m.userId, since: sinceOf(m.cohort) })),
		playedSeries(members)
	);
	// Bare rows, filed straight into each member's evidence: no object per row, no groups in between.
	const evidence: Evidence[] = [];
	const ofUser = new Map<string, Evidence[]>();
	const ofMember = new Map<string, Evidence[]>();
	for (const { cohort, userId } of members) {
		const e: Evidence = {
			read: new Set(),
			passedQuizzes: new Set(),
			wins: new Map(),
			marked: new Set(),
			signedOff: new Set(),
			series: series[evidence.length]!
		};
		evidence.push(e);
		ofUser.set(userId, [...(ofUser.get(userId) ?? []), e]);
		ofMember.set(`${cohort.id}:${userId}`, [...(ofMember.get(`${cohort.id}:${userId}`) ?? []), e]);
	}
	for (const [userId, id] of reads) for (const e of ofUser.get(userId) ?? []) e.read.add(id);
	for (const [member, id] of quizzes) evidence[member]!.passedQuizzes.add(id);
	for (const [member, scenarioId, mode, score] of wins) {
		const won = evidence[member]!.wins;
		const list = won.get(scenarioId);
		if (list) list.push({ mode, score });
		else won.set(scenarioId, [{ mode, score }]);
	}
	for (const [cohortId, userId, key] of marked)
		for (const e of ofMember.get(`${cohortId}:${userId}`) ?? []) e.marked.add(key);
	for (const [cohortId, userId, key] of signedOff)
		for (const e of ofMember.get(`${cohortId}:${userId}`) ?? []) e.signedOff.add(key);
	return evidence;
}

/** The scenarios whose wins the plans of these members' cohorts count (drills and role-plays), each once. */
function practisedScenarios(members: readonly { cohort: Cohort }[]): string[] {
	const scenarios = new Set<string>();
	// By id: the dashboard's members each carry a copy of their cohort.
	for (const cohort of new Map(members.map((m) => [m.cohort.id, m.cohort])).values())
		for (const day of cohort.curriculum.days)
			for (const module of day.modules)
				if (module.type === 'drill' || module.type === 'scenario')
					for (const id of module.items) scenarios.add(id);
	return [...scenarios];
}

/** The series whose runs the plans of these members' cohorts count, each once. */
function playedSeries(members: readonly { cohort: Cohort }[]): string[] {
	const series = new Set<string>();
	for (const cohort of new Map(members.map((m) => [m.cohort.id, m.cohort])).values())
		for (const day of cohort.curriculum.days)
			for (const module of day.modules)
				if (module.type === 'series') for (const id of module.items) series.add(id);
	return [...series];
}

/** The modules of the plan that the evidence completes. */
function completedFrom(cohort: Cohort, evidence: Evidence): Set<string> {
	const { read, passedQuizzes, wins, marked, signedOff, series } = evidence;
	const done = new Set<string>();
	cohort.curriculum.days.forEach((day, d) =>
		day.modules.forEach((module, m) => {
			const key = `d${d + 1}m${m + 1}`;
			const pass = module.pass ?? 0;
			const complete =
				module.type === 'read'
					? module.items.every((id) => read.has(id))
					: module.type === 'quiz'
						? module.items.every((id) => passedQuizzes.has(id))
						: module.type === 'drill' || module.type === 'scenario'
							? // A free-text drill needs a typed (or spoken) win; a multiple-choice drill takes any win.
								module.items.every((id) =>
									wins
										.get(id)
										?.some(
											(w) =>
												w.score >= pass &&
												(module.mode !== 'text' || w.mode === 'text' || w.mode === 'call')
										)
								)
							: module.type === 'signoff'
								? signedOff.has(key)
								: module.type === 'series'
									? module.items.every((id) => (series.get(id) ?? -1) >= pass)
									: marked.has(key);
			if (complete) done.add(key);
		})
	);
	return done;
}

/**
 * Which modules of the plan a rep has done, from what they actually did since the cohort began:
 * articles opened, quizzes passed, drills won at the pass mark, a series played to the end at the
 * pass mark of its series score, a passed sign-off, or entries they marked as studied.
 */
export function completedModules(db: Db, cohort: Cohort, userId: string): Set<string> {
	return completedFrom(cohort, evidenceOf(db, [{ cohort, userId }])[0]!);
}

/**
 * A cohort's plan in `locale` (the reader's language) when the curriculum is published in it with
 * the shape the cohort started with, else in the cohort's language: see `planInLanguage`. Only
 * the words change; progress, counted on the cohort's own plan, is the same in either language.
 */
export function planFor(db: Db, cohort: Cohort, locale: ContentLocale): ShownPlan {
	const plan = cohort.curriculum;
	if (locale === cohort.locale) return { curriculum: plan, locale: cohort.locale };
	// Kept until the content changes (a cohort's own plan never does): a rep's home asks on every view.
	return builtFromContentItem(db, `cohort-plan:${cohort.id}:${locale}`, () => {
		const translation = findContent(db, 'curriculum', cohort.curriculumId, locale);
		return planInLanguage(
			plan,
			cohort.locale,
			locale,
			translation && { locale: translation.locale, data: translation.data }
		);
	});
}

/** A rep's progress; its modules' words in `locale` where the plan exists in it (see `planFor`). */
export function progressOf(
	db: Db,
	cohort: Cohort,
	userId: string,
	now = new Date(),
	locale: ContentLocale = cohort.locale
): PlanProgress {
	return progressOfMany(db, [{ cohort, userId }], now, locale)[0]!;
}

/**
 * The progress of many (cohort, rep) pairs, in the order given, each plan's words in `locale`
 * where it exists in it (else in its cohort's language).
 */
export function progressOfMany(
	db: Db,
	members: readonly { cohort: Cohort; userId: string }[],
	now = new Date(),
	locale?: ContentLocale
): PlanProgress[] {
	const evidence = evidenceOf(db, members);
	const shown = new Map<string, Curriculum>();
	const planOf = (cohort: Cohort): Curriculum => {
		if (!locale) return cohort.curriculum;
		let plan = shown.get(cohort.id);
		if (!plan) shown.set(cohort.id, (plan = planFor(db, cohort, locale).curriculum));
		return plan;
	};
	// Counted on the cohort's own plan (completedFrom); only the words shown come from planOf.
	return members.map(({ cohort }, i) =>
		planProgress(
			planOf(cohort),
			cohort.startDate,
			localIsoDate(now),
			completedFrom(cohort, evidence[i]!)
		)
	);
}

/** The statuses, percent and overdue of many (cohort, rep) pairs, in the order given: what the managers' tables show. */
export function statusesOfMany(
	db: Db,
	members: readonly { cohort: Cohort; userId: string }[],
	now = new Date()
): PlanStatuses[] {
	const evidence = evidenceOf(db, members);
	const today = localIsoDate(now);
	return members.map(({ cohort }, i) =>
		planStatuses(cohort.curriculum, cohort.startDate, today, completedFrom(cohort, evidence[i]!))
	);
}

/** A cohort's members, each with the statuses of their plan (see statusesOfMany). */
export function membersWithStatuses(
	db: Db,
	cohort: Cohort,
	now = new Date()
): { member: { id: string; name: string; certifiedAt: Date | null }; progress: PlanStatuses }[] {
	const members = membersOf(db, cohort.id);
	const progress = statusesOfMany(
		db,
		members.map((member) => ({ cohort, userId: member.id })),
		now
	);
	return members.map((member, i) => ({ member, progress: progress[i]! }));
}

/** A cohort's members, each with their progress (its words in `locale` where the plan exists in it). */
export function membersWithProgress(
	db: Db,
	cohort: Cohort,
	now = new Date(),
	locale?: ContentLocale
): { member: { id: string; name: string; certifiedAt: Date | null }; progress: PlanProgress }[] {
	const members = membersOf(db, cohort.id);
	const progress = progressOfMany(
		db,
		members.map((member) => ({ cohort, userId: member.id })),
		now,
		locale
	);
	return members.map((member, i) => ({ member, progress: progress[i]! }));
}

export function markStudied(db: Db, cohortId: string, userId: string, moduleKey: string): void {
	db.insert(moduleCompletions).values({ cohortId, userId, moduleKey }).onConflictDoNothing().run();
}

export function recordQuizResult(
	db: Db,
	userId: string,
	quizId: string,
	graded: GradedQuiz,
	answers: readonly (QuizAnswer | undefined)[],
	now = new Date()
): void {
	db.insert(quizResults)
		.values({
			id: newId(),
			userId,
			quizId,
			score: graded.score,
			passed: graded.passed,
			answers: answers.map((answer) => answer ?? null),
			createdAt: now
		})
		.run();
}

/** Certifies the rep once every gate of the plan has passed. Returns whether they are certified. */
export function certifyIfComplete(
	db: Db,
	cohort: Cohort,
	userId: string,
	now = new Date()
): boolean {
	if (!progressOf(db, cohort, userId, now).finished) return false;
	// The first date stays: certifying again later does not move it.
	db.update(cohortMembers)
		.set({ certifiedAt: now })
		.where(
			and(
				eq(cohortMembers.cohortId, cohort.id),
				eq(cohortMembers.userId, userId),
				isNull(cohortMembers.certifiedAt)
			)
		)
		.run();
	return true;
}

export type SignoffProblem = 'incomplete' | 'not-signoff';

/** A manager scores the certification role-play on the module's rubric; 60 or more passes. */
export const SIGNOFF_PASS = 60;

export function recordSignoff(
	db: Db,
	cohort: Cohort,
	userId: string,
	moduleKey: string,
	input: { scores: Record<string, number>; notes: string; signedBy: string },
	now = new Date()
): { ok: true; passed: boolean; score: number } | { ok: false; problem: SignoffProblem } {
	const module = cohort.curriculum.days
		.flatMap((day, d) => day.modules.map((m, i) => ({ ...m, key: `d${d + 1}m${i + 1}` })))
		.find((m) => m.key === moduleKey);
	if (!module || module.type !== 'signoff' || !module.rubric)
		return { ok: false, problem: 'not-signoff' };
	const rubric = findContent(db, 'rubric', module.rubric, cohort.locale)?.data;
	if (!rubric || missingCriteria(rubric, input.scores).length > 0)
		return { ok: false, problem: 'incomplete' };
	const score = weightedScore(rubric, input.scores) ?? 0;
	const passed = score >= SIGNOFF_PASS;
	db.transaction((tx) => {
		tx.insert(signoffs)
			.values({
				id: newId(),
				cohortId: cohort.id,
				userId,
				moduleKey,
				scores: input.scores,
				score,
				passed,
				notes: input.notes.slice(0, 2000),
				signedBy: input.signedBy,
				createdAt: now
			})
			.run();
		recordAudit(tx, {
			actorId: input.signedBy,
			action: passed ? 'cohort.signoff-passed' : 'cohort.signoff-failed',
			targetId: userId,
			detail: `${cohort.id} ${score}`
		});
	});
	certifyIfComplete(db, cohort, userId, now);
	return { ok: true, passed, score };
}

export function findCohort(db: Db, id: string): Cohort | undefined {
	return prepared(db, 'cohort-by-id', () =>
		db
			.select()
			.from(cohorts)
			.where(eq(cohorts.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
}
