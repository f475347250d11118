import * as OpenCC from 'opencc-js/cn2t';

// Simplified → Traditional (Taiwan) one character at a time, so that a folded string keeps the
// length of the original and a match found in the folded text is a span of the original too.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cache = new Map<string, string>();

function foldChar(char: string): string {
	const cached = cache.get(char);
	if (cached !== undefined) return cached;
	let folded = char.normalize('NFKC').toLowerCase();
	if (folded.length === char.length) folded = toTraditional(folded);
	if (folded.length !== char.length) folded = char.toLowerCase().length === char.length ? char.toLowerCase() : char;
	cache.set(char, folded);
	return folded;
}

/**
 * Folds text for matching: full-width to half-width and other compatibility forms (NFKC), lower
 * case, Simplified Chinese to Traditional. The result has exactly the original's UTF-16 length.
 */
export function foldText(text: string): string {
	let out = '';
	for (const char of text) out += foldChar(char);
	return out;
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * The Chinese characters of a text as single characters and neighbouring pairs, space-separated:
 * 「太貴了」 → 「太 貴 了 太貴 貴了」. Indexed as words, they let a one- or two-character query be
 * looked up instead of scanned for.
 */
export function chineseGrams(text: string): string {
	const grams: string[] = [];
	for (const run of text.match(CJK_RUN) ?? []) {
		const chars = [...run];
		grams.push(...chars);
		for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
	}
	return grams.join(' ');
}
