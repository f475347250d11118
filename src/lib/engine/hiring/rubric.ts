import type { Rubric } from '../content/schemas';

export type Scores = Readonly<Record<string, number>>;

/** What scoring needs of a rubric: its criteria and their weights (not the anchors' wording). */
export interface CriteriaWeights {
	criteria: readonly Pick<Rubric['criteria'][number], 'id' | 'weight'>[];
}

export interface RatingInput {
	interviewerId: string;
	scores: Scores;
	recommendation: 'strong-no' | 'no' | 'yes' | 'strong-yes' | null;
	submitted: boolean;
}

/** A complete rating gives every criterion a whole score from 1 to 5. */
export function missingCriteria(rubric: Pick<Rubric, 'criteria'>, scores: Scores): string[] {
	return rubric.criteria
		.filter((c) => !Number.isInteger(scores[c.id]) || scores[c.id]! < 1 || scores[c.id]! > 5)
		.map((c) => c.id);
}

/**
 * A criterion's weight in thousandths. Scores are worked out in whole numbers from these, so that
 * the same sums give the very same result, to the last digit, whatever the order of the additions
 * (the kept interview summaries equal a summary worked out afresh).
 */
function milliWeight(weight: number): number {
	return Math.floor(weight * 1000 + 0.5);
}

/** Rounds numerator ÷ denominator (both whole, ≥ 0, denominator > 0) half up, in whole numbers. */
function roundedQuotient(numerator: number, denominator: number): number {
	return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The weighted score in tenths (0–1000), or null when no criterion is scored. */
function weightedTenths(rubric: CriteriaWeights, scores: Scores): number | null {
	let sum = 0;
	let weight = 0;
	for (const criterion of rubric.criteria) {
		const score = scores[criterion.id];
		if (score === undefined) continue;
		const w = milliWeight(criterion.weight);
		sum += (score - 1) * w;
		weight += w;
	}
	// ((score − 1) ÷ 4) × 100, weighted, in tenths: 250 × Σ (score − 1) × w ÷ Σ w.
	return weight > 0 ? roundedQuotient(250 * sum, weight) : null;
}

/**
 * The weighted rubric score, 0–100 to one decimal: each criterion's 1–5 mapped to 0–100 and
 * weighted (weights counted to the thousandth), rounded half up. A rating with no criterion
 * scored has no score.
 */
export function weightedScore(rubric: CriteriaWeights, scores: Scores): number | null {
	const tenths = weightedTenths(rubric, scores);
	return tenths === null ? null : tenths / 10;
}

/** Scores two or more points apart on one criterion count as a disagreement to talk about. */
export const DISAGREEMENT_SPREAD = 2;

export interface CriterionSummary {
	criterion: string;
	mean: number | null;
	min: number | null;
	max: number | null;
	spread: number;
	disagreement: boolean;
}

/** Recommendations in order, weakest first: a spread of two levels or more is a disagreement. */
const RECOMMENDATION_LEVELS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type RecommendationCounts = Record<(typeof RECOMMENDATION_LEVELS)[number], number>;

/**
 * How many levels apart the submitted recommendations lie (0 with fewer than two), and whether that
 * is a disagreement to talk about: "strong yes" against "no", "yes" against "strong no", or wider.
 */
export function recommendationSpread(counts: Readonly<RecommendationCounts>): {
	spread: number;
	disagreement: boolean;
} {
	const given = RECOMMENDATION_LEVELS.flatMap((level, i) => (counts[level] > 0 ? [i] : []));
	const spread = given.length > 0 ? Math.max(...given) - Math.min(...given) : 0;
	return { spread, disagreement: spread >= DISAGREEMENT_SPREAD };
}

export interface PanelSummary {
	criteria: CriterionSummary[];
	/** Mean of the submitted ratings' weighted scores, 0–100 to one decimal, rounded half up. */
	score: number | null;
	/** The largest spread over the criteria. */
	spread: number;
	recommendations: RecommendationCounts;
	/** The submitted recommendations' spread in levels, flagged like a criterion's. */
	recommendationSpread: number;
	recommendationDisagreement: boolean;
	submitted: number;
}

export function summarizePanel(
	rubric: CriteriaWeights,
	ratings: readonly RatingInput[]
): PanelSummary {
	const submitted = ratings.filter((r) => r.submitted);
	const criteria = rubric.criteria.map((c) => {
		const values = submitted.map((r) => r.scores[c.id]).filter((v): v is number => v !== undefined);
		if (values.length === 0)
			return { criterion: c.id, mean: null, min: null, max: null, spread: 0, disagreement: false };
		const min = Math.min(...values);
		const max = Math.max(...values);
		const mean = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
		return {
			criterion: c.id,
			mean,
			min,
			max,
			spread: max - min,
			disagreement: max - min >= DISAGREEMENT_SPREAD
		};
	});
	const tenths = submitted
		.map((r) => weightedTenths(rubric, r.scores))
		.filter((s): s is number => s !== null);
	const recommendations = { 'strong-no': 0, no: 0, yes: 0, 'strong-yes': 0 };
	for (const r of submitted) if (r.recommendation) recommendations[r.recommendation]++;
	const { spread: recommendationSpreadLevels, disagreement: recommendationDisagreement } =
		recommendationSpread(recommendations);
	return {
		criteria,
		score:
			tenths.length > 0
				? roundedQuotient(
						tenths.reduce((a, b) => a + b, 0),
						tenths.length
					) / 10
				: null,
		spread: Math.max(0, ...criteria.map((c) => c.spread)),
		recommendations,
		recommendationSpread: recommendationSpreadLevels,
		recommendationDisagreement,
		submitted: submitted.length
	};
}
