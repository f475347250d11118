import { describe, expect, it } from 'vitest';
import {
	HINT_COST,
	criterionScores,
	criterionShare,
	criterionWeights,
	finalScore
} from './attempt-score';

describe('finalScore', () => {
	it('takes HINT_COST off per hint, to one decimal, never below 0', () => {
		expect(HINT_COST).toBe(5);
		expect(finalScore(72.46, 0)).toBe(72.5);
		expect(finalScore(72.46, 2)).toBe(62.5);
		expect(finalScore(8, 2)).toBe(0);
	});
});

describe('criterionWeights', () => {
	it('sums the weight made and asked for per criterion, in the order they first come, leaving out points of none', () => {
		const points = [
			{ criterion: 'opening', weight: 2, hit: true },
			{ criterion: null, weight: 5, hit: true },
			{ criterion: 'objection', weight: 1, hit: false },
			{ criterion: 'opening', weight: 1, hit: false }
		];
		expect(criterionWeights(points)).toEqual([
			{ criterion: 'opening', hitWeight: 2, totalWeight: 3 },
			{ criterion: 'objection', hitWeight: 0, totalWeight: 1 }
		]);
		expect(criterionWeights(points).map(criterionShare)).toEqual([(2 / 3) * 100, 0]);
	});
});

describe('criterionScores', () => {
	it('rolls key points up to their criteria, in the scenario’s order', () => {
		const results = [
			{
				points: [
					{ criterion: 'opening', weight: 2, hit: true },
					{ criterion: 'opening', weight: 1, hit: false }
				]
			},
			{
				points: [
					{ criterion: 'objection', weight: 2, hit: true },
					{ criterion: null, weight: 1, hit: false }
				]
			}
		];
		expect(criterionScores(results, ['objection', 'opening'])).toEqual([
			{ criterion: 'objection', score: 100 },
			{ criterion: 'opening', score: 67 }
		]);
	});

	it('puts criteria the scenario does not list after its own, and leaves out those with no key point', () => {
		const results = [
			{
				points: [
					{ criterion: 'extra', weight: 1, hit: false },
					{ criterion: 'closing', weight: 1, hit: true }
				]
			}
		];
		expect(criterionScores(results, ['opening', 'closing'])).toEqual([
			{ criterion: 'closing', score: 100 },
			{ criterion: 'extra', score: 0 }
		]);
		expect(criterionScores([], ['opening'])).toEqual([]);
	});
});
