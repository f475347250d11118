import { containsChinese, foldForMatch, latinWords } from './normalize';

/*
 * Closeness to a beat's model answers: its good choices and the good examples the playtest answers
 * it with, and, as counter-examples, its bad ones. A reply that says much of what a good answer
 * says, in its words, earns a bounded credit, and the rep is shown that answer; a reply nearer a
 * bad answer earns nothing. Words are compared, not meaning: Chinese by pairs of characters,
 * English by stemmed words and pairs of them, without the words every reply has.
 */

/** A model answer ready to compare: its text and what it says, as a set of terms. */
export interface ModelAnswer {
	text: string;
	terms: ReadonlySet<string>;
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
	maxCredit: 0.1,
	/** Closeness below this is what any two replies to the same customer share: no credit. */
	from: 0.15,
	/** Closeness from which the whole credit is given. */
	full: 0.4
} as const;

const ENGLISH_COMMON = new Set(
	'the a an to of and or i you we it is are be for in on that this your our my me so but with at as do have just can will would if about'.split(' ')
);

/** The terms of a text: pairs of Chinese characters (and digits), or English stems and pairs of stems. */
export function termsOf(text: string): Set<string> {
	const folded = foldForMatch(text);
	const terms = new Set<string>();
	if (containsChinese(folded)) {
		const chars = [...folded].filter((char) => /[\u3400-\u9fff0-9a-z]/.test(char));
		for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
		return terms;
	}
	const stems = latinWords(folded)
		.map((word) => word.stem)
		.filter((stem) => !ENGLISH_COMMON.has(stem));
	for (const [i, stem] of stems.entries()) {
		terms.add(stem);
		if (i + 1 < stems.length) terms.add(`${stem} ${stems[i + 1]}`);
	}
	return terms;
}

export function modelAnswer(text: string): ModelAnswer {
	return { text, terms: termsOf(text) };
}

/** Dice's coefficient: twice the terms in common over the terms of both. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 || b.size === 0) return 0;
	let common = 0;
	for (const term of a) if (b.has(term)) common++;
	return (2 * common) / (a.size + b.size);
}

/**
 * The nearest good model answer to a reply, and the credit closeness earns it: none when a bad
 * answer is at least as near, or when the reply is no nearer than replies to the beat usually are.
 */
export function closenessOf(reply: string, answers: ModelAnswers): { nearest: Nearest | null; credit: number } {
	if (answers.good.length === 0) return { nearest: null, credit: 0 };
	const terms = termsOf(reply);
	let nearest: Nearest = { text: answers.good[0]!.text, closeness: -1 };
	for (const answer of answers.good) {
		const closeness = similarity(terms, answer.terms);
		if (closeness > nearest.closeness) nearest = { text: answer.text, closeness };
	}
	nearest.closeness = Math.round(nearest.closeness * 1000) / 1000;
	const nearestBad = Math.max(0, ...answers.bad.map((answer) => similarity(terms, answer.terms)));
	if (nearestBad >= nearest.closeness) return { nearest, credit: 0 };
	const share = Math.min(1, Math.max(0, (nearest.closeness - CLOSENESS.from) / (CLOSENESS.full - CLOSENESS.from)));
	return { nearest, credit: Math.round(CLOSENESS.maxCredit * share * 1000) / 1000 };
}
