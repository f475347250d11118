import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheIntlFormatters } from './intl-cache.js';
import { tempDirs } from '../src/lib/server/testing/temp-dirs';

const tempDir = tempDirs('intl');

// The registry exactly as `npm run prepare` generated it, cached, as its own module.
async function cachedRegistry() {
	const code = cacheIntlFormatters(readFileSync('src/lib/paraglide/registry.js', 'utf8'));
	const file = join(tempDir(), 'registry.mjs');
	writeFileSync(file, code);
	return (await import(
		pathToFileURL(file).href
	)) as typeof import('../src/lib/paraglide/registry.js');
}

describe('Intl formatters in the message registry', () => {
	const RealPluralRules = Intl.PluralRules;
	afterEach(() => {
		Intl.PluralRules = RealPluralRules;
	});

	it('builds each plural rule once per language and options, and still picks the right form', async () => {
		const registry = await cachedRegistry();
		let built = 0;
		Intl.PluralRules = class CountedPluralRules extends RealPluralRules {
			constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
				super(...args);
				built++;
			}
		} as typeof Intl.PluralRules;
		const forms = [1, 2, 0, 1, 5].map((count) => registry.plural('en', count));
		expect(forms).toEqual(['one', 'other', 'other', 'one', 'other']);
		expect(registry.plural('zh-TW', 1)).toBe('other');
		expect(registry.plural('en', 1, { type: 'ordinal' })).toBe('one');
		expect(registry.plural('en', 2, { type: 'ordinal' })).toBe('two');
		expect(built).toBe(3);
	});

	it('keeps numbers and dates in each language', async () => {
		const registry = await cachedRegistry();
		expect(registry.number('en', 12345.6)).toBe('12,345.6');
		expect(registry.number('en', 0.5, { style: 'percent' })).toBe('50%');
		expect(
			registry.datetime('en', '2026-12-05T00:00:00Z', { timeZone: 'UTC', month: 'long' })
		).toBe('December');
		expect(
			registry.datetime('zh-TW', '2026-12-05T00:00:00Z', { timeZone: 'UTC', month: 'long' })
		).toBe('12月');
	});

	it('refuses a registry it does not recognise, rather than losing the cache quietly', () => {
		expect(() =>
			cacheIntlFormatters('export function plural(locale, input) { return "other" }')
		).toThrow(/intl-cache/);
	});
});
