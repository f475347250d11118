import { describe, expect, it } from 'vitest';
import { calibrate, tooFewToRely, weightedKappa } from './agreement';
import {
	missingCriteria,
	recommendationSpread,
	summarizePanel,
	weightedScore,
	type RatingInput
} from './rubric';

const rubric = {
	criteria: [
		{
			id: 'opening',
			title: 'Opening',
			weight: 10,
			anchors: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' }
		},
		{
			id: 'objection',
			title: 'Objections',
			weight: 30,
			anchors: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' }
		}
	]
};

describe('rubric maths', () => {
	it('weights each criterion: 1 → 0, 5 → 100', () => {
		expect(weightedScore(rubric, { opening: 5, objection: 1 })).toBe(25); // (100×10 + 0×30) ÷ 40
		expect(weightedScore(rubric, { opening: 3, objection: 4 })).toBe(68.8); // (50×10 + 75×30) ÷ 40 = 68.75
		expect(weightedScore(rubric, {})).toBeNull();
	});

	it('names the criteria a rating still lacks or scores out of range', () => {
		expect(missingCriteria(rubric, { opening: 3 })).toEqual(['objection']);
		expect(missingCriteria(rubric, { opening: 0, objection: 2.5 })).toEqual([
			'opening',
			'objection'
		]);
		expect(missingCriteria(rubric, { opening: 1, objection: 5 })).toEqual([]);
	});

	it('summarizes a panel with spread and flags disagreements of two points or more', () => {
		const ratings: RatingInput[] = [
			{
				interviewerId: 'a',
				scores: { opening: 4, objection: 2 },
				recommendation: 'no',
				submitted: true
			},
			{
				interviewerId: 'b',
				scores: { opening: 4, objection: 4 },
				recommendation: 'yes',
				submitted: true
			},
			{
				interviewerId: 'c',
				scores: { opening: 1, objection: 1 },
				recommendation: 'strong-no',
				submitted: false
			}
		];
		const summary = summarizePanel(rubric, ratings);
		expect(summary.submitted).toBe(2);
		expect(summary.criteria).toEqual([
			{ criterion: 'opening', mean: 4, min: 4, max: 4, spread: 0, disagreement: false },
			{ criterion: 'objection', mean: 3, min: 2, max: 4, spread: 2, disagreement: true }
		]);
		// a: (75×10 + 25×30) ÷ 40 = 37.5; b: 75; mean 56.25 → 56.3
		expect(summary.score).toBe(56.3);
		expect(summary.recommendations).toEqual({ 'strong-no': 0, no: 1, yes: 1, 'strong-yes': 0 });
		// "No" against "yes" is one level: no recommendation disagreement (c's "strong no" is a draft).
		expect(summary).toMatchObject({ recommendationSpread: 1, recommendationDisagreement: false });
	});

	it('flags "strong yes" against "no" as a recommendation disagreement, from submitted ratings only', () => {
		const rating = (
			interviewerId: string,
			recommendation: RatingInput['recommendation'],
			submitted = true
		): RatingInput => ({
			interviewerId,
			scores: { opening: 4, objection: 4 },
			recommendation,
			submitted
		});
		expect(summarizePanel(rubric, [rating('a', 'strong-yes'), rating('b', 'no')])).toMatchObject({
			recommendationSpread: 2,
			recommendationDisagreement: true
		});
		expect(
			summarizePanel(rubric, [rating('a', 'strong-yes'), rating('b', 'no', false)])
		).toMatchObject({ recommendationSpread: 0, recommendationDisagreement: false });
		// The rubric rows agree: the recommendations alone are flagged.
		expect(
			summarizePanel(rubric, [rating('a', 'strong-yes'), rating('b', 'no')]).criteria.every(
				(c) => !c.disagreement
			)
		).toBe(true);
	});
});

describe('recommendation spread', () => {
	const counts = (strongNo: number, no: number, yes: number, strongYes: number) => ({
		'strong-no': strongNo,
		no,
		yes,
		'strong-yes': strongYes
	});
	it.each([
		{ what: 'nobody yet', given: counts(0, 0, 0, 0), spread: 0, disagreement: false },
		{ what: 'one panelist', given: counts(0, 0, 0, 1), spread: 0, disagreement: false },
		{ what: 'all "yes"', given: counts(0, 0, 3, 0), spread: 0, disagreement: false },
		{ what: '"yes" against "no"', given: counts(0, 1, 1, 0), spread: 1, disagreement: false },
		{
			what: '"strong yes" against "yes"',
			given: counts(0, 0, 2, 1),
			spread: 1,
			disagreement: false
		},
		{ what: '"strong yes" against "no"', given: counts(0, 1, 0, 1), spread: 2, disagreement: true },
		{ what: '"yes" against "strong no"', given: counts(1, 0, 1, 0), spread: 2, disagreement: true },
		{
			what: '"strong yes" against "strong no"',
			given: counts(1, 0, 0, 1),
			spread: 3,
			disagreement: true
		},
		{
			what: 'a spread of three with one in the middle',
			given: counts(1, 0, 4, 1),
			spread: 3,
			disagreement: true
		}
	])('$what: spread $spread', ({ given, spread, disagreement }) => {
		expect(recommendationSpread(given)).toEqual({ spread, disagreement });
	});
});

