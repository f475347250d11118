import { describe, expect, it } from 'vitest';
import { chineseGrams, foldText } from './fold';

describe('foldText', () => {
	it.each([
		['太贵了', '太貴了'],
		['竞争对手', '競爭對手'],
		['ＡＢＣ１２３', 'abc123'],
		['Competitor', 'competitor'],
		['太貴了', '太貴了'],
		['NT$26,800', 'nt$26,800']
	])('%s → %s', (input, expected) => {
		expect(foldText(input)).toBe(expected);
	});

	it('keeps the length of the original, even for characters NFKC would expand', () => {
		for (const text of ['㎏ and ﬁ', '🙂 emoji 🙂', 'İstanbul', '「報價」，好嗎？']) {
			expect(foldText(text).length).toBe(text.length);
		}
	});
});

describe('chineseGrams', () => {
	it('lists single characters and neighbouring pairs of each Chinese run, ignoring other text', () => {
		expect(chineseGrams('太貴了, NT$26,800 續約')).toBe('太 貴 了 太貴 貴了 續 約 續約');
		expect(chineseGrams('no chinese here')).toBe('');
	});
});
