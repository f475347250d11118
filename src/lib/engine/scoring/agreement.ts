// How far the score agrees with a trainer's grades (issue #17): the figures `npm run scoring:report`
// prints and `npm run bench` checks against the targets. Pure: no files, no content loading.
import type { Beat } from '../scenario';

/** What the score must reach against graded replies, per language, on replies no rule was fitted to. */
export const AGREEMENT_TARGETS = {
	/** Spearman's rank correlation between score and grade, at least. */
	rho: 0.8,
	/** A reply graded this or lower must not reach its beat's pass line. */
	poorGrade: 2,
	/** A reply graded this or higher must not score under `goodFloor`. */
	goodGrade: 4,
	goodFloor: 0.4
} as const;

export const GRADES = [1, 2, 3, 4, 5] as const;

/** One graded reply and the score it got. Callers keep their own fields (the reply, the reason). */
export interface GradedScore {
	/** The trainer's grade, 1 to 5. */
	grade: number;
	/** The score, 0 to 1. */
	score: number;
	/** The score the beat needs to move on, or null when none of its rules asks for one. */
	passLine: number | null;
	/** What the reply was written to test (`negation`, `gaming-keywords`, …). */
	kinds: readonly string[];
}

export interface Disagreement<T> {
	reply: T;
	/** Ranks among the replies (1 = lowest; ties share their average rank). */
	scoreRank: number;
	gradeRank: number;
	/** `scoreRank − gradeRank`: positive when the score ranks the reply above its grade. */
	gap: number;
}

export interface AgreementSummary<T> {
	count: number;
	/** Spearman's ρ between score and grade; NaN with fewer than two replies or no spread. */
	rho: number;
	/** Grades 1 to 5 in order, with how many replies got each and their mean score (null for none). */
	grades: { grade: number; count: number; meanScore: number | null }[];
	/** The replies whose score rank is furthest from their grade rank, furthest first. */
	worst: Disagreement<T>[];
	/** Graded `poorGrade` or lower, yet at or over the beat's pass line. */
	poorPassing: T[];
	/** Graded `goodGrade` or higher, yet under `goodFloor`. */
	goodScoredLow: T[];
	/** Written to game the score (a `gaming-*` kind), and at or over the beat's pass line. */
	gamingPassing: T[];
	/** Whether each target holds. */
	targets: { rho: boolean; poorPassing: boolean; goodScoredLow: boolean };
}

/** The pass line of a beat: the `minScore` of its first rule that has one; null when none has. */
export function passLineOf(beat: Pick<Beat, 'next'>): number | null {
	return beat.next.find((rule) => rule.minScore !== undefined)?.minScore ?? null;
}

/** Ranks from 1 (lowest) in the order of `values`; tied values share the average of their ranks. */
export function averageRanks(values: readonly number[]): number[] {
	const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
	const ranks = new Array<number>(values.length);
	for (let start = 0; start < order.length;) {
		let end = start + 1;
		while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
		// Positions start..end-1 hold ranks start+1..end: their mean.
		const rank = (start + 1 + end) / 2;
		for (let i = start; i < end; i++) ranks[order[i]!] = rank;
		start = end;
	}
	return ranks;
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
	const n = xs.length;
	if (n < 2) return Number.NaN;
	const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
	const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
	let covariance = 0;
	let varianceX = 0;
	let varianceY = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i]! - meanX;
		const dy = ys[i]! - meanY;
		covariance += dx * dy;
		varianceX += dx * dx;
		varianceY += dy * dy;
	}
	return varianceX === 0 || varianceY === 0
		? Number.NaN
		: covariance / Math.sqrt(varianceX * varianceY);
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks, which is right with ties
 * (the shortcut 1 − 6Σd²/(n(n²−1)) is not). NaN with fewer than two pairs, or when either side has
 * every value equal.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
	if (xs.length !== ys.length)
		throw new Error(`Spearman's ρ needs pairs: ${xs.length} values against ${ys.length}.`);
	return pearson(averageRanks(xs), averageRanks(ys));
}

function reachesPassLine(reply: GradedScore): boolean {
	return reply.passLine !== null && reply.score >= reply.passLine;
}

/** Compares scores with grades: ρ, the mean score per grade, the worst disagreements and the targets. */
export function summarizeAgreement<T extends GradedScore>(
	replies: readonly T[],
	options: { worst?: number } = {}
): AgreementSummary<T> {
	const scores = replies.map((r) => r.score);
	const grades = replies.map((r) => r.grade);
	const rho = spearman(scores, grades);
	const scoreRanks = averageRanks(scores);
	const gradeRanks = averageRanks(grades);
	const worst = replies
		.map((reply, i) => ({
			reply,
			scoreRank: scoreRanks[i]!,
			gradeRank: gradeRanks[i]!,
			gap: scoreRanks[i]! - gradeRanks[i]!
		}))
		// Stable: among equal gaps, the corpus's own order.
		.sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))
		.slice(0, options.worst ?? 8);
	const poorPassing = replies.filter(
		(r) => r.grade <= AGREEMENT_TARGETS.poorGrade && reachesPassLine(r)
	);
	const goodScoredLow = replies.filter(
		(r) => r.grade >= AGREEMENT_TARGETS.goodGrade && r.score < AGREEMENT_TARGETS.goodFloor
	);
	return {
		count: replies.length,
		rho,
		grades: GRADES.map((grade) => {
			const of = replies.filter((r) => r.grade === grade);
			return {
				grade,
				count: of.length,
				meanScore: of.length > 0 ? of.reduce((sum, r) => sum + r.score, 0) / of.length : null
			};
		}),
		worst,
		poorPassing,
		goodScoredLow,
		gamingPassing: replies.filter(
			(r) => r.kinds.some((kind) => kind.startsWith('gaming-')) && reachesPassLine(r)
		),
		// NaN (nothing to correlate) does not reach the target.
		targets: {
			rho: rho >= AGREEMENT_TARGETS.rho,
			poorPassing: poorPassing.length === 0,
			goodScoredLow: goodScoredLow.length === 0
		}
	};
}
