import { INTENT_PREFIX, type Lexicon } from '../content/schemas';
import type { ContentItem, ContentLocale } from '../content/kinds';
import type { Phrasebook } from './score';
import { normalizeForMatch } from './normalize';

/** Between the parts of a cue `A … B` (also three full stops). */
export const GAP = /…|\.{3}/;

/**
 * What one language's lexicons give the scoring: the phrases of every intent, by id (what a cue
 * `@id` of a key point, pitfall or rule stands for), and every company rule. An intent's id is
 * unique in a language (the content check refuses a second); should two lexicons still share one,
 * both lists count.
 */
export function phrasebookOf(lexicons: readonly Pick<Lexicon, 'intents' | 'rules'>[]): Phrasebook {
	const intents = new Map<string, string[]>();
	for (const lexicon of lexicons) {
		for (const intent of lexicon.intents)
			intents.set(intent.id, [...(intents.get(intent.id) ?? []), ...intent.phrases]);
	}
	// Phrases that match alike (您 and 你, case, width) are looked for once.
	for (const [id, phrases] of intents) {
		const seen = new Set<string>();
		const kept: string[] = [];
		for (const phrase of phrases) {
			const key = normalizeForMatch(phrase);
			if (seen.has(key)) continue;
			seen.add(key);
			kept.push(phrase);
		}
		intents.set(id, kept);
	}
	return { intents, rules: lexicons.flatMap((lexicon) => lexicon.rules) };
}

/** The phrasebook of the lexicons among `items` in one language. */
export function phrasebookAmong(items: readonly ContentItem[], locale: ContentLocale): Phrasebook {
	return phrasebookOf(
		items.flatMap((item) => (item.kind === 'lexicon' && item.locale === locale ? [item.data] : []))
	);
}

/** The intent a cue is, when it is one alone (`@id`, no gaps): it then stands for every phrase of it. */
export function wholeIntent(cue: string): string | null {
	return cue.startsWith(INTENT_PREFIX) && !GAP.test(cue)
		? cue.slice(INTENT_PREFIX.length).trim()
		: null;
}

/** The intents a cue cites (`@id`, alone or as a part between gaps), as ids. */
export function citedIntents(cue: string): string[] {
	return cue
		.split(GAP)
		.map((part) => part.trim())
		.filter((part) => part.startsWith(INTENT_PREFIX))
		.map((part) => part.slice(INTENT_PREFIX.length));
}
