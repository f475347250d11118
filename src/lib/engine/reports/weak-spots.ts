/** One cell of a heatmap: a rep's average over a group of replies, 0–100, and how many. */
export interface Cell {
	average: number;
	count: number;
}

export const MIN_REPLIES_FOR_A_SIGNAL = 3;

/** Averages of score sums: rows carry a sum and a count per (rep, key), as SQL gives them. */
export function cellsOf(
	rows: readonly { userId: string; key: string; sum: number; count: number }[]
): Map<string, Map<string, Cell>> {
	const cells = new Map<string, Map<string, Cell>>();
	for (const row of rows) {
		if (row.count === 0) continue;
		const byKey = cells.get(row.userId) ?? new Map<string, Cell>();
		byKey.set(row.key, { average: Math.round((row.sum / row.count) * 10) / 10, count: row.count });
		cells.set(row.userId, byKey);
	}
	return cells;
}

/** A heatmap cell as a page carries it: [average, replies], or null where there are none. */
export type HeatCell = [average: number, count: number] | null;

/** A rep's cells in the order of the columns, compact: a team's heatmaps have hundreds of them. */
export function cellsInOrder(
	cells: ReadonlyMap<string, Cell> | undefined,
	columns: readonly string[]
): HeatCell[] {
	return columns.map((column) => {
		const cell = cells?.get(column);
		return cell ? [cell.average, cell.count] : null;
	});
}

export interface Suggestion {
	category: string;
	average: number;
	count: number;
	scenarioId: string | null;
	scriptId: string | null;
}

/**
 * What a rep should practise next: their weakest objection category with enough replies to mean
 * something, a scenario that raises it, and the script entry of it they scored lowest on.
 */
export function suggestNext(
	categories: ReadonlyMap<string, Cell> | undefined,
	scripts: ReadonlyMap<string, Cell & { category: string }>,
	scenariosByCategory: ReadonlyMap<string, readonly string[]>
): Suggestion | null {
	if (!categories) return null;
	const weakest = [...categories]
		.filter(([, cell]) => cell.count >= MIN_REPLIES_FOR_A_SIGNAL)
		.sort((a, b) => a[1].average - b[1].average || a[0].localeCompare(b[0]))[0];
	if (!weakest) return null;
	const [category, cell] = weakest;
	const script = [...scripts]
		.filter(([, s]) => s.category === category)
		.sort((a, b) => a[1].average - b[1].average || a[0].localeCompare(b[0]))[0];
	return {
		category,
		average: cell.average,
		count: cell.count,
		scenarioId: scenariosByCategory.get(category)?.[0] ?? null,
		scriptId: script?.[0] ?? null
	};
}

export interface TrendPoint {
	/** Weeks before this one: 0 is the current week. */
	weeksAgo: number;
	average: number | null;
	count: number;
}

/** The last `weeks` weeks, oldest first, filled in from per-week sums (weeks with no replies stay null). */
export function weeklyTrend(
	rows: readonly { weeksAgo: number; sum: number; count: number }[],
	weeks = 8
): TrendPoint[] {
	return Array.from({ length: weeks }, (_, i) => {
		const weeksAgo = weeks - 1 - i;
		const row = rows.find((r) => r.weeksAgo === weeksAgo);
		return {
			weeksAgo,
			average: row && row.count > 0 ? Math.round((row.sum / row.count) * 10) / 10 : null,
			count: row?.count ?? 0
		};
	});
}

/** The narrowest score range a sparkline is drawn over: a few points' wobble must not look like a climb. */
export const SPARKLINE_MIN_SPAN = 40;

/**
 * The scores a sparkline spans, bottom to top: the rep's own range, widened evenly to at least
 * SPARKLINE_MIN_SPAN and kept within 0–100. Drawn over the whole 0–100, a climb from 60 to 75 in
 * a line 32 pixels high rises by five pixels and reads as flat.
 */
export function sparklineDomain(averages: readonly (number | null)[]): [low: number, high: number] {
	const scored = averages.filter((a): a is number => a !== null);
	if (scored.length === 0) return [0, 100];
	const [min, max] = [Math.min(...scored), Math.max(...scored)];
	const widen = Math.max(0, SPARKLINE_MIN_SPAN - (max - min)) / 2;
	let [low, high] = [min - widen, max + widen];
	if (low < 0) [low, high] = [0, high - low];
	if (high > 100) [low, high] = [Math.max(0, low - (high - 100)), 100];
	return [low, high];
}

/** Where each week's average sits in a width × height box (null: no score that week), over `domain` bottom to top. */
export function sparklineCoordinates(
	averages: readonly (number | null)[],
	width: number,
	height: number,
	domain: readonly [number, number] = [0, 100]
): ([x: number, y: number] | null)[] {
	const step = averages.length > 1 ? width / (averages.length - 1) : 0;
	const [low, high] = domain;
	const round = (n: number): number => Math.round(n * 10) / 10;
	return averages.map((average, i) =>
		average === null
			? null
			: [round(i * step), round(height - ((average - low) / (high - low || 1)) * height)]
	);
}

/** What a sparkline draws, in a width × height box: see sparklineShape. */
export interface SparklineShape {
	/** The height of the first scored week, the level the last one is read against (mid-height with no scores). */
	start: number;
	/** SVG polyline points through the scored weeks ('' with none). */
	line: string;
	/** SVG path data with a zero-length stroke at each scored week but the last: drawn with round caps, a dot each. */
	dots: string;
	/** The last scored week, drawn larger: where the rep stands now. */
	last: [x: number, y: number] | null;
}

/**
 * Everything a sparkline draws for a trend's averages (null: no score that week), worked out in
 * one pass over the rep's own range (sparklineDomain). A dashboard draws twenty of them: with a
 * circle element per week they took as long to render as the rest of the page, so one path draws
 * every dot but the last.
 */
export function sparklineShape(
	averages: readonly (number | null)[],
	width: number,
	height: number
): SparklineShape {
	const scored = sparklineCoordinates(averages, width, height, sparklineDomain(averages)).filter(
		(p): p is [number, number] => p !== null
	);
	const last = scored.at(-1) ?? null;
	return {
		start: scored[0]?.[1] ?? height / 2,
		line: polylineThrough(scored),
		dots: scored
			.slice(0, -1)
			.map(([x, y]) => `M${x} ${y}h0`)
			.join(''),
		last
	};
}

/** SVG polyline points through the scored weeks' coordinates (see sparklineCoordinates). */
function polylineThrough(scored: readonly [x: number, y: number][]): string {
	const points = scored.map(([x, y]) => `${x},${y}`);
	// A line through one point draws nothing: twice the same point draws a dot (round line caps).
	return (points.length === 1 ? [points[0], points[0]] : points).join(' ');
}

/** Within this many points, the first and last scored weeks read as the same level. */
export const STEADY_WITHIN = 5;

/** What a trend says in words: which way it went from its first scored week to its last. */
export type TrendSummary =
	| { kind: 'none' }
	| { kind: 'one'; last: number }
	| { kind: 'up' | 'down' | 'steady'; first: number; last: number; change: number };

export function summarizeTrend(averages: readonly (number | null)[]): TrendSummary {
	const scored = averages.filter((a): a is number => a !== null).map((a) => Math.round(a));
	if (scored.length === 0) return { kind: 'none' };
	const last = scored[scored.length - 1]!;
	if (scored.length === 1) return { kind: 'one', last };
	const first = scored[0]!;
	const change = last - first;
	return {
		kind: Math.abs(change) < STEADY_WITHIN ? 'steady' : change > 0 ? 'up' : 'down',
		first,
		last,
		change
	};
}
