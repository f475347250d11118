import { containsChinese, foldForMatch, latinWords, type Word } from './normalize';

/*
 * Closeness to a beat's model answers: its good choices and the good examples the playtest answers
 * it with, and, as counter-examples, its bad ones. A reply that says much of what a good answer
 * says earns a bounded credit, and the rep is shown that answer; a reply nearer a bad answer earns
 * nothing. What is compared is both the words (Chinese by pairs of characters, English by stemmed
 * words and pairs of them, without the words every reply has) and what the words do: the lexicon's
 * intents a text expresses (`@id`; said only in the negative, `~@id`), the beat's key points it
 * makes (`#`) and the pitfalls and company rules it falls into (`!`), read by the same matcher as
 * the score (score.ts, meaningTerms). A paraphrase shares few words with the model answer and the
 * same intents; each of those weighs as much as several words in common.
 */

/** A model answer ready to compare: its text and what it says, as a set of terms, and their weight. */
export interface ModelAnswer {
	text: string;
	terms: ReadonlySet<string>;
	/** The sum of its terms' weights (termWeight). */
	weight: number;
}

export interface ModelAnswers {
	good: readonly ModelAnswer[];
	bad: readonly ModelAnswer[];
}

export const NO_MODEL_ANSWERS: ModelAnswers = { good: [], bad: [] };

/** The nearest good model answer, and how close (0–1, the share of terms the two have in common). */
export interface Nearest {
	text: string;
	closeness: number;
}

export const CLOSENESS = {
	/** The most closeness can add to a reply's score. */
	maxCredit: 0.12,
	/**
	 * Closeness below this is what any two replies to the same customer share: no credit. With four
	 * to seven model answers a beat, the nearest of them is nearer by chance than of one or two.
	 */
	from: 0.18,
	/** Closeness from which the whole credit is given. */
	full: 0.43,
	/** What a reply that says nearly all a model answer says earns on top of `maxCredit`, from `echoFrom` to `echoFull`. */
	echoCredit: 0.1,
	echoFrom: 0.6,
	echoFull: 0.9,
	/** What an intent in common weighs, against 1 for a pair of characters or a stem. */
	intentWeight: 4,
	/** What a key point made, or a pitfall fallen into, in common weighs. */
	pointWeight: 6
} as const;

/** A term's weight: words 1; what the words do more (see CLOSENESS). */
export function termWeight(term: string): number {
	const first = term.charCodeAt(0);
	// '@' an intent, '~' one said in the negative, '#' a key point, '!' a pitfall or rule.
	if (first === 64 || first === 126) return CLOSENESS.intentWeight;
	if (first === 35 || first === 33) return CLOSENESS.pointWeight;
	return 1;
}

function weightOf(terms: ReadonlySet<string>): number {
	let weight = 0;
	for (const term of terms) weight += termWeight(term);
	return weight;
}

const ENGLISH_COMMON = new Set(
	'the a an to of and or i you we it is are be for in on that this your our my me so but with at as do have just can will would if about'.split(
		' '
	)
);

/** The terms of a text: pairs of Chinese characters (and digits), or English stems and pairs of stems. */
export function termsOf(text: string): Set<string> {
	return termsOfFolded(foldForMatch(text));
}

/** termsOf a text already folded for matching (foldForMatch); `words`, its latinWords when the caller has them. */
export function termsOfFolded(folded: string, words?: readonly Word[]): Set<string> {
	const terms = new Set<string>();
	if (containsChinese(folded)) {
		// Code units, not code points: no character outside the basic plane is kept.
		let previous = '';
		for (let i = 0; i < folded.length; i++) {
			const code = folded.charCodeAt(i);
			if (!(
				(code >= 0x3400 && code <= 0x9fff) ||
				(code >= 0x30 && code <= 0x39) ||
				(code >= 0x61 && code <= 0x7a)
			))
				continue;
			const char = folded[i]!;
			if (previous) terms.add(previous + char);
			previous = char;
		}
		return terms;
	}
	const stems = (words ?? latinWords(folded))
		.map((word) => word.stem)
		.filter((stem) => !ENGLISH_COMMON.has(stem));
	for (const [i, stem] of stems.entries()) {
		terms.add(stem);
		if (i + 1 < stems.length) terms.add(`${stem} ${stems[i + 1]}`);
	}
	return terms;
}

