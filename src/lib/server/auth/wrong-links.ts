import { createRateLimiter, type RateLimiter } from './rate-limit';

/**
 * Invitation, password-reset and candidate links carry 160 random bits: guessing one is hopeless,
 * but wrong links are still counted per address, so that nobody can try at scale or hammer the
 * database with look-ups. One budget for every kind of link. While an address is over it, even a
 * right link is refused, or the answer would tell a guesser when they had found one.
 */
export const WRONG_LINKS_PER_WINDOW = 30;
export const WRONG_LINKS_WINDOW_MS = 15 * 60 * 1000;

export interface WrongLinks {
	limited(ip: string): boolean;
	/** Counts a link that matched nothing. */
	record(ip: string): void;
	/** Looks a link up unless the address is over its budget; counts it when it matched nothing. */
	lookUp<T extends { ok: true } | { ok: false; reason: string }>(
		ip: string,
		lookUp: () => T
	): T | { ok: false; reason: 'rate-limited' };
}

export function createWrongLinks(
	limiter: RateLimiter = createRateLimiter({
		max: WRONG_LINKS_PER_WINDOW,
		windowMs: WRONG_LINKS_WINDOW_MS
	})
): WrongLinks {
	return {
		limited: (ip) => limiter.check(ip).limited,
		record: (ip) => limiter.hit(ip),
		lookUp(ip, lookUp) {
			if (limiter.check(ip).limited) return { ok: false, reason: 'rate-limited' };
			const result = lookUp();
			if (!result.ok && result.reason === 'invalid') limiter.hit(ip);
			return result;
		}
	};
}

/** The server's one budget, shared by the invitation, reset and candidate pages. */
export const wrongLinks = createWrongLinks();
