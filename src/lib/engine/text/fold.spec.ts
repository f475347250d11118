import { describe, expect, it } from 'vitest';
import { foldText } from './fold';

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