describe('exact rubric arithmetic', () => {
	it('rounds exact halves up, whatever the binary fractions of decimal weights would make of them', () => {
		// (0.5 × 0.1 + 0.75 × 0.3) ÷ 0.4 = 0.6875 → 68.75 → 68.8, though 0.1 + 0.3 and 0.75 × 0.3 are not exact in binary.
		const decimal = {
			criteria: [
				{ id: 'a', weight: 0.1 },
				{ id: 'b', weight: 0.3 }
			]
		};
		expect(weightedScore(decimal, { a: 3, b: 4 })).toBe(68.8);
		// Ratings of 58.3 and 58.4 average exactly 58.35 → 58.4 (summed as floats, 116.69999… ÷ 2 would round down).
		const one = { criteria: [{ id: 'a', weight: 1 }] };
		const tenths = (score: number) => ({
			interviewerId: String(score),
			scores: { a: score },
			recommendation: 'yes' as const,
			submitted: true
		});
		expect(summarizePanel(one, [tenths(1), tenths(2)]).score).toBe(12.5);
		const three = {
			criteria: [
				{ id: 'a', weight: 1 },
				{ id: 'b', weight: 2 }
			]
		};
		// a: (25×1 + 25×2)÷3 = 25; b: (50×1 + 0×2)÷3 = 16.666… → 16.7; mean (25 + 16.7) ÷ 2 = 20.85 → 20.9
		expect(
			summarizePanel(three, [
				{ interviewerId: 'x', scores: { a: 2, b: 2 }, recommendation: 'yes', submitted: true },
				{ interviewerId: 'y', scores: { a: 3, b: 1 }, recommendation: 'no', submitted: true }
			]).score
		).toBe(20.9);
	});
});

describe('weighted kappa', () => {
	it('is 1 for perfect agreement', () => {
		expect(
			weightedKappa([
				[1, 1],
				[3, 3],
				[5, 5]
			])
		).toBe(1);
	});

	it('matches a hand-computed example', () => {
		// Pairs (1,1) (2,3) (3,3) (4,5), n = 4, weights (i−j)²/16.
		// Observed disagreement: (2,3) and (4,5) each weigh 1/16 → 2/16 = 0.125.
		// Marginals: rater A 1,2,3,4 once each; rater B 1 once, 3 twice, 5 once.
		// Σ (i−j)² a_i b_j = 24 (i=1) + 12 (i=2) + 8 (i=3) + 12 (i=4) = 56 → expected 56/16/4 = 0.875.
		// κ = 1 − 0.125 / 0.875 = 0.857
		expect(
			weightedKappa([
				[1, 1],
				[2, 3],
				[3, 3],
				[4, 5]
			])
		).toBe(0.857);
	});

	it('is negative when raters disagree systematically', () => {
		expect(
			weightedKappa([
				[1, 5],
				[5, 1],
				[2, 4],
				[4, 2]
			])
		).toBeLessThan(0);
	});

	it('is null without pairs, or when both raters never vary', () => {
		expect(weightedKappa([])).toBeNull();
		expect(
			weightedKappa([
				[3, 3],
				[3, 3]
			])
		).toBeNull();
	});
});

describe('calibrate', () => {
	it('pairs each interviewer with the rest of the panel, and counts the interviews', () => {
		const result = calibrate([
			{ interviewId: 'i1', interviewerId: 'a', scores: { x: 1, y: 3 } },
			{ interviewId: 'i1', interviewerId: 'b', scores: { x: 1, y: 3 } },
			{ interviewId: 'i2', interviewerId: 'a', scores: { x: 5, y: 4 } },
			{ interviewId: 'i2', interviewerId: 'b', scores: { x: 5, y: 4 } },
			{ interviewId: 'i3', interviewerId: 'a', scores: { x: 2 } }
		]);
		expect(result).toEqual([
			{ interviewerId: 'a', kappa: 1, interviews: 2, pairs: 4, tooFew: true },
			{ interviewerId: 'b', kappa: 1, interviews: 2, pairs: 4, tooFew: true }
		]);
	});

	it('calls a figure on fewer than five interviews too few to rely on, five or more not', () => {
		expect([0, 1, 4, 5, 12].map(tooFewToRely)).toEqual([true, true, true, false, false]);
		const panel = (n: number) =>
			Array.from({ length: n }, (_, i) => [
				{ interviewId: `i${i}`, interviewerId: 'a', scores: { x: (i % 5) + 1 } },
				{ interviewId: `i${i}`, interviewerId: 'b', scores: { x: ((i + 1) % 5) + 1 } }
			]).flat();
		expect(calibrate(panel(4)).map((c) => [c.interviews, c.tooFew])).toEqual([
			[4, true],
			[4, true]
		]);
		expect(calibrate(panel(5)).map((c) => [c.interviews, c.tooFew])).toEqual([
			[5, false],
			[5, false]
		]);
	});
});
