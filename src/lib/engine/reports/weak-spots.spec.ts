import { describe, expect, it } from 'vitest';
import { cellsInOrder, cellsOf, sparklinePoints, suggestNext, weeklyTrend } from './weak-spots';

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
		expect(cellsInOrder(cells.get('a'), ['trust', 'need', 'price'])).toEqual([[33.3, 3], null, [75, 2]]);
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
		expect(suggestNext(categories, scripts, scenarios)).toEqual({ category: 'price', average: 35, count: 6, scenarioId: 'renewal-price-objection', scriptId: 'can-you-discount' });
	});

	it('suggests nothing without enough replies', () => {
		expect(suggestNext(new Map([['price', { average: 10, count: 2 }]]), scripts, scenarios)).toBeNull();
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
		expect(sparklinePoints(trend.map((p) => p.average), 70, 20)).toBe('50,10 70,4');
		// A single week with scores still shows, as a dot.
		expect(sparklinePoints([null, null, 50], 70, 20)).toBe('70,10 70,10');
		expect(sparklinePoints([null, null, null], 70, 20)).toBe('');
	});
});
