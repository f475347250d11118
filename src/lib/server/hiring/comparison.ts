// The comparison of a position's interviews: what each manager may see of it, kept until the
// hiring data changes (cache.ts), and its rows read from the kept summaries, sorted on the server.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import {
	candidates,
	interviewSummaries,
	interviews,
	ratings,
	type InterviewMode
} from '../db/schema';
import { keptPerDatabase } from '../cache';
import type { SessionUser } from '../auth/session';
import { pageAt, type Pager } from '$lib/pages';
import {
	isAdmin,
	visibleInterviewCondition,
	panelOpenCondition,
	hiddenFrom,
	visibleCandidateCondition
} from './access';

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
