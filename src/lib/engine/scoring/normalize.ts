import { foldText } from '../text/fold';

/** Punctuation and symbols, which carry no meaning for matching. */
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Folds a reply or a cue for matching: NFKC, lower case, Simplified → Traditional, punctuation to
 * spaces. The result has the original's exact length, so a match in it is a span of the original.
 */
export function normalizeForMatch(text: string): string {
	return punctuationToSpaces(foldForMatch(text));
}

const PRINTABLE_ASCII = /^[ -~\t\n\r]*$/;
// The fold of each BMP code unit once read (0: not read yet); a reply's units, folded, before they are joined.
const UNIT_FOLDS = new Uint16Array(0x10000);
let unitBuffer = new Uint16Array(1024);
const UNITS_PER_CALL = 4096;

/**
 * foldText, with the forms of "you" (您、妳、你) and of "he, she" (他、她) made one: reps type either,
 * as it comes, and a phrase says the same with both. Same length, as foldText.
 */
export function foldForMatch(text: string): string {
	// Printable ASCII folds to its lower case and has none of the forms of you and he (most English replies).
	if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
	// Folding keeps every UTF-16 code unit in place, so outside surrogate pairs each unit folds on
	// its own: read once per unit ever seen, then looked up (the fold of a reply was a map look-up
	// per character). Text with surrogates takes the character-by-character way.
	const length = text.length;
	if (unitBuffer.length < length)
		unitBuffer = new Uint16Array(Math.max(length, unitBuffer.length * 2));
	const units = unitBuffer;
	for (let i = 0; i < length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdfff) return foldForMatchByCharacter(text);
		let folded = UNIT_FOLDS[code]!;
		if (folded === 0 && code !== 0) {
			folded = foldForMatchByCharacter(String.fromCharCode(code)).charCodeAt(0);
			UNIT_FOLDS[code] = folded;
		}
		units[i] = folded;
	}
	let out = '';
	for (let from = 0; from < length; from += UNITS_PER_CALL)
		out += String.fromCharCode.apply(
			null,
			units.subarray(from, Math.min(length, from + UNITS_PER_CALL)) as unknown as number[]
		);
	return out;
}

function foldForMatchByCharacter(text: string): string {
	return foldText(text)
		.replace(/[您妳]/g, '你')
		.replace(/她/g, '他');
}

/** Text already folded (foldText), with its punctuation and symbols as spaces: the same length. */
export function punctuationToSpaces(folded: string): string {
	return folded.replace(PUNCTUATION, (p) => ' '.repeat(p.length));
}

export function containsChinese(text: string): boolean {
	return CJK.test(text);
}

export interface Word {
	stem: string;
	start: number;
	end: number;
}

// Words recur from reply to reply: each is stemmed once and kept (bounded, as replies are free text).
const stemmed = new Map<string, string>();
const MAX_STEMMED = 20_000;

/** Light English stemming: enough that ask, asks, asked and asking are one word. */
export function stem(word: string): string {
	let w = stemmed.get(word);
	if (w === undefined) {
		w = stemOf(word);
		if (stemmed.size >= MAX_STEMMED) stemmed.clear();
		stemmed.set(word, w);
	}
	return w;
}

// Adverbs in -ly that do not say what the word they come from says: "surely the boss would want
// to" argues, where "sure" goes along; "hardly", "nearly", "barely", "lately" are not hard, near,
// bare or late.
const LY_OF_ITS_OWN = new Set(['surely', 'hardly', 'nearly', 'barely', 'lately']);

function stemOf(word: string): string {
	let w = word;
	if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
	else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
	else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
	else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
	else if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
	else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
	else if (w.length > 5 && w.endsWith('ly') && !LY_OF_ITS_OWN.has(w)) w = w.slice(0, -2);
	// "stopped" → "stopp" → "stop"; "shipping" → "shipp" → "ship"
	if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz|ff)$/.test(w)) w = w.slice(0, -1);
	// British spelling doubles the l of these before -ing and -ed: "cancelling" is "cancel".
	else if (
		w !== word &&
		/(?:cancel|travel|label|model|fuel|level|channel|signal|total|dial|counsel)l$/.test(w)
	)
		w = w.slice(0, -1);
	if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
	return w;
}

/**
 * The Latin-script words of a folded text (foldText, punctuation kept), stemmed, with their
 * positions. An apostrophe inside a word is dropped, so that "don't" and "dont" (as people type on
 * a phone) are one word; a final 's goes ("the boss's" is "boss").
 */
const LATIN_WORD = /[a-z0-9]+(?:['’][a-z]+)*/g;

export function latinWords(folded: string): Word[] {
	const words: Word[] = [];
	for (const m of folded.matchAll(LATIN_WORD)) {
		const word = m[0];
		const bare =
			word.includes("'") || word.includes('’')
				? word.replace(/['’]s$/, '').replace(/['’]/g, '')
				: word;
		words.push({ stem: stem(bare), start: m.index, end: m.index + word.length });
	}
	return words;
}

/** The words of `words` (a text's latinWords) between `from` and `to`: those of that stretch, when no word crosses its ends. */
export function wordsBetween(words: readonly Word[], from: number, to: number): readonly Word[] {
	let low = 0;
	let high = words.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (words[middle]!.start < from) low = middle + 1;
		else high = middle;
	}
	let end = low;
	while (end < words.length && words[end]!.start < to) end++;
	return words.slice(low, end);
}

/**
 * The words of a text without Chinese, with their positions, as Intl.Segmenter would give them
 * (letters and digits, joined by an apostrophe, a point or a comma inside: "don't", "6,800", "3.5").
 */
export function latinWordSpans(text: string): [start: number, end: number][] {
	return [...text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’.,:][\p{L}\p{M}\p{N}]+)*/gu)].map((m) => [
		m.index,
		m.index + m[0].length
	]);
}

const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });

const CHUNK = 200;

/**
 * The words of a text with their positions: Chinese split by Intl.Segmenter, other text by spaces.
 * The segmenter slows down badly on long unbroken runs of Chinese, so the text goes in chunks of at
 * most 200 characters, cut after punctuation or a space where there is one.
 */
export function wordSpans(text: string): [start: number, end: number][] {
	const spans: [number, number][] = [];
	for (let from = 0; from < text.length;) {
		let to = Math.min(text.length, from + CHUNK);
		if (to < text.length) {
			const window = text.slice(from, to);
			const cut = Math.max(
				...['。', ',', ',', '.', '!', '?', '?', '!', ' ', '\n'].map((mark) =>
					window.lastIndexOf(mark)
				)
			);
			if (cut > 0) to = from + cut + 1;
			// Never split a surrogate pair.
			if (/[\ud800-\udbff]/.test(text[to - 1] ?? '')) to++;
		}
		for (const segment of segmenter.segment(text.slice(from, to))) {
			if (segment.isWordLike)
				spans.push([from + segment.index, from + segment.index + segment.segment.length]);
		}
		from = to;
	}
	return spans;
}
