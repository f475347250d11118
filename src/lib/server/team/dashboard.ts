import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from '../db/index';
import {
	attempts,
	contentItems,
	recordings,
	reviewCards,
	scenarioRevisions,
	skillRollups,
	turns,
	type AttemptStatus
} from '../db/schema';
import { turnRecordingOf } from '../practice/recordings';
import type { TurnRecording } from '$lib/engine/voice/recording';
import { repsFollowedBy } from '../accounts/teams';
import { practiceSummaries } from '../practice/totals';
import { countsAsPracticeSql } from '../practice/attempt-counts';
import { currentCohortsOf, statusesOfMany } from '../onboarding/onboarding';
import { builtFromContent, contentTitles } from '../content/store';
import type { SessionUser } from '../auth/session';
import type { ContentLocale } from '$lib/engine/content/index';
import { groupBy } from '$lib/group-by';
import {
	cellsOf,
	suggestNext,
	weeklyTrend,
	type Cell,
	type Suggestion,
	type TrendPoint
} from '$lib/engine/reports/weak-spots';

export interface DashboardRow {
	id: string;
	name: string;
	team: string;
	onboarding: { percent: number; overdue: number; certifiedAt: Date | null } | null;
	attemptsThisWeek: number;
	average: number | null;
	best: number | null;
	trend: TrendPoint[];
	cardsOverdue: number;
}

/** Reps per page of the manager's tables: a big team stays readable on a phone; the CSV exports have them all. */
export const REPS_PER_PAGE = 20;

/**
 * Reps per page of the weak-spot heatmaps: a team of the handbook's size (nine reps) on one page.
 * Each rep there is two rows of linked cells and a suggestion; at 20 a page took five times the
 * server time of the minimal page, over the 4× a manager's page may take.
 */
export const WEAK_SPOTS_PER_PAGE = 10;

/** The reps a manager follows, each once (a rep in two teams is listed with the first). */
export function followedReps(
	db: Db,
	user: SessionUser
): { id: string; name: string; teamId: string; teamName: string }[] {
	const seen = new Set<string>();
	return repsFollowedBy(db, user.id, user.roles.includes('admin')).filter(
		(rep) => !seen.has(rep.id) && !!seen.add(rep.id)
	);
}

/**
 * One row per rep given (followed reps, or a page of them): practice this week, scores, an
 * eight-week trend, onboarding and review.
 */
export function dashboardRows(
	db: Db,
	reps: ReturnType<typeof followedReps>,
	now = new Date()
): DashboardRow[] {
	if (reps.length === 0) return [];
	const ids = reps.map((r) => r.id);
	const params = { reps: JSON.stringify(ids), now: now.getTime() };
	const practice = practiceSummaries(db, ids, now);
	const due = new Map(
		prepared(db, 'dashboard-due', () =>
			db
				.select({ userId: reviewCards.userId, n: sql<number>`count(*)` })
				.from(reviewCards)
				.where(
					and(
						inJsonList(reviewCards.userId, 'reps'),
						lte(reviewCards.dueAt, sql.placeholder('now'))
					)
				)
				.groupBy(reviewCards.userId)
				.prepare()
		)
			.all(params)
			.map((r) => [r.userId, r.n])
	);
	const cohorts = currentCohortsOf(db, ids);
	// A certified rep's row shows the date alone: only the others' progress is worked out.
	const inCohorts = ids.flatMap((userId) =>
		cohorts.has(userId) && !cohorts.get(userId)!.certifiedAt
			? [{ cohort: cohorts.get(userId)!, userId }]
			: []
	);
	const progressOfRep = new Map(
		statusesOfMany(db, inCohorts, now).map((progress, i) => [inCohorts[i]!.userId, progress])
	);
	return reps.map((rep) => {
		const cohort = cohorts.get(rep.id);
		const progress = progressOfRep.get(rep.id);
		const summary = practice.get(rep.id)!;
		return {
			id: rep.id,
			name: rep.name,
			team: rep.teamName,
			onboarding: cohort?.certifiedAt
				? { percent: 100, overdue: 0, certifiedAt: cohort.certifiedAt }
				: cohort && progress
					? { percent: progress.percent, overdue: progress.overdue, certifiedAt: null }
					: null,
			attemptsThisWeek: summary.thisWeek,
			average: summary.average !== null ? Math.round(summary.average * 10) / 10 : null,
			best: summary.best !== null ? Math.round(summary.best * 10) / 10 : null,
			trend: weeklyTrend(summary.weeks.map((week, weeksAgo) => ({ weeksAgo, ...week }))),
			cardsOverdue: due.get(rep.id) ?? 0
		};
	});
}

