import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_LOCALES, parseContentFile, type ContentLocale } from '$lib/engine/content';
import { splitFrontMatter } from '$lib/engine/content/parse';
import { findPunctuationSlips } from '$lib/engine/text/punctuation';
import { readContentDirectory } from '$lib/server/content/files';

// Every interface message and every shipped content text, checked for punctuation of the wrong
// width for its language (see findPunctuationSlips). A failure lists one line per slip:
//   content/zh-TW/scripts/price-too-high.md:14 (answers[0].text): 王經理[,]我理解 → write ，

interface Slip {
	where: string;
	excerpt: string;
	suggestion: string;
}

function slipsIn(text: string, locale: ContentLocale, where: string): Slip[] {
	return findPunctuationSlips(text, locale).map((slip) => ({
		where,
		excerpt: slip.excerpt,
		suggestion: slip.suggestion
	}));
}

function report(slips: Slip[]): string {
	return slips
		.map((slip) => `${slip.where}: ${slip.excerpt} → write ${JSON.stringify(slip.suggestion)}`)
		.join('\n');
}

// Phrases and cues are what a reply is matched against, not text anyone reads: scoring folds
// punctuation away, and their spelling is the trainer's to choose.
const MATCH_PATTERNS = new Set(['cues', 'phrases']);

function* textsOf(
	value: unknown,
	path: (string | number)[] = []
): Generator<{ path: (string | number)[]; text: string }> {
	if (typeof value === 'string') yield { path, text: value };
	else if (Array.isArray(value))
		for (const [index, item] of value.entries()) yield* textsOf(item, [...path, index]);
	else if (value && typeof value === 'object') {
		for (const [key, item] of Object.entries(value))
			if (!MATCH_PATTERNS.has(key)) yield* textsOf(item, [...path, key]);
	}
}

function fieldName(path: readonly (string | number)[]): string {
	return path.reduce<string>(
		(out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
		''
	);
}

/** A message's texts by name: the one text, or each variant of a plural ("team_members[countPlural=one]"). */
function messageTexts(key: string, message: unknown): [string, string][] {
	if (typeof message === 'string') return [[key, message]];
	if (!Array.isArray(message)) return [];
	return message.flatMap((entry: { match?: Record<string, unknown> }) =>
		Object.entries(entry.match ?? {}).flatMap(([when, text]) =>
			typeof text === 'string' ? [[`${key}[${when}]`, text] as [string, string]] : []
		)
	);
}

describe('punctuation of the interface messages', () => {
	it.each(CONTENT_LOCALES)('%s: no punctuation of the other language', (locale) => {
		const messages = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<
			string,
			unknown
		>;
		const texts = Object.entries(messages).flatMap(([key, message]) =>
			key.startsWith('$') ? [] : messageTexts(key, message)
		);
		expect(texts.length).toBeGreaterThan(900);
		const slips = texts.flatMap(([key, text]) =>
			slipsIn(text, locale, `messages/${locale}.json ${key}`)
		);
		expect(report(slips)).toBe('');
	});
});

describe('punctuation of the shipped content', () => {
	const files = readContentDirectory('content');

	it('reads every content file', () => {
		expect(files.map((file) => file.path)).toContain('zh-TW/scripts/price-too-high.md');
	});

	it.each(CONTENT_LOCALES)('%s: no punctuation of the other language', (locale) => {
		const slips = files
			.filter((file) => file.path.startsWith(`${locale}/`))
			.flatMap((file) => {
				const parsed = parseContentFile(file.path, file.text);
				if (!parsed.ok)
					throw new Error(`content/${file.path} does not parse: ${parsed.problems[0]?.message}`);
				const fields = [...textsOf(parsed.item.data)].flatMap(({ path, text }) =>
					slipsIn(text, locale, `content/${file.path}:${parsed.lineOf(path)} (${fieldName(path)})`)
				);
				const split = splitFrontMatter(file.text);
				const body = split
					? split.body
							.split('\n')
							.flatMap((line, index) =>
								slipsIn(line, locale, `content/${file.path}:${split.bodyLine + index}`)
							)
					: [];
				return [...fields, ...body];
			});
		expect(report(slips)).toBe('');
	});
});
