// The practice list: the scenarios a rep can practise, with the rep's own figures on each.
import { and, eq, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from '../db/index';
import { attempts } from '../db/schema';
import { builtFromContent, listContentFields } from '../content/store';
import type { ContentLocale, Scenario } from '$lib/engine/content/index';
import { pageOf, type Pager } from '$lib/pages';
import { countsAsPracticeSql, finishedSql } from './attempt-counts';

export interface PracticeScenario {
	id: string;
	locale: ContentLocale;
	title: string;
	/** Only what the list shows of the customer. */
	persona: Pick<Scenario['persona'], 'name' | 'role' | 'company'>;
	difficulty: Scenario['difficulty'];
	minutes: number;
	pass: number;
	/** Over the rep's finished role-plays of the scenario (see `isFinished`). */
	best: number | null;
	/** The rep's role-plays of the scenario that count as practice: hung-up calls are left out. */
	attempts: number;
}

/**
 * The scenarios a rep can practise, a page at a time (`?page=`), each with the rep's best score and
 * number of attempts. The list of scenarios is kept until the content changes; only the rep's own
 * figures are read on each visit.
 */
export function listPracticeScenarios(
	db: Db,
	userId: string,
	locale: ContentLocale,
	page: { perPage: number; requested: string | null } = { perPage: Infinity, requested: null }
): { scenarios: PracticeScenario[]; pager: Pager } {
	const cards = builtFromContent(db, `practice-cards:${locale}`, () =>
		listContentFields(db, 'scenario', locale, [
			'title',
			'persona',
			'difficulty',
			'minutes',
			'pass'
		]).map(({ persona, ...item }) => ({
			...item,
			persona: { name: persona.name, role: persona.role, company: persona.company }
		}))
	);
	const { items, pager } = pageOf(cards, page.perPage, page.requested);
	// Only the scenarios on the page, in a statement prepared once.
	const statement = prepared(db, 'practice-stats', () =>
		db
			.select({
				scenarioId: attempts.scenarioId,
				best: sql<
					number | null
				>`max(case when ${finishedSql(attempts.status)} then ${attempts.score} end)`,
				count: sql<number>`count(*)`
			})
			.from(attempts)
			.where(
				and(
					eq(attempts.userId, sql.placeholder('userId')),
					inJsonList(attempts.scenarioId, 'scenarios'),
					countsAsPracticeSql(attempts.status)
				)
			)
			.groupBy(attempts.scenarioId)
			.prepare()
	);
	const stats = new Map(
		statement
			.all({ userId, scenarios: JSON.stringify(items.map((item) => item.id)) })
			.map((row) => [row.scenarioId, row])
	);
	const scenarios = items.map((item) => ({
		...item,
		best: stats.get(item.id)?.best ?? null,
		attempts: stats.get(item.id)?.count ?? 0
	}));
	return { scenarios, pager };
}
