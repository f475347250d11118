/**
 * Counts events per key in a fixed window, in memory. One server process is the deployment this
 * app is built for, so memory is the right place: nothing to configure, nothing to clean up.
 */
export interface RateLimiter {
	/** Whether the key is over its limit right now, and for how long it stays so. */
	check(key: string, now?: number): { limited: boolean; retryAfterMs: number };
	/** Records one event for the key. */
	hit(key: string, now?: number): void;
	/** Takes back one hit, e.g. one counted in advance for an attempt that then succeeded. */
	release(key: string): void;
	reset(key: string): void;
}

export function createRateLimiter(options: { max: number; windowMs: number; maxKeys?: number }): RateLimiter {
	const { max, windowMs, maxKeys = 10_000 } = options;
	const windows = new Map<string, { count: number; resetAt: number }>();

	function prune(now: number): void {
		for (const [key, entry] of windows) if (entry.resetAt <= now) windows.delete(key);
	}

	return {
		check(key, now = Date.now()) {
			const entry = windows.get(key);
			if (!entry || entry.resetAt <= now || entry.count < max) return { limited: false, retryAfterMs: 0 };
			return { limited: true, retryAfterMs: entry.resetAt - now };
		},
		hit(key, now = Date.now()) {
			const entry = windows.get(key);
			if (!entry || entry.resetAt <= now) {
				if (windows.size >= maxKeys) prune(now);
				// Still full: forget the oldest key rather than grow without bound.
				if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
				windows.set(key, { count: 1, resetAt: now + windowMs });
			} else {
				entry.count += 1;
			}
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
