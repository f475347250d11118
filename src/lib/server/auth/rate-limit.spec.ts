import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
	it('limits after max hits within the window and frees the key when it ends', () => {
		const limiter = createRateLimiter({ max: 3, windowMs: 1000 });
		for (let i = 0; i < 3; i++) {
			expect(limiter.check('k', 0).limited).toBe(false);
			limiter.hit('k', 0);
		}
		expect(limiter.check('k', 500)).toEqual({ limited: true, retryAfterMs: 500 });
		expect(limiter.check('other', 500).limited).toBe(false);
		expect(limiter.check('k', 1000).limited).toBe(false);
	});

	it('reset clears a key', () => {
		const limiter = createRateLimiter({ max: 1, windowMs: 1000 });
		limiter.hit('k', 0);
		expect(limiter.check('k', 1).limited).toBe(true);
		limiter.reset('k');
		expect(limiter.check('k', 1).limited).toBe(false);
	});

	it('keeps at most maxKeys keys, forgetting the oldest key that is not blocked', () => {
		const limiter = createRateLimiter({ max: 2, windowMs: 1000, maxKeys: 2 });
		limiter.hit('blocked', 0);
		limiter.hit('blocked', 0);
		limiter.hit('a', 0);
		limiter.hit('b', 0);
		limiter.hit('b', 0);
		expect(limiter.count('a', 1)).toBe(0);
		expect(limiter.check('blocked', 1).limited).toBe(true);
		expect(limiter.check('b', 1).limited).toBe(true);
	});

	it('a blocked address stays blocked after requests from 10,010 other addresses', () => {
		const limiter = createRateLimiter({ max: 20, windowMs: 15 * 60 * 1000 });
		for (let i = 0; i < 20; i++) limiter.hit('6.6.6.6', 0);
		for (let i = 0; i < 10_010; i++) limiter.hit(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 1);
		expect(limiter.check('6.6.6.6', 2).limited).toBe(true);
	});

	it('when every kept key is blocked, refuses a new key until the first block ends, and forgets none', () => {
		const limiter = createRateLimiter({ max: 1, windowMs: 1000, maxKeys: 2 });
		limiter.hit('a', 0);
		limiter.hit('b', 500);
		expect(limiter.check('new', 600)).toEqual({ limited: true, retryAfterMs: 400 });
		limiter.hit('new', 600);
		expect(limiter.check('a', 700).limited).toBe(true);
		expect(limiter.check('b', 700).limited).toBe(true);
		// Once a's window ends, there is room again.
		expect(limiter.check('new', 1000).limited).toBe(false);
		limiter.hit('new', 1000);
		expect(limiter.check('new', 1001).limited).toBe(true);
		expect(limiter.check('b', 1001).limited).toBe(true);
	});
});
