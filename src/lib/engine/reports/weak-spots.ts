/** One cell of a heatmap: a rep's average over a group of replies, 0–100, and how many. */
export interface Cell {
	average: number;
	count: number;
}

export const MIN_REPLIES_FOR_A_SIGNAL = 3;

/** Averages of score sums: rows carry a sum and a count per (rep, key), as SQL gives them. */
export function cellsOf(rows: readonly { userId: string; key: string; sum: number; count: number }[]): Map<string, Map<string, Cell>> {
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
export function cellsInOrder(cells: ReadonlyMap<string, Cell> | undefined, columns: readonly string[]): HeatCell[] {
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
	const script = [...scripts].filter(([, s]) => s.category === category).sort((a, b) => a[1].average - b[1].average || a[0].localeCompare(b[0]))[0];
	return { category, average: cell.average, count: cell.count, scenarioId: scenariosByCategory.get(category)?.[0] ?? null, scriptId: script?.[0] ?? null };
}

export interface TrendPoint {
	/** Weeks before this one: 0 is the current week. */
	weeksAgo: number;
	average: number | null;
	count: number;
}

/** The last `weeks` weeks, oldest first, filled in from per-week sums (weeks with no replies stay null). */
export function weeklyTrend(rows: readonly { weeksAgo: number; sum: number; count: number }[], weeks = 8): TrendPoint[] {
	return Array.from({ length: weeks }, (_, i) => {
		const weeksAgo = weeks - 1 - i;
		const row = rows.find((r) => r.weeksAgo === weeksAgo);
		return { weeksAgo, average: row && row.count > 0 ? Math.round((row.sum / row.count) * 10) / 10 : null, count: row?.count ?? 0 };
	});
}

/** SVG polyline points for a trend's averages (null: no score that week), in a width × height box, scores 0–100 bottom to top. */
export function sparklinePoints(averages: readonly (number | null)[], width: number, height: number): string {
	const step = averages.length > 1 ? width / (averages.length - 1) : 0;
	const points = averages
		.map((average, i) => (average === null ? null : `${Math.round(i * step * 10) / 10},${Math.round((height - (average / 100) * height) * 10) / 10}`))
		.filter((p): p is string => p !== null);
	// A line through one point draws nothing: twice the same point draws a dot (round line caps).
	return (points.length === 1 ? [points[0], points[0]] : points).join(' ');
}
