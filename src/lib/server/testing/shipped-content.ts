// For tests only: the shipped content (content/), checked once for the whole run by the global setup
// (shipped-content.global.ts), loaded into as many databases as a test makes.
import { inject } from 'vitest';
import type { Db } from '../db';
import { replaceAllContent } from '../content/store';

/** Loads the shipped content into `db`, as a first start does. */
export function loadShippedContent(db: Db): void {
	replaceAllContent(db, inject('shippedContent'));
}
