// One row per figure: what was measured, the figure, the target and whether it holds.
export interface BenchRow {
	name: string;
	figure: string;
	target: string;
	holds: boolean;
	value: number;
}

/** The p-th percentile of sorted values (nearest rank); NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[
		Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
	]!;
}

function format(value: number, unit: string, digits: number): string {
	const number = value.toLocaleString('en', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
	return unit ? `${number} ${unit}` : number;
}

/** A figure without a target of its own: a baseline, or context for another row. */
export function measured(name: string, value: number, unit = '', digits = 0): BenchRow {
	return { name, figure: format(value, unit, digits), target: '—', holds: true, value };
}

/** A figure that must stay under `limit` (NaN, from a run that measured nothing, never holds). */
export function below(
	name: string,
	value: number,
	limit: number,
	unit: string,
	digits = 0
): BenchRow {
	return {
		name,
		figure: format(value, unit, digits),
		target: `< ${format(limit, unit, 0)}`,
		holds: value < limit,
		value
	};
}

/** A ratio without a target, shown in percent: context for a ratio that has one. */
export function share(name: string, ratio: number): BenchRow {
	return { name, figure: `${(ratio * 100).toFixed(0)} %`, target: '—', holds: true, value: ratio };
}

/**
 * A ratio that must reach `minimum`, shown in percent; or, for a coefficient such as a correlation,
 * as a plain number. NaN never holds.
 */
export function atLeast(
	name: string,
	ratio: number,
	minimum: number,
	shown: 'percent' | 'plain' = 'percent'
): BenchRow {
	const show = (value: number) =>
		shown === 'percent' ? `${(value * 100).toFixed(0)} %` : value.toFixed(2);
	return {
		name,
		figure: show(ratio),
		target: `≥ ${show(minimum)}`,
		holds: ratio >= minimum,
		value: ratio
	};
}

/** A ratio that must stay at or under `maximum`, shown as a multiple. */
export function atMost(name: string, ratio: number, maximum: number): BenchRow {
	return {
		name,
		figure: `${ratio.toFixed(2)} ×`,
		target: `≤ ${maximum} ×`,
		holds: ratio <= maximum,
		value: ratio
	};
}

/** A count that must be zero. */
export function none(name: string, count: number): BenchRow {
	return { name, figure: String(count), target: '0', holds: count === 0, value: count };
}

export function printTable(rows: readonly BenchRow[]): void {
	const width = Math.max(...rows.map((row) => row.name.length));
	const figureWidth = Math.max(10, ...rows.map((row) => row.figure.length));
	const targetWidth = Math.max(8, ...rows.map((row) => row.target.length));
	console.log(
		`\n${'benchmark'.padEnd(width)}  ${'figure'.padStart(figureWidth)}  ${'target'.padStart(targetWidth)}  holds`
	);
	for (const row of rows) {
		console.log(
			`${row.name.padEnd(width)}  ${row.figure.padStart(figureWidth)}  ${row.target.padStart(targetWidth)}  ${row.target === '—' ? '' : row.holds ? 'yes' : 'NO'}`
		);
	}
}
