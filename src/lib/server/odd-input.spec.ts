import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db';
import { insertUser } from './accounts';
import { syncContentOnFirstStart } from './bootstrap';
import { findAttempt, loadAttempt, startAttempt, submitTurn } from './practice';
import { searchContent } from './content/search';
import { scoreReply } from '$lib/engine/scoring/score';

// Text people paste: zero-width characters, direction overrides, emoji, a NUL, and very long text.
const ODD = ['\u200b\u200c\u200d\ufeff', '\u202e這是反向文字\u202c', '👍🏽 好的 🙏', 'nul\u0000byte', '𠮷野家', 'ｆｕｌｌ　ｗｉｄｔｈ'];

function setUp() {
	const db = createTestDatabase();
	syncContentOnFirstStart(db, 'content', () => {});
	const rep = insertUser(db, { email: 'r@example.com', name: 'R', passwordHash: 'x', roles: ['rep'] });
	return { db, rep };
}

describe('odd input', () => {
	it.each(ODD)('a reply %j is scored and stored exactly as typed', (odd) => {
		const { db, rep } = setUp();
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'zh-TW', 'text')!;
		const reply = `王經理您好,我是機械五金網的小陳 ${odd}`;
		expect(submitTurn(db, attempt.id, { mode: 'text', reply }, 0).ok).toBe(true);
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).turns[0]!.reply).toBe(reply);
	});

	it('refuses a 100 kB reply with a reason, and changes nothing', () => {
		const { db, rep } = setUp();
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: '字'.repeat(100_000) }, 0)).toEqual({ ok: false, reason: 'too-long' });
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(0);
	});

	it('scoring a 100 kB text stays fast and bounded', () => {
		const started = performance.now();
		const result = scoreReply('我是小陳,'.repeat(20_000), { expect: [{ point: 'p', weight: 1, cues: ['我是'] }], avoid: [] });
		expect(result.flags).toContain('too-long');
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it.each([...ODD, '"', "'", '\\', '%', '_', '*', 'NEAR(a b)', ') OR 1=1 --'])('search takes %j without error', (query) => {
		const { db } = setUp();
		expect(() => searchContent(db, query)).not.toThrow();
	});
});
