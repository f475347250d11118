import { readdirSync, readFileSync } from 'node:fs';
import { parseContentFile } from './parse';
import { CONTENT_LOCALES } from './kinds';
import type { Published } from './check';

/**
 * The demo pack's lexicons, as published: for tests that check one shipped scenario alone (its cues
 * cite their intents).
 */
export function shippedLexicons(): Published['lexicons'] {
	return CONTENT_LOCALES.flatMap((locale) =>
		readdirSync(`content/${locale}/lexicon`).map((name) => {
			const path = `${locale}/lexicon/${name}`;
			const parsed = parseContentFile(path, readFileSync(`content/${path}`, 'utf8'));
			if (!parsed.ok || parsed.item.kind !== 'lexicon') throw new Error(`${path} does not parse`);
			return { locale, id: parsed.item.id, data: parsed.item.data };
		})
	);
}
