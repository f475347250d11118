// Deterministic randomness for the benchmark data: the same seed always builds the same rows.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

import { seededRandom, type Random } from '../src/lib/seeded-random';

export { seededRandom, type Random };

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