export interface WeakSpots {
	/** The reps whose cells and suggestions were worked out. */
	reps: FollowedRep[];
	/** Whether any of the followed reps has practised at all. */
	anyPractice: boolean;
	/** The columns: see WeakSpotContent. */
	categories: readonly string[];
	criteria: readonly string[];
	byCategory: Map<string, Map<string, Cell>>;
	byCriterion: Map<string, Map<string, Cell>>;
	suggestions: Map<string, Suggestion | null>;
	/** The titles of the scenarios and entries the suggestions name, by `kind:id`. */
	titles: ReadonlyMap<string, string>;
	/** The criteria's titles in the language, by id: see WeakSpotContent. */
	criterionTitles: ReadonlyMap<string, string>;
}

type FollowedRep = ReturnType<typeof followedReps>[number];

/** The rubric a role-play's criteria are read against when its scenario names none (as its result page does). */
const DEFAULT_RUBRIC = 'hiring-roleplay';

/** The category of each script entry, whichever language it is written in. */
function scriptCategories(db: Db): Map<string, string> {
	return builtFromContent(
		db,
		'script-categories',
		() =>
			new Map(
				db
					.select({ id: contentItems.id, category: contentItems.category })
					.from(contentItems)
					.where(and(eq(contentItems.kind, 'script'), isNotNull(contentItems.category)))
					.all()
					.map((r) => [r.id, r.category!])
			)
	);
}

/** What the weak-spot heatmaps read from the content, built once per content change and language. */
interface WeakSpotContent {
	categoryOf: ReadonlyMap<string, string>;
	/**
	 * The columns: every objection category of the script library and every criterion the scenarios
	 * are scored on, whoever has practised them. The table reads the same from page to page and team
	 * to team, and a category nobody has practised shows as a gap rather than not at all.
	 */
	categories: readonly string[];
	criteria: readonly string[];
	/** The scenarios in the language that practise each category, through their beats' script entries. */
	scenariosByCategory: ReadonlyMap<string, readonly string[]>;
	/** The titles of what a suggestion can name, by `kind:id`, in the language (or the other). */
	titles: ReadonlyMap<string, string>;
	/**
	 * Each criterion's title in the language, as a rubric gives it: the hiring rubric's first (the
	 * one practice is scored on when a scenario names none), then the others' by rubric id. A
	 * criterion no rubric of the language names is left out, and shows as its id.
	 */
	criterionTitles: ReadonlyMap<string, string>;
}

function weakSpotContent(db: Db, locale: ContentLocale): WeakSpotContent {
	return builtFromContent(db, `weak-spot-content:${locale}`, () => {
		const categoryOf = scriptCategories(db);
		// Which entries each scenario's beats use, picked out inside SQLite rather than by parsing every scenario.
		const scenarioScripts = db.all<{ id: string; script: string }>(
			sql`select distinct item.id, json_extract(beat.value, '$.script') as script from ${contentItems} item, json_each(item.data, '$.beats') beat where item.kind = 'scenario' and item.locale = ${locale} and script is not null order by item.id`
		);
		const scenariosByCategory = new Map<string, string[]>();
		for (const [id, rows] of groupBy(scenarioScripts, (row) => row.id)) {
			for (const category of new Set(
				rows.map((row) => categoryOf.get(row.script)).filter((c): c is string => !!c)
			)) {
				scenariosByCategory.set(category, [...(scenariosByCategory.get(category) ?? []), id]);
			}
		}
		const titles = new Map([
			...contentTitles(
				db,
				'scenario',
				[...new Set([...scenariosByCategory.values()].flat())],
				locale
			).map((t) => [`scenario:${t.id}`, t.title] as const),
			...contentTitles(db, 'script', [...categoryOf.keys()], locale).map(
				(t) => [`script:${t.id}`, t.title] as const
			)
		]);
		const criterionTitles = new Map<string, string>();
		const rubricCriteria = db.all<{ id: string; title: string }>(
			sql`select json_extract(criterion.value, '$.id') as id, json_extract(criterion.value, '$.title') as title from ${contentItems} item, json_each(item.data, '$.criteria') criterion where item.kind = 'rubric' and item.locale = ${locale} order by item.id <> ${DEFAULT_RUBRIC}, item.id, criterion.key`
		);
		for (const { id, title } of rubricCriteria)
			if (!criterionTitles.has(id)) criterionTitles.set(id, title);
		return {
			categoryOf,
			categories: [...new Set(categoryOf.values())].sort(),
			criteria: db
				.all<{ criterion: string }>(
					sql`select distinct criterion.value as criterion from ${contentItems} item, json_each(item.data, '$.criteria') criterion where item.kind = 'scenario' order by 1`
				)
				.map((row) => row.criterion),
			scenariosByCategory,
			titles,
			criterionTitles
		};
	});
}

