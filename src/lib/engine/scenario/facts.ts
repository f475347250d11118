import type { FactValue } from '../content/schemas';
import type { Beat } from './validate';

/** What a series has recorded so far: fact id → value. A fact not set has no entry. */
export type Facts = Readonly<Record<string, FactValue>>;

/** Whether every fact named in `when` has the value given; an empty or missing `when` always holds. */
export function factsHold(when: Facts | undefined, facts: Facts): boolean {
	if (!when) return true;
	return Object.entries(when).every(
		([fact, value]) => Object.hasOwn(facts, fact) && facts[fact] === value
	);
}

/** The customer's line on a beat: its first variant whose facts hold, else its own line. */
export function customerLine(beat: Pick<Beat, 'customer' | 'variants'>, facts: Facts): string {
	return beat.variants?.find((variant) => factsHold(variant.when, facts))?.line ?? beat.customer;
}

/** `facts` with `set` recorded over them. */
export function withFacts(facts: Facts, set: Facts | undefined): Facts {
	return set && Object.keys(set).length > 0 ? { ...facts, ...set } : facts;
}
