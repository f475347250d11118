import { readFileSync } from 'node:fs';
import { parseContentFile, type ContentLocale, type Scenario } from '../content';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';
import { passLineOf } from './agreement';
import { phrasebookOf } from './lexicon';
import { scoreReply } from './score';

const lexicons = shippedLexicons();

/** The phrasebook of a language as shipped: its lexicons' intents and company rules. */
export function shippedPhrasebook(locale: ContentLocale) {
	return phrasebookOf(lexicons.filter((l) => l.locale === locale).map((l) => l.data));
}

/**
 * A reply scored against one beat of a shipped scenario with its language's shipped lexicons, as
 * the practice room scores a first reply: for specs that say how the score ranks replies a trainer
 * graded. Beside the result, what those specs look at: the beat's pass line, the company rules
 * broken (by id), the points made and the pitfalls fallen into (by their text), and the words that
 * fell into them.
 */
export function scoredOnShipped(
	locale: ContentLocale,
	scenarioId: string,
	beatId: string,
	reply: string
) {
	const path = `${locale}/scenarios/${scenarioId}.yaml`;
	const parsed = parseContentFile(path, readFileSync(`content/${path}`, 'utf8'));
	if (!parsed.ok || parsed.item.kind !== 'scenario') throw new Error(`${path} does not parse`);
	const beat = (parsed.item.data as Scenario).beats[beatId]!;
	const result = scoreReply(reply, beat, [], shippedPhrasebook(locale));
	const hit = result.pitfalls.filter((p) => p.hit);
	return {
		...result,
		passLine: passLineOf(beat)!,
		rules: hit.flatMap((p) => [p.rule, p.breaks].filter((id): id is string => id !== undefined)),
		made: result.points.filter((p) => p.hit).map((p) => p.point),
		fell: hit.map((p) => p.point),
		words: hit.flatMap((p) => p.spans.map(([s, e]) => reply.slice(s, e)))
	};
}
