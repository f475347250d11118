/**
 * Counts events per key in a fixed window, in memory. One server process is the deployment this
 * app is built for, so memory is the right place: nothing to configure, nothing to clean up.
 */
export interface RateLimiter {
	/** Whether the key is over its limit right now, and for how long it stays so. */
	check(key: string, now?: number): { limited: boolean; retryAfterMs: number };
	/** Events recorded for the key in its current window. */
	count(key: string, now?: number): number;
	/** Records one event for the key. */
	hit(key: string, now?: number): void;
	/** Takes back one hit, e.g. one counted in advance for an attempt that then succeeded. */
	release(key: string): void;
	reset(key: string): void;
}

interface Window {
	count: number;
	resetAt: number;
}

/**
 * At most `maxKeys` keys are kept. A key that is over its limit is never forgotten to make room,
 * or a flood of requests from other keys would lift its block: expired keys go first, then the
 * oldest key under its limit. When every kept key is over its limit, a new key is refused (treated
 * as over the limit until the first block ends) rather than let in uncounted.
 */
export function createRateLimiter(options: {
	max: number;
	windowMs: number;
	maxKeys?: number;
}): RateLimiter {
	const { max, windowMs, maxKeys = 10_000 } = options;
	const windows = new Map<string, Window>();
	const blocked = (entry: Window, now: number): boolean =>
		entry.resetAt > now && entry.count >= max;

	/**
	 * 0 when there is room for one more key (made by forgetting an unblocked one if `evict`);
	 * otherwise every kept key is blocked, and this is the time until the first block ends.
	 */
	function roomFor(now: number, evict: boolean): number {
		if (windows.size < maxKeys) return 0;
		for (const [key, entry] of windows) if (entry.resetAt <= now) windows.delete(key);
		if (windows.size < maxKeys) return 0;
		let firstUnblock = Infinity;
		for (const [key, entry] of windows) {
			if (!blocked(entry, now)) {
				if (evict) windows.delete(key);
				return 0;
			}
			firstUnblock = Math.min(firstUnblock, entry.resetAt - now);
		}
		return firstUnblock;
	}

	function current(key: string, now: number): Window | undefined {
		const entry = windows.get(key);
		return entry && entry.resetAt > now ? entry : undefined;
	}

	return {
		check(key, now = Date.now()) {
			const entry = current(key, now);
			if (entry)
				return entry.count >= max
					? { limited: true, retryAfterMs: entry.resetAt - now }
					: { limited: false, retryAfterMs: 0 };
			const wait = roomFor(now, false);
			return { limited: wait > 0, retryAfterMs: wait };
		},
		count(key, now = Date.now()) {
			return current(key, now)?.count ?? 0;
		},
		hit(key, now = Date.now()) {
			const entry = current(key, now);
			if (entry) entry.count += 1;
			else if (roomFor(now, true) === 0) windows.set(key, { count: 1, resetAt: now + windowMs });
		},
		release(key) {
			const entry = windows.get(key);
			if (entry && entry.count > 0) entry.count -= 1;
		},
		reset(key) {
			windows.delete(key);
		}
	};
}