/** A model answer: its words' terms, and what it says (`meaning`: see score.ts, meaningOf) when known. */
export function modelAnswer(text: string, meaning: Iterable<string> = []): ModelAnswer {
	const terms = termsOf(text);
	for (const term of meaning) terms.add(term);
	return { text, terms, weight: weightOf(terms) };
}

/** Dice's coefficient: twice the weight of the terms in common over the weight of the terms of both. */
function dice(common: number, a: number, b: number): number {
	return a === 0 || b === 0 ? 0 : (2 * common) / (a + b);
}

// Which model answers (good ones first, then bad) say each term: built once per beat's answers, so
// a reply's terms are each looked up once rather than compared with every answer.
const answersByTerm = new WeakMap<ModelAnswers, Map<string, number[]>>();

function indexOfAnswers(answers: ModelAnswers): Map<string, number[]> {
	let index = answersByTerm.get(answers);
	if (!index) {
		index = new Map();
		for (const [i, answer] of [...answers.good, ...answers.bad].entries()) {
			for (const term of answer.terms) {
				const list = index.get(term);
				if (list) list.push(i);
				else index.set(term, [i]);
			}
		}
		answersByTerm.set(answers, index);
	}
	return index;
}

/**
 * The nearest good model answer to a reply, and the credit closeness earns it: none when a bad
 * answer is at least as near, when the reply falls into a pitfall or breaks a rule a bad answer does,
 * or when the reply is no nearer than replies to the beat usually are.
 * `terms` are the reply's (termsOf, with what it says when the caller knows), when the caller has them.
 */
export function closenessOf(
	reply: string,
	answers: ModelAnswers,
	terms: ReadonlySet<string> = termsOf(reply)
): { nearest: Nearest | null; credit: number } {
	if (answers.good.length === 0) return { nearest: null, credit: 0 };
	const index = indexOfAnswers(answers);
	const common = new Array<number>(answers.good.length + answers.bad.length).fill(0);
	let size = 0;
	// A pitfall or company rule a bad answer falls into too: the reply does what the bad answer does.
	let fallsLikeBad = false;
	for (const term of terms) {
		const weight = termWeight(term);
		size += weight;
		const saying = index.get(term);
		if (!saying) continue;
		for (const i of saying) {
			common[i]! += weight;
			if (i >= answers.good.length && term.charCodeAt(0) === 33) fallsLikeBad = true;
		}
	}
	let nearest: Nearest = { text: answers.good[0]!.text, closeness: -1 };
	for (const [i, answer] of answers.good.entries()) {
		const closeness = dice(common[i]!, size, answer.weight);
		if (closeness > nearest.closeness) nearest = { text: answer.text, closeness };
	}
	nearest.closeness = Math.round(nearest.closeness * 1000) / 1000;
	const nearestBad = Math.max(
		0,
		...answers.bad.map((answer, i) => dice(common[answers.good.length + i]!, size, answer.weight))
	);
	if (fallsLikeBad || nearestBad >= nearest.closeness) return { nearest, credit: 0 };
	const share = Math.min(
		1,
		Math.max(0, (nearest.closeness - CLOSENESS.from) / (CLOSENESS.full - CLOSENESS.from))
	);
	// Saying nearly all a model answer says, in its words or its moves, earns as much again: the
	// trainer's answer is scored as the trainer meant it, whatever its key points' cues catch.
	const echo = Math.min(
		1,
		Math.max(
			0,
			(nearest.closeness - CLOSENESS.echoFrom) / (CLOSENESS.echoFull - CLOSENESS.echoFrom)
		)
	);
	return {
		nearest,
		credit: Math.round((CLOSENESS.maxCredit * share + CLOSENESS.echoCredit * echo) * 1000) / 1000
	};
}
