import { describe, expect, it } from 'vitest';
import { readFormerProduct, rubricForScenario, sellsFormerProduct } from './former-product';
import type { Rubric } from '../content/schemas';

const anchors = { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' };
const rubric: Rubric = {
	id: 'hiring-roleplay',
	title: 'Scorecard',
	criteria: [
		{ id: 'opening', title: 'Opening', weight: 10, anchors },
		{ id: 'product-knowledge', title: 'Product', weight: 10, anchors },
		{ id: 'composure', title: 'Composure', weight: 15, anchors }
	]
};

describe('the product a candidate sold before', () => {
	it('is one line of plain text, spaces and control characters tidied', () => {
		expect(readFormerProduct('  Office\twater\n filters \u202e ')).toEqual({
			ok: true,
			product: 'Office water filters'
		});
		expect(readFormerProduct('Office\u0000water\u0085filters\u200b')).toEqual({
			ok: true,
			product: 'Office water filters'
		});
		expect(readFormerProduct('<b>**健身房會員**</b>')).toEqual({
			ok: true,
			product: '<b>**健身房會員**</b>'
		});
	});

	it('must be named, and short', () => {
		expect(readFormerProduct(' \n ')).toEqual({ ok: false, problem: 'empty' });
		expect(readFormerProduct('保'.repeat(100))).toMatchObject({ ok: true });
		expect(readFormerProduct('保'.repeat(101))).toEqual({ ok: false, problem: 'long' });
	});
});

describe('the rubric such an interview pins', () => {
	it('leaves out product knowledge, which nobody can show for a product of their own', () => {
		expect(sellsFormerProduct({ formerProduct: true })).toBe(true);
		expect(rubricForScenario(rubric, { formerProduct: true }).criteria.map((c) => c.id)).toEqual([
			'opening',
			'composure'
		]);
	});

	it('is the rubric as chosen for our own product', () => {
		expect(sellsFormerProduct({})).toBe(false);
		expect(rubricForScenario(rubric, {})).toBe(rubric);
	});
});