/**
 * Reps × objection categories and reps × rubric criteria, from every practice reply: the average
 * reply score (0–100) per category, and the share of key-point weight made per criterion. Read
 * from the running totals, so the cost does not grow with the number of turns played. Cells and
 * suggestions are worked out only for `shown` (a page of them, or all of them for the CSV); `reps`
 * (all the followed reps) tells whether anyone has practised yet.
 */
export function weakSpots(
	db: Db,
	reps: FollowedRep[],
	locale: ContentLocale,
	shown: FollowedRep[] = reps
): WeakSpots {
	const {
		categoryOf,
		categories,
		criteria,
		scenariosByCategory: practised,
		titles,
		criterionTitles
	} = weakSpotContent(db, locale);
	if (reps.length === 0)
		return {
			reps: shown,
			anyPractice: false,
			categories,
			criteria,
			byCategory: new Map(),
			byCriterion: new Map(),
			suggestions: new Map(),
			titles,
			criterionTitles
		};
	const anyPractice = !!prepared(db, 'weak-spots-any', () =>
		db
			.select({ userId: skillRollups.userId })
			.from(skillRollups)
			.where(inJsonList(skillRollups.userId, 'reps'))
			.limit(1)
			.prepare()
	).get({ reps: JSON.stringify(reps.map((r) => r.id)) });
	// Read as bare rows, without an object made per row: a page of reps has hundreds of them.
	const perScript: { userId: string; scriptId: string; sum: number; count: number }[] = [];
	const perCriterion: { userId: string; key: string; sum: number; count: number }[] = [];
	const rollups = prepared(db, 'weak-spots-rollups', () =>
		db
			.select({
				userId: skillRollups.userId,
				dimension: skillRollups.dimension,
				key: skillRollups.key,
				sum: skillRollups.sum,
				count: skillRollups.count
			})
			.from(skillRollups)
			.where(inJsonList(skillRollups.userId, 'reps'))
			.prepare()
	).values({ reps: JSON.stringify(shown.map((r) => r.id)) }) as [
		string,
		string,
		string,
		number,
		number
	][];
	for (const [userId, dimension, key, sum, count] of rollups) {
		if (dimension === 'script') perScript.push({ userId, scriptId: key, sum, count });
		else perCriterion.push({ userId, key, sum, count });
	}
	const categoryRows = new Map<
		string,
		{ userId: string; key: string; sum: number; count: number }
	>();
	for (const row of perScript) {
		const category = categoryOf.get(row.scriptId);
		if (!category) continue;
		const key = `${row.userId}:${category}`;
		const total = categoryRows.get(key) ?? { userId: row.userId, key: category, sum: 0, count: 0 };
		total.sum += row.sum;
		total.count += row.count;
		categoryRows.set(key, total);
	}
	const byCategory = cellsOf([...categoryRows.values()]);
	const byCriterion = cellsOf(perCriterion);

	const perScriptOf = groupBy(perScript, (r) => r.userId);
	const suggestions = new Map(
		shown.map((rep) => {
			const scripts = new Map(
				(perScriptOf.get(rep.id) ?? [])
					.filter((r) => categoryOf.has(r.scriptId))
					.map((r) => [
						r.scriptId,
						{ average: r.sum / r.count, count: r.count, category: categoryOf.get(r.scriptId)! }
					])
			);
			return [rep.id, suggestNext(byCategory.get(rep.id), scripts, practised)];
		})
	);
	return {
		reps: shown,
		anyPractice,
		categories,
		criteria,
		byCategory,
		byCriterion,
		suggestions,
		titles,
		criterionTitles
	};
}

/** Recorded replies listed under a heatmap cell: the latest, enough to hear how the rep sounds. */
export const RECORDED_REPLIES_BEHIND = 10;

export interface RecordedReplyBehind {
	attemptId: string;
	turnIndex: number;
	startedAt: Date;
	locale: ContentLocale;
	customer: string;
	reply: string;
	/** 0–100. */
	score: number;
	recording: TurnRecording;
}

/** The script entries of a category: a heatmap cell's customer lines are those that cite them. */
function scriptsOf(db: Db, category: string): string[] {
	return [...scriptCategories(db)].filter(([, c]) => c === category).map(([id]) => id);
}

