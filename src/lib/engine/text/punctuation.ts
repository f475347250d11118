import type { ContentLocale } from '$lib/engine/content/kinds';

/**
 * Punctuation of the wrong width for the text's language: half-width `, : ; ( ) ? !` in Chinese
 * text, Chinese punctuation in English text. Both styles side by side read as sloppy, and a
 * trainer copying one line into another keeps the slip going.
 *
 * Chinese text (zh-TW): a half-width `, : ; ( ) ? !` is a slip when the nearest character before
 * or after it, spaces and Markdown `*` aside, is Chinese (a Han character, kana, CJK punctuation
 * or a full-width form). A half-width bracket is also a slip when its partner is one (「(zip)」
 * after a Chinese word), and when its partner is full-width. A `{placeholder}` counts as Chinese
 * (it is filled with words of the message's language). Latin words, numbers, times like 10:30,
 * URLs, Markdown link targets and `code` are left alone: `Rehearse (beta)`, `下午 3:30`.
 *
 * English text: Chinese brackets and quotes （）「」『』【】《》〈〉 and the ideographic space are
 * always slips. Inside a quoted Chinese phrase the Chinese marks belong to it, so ，、：； count
 * only when they do not sit between two Chinese characters, and 。？！…… only when no Chinese
 * character comes right before them.
 */
export interface PunctuationSlip {
	/** Index of the mark in the text. */
	index: number;
	mark: string;
	/** What to write instead. */
	suggestion: string;
	/** The mark in a few characters of context, bracketed: `歡迎[,]張小雯`. */
	excerpt: string;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\u3040-\u30ff\u3100-\u312f\uff00-\uffef]/u;
const HAN = /\p{Script=Han}/u;

const FULL_WIDTH: Record<string, string> = {
	',': '，',
	':': '：',
	';': '；',
	'(': '（',
	')': '）',
	'?': '？',
	'!': '！'
};
const HALF_WIDTH: Record<string, string> = {
	'，': ',',
	'、': ',',
	'：': ':',
	'；': ';',
	'。': '.',
	'？': '?',
	'！': '!',
	'……': '…',
	'（': '(',
	'）': ')',
	'「': '“',
	'」': '”',
	'『': '‘',
	'』': '’',
	'【': '[',
	'】': ']',
	'〔': '[',
	'〕': ']',
	'《': '“',
	'》': '”',
	'〈': '‘',
	'〉': '’',
	'\u3000': ' '
};
const ALWAYS_IN_ENGLISH = new Set([
	'（',
	'）',
	'「',
	'」',
	'『',
	'』',
	'【',
	'】',
	'〔',
	'〕',
	'《',
	'》',
	'〈',
	'〉',
	'\u3000'
]);
const BETWEEN_CHINESE = new Set(['，', '、', '：', '；']);
const AFTER_CHINESE = new Set(['。', '？', '！', '……']);

// A placeholder stands for words of the message's own language: in Chinese, Chinese ones
// (「{name}:{category}」 wants a full-width colon). Masked with the same length, so indices still
// point into the original.
const PLACEHOLDER = /\{[A-Za-z_][\w.]*\}/g;
// Text that is not prose: masked as Latin.
const NOT_PROSE = [
	/`[^`\n]*`/g, // Markdown code
	/\]\([^)\s]*\)/g, // a Markdown link target, ](https://…)
	/\b(?:https?|mailto):[^\s()\u3000-\u303f\uff00-\uffef\p{Script=Han}]+/gu // a bare URL
];

function maskNotProse(text: string): string {
	const prose = NOT_PROSE.reduce(
		(out, pattern) => out.replace(pattern, (found) => 'x'.repeat(found.length)),
		text
	);
	return prose.replace(PLACEHOLDER, (found) => '〇'.repeat(found.length));
}

const SKIPPED = /[\s*]/;

function neighbour(text: string, from: number, step: 1 | -1): string {
	for (let i = from; i >= 0 && i < text.length; i += step) {
		if (!SKIPPED.test(text[i]!)) return text[i]!;
	}
	return '';
}

function excerptAt(text: string, index: number, length: number): string {
	const start = Math.max(0, index - 12);
	const end = Math.min(text.length, index + length + 12);
	const before = (start > 0 ? '…' : '') + text.slice(start, index);
	const after = text.slice(index + length, end) + (end < text.length ? '…' : '');
	return `${before}[${text.slice(index, index + length)}]${after}`.replace(/\n/g, '⏎');
}

function chineseSlips(text: string): PunctuationSlip[] {
	const masked = maskNotProse(text);
	const flagged = new Set<number>();
	const open: number[] = [];
	for (let i = 0; i < masked.length; i++) {
		const char = masked[i]!;
		const half = char in FULL_WIDTH;
		if (half && (CJK.test(neighbour(masked, i - 1, -1)) || CJK.test(neighbour(masked, i + 1, 1))))
			flagged.add(i);
		if (char === '(' || char === '（') open.push(i);
		if ((char === ')' || char === '）') && open.length > 0) {
			const at = open.pop()!;
			const pair = [at, i];
			const halves = pair.filter((index) => masked[index]! in FULL_WIDTH);
			// A pair is one mark: of one width, and full-width as soon as either half sits in Chinese.
			if (
				halves.length === 1 ||
				(halves.length === 2 && halves.some((index) => flagged.has(index)))
			)
				halves.forEach((index) => flagged.add(index));
		}
	}
	return [...flagged]
		.sort((a, b) => a - b)
		.map((index) => ({
			index,
			mark: text[index]!,
			suggestion: FULL_WIDTH[text[index]!]!,
			excerpt: excerptAt(text, index, 1)
		}));
}

function englishSlips(text: string): PunctuationSlip[] {
	const slips: PunctuationSlip[] = [];
	for (let i = 0; i < text.length; i++) {
		const mark = text.startsWith('……', i) ? '……' : text[i]!;
		const before = neighbour(text, i - 1, -1);
		const after = neighbour(text, i + mark.length, 1);
		const slip =
			ALWAYS_IN_ENGLISH.has(mark) ||
			(BETWEEN_CHINESE.has(mark) && !(HAN.test(before) && CJK.test(after))) ||
			(AFTER_CHINESE.has(mark) && !HAN.test(before));
		if (slip)
			slips.push({
				index: i,
				mark,
				suggestion: HALF_WIDTH[mark]!,
				excerpt: excerptAt(text, i, mark.length)
			});
		i += mark.length - 1;
	}
	return slips;
}

/** The punctuation slips in one piece of text written in `locale`, in order. */
export function findPunctuationSlips(text: string, locale: ContentLocale): PunctuationSlip[] {
	return locale === 'zh-TW' ? chineseSlips(text) : englishSlips(text);
}
