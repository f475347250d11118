import { describe, expect, it } from 'vitest';
import { checkContentFiles, formatProblem, parseContentFile, serializeContentItem, type ContentItem } from './index';

const script = `---
id: price-too-high
title: Too expensive
category: price
objection: It's too expensive.
variants:
  - Can you do it cheaper?
answers:
  - text: I hear you. How many inquiries do you get a month?
    techniques: [acknowledge, ask]
    why: Moves from price to value.
  - text: Gold works out at about NT$70 a day.
    techniques: [evidence, reframe]
    why: Makes the cost concrete.
mistakes:
  - "Discounting at once: the price looks padded."
knowledge: [membership-tiers]
---
## Why they say it

Body text.
`;
const article = `---
id: membership-tiers
title: Membership tiers
category: product
summary: The three tiers.
scripts: [price-too-high]
---
## Tiers

Basic, Gold, Diamond.
`;

function problemsOf(path: string, text: string): string[] {
	const result = parseContentFile(path, text);
	return result.ok ? [] : result.problems.map(formatProblem);
}

describe('parseContentFile', () => {
	it('reads a script entry with its front matter and body', () => {
		const result = parseContentFile('en/scripts/price-too-high.md', script);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.item).toMatchObject({ kind: 'script', locale: 'en', id: 'price-too-high' });
		const data = result.item.data as Extract<ContentItem, { kind: 'script' }>['data'];
		expect(data.answers).toHaveLength(2);
		expect(data.answers[0]!.techniques).toEqual(['acknowledge', 'ask']);
		expect(result.item.body).toBe('## Why they say it\n\nBody text.\n');
	});

	it('accepts Windows line endings and a byte-order mark', () => {
		expect(parseContentFile('en/knowledge/membership-tiers.md', `\uFEFF${article.replace(/\n/g, '\r\n')}`).ok).toBe(true);
	});

	it.each([
		['a wrong category, on its line', script.replace('category: price', 'category: cheap'), 'en/scripts/price-too-high.md:4: category: must be one of: price, competitor, results, timing, authority, need, trust, brush-off'],
		['an unknown technique, with its path', script.replace('techniques: [evidence, reframe]', 'techniques: [evidence, flattery]'), 'en/scripts/price-too-high.md:13: answers[1].techniques[1]: must be one of: acknowledge, ask, evidence, reframe, next-step'],
		['a missing field', script.replace("objection: It's too expensive.\n", ''), 'en/scripts/price-too-high.md:2: objection: is required'],
		['a single answer', script.replace(/ {2}- text: Gold[\s\S]*?Makes the cost concrete.\n/, ''), 'en/scripts/price-too-high.md:8: answers: needs at least two recommended answers'],
		['an unknown field', script.replace('knowledge:', 'colour: red\nknowledge:'), 'en/scripts/price-too-high.md:17: unknown field "colour"'],
		['an id that is not the file name', script.replace('id: price-too-high', 'id: too-pricey'), 'en/scripts/price-too-high.md:2: id "too-pricey" must match the file name "price-too-high"'],
		['a key given twice', script.replace('category: price', 'category: price\ncategory: need'), 'en/scripts/price-too-high.md:5: YAML: Map keys must be unique'],
		['broken YAML', script.replace('category: price', 'category: [price'), 'en/scripts/price-too-high.md:5: YAML: Flow sequence'],
		['no front matter', '# Just markdown\n', 'en/scripts/price-too-high.md:1: must start with front matter between two "---" lines'],
		// Found by the import fuzzer: this threw out of the importer instead of being reported.
		[
			'aliases that expand into millions of nodes, at the first alias',
			script.replace('knowledge: [membership-tiers]', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'),
			'en/scripts/price-too-high.md:18: YAML: Excessive alias count'
		]
	])('refuses %s', (_name, text, expected) => {
		const problems = problemsOf('en/scripts/price-too-high.md', text);
		expect(problems.length).toBeGreaterThan(0);
		expect(problems[0]).toContain(expected);
	});

	it('refuses an article without a body, naming the line where it should start', () => {
		expect(problemsOf('en/knowledge/membership-tiers.md', article.replace(/## Tiers[\s\S]*$/, ''))).toEqual([
			'en/knowledge/membership-tiers.md:8: the article has no text after the front matter'
		]);
	});

	it.each([
		['fr/scripts/x.md', 'unknown locale folder "fr"'],
		['en/recipes/x.md', 'unknown content folder "recipes"'],
		['en/scripts/x.yaml', 'must end in .md'],
		['en/x.md', 'content files live at']
	])('refuses a file at %s', (path, message) => {
		expect(problemsOf(path, script)[0]).toContain(message);
	});
});

describe('checkContentFiles', () => {
	it('accepts items that refer to each other in the same locale', () => {
		const result = checkContentFiles([
			{ path: 'en/scripts/price-too-high.md', text: script },
			{ path: 'en/knowledge/membership-tiers.md', text: article }
		]);
		expect(result.problems).toEqual([]);
		expect(result.items).toHaveLength(2);
	});

	it('reports a reference to an item missing from that locale, on the line that makes it', () => {
		const result = checkContentFiles([
			{ path: 'zh-TW/scripts/price-too-high.md', text: script },
			{ path: 'en/knowledge/membership-tiers.md', text: article }
		]);
		expect(result.problems.map(formatProblem)).toEqual([
			'en/knowledge/membership-tiers.md:6: refers to script "price-too-high", which does not exist in en/scripts/',
			'zh-TW/scripts/price-too-high.md:17: refers to article "membership-tiers", which does not exist in zh-TW/knowledge/'
		]);
	});
});

describe('serializeContentItem', () => {
	it('writes a file that parses back to the same item, and is stable', () => {
		const first = parseContentFile('en/scripts/price-too-high.md', script);
		if (!first.ok) throw new Error('fixture must parse');
		const written = serializeContentItem(first.item);
		const again = parseContentFile('en/scripts/price-too-high.md', written);
		if (!again.ok) throw new Error(again.problems.map(formatProblem).join('\n'));
		expect(again.item).toEqual(first.item);
		expect(serializeContentItem(again.item)).toBe(written);
	});
});
