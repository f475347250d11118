import { Locale } from 'opencc-js/cn2t';

/** Reads an OpenCC dictionary ("简 簡|贵 貴|…") into a character map, keeping the first target. */
function characterMap(dictionary: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const entry of dictionary.split('|')) {
		const [from, to] = entry.split(' ');
		if (from && to && [...from].length === 1 && [...to].length === 1) map.set(from, to);
	}
	return map;
}

// Simplified → Traditional (Taiwan) one character at a time, from OpenCC's character tables
// (STCharacters, then TWVariants). Whole-phrase conversion is not wanted here: it would change
// lengths, and it would cost some 80 MB of memory for its phrase tables.
// Built on the first character that needs them, not when the module loads: the server imports this
// at start-up, and English replies (all ASCII) never need them.
let tables:
	{ simplifiedToTraditional: Map<string, string>; taiwanVariants: Map<string, string> } | undefined;

function toTraditional(char: string): string {
	tables ??= {
		simplifiedToTraditional: characterMap((Locale.from.cn as unknown as [string, string][])[0]![1]),
		taiwanVariants: characterMap((Locale.to.tw as unknown as [string, string][])[0]![1])
	};
	const traditional = tables.simplifiedToTraditional.get(char) ?? char;
	return tables.taiwanVariants.get(traditional) ?? traditional;
}

const cache = new Map<string, string>();
const ASCII = /^[ -~\t\n\r]*$/;

function foldChar(char: string): string {
	const cached = cache.get(char);
	if (cached !== undefined) return cached;
	let folded = char.normalize('NFKC').toLowerCase();
	if (folded.length === char.length) folded = toTraditional(folded);
	if (folded.length !== char.length)
		folded = char.toLowerCase().length === char.length ? char.toLowerCase() : char;
	cache.set(char, folded);
	return folded;
}

/**
 * Folds text for matching: full-width to half-width and other compatibility forms (NFKC), lower
 * case, Simplified Chinese to Traditional. The result has exactly the original's UTF-16 length.
 */
export function foldText(text: string): string {
	// Printable ASCII is its own NFKC form and has no Chinese: lower case is the whole fold (most
	// English replies).
	if (ASCII.test(text)) return text.toLowerCase();
	let out = '';
	for (const char of text) {
		// An ASCII character's fold is its lower case.
		const code = char.charCodeAt(0);
		out +=
			code < 0x80
				? code >= 0x41 && code <= 0x5a
					? String.fromCharCode(code + 0x20)
					: char
				: foldChar(char);
	}
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