/** A rep's replies that count as practice (not an interview, not hung up) to lines citing these scripts. */
function practiceRepliesIn(repId: string, scriptIds: string[]) {
	return and(
		eq(attempts.userId, repId),
		isNull(attempts.interviewId),
		countsAsPracticeSql(attempts.status),
		inArray(turns.scriptId, scriptIds)
	);
}

/**
 * The spoken replies behind one heatmap cell, newest first: a rep's recorded practice replies to
 * customer lines of a category, with their players (the manager plays them back from weak spots).
 */
export function recordedRepliesBehind(
	db: Db,
	repId: string,
	category: string,
	limit = RECORDED_REPLIES_BEHIND
): RecordedReplyBehind[] {
	const scriptIds = scriptsOf(db, category);
	if (scriptIds.length === 0) return [];
	return db
		.select({
			attemptId: turns.attemptId,
			turnIndex: turns.index,
			startedAt: attempts.startedAt,
			locale: scenarioRevisions.locale,
			customer: turns.customer,
			reply: turns.reply,
			score: turns.score,
			voiced: recordings.voiced
		})
		.from(recordings)
		.innerJoin(
			turns,
			and(eq(turns.attemptId, recordings.attemptId), eq(turns.index, recordings.turnIndex))
		)
		.innerJoin(attempts, eq(attempts.id, recordings.attemptId))
		.innerJoin(scenarioRevisions, eq(scenarioRevisions.id, attempts.revisionId))
		.where(practiceRepliesIn(repId, scriptIds))
		.orderBy(sql`${recordings.createdAt} desc`)
		.limit(limit)
		.all()
		.map(({ voiced, ...turn }) => ({
			...turn,
			score: Math.round(turn.score * 100),
			recording: turnRecordingOf(
				{ attemptId: turn.attemptId, turnIndex: turn.turnIndex, voiced },
				turn.reply,
				turn.locale
			)
		}));
}

/**
 * The practice attempts behind one heatmap cell: a rep's attempts with replies in a category. Calls
 * the rep hung up are not practice (their replies left the roll-ups with them), so not listed.
 */
export function attemptsBehind(
	db: Db,
	repId: string,
	category: string
): {
	id: string;
	scenarioId: string;
	startedAt: Date;
	score: number;
	status: AttemptStatus;
	replies: number;
	average: number;
}[] {
	const scriptIds = scriptsOf(db, category);
	if (scriptIds.length === 0) return [];
	return db
		.select({
			id: attempts.id,
			scenarioId: attempts.scenarioId,
			startedAt: attempts.startedAt,
			score: attempts.score,
			status: attempts.status,
			replies: sql<number>`count(*)`,
			average: sql<number>`round(avg(${turns.score}) * 100, 1)`
		})
		.from(turns)
		.innerJoin(attempts, eq(attempts.id, turns.attemptId))
		.where(practiceRepliesIn(repId, scriptIds))
		.groupBy(attempts.id)
		.orderBy(sql`${attempts.startedAt} desc`)
		.limit(50)
		.all();
}

/** Where a manager sends a rep to work on one objection category: a script entry and a scenario, with their titles. */
export interface ObjectionContent {
	scriptId: string | null;
	scriptTitle: string | null;
	scenarioId: string | null;
	scenarioTitle: string | null;
}

/**
 * The objection categories the content knows (the weak spots' columns), each with where to work on
 * it, read from the same mapping as the weak spots' suggestions: the first scenario in the language
 * whose beats use an entry of the category, and the category's first script entry by id.
 */
export function objectionContent(
	db: Db,
	locale: ContentLocale
): { categories: readonly string[]; byCategory: ReadonlyMap<string, ObjectionContent> } {
	const { categoryOf, categories, scenariosByCategory, titles } = weakSpotContent(db, locale);
	const byCategory = new Map<string, ObjectionContent>();
	for (const category of categories) {
		const scriptId =
			[...categoryOf]
				.filter(([, c]) => c === category)
				.map(([id]) => id)
				.sort()[0] ?? null;
		const scenarioId = scenariosByCategory.get(category)?.[0] ?? null;
		byCategory.set(category, {
			scriptId,
			scriptTitle: scriptId ? (titles.get(`script:${scriptId}`) ?? scriptId) : null,
			scenarioId,
			scenarioTitle: scenarioId ? (titles.get(`scenario:${scenarioId}`) ?? scenarioId) : null
		});
	}
	return { categories, byCategory };
}
