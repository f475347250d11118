export interface BenchRow {
	name: string;
	figure: string;
	target: string;
	holds: boolean;
	value: number;
}

export function percentile(sorted: readonly number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
