// Deterministic randomness for generated data (the demo's history, the benchmark's data set): the
// same seed always gives the same numbers.

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
