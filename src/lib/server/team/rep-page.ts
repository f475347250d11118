import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index';
import {
	attempts,
	teamMembers,
	teams,
	users,
	type AttemptMode,
	type AttemptStatus
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { commentCounts, commentsAboutRep, followsRep } from '../coaching/comments';
import { canFollowCohort, currentCohortOf, planFor, progressOf } from '../onboarding/onboarding';
import { weakSpots } from './dashboard';
import { contentTitles } from '../content/store';
import { pageAt, type Pager } from '$lib/pages';
import type { ContentLocale, ModuleType } from '$lib/engine/content/index';
import type { Suggestion } from '$lib/engine/reports/weak-spots';

/*
 * One rep as a manager coaching them sees them: their practice, their weak spots, their onboarding
 * and the comments left on their role-plays. Whether the manager may see the rep at all is decided
 * first (`repFor`), before anything about the rep is read.
 */

/** Role-plays per page of a rep's practice history. */
export const HISTORY_PER_PAGE = 20;

export interface RepSummary {
	id: string;
	name: string;
	/** The teams the rep is a rep in, by name. */
	teams: string[];
}

/** The rep, if `user` follows them (see `followsRep`); null for anyone else, whoever the id names. */
export function repFor(db: Db, user: SessionUser, repId: string): RepSummary | null {
	if (!followsRep(db, user, repId)) return null;
	const rep = db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(eq(users.id, repId))
		.get();
	if (!rep) return null;
	const teamNames = db
		.select({ name: teams.name })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(and(eq(teamMembers.userId, repId), eq(teamMembers.role, 'rep')))
		.orderBy(asc(teams.name))
		.all()
		.map((t) => t.name);
	return { ...rep, teams: teamNames };
}

export interface HistoryRow {
	id: string;
	scenarioId: string;
	title: string;
	startedAt: Date;
	mode: AttemptMode;
	status: AttemptStatus;
	score: number;
	comments: number;
}

/** The rep's practice role-plays (not interviews), the latest first, a page at a time, with their titles and comment counts. */
export function practiceHistory(
	db: Db,
	repId: string,
	locale: ContentLocale,
	requestedPage: string | null
): { rows: HistoryRow[]; pager: Pager; total: number } {
	const practice = and(eq(attempts.userId, repId), isNull(attempts.interviewId));
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(attempts)
			.where(practice)
			.get()?.n ?? 0;
	const { offset, limit, pager } = pageAt(total, HISTORY_PER_PAGE, requestedPage);
	const rows = db
		.select({
			id: attempts.id,
			scenarioId: attempts.scenarioId,
			startedAt: attempts.startedAt,
			mode: attempts.mode,
			status: attempts.status,
			score: attempts.score
		})
		.from(attempts)
		.where(practice)
		.orderBy(desc(attempts.startedAt), desc(attempts.id))
		.limit(limit)
		.offset(offset)
		.all();
	const titles = new Map(
		contentTitles(db, 'scenario', [...new Set(rows.map((r) => r.scenarioId))], locale).map((t) => [
			t.id,
			t.title
		])
	);
	const counts = commentCounts(
		db,
		rows.map((r) => r.id)
	);
	return {
		rows: rows.map((row) => ({
			...row,
			title: titles.get(row.scenarioId) ?? row.scenarioId,
			comments: counts.get(row.id) ?? 0
		})),
		pager,
		total
	};
}

export interface RepWeakSpots {
	/** Objection categories practised, weakest first. */
	categories: { category: string; average: number; count: number }[];
	/** Rubric criteria practised, weakest first, with their titles in the language. */
	criteria: { criterion: string; title: string; average: number; count: number }[];
	suggestion: (Suggestion & { scenarioTitle: string | null; scriptTitle: string | null }) | null;
}

/** What the team's weak-spot heatmaps show of this one rep: the same figures, as lists, weakest first. */
export function repWeakSpots(db: Db, rep: RepSummary, locale: ContentLocale): RepWeakSpots {
	const spots = weakSpots(db, [{ id: rep.id, name: rep.name, teamId: '', teamName: '' }], locale);
	const weakestFirst = <T extends { average: number }>(cells: T[]): T[] =>
		cells.sort((a, b) => a.average - b.average);
	const categories = weakestFirst(
		[...(spots.byCategory.get(rep.id) ?? new Map())].map(([category, cell]) => ({
			category,
			...cell
		}))
	);
	const criteria = weakestFirst(
		[...(spots.byCriterion.get(rep.id) ?? new Map())].map(([criterion, cell]) => ({
			criterion,
			title: spots.criterionTitles.get(criterion) ?? criterion,
			...cell
		}))
	);
	const s = spots.suggestions.get(rep.id) ?? null;
	const title = (kind: 'scenario' | 'script', id: string | null): string | null =>
		id ? (spots.titles.get(`${kind}:${id}`) ?? id) : null;
	return {
		categories,
		criteria,
		suggestion: s && {
			...s,
			scenarioTitle: title('scenario', s.scenarioId),
			scriptTitle: title('script', s.scriptId)
		}
	};
}

export interface RepOnboarding {
	cohort: {
		id: string;
		name: string;
		plan: string;
		startDate: string;
		/** Whether the viewer may open the cohort's page. */ followed: boolean;
	};
	certifiedAt: Date | null;
	percent: number;
	overdue: number;
	/** The plan's day today (0 before it starts, past the last day after it ends) and how many days it has. */
	today: number;
	days: number;
	next: {
		type: ModuleType;
		title: string;
	} | null;
}

/** The rep's current onboarding, if they are in a cohort. */
export function repOnboarding(
	db: Db,
	user: SessionUser,
	repId: string,
	now = new Date(),
	locale?: ContentLocale
): RepOnboarding | null {
	const cohort = currentCohortOf(db, repId);
	if (!cohort) return null;
	// Named in the reader's language where the plan exists in it (see planFor); the progress is the same.
	const curriculum = locale ? planFor(db, cohort, locale).curriculum : cohort.curriculum;
	const progress = progressOf(db, cohort, repId, now, locale);
	return {
		cohort: {
			id: cohort.id,
			name: cohort.name,
			plan: curriculum.title,
			startDate: cohort.startDate,
			followed: canFollowCohort(db, user, cohort)
		},
		certifiedAt: cohort.certifiedAt,
		percent: cohort.certifiedAt ? 100 : progress.percent,
		overdue: cohort.certifiedAt ? 0 : progress.overdue,
		today: progress.today,
		days: progress.days.length,
		next:
			cohort.certifiedAt || !progress.next
				? null
				: { type: progress.next.type, title: progress.next.title }
	};
}

/** The comments on the rep's role-plays, the latest first, with each role-play's title. */
export function repComments(db: Db, repId: string, locale: ContentLocale, limit = 20) {
	const comments = commentsAboutRep(db, repId, limit);
	const titles = new Map(
		contentTitles(db, 'scenario', [...new Set(comments.map((c) => c.scenarioId))], locale).map(
			(t) => [t.id, t.title]
		)
	);
	return comments.map((comment) => ({
		...comment,
		title: titles.get(comment.scenarioId) ?? comment.scenarioId
	}));
}
