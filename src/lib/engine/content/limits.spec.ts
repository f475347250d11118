import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkContentFiles, MAX_EXAMPLES, MAX_FILE_CHARS, MAX_MARKDOWN_DEPTH, MAX_TRIES, NOTHING_PUBLISHED } from './index';
import { shippedLexicons } from './shipped-lexicons.fixture';
import { playtestScenario } from '../scenario';

const ARTICLE_PATH = 'en/knowledge/membership-tiers.md';
const article = (body: string) => `---\nid: membership-tiers\ntitle: Membership tiers\ncategory: product\nsummary: The three tiers.\n---\n${body}`;
// The shipped scenarios' cues cite the shipped lexicons' intents.
const published = { ...NOTHING_PUBLISHED, lexicons: shippedLexicons() };
const problemsOf = (path: string, text: string) => checkContentFiles([{ path, text }], published).problems;

describe('size limits every way content arrives shares (the editor, an import, content:sync)', () => {
	it(`refuses a file over ${MAX_FILE_CHARS} characters at the line where it crosses the limit`, () => {
		const line = 'A line of an article that goes on and on about membership tiers.\n';
		const fits = article('x'.repeat(MAX_FILE_CHARS - article('').length));
		expect(problemsOf(ARTICLE_PATH, fits)).toEqual([]);
		const long = article(line.repeat(Math.ceil((MAX_FILE_CHARS * 27) / line.length)));
		const problems = problemsOf(ARTICLE_PATH, long);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toMatch(/^the file is longer than 200,000 characters \(it has 5,4\d\d,\d{3}\)/);
		expect(problems[0]!.line).toBe(long.slice(0, MAX_FILE_CHARS).split('\n').length);
	});

	it('refuses Markdown nested deeper than the renderer can take, with the line, outside code blocks only', () => {
		const bomb = problemsOf(ARTICLE_PATH, article('Intro.\n\n' + '> '.repeat(50_000)));
		expect(bomb).toEqual([{ file: ARTICLE_PATH, line: 9, message: `Markdown nests quotes and lists more than ${MAX_MARKDOWN_DEPTH} levels deep here: flatten it`, code: 'markdown-too-deep', values: { limit: MAX_MARKDOWN_DEPTH } }]);
		for (const deep of ['1. '.repeat(60_000), '> - '.repeat(30_000), Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')]) {
			expect(problemsOf(ARTICLE_PATH, article(deep)).map((p) => p.message), deep.slice(0, 20)).toEqual([expect.stringContaining('levels deep')]);
		}
		const allowed = ['> '.repeat(MAX_MARKDOWN_DEPTH) + 'quoted', Array.from({ length: MAX_MARKDOWN_DEPTH / 2 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'), '```\n' + ' '.repeat(80) + 'code\n```', '- a list\n- of items\n\n> a quote'];
		for (const text of allowed) expect(problemsOf(ARTICLE_PATH, article(text)), text).toEqual([]);
	});
});

describe('limits that keep the playtest short', () => {
	// Without its links to script entries, which these checks have no files for.
	const scenario = readFileSync('content/en/scenarios/renewal-price-objection.yaml', 'utf8').replace(/^ +script: .*\n/gm, '');
	const path = 'en/scenarios/renewal-price-objection.yaml';

	it(`refuses more than ${MAX_EXAMPLES} examples a list and a maxTries over ${MAX_TRIES}, naming the line`, () => {
		const many = scenario.replace(/\nexamples:\n[\s\S]*$/, `\nexamples:\n  good:\n${'    - Hi.\n'.repeat(8_000)}`);
		const line = many.split('\n').indexOf('  good:') + 1;
		expect(problemsOf(path, many)).toEqual([{ file: path, line, message: `examples.good: has more than ${MAX_EXAMPLES} examples`, code: 'too-many', values: { path: ['examples', 'good'], max: MAX_EXAMPLES } }]);
		const looping = scenario.replace('maxTries: 2', 'maxTries: 1000000000');
		const loopLine = looping.split('\n').findIndex((l) => l.includes('maxTries: 1000000000')) + 1;
		expect(problemsOf(path, looping)).toEqual([expect.objectContaining({ line: loopLine, message: expect.stringContaining(`must be at most ${MAX_TRIES}`) })]);
	});

	it('plays at most one turn per allowed example, even on a beat that loops to itself', () => {
		const looping = scenario.replace('maxTries: 2, goto: greet', `maxTries: ${MAX_TRIES}, goto: greet`).replace(/\nexamples:\n[\s\S]*$/, `\nexamples:\n  good:\n${'    - Hm.\n'.repeat(MAX_EXAMPLES)}`);
		const { items, problems } = checkContentFiles([{ path, text: looping }], published);
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('playtest: the good examples must win')]);
		const item = items[0];
		if (item?.kind !== 'scenario') throw new Error('no scenario');
		expect(playtestScenario(item.data).runs[0]!.path.length).toBeLessThanOrEqual(MAX_EXAMPLES + 1);
	});
});
