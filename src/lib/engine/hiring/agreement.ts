/**
 * Quadratic-weighted Cohen's kappa between two raters on an ordinal scale 1..k: 1 is perfect
 * agreement, 0 is what chance alone gives, negative is worse than chance. Null when it cannot be
 * computed (no pairs, or both raters gave one single value throughout).
 */
export function weightedKappa(pairs: readonly (readonly [number, number])[], k = 5): number | null {
	if (pairs.length === 0) return null;
	const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	const rowTotals = new Array<number>(k).fill(0);
	const columnTotals = new Array<number>(k).fill(0);
	for (const [a, b] of pairs) {
		observed[a - 1]![b - 1]! += 1;
		rowTotals[a - 1]! += 1;
		columnTotals[b - 1]! += 1;
	}
	const n = pairs.length;
	let disagreementObserved = 0;
	let disagreementExpected = 0;
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < k; j++) {
			const weight = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
			disagreementObserved += weight * observed[i]![j]!;
			disagreementExpected += (weight * rowTotals[i]! * columnTotals[j]!) / n;
		}
	}
	if (disagreementExpected === 0) return disagreementObserved === 0 ? null : 0;
	return Math.round((1 - disagreementObserved / disagreementExpected) * 1000) / 1000;
}

export interface PanelRating {
	interviewId: string;
	interviewerId: string;
	scores: Readonly<Record<string, number>>;
}

/** An agreement figure resting on fewer interviews than this is too few to rely on. */
export const MIN_CALIBRATION_INTERVIEWS = 5;

export function tooFewToRely(interviews: number): boolean {
	return interviews < MIN_CALIBRATION_INTERVIEWS;
}

export interface Calibration {
	interviewerId: string;
	/** Weighted kappa between this interviewer and the rest of the panel (their rounded mean). */
	kappa: number | null;
	/** How many interviews, and how many criterion scores, the figure rests on. */
	interviews: number;
	pairs: number;
	/** Fewer than MIN_CALIBRATION_INTERVIEWS interviews: the figure says little yet. */
	tooFew: boolean;
}

/**
 * Each interviewer's agreement with the panel over past interviews: every criterion they scored is
 * paired with the rounded mean of the other interviewers' scores for it.
 */
export function calibrate(ratings: readonly PanelRating[]): Calibration[] {
	const byInterview = new Map<string, PanelRating[]>();
	for (const r of ratings)
		byInterview.set(r.interviewId, [...(byInterview.get(r.interviewId) ?? []), r]);
	const interviewers = [...new Set(ratings.map((r) => r.interviewerId))].sort();
	return interviewers.map((interviewerId) => {
		const pairs: [number, number][] = [];
		let interviews = 0;
		for (const panel of byInterview.values()) {
			const own = panel.find((r) => r.interviewerId === interviewerId);
			const others = panel.filter((r) => r.interviewerId !== interviewerId);
			if (!own || others.length === 0) continue;
			let counted = false;
			for (const [criterion, score] of Object.entries(own.scores)) {
				const otherScores = others
					.map((r) => r.scores[criterion])
					.filter((v): v is number => v !== undefined);
				if (otherScores.length === 0) continue;
				pairs.push([
					score,
					Math.round(otherScores.reduce((a, b) => a + b, 0) / otherScores.length)
				]);
				counted = true;
			}
			if (counted) interviews++;
		}
		return {
			interviewerId,
			kappa: weightedKappa(pairs),
			interviews,
			pairs: pairs.length,
			tooFew: tooFewToRely(interviews)
		};
	});
}
