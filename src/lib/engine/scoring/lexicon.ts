import { INTENT_PREFIX, type Lexicon } from '../content/schemas';
import type { ContentItem, ContentLocale } from '../content/kinds';
import type { IntentPhrases } from './score';

/**
 * The phrases of every intent of one language's lexicons, by intent id: what a cue `@id` of a key
 * point or pitfall in that language stands for. An id is unique in a language (the content check
 * refuses a second); should two lexicons still share one, both lists count.
 */
export function intentPhrases(lexicons: readonly Pick<Lexicon, 'intents'>[]): IntentPhrases {
	const phrases = new Map<string, string[]>();
	for (const lexicon of lexicons) {
		for (const intent of lexicon.intents) phrases.set(intent.id, [...(phrases.get(intent.id) ?? []), ...intent.phrases]);
	}
	return phrases;
}

/** The intents a list of cues cites (`@id`), as ids. */
export function citedIntents(cues: readonly string[]): string[] {
	return cues.filter((cue) => cue.startsWith(INTENT_PREFIX)).map((cue) => cue.slice(INTENT_PREFIX.length));
}

/** The intents of the lexicons among `items` in one language. */
export function intentsAmong(items: readonly ContentItem[], locale: ContentLocale): IntentPhrases {
	return intentPhrases(items.flatMap((item) => (item.kind === 'lexicon' && item.locale === locale ? [item.data] : [])));
}
