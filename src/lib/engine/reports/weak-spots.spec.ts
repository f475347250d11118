import { describe, expect, it } from 'vitest';
import {
	cellsInOrder,
	cellsOf,
	sparklineCoordinates,
	sparklineDomain,
	sparklineShape,
	suggestNext,
	summarizeTrend,
	weeklyTrend
} from './weak-spots';

describe('cellsOf', () => {
	it('averages each rep and key from sums and counts', () => {
		const cells = cellsOf([
			{ userId: 'a', key: 'price', sum: 150, count: 2 },
			{ userId: 'a', key: 'trust', sum: 100, count: 3 },
			{ userId: 'b', key: 'price', sum: 0, count: 0 }
		]);
		expect(cells.get('a')?.get('price')).toEqual({ average: 75, count: 2 });
		expect(cells.get('a')?.get('trust')).toEqual({ average: 33.3, count: 3 });
		expect(cells.has('b')).toBe(false);
		expect(cellsInOrder(cells.get('a'), ['trust', 'need', 'price'])).toEqual([
			[33.3, 3],
			null,
			[75, 2]
		]);
		expect(cellsInOrder(undefined, ['price'])).toEqual([null]);
	});
});

describe('suggestNext', () => {
	const scripts = new Map([
		['price-too-high', { average: 40, count: 4, category: 'price' }],
		['can-you-discount', { average: 20, count: 2, category: 'price' }],
		['boss-not-in', { average: 10, count: 1, category: 'authority' }]
	]);
	const scenarios = new Map([['price', ['renewal-price-objection']]]);

	it('picks the weakest category with at least three replies, its scenario and its weakest entry', () => {
		const categories = new Map([
			['price', { average: 35, count: 6 }],
			['authority', { average: 10, count: 1 }],
			['trust', { average: 80, count: 5 }]
		]);
		expect(suggestNext(categories, scripts, scenarios)).toEqual({
			category: 'price',
			average: 35,
			count: 6,
			scenarioId: 'renewal-price-objection',
			scriptId: 'can-you-discount'
		});
	});

	it('suggests nothing without enough replies', () => {
		expect(
			suggestNext(new Map([['price', { average: 10, count: 2 }]]), scripts, scenarios)
		).toBeNull();
		expect(suggestNext(undefined, scripts, scenarios)).toBeNull();
	});
});

describe('weeklyTrend and sparkline', () => {
	it('fills eight weeks oldest first, leaving empty weeks empty', () => {
		const trend = weeklyTrend([
			{ weeksAgo: 0, sum: 160, count: 2 },
			{ weeksAgo: 2, sum: 50, count: 1 }
		]);
		expect(trend.map((p) => p.average)).toEqual([null, null, null, null, null, 50, null, 80]);
		// Drawn over 45–85 (see sparklineDomain): the line from week 6 to week 8, a dot at week 6,
		// the big dot at week 8, the dashed level at week 6's height.
		expect(
			sparklineShape(
				trend.map((p) => p.average),
				70,
				20
			)
		).toEqual({ start: 17.5, line: '50,17.5 70,2.5', dots: 'M50 17.5h0', last: [70, 2.5] });
		// A single week with scores still shows, as the big dot (and a line through it twice, a dot too).
		expect(sparklineShape([null, null, 50], 70, 20)).toEqual({
			start: 10,
			line: '70,10 70,10',
			dots: '',
			last: [70, 10]
		});
		// No scores: the dashed level at mid-height and nothing else.
		expect(sparklineShape([null, null, null], 70, 20)).toEqual({
			start: 10,
			line: '',
			dots: '',
			last: null
		});
	});

	it('draws a rep’s own range, at least 40 points high, so that a climb from 60 to 75 shows', () => {
		expect(sparklineDomain([60, null, 75])).toEqual([47.5, 87.5]);
		// Kept within 0–100, still 40 points high.
		expect(sparklineDomain([90, 100])).toEqual([60, 100]);
		expect(sparklineDomain([5, 10])).toEqual([0, 40]);
		// A range wider than 40 is drawn as it is; no scores, the whole scale.
		expect(sparklineDomain([10, 90])).toEqual([10, 90]);
		expect(sparklineDomain([null, null])).toEqual([0, 100]);
		// 60 → 75 now rises by 12 of 32 pixels, not by 5.
		const [first, , last] = sparklineCoordinates(
			[60, null, 75],
			100,
			32,
			sparklineDomain([60, null, 75])
		);
		expect(first![1] - last![1]).toBe(12);
		expect(sparklineShape([60, null, 75], 100, 32)).toMatchObject({
			line: '0,22 100,10',
			dots: 'M0 22h0',
			last: [100, 10]
		});
	});
});

describe('the trend in words', () => {
	it.each([
		[[null, null, null], { kind: 'none' }],
		[[null, 72.4, null], { kind: 'one', last: 72 }],
		[[null, 62, null, 70, 78.2], { kind: 'up', first: 62, last: 78, change: 16 }],
		[[80, 71, null], { kind: 'down', first: 80, last: 71, change: -9 }],
		// Within 5 points either way the level reads as steady, whatever happened in between.
		[[70, 40, 74], { kind: 'steady', first: 70, last: 74, change: 4 }],
		[[70, 65.4], { kind: 'down', first: 70, last: 65, change: -5 }]
	] as const)('%j reads as %j', (averages, summary) => {
		expect(summarizeTrend(averages)).toEqual(summary);
	});
});
