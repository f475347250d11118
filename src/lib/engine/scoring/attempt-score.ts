/*
 * The arithmetic of a role-play's result: the score after hints, and the key points rolled up
 * per criterion (for the result page and for the weak-spot totals).
 */

/** Points taken off the attempt's score for each hint opened. */
export const HINT_COST = 5;

/** The attempt's score: the role-play's, less HINT_COST per hint, never below 0, to one decimal. */
export function finalScore(rolePlayScore: number, hintsUsed: number): number {
	return Math.max(0, Math.round((rolePlayScore - hintsUsed * HINT_COST) * 10) / 10);
}

/** A key point as the roll-ups read it. */
export interface WeightedPoint {
	criterion: string | null;
	weight: number;
	hit: boolean;
}

export interface CriterionWeight {
	criterion: string;
	hitWeight: number;
	totalWeight: number;
}

/** Key points summed per criterion, in the order the criteria first come; points of no criterion are left out. */
export function criterionWeights(points: readonly WeightedPoint[]): CriterionWeight[] {
	const totals = new Map<string, { hitWeight: number; totalWeight: number }>();
	for (const point of points) {
		if (!point.criterion) continue;
		const total = totals.get(point.criterion) ?? { hitWeight: 0, totalWeight: 0 };
		total.totalWeight += point.weight;
		if (point.hit) total.hitWeight += point.weight;
		totals.set(point.criterion, total);
	}
	return [...totals].map(([criterion, total]) => ({ criterion, ...total }));
}

/** A criterion's share of a turn, 0–100: what one reply adds to the rep's weak-spot total. */
export function criterionShare(weight: CriterionWeight): number {
	return (weight.hitWeight / weight.totalWeight) * 100;
}

export interface CriterionScore {
	criterion: string;
	score: number;
}

/**
 * Per criterion, over a role-play's turns: the weight of key points made ÷ the weight of key points
 * asked for, 0–100, rounded. The scenario's criteria first, in its order, then any others.
 */
export function criterionScores(
	turnResults: readonly { points: readonly WeightedPoint[] }[],
	criteria: readonly string[]
): CriterionScore[] {
	const totals = new Map(
		criterionWeights(turnResults.flatMap((result) => result.points)).map((c) => [c.criterion, c])
	);
	const order = [...criteria, ...[...totals.keys()].filter((c) => !criteria.includes(c))];
	return order.flatMap((criterion) => {
		const total = totals.get(criterion);
		return total
			? [{ criterion, score: Math.round((total.hitWeight / total.totalWeight) * 100) }]
			: [];
	});
}
