import type { DraftData } from '../content/draft';

export type CriterionDraft = DraftData['rubric']['criteria'][number];

export function newCriterion(): CriterionDraft {
	return { id: '', title: '', weight: null, anchors: { 1: '', 2: '', 3: '', 4: '', 5: '' } };
}

/**
 * How much each criterion counts in the total, in percent, as `weightedScore` weighs them: its
 * weight over the sum of all weights. Null for a criterion without a usable weight, and for all
 * when no weight is usable yet.
 */
export function weightShares(weights: readonly (number | null | undefined)[]): (number | null)[] {
	const usable = (w: number | null | undefined): w is number =>
		typeof w === 'number' && Number.isFinite(w) && w > 0;
	const total = weights.filter(usable).reduce((sum, w) => sum + w, 0);
	return weights.map((w) => (usable(w) && total > 0 ? Math.round((w / total) * 1000) / 10 : null));
}
