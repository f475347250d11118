import { describe, expect, it } from 'vitest';
import { foldText } from '../text/fold';
import { foldForMatch } from './normalize';

describe('foldForMatch', () => {
	it('folds full-width, Simplified and capitals, and makes 您妳你 and 她他 one, keeping the length', () => {
		const reply = 'ＯＫ，您说太贵了？她說Ｇｏｌｄ一年２６８００。';
		const folded = foldForMatch(reply);
		expect(folded).toBe('ok,你說太貴了?他說gold一年26800。');
		expect(folded).toHaveLength(reply.length);
	});

	it('folds the same, read unit by unit or character by character, with characters outside the basic plane', () => {
		const replies = ['Hello Mr. Wang', '妳好😀這樣ＯＫ嗎', '价格\t不會\n变', 'Ⅻ ﬁle café'];
		for (const reply of replies) {
			const expected = foldText(reply)
				.replace(/[您妳]/g, '你')
				.replace(/她/g, '他');
			expect(foldForMatch(reply)).toBe(expected);
		}
	});
});
