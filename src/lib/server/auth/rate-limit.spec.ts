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

	it('keeps at most maxKeys keys, forgetting the oldest', () => {
		const limiter = createRateLimiter({ max: 1, windowMs: 1000, maxKeys: 2 });
		limiter.hit('a', 0);
		limiter.hit('b', 0);
		limiter.hit('c', 0);
		expect(limiter.check('a', 1).limited).toBe(false);
		expect(limiter.check('c', 1).limited).toBe(true);
	});
});
