// Deterministic randomness for the benchmark data: the same seed always builds the same rows.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread test data. Numbers in [0, 1). */
export function seededRandom(seed: number): Random {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(next: Random, items: readonly T[]): T {
	return items[Math.floor(next() * items.length)]!;
}

/** An integer in [min, max]. */
export function between(next: Random, min: number, max: number): number {
	return min + Math.floor(next() * (max - min + 1));
}

/** An id shaped like the app's own (15 random bytes, base32), but drawn from the seed. */
export function seededId(next: Random): string {
	const bytes = new Uint8Array(15);
	for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
	return encodeBase32LowerCaseNoPadding(bytes);
}
