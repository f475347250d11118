import { describe, expect, it } from 'vitest';
import {
	checkContentFiles,
	CONTENT_LOCALES,
	contentPath,
	parseContentFile,
	readDraft,
	writeDraft,
	type ContentKind
} from '../content';
import { CONTENT_KINDS } from '../content/kinds';
import { placeholdersIn, placeholdersOf, proposeId, templateFor } from './templates';

const KINDS = Object.keys(CONTENT_KINDS) as ContentKind[];

/** Every text a reader of the item sees: string values, but not ids, codes and enum values. */
function shownTexts(value: unknown, key = ''): string[] {
	if (typeof value === 'string')
		return [
			'id',
			'category',
			'techniques',
			'type',
			'difficulty',
			'criterion',
			'goto',
			'start',
			'end',
			'quality',
			'criteria',
			'mode',
			'rubric',
			'knowledge',
			'scripts',
			'items',
			'scenario'
		].includes(key)
			? []
			: [value];
	if (Array.isArray(value)) return value.flatMap((item) => shownTexts(item, key));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => shownTexts(v, k));
	return [];
}

describe('the templates of new items', () => {
	for (const locale of CONTENT_LOCALES)
		for (const kind of KINDS)
			it(`${kind} in ${locale}: a valid file with the trainer's title, whose placeholders are each found on their line`, () => {
				const title =
					locale === 'zh-TW' ? '太貴了：客戶說「再想想」' : 'Too expensive: "think it over"';
				const text = templateFor(kind, 'new-item', locale, title);
				const parsed = parseContentFile(contentPath({ kind, locale, id: 'new-item' }), text);
				if (!parsed.ok)
					throw new Error(parsed.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
				expect((parsed.item.data as { title: string }).title).toBe(title);
				const left = placeholdersIn(kind, locale, text);
				expect(new Set(left.map((p) => p.placeholder))).toEqual(
					new Set(placeholdersOf(kind, locale))
				);
				for (const { line, placeholder } of left)
					expect(text.split('\n')[line - 1]).toContain(placeholder);
				if (locale === 'zh-TW')
					expect(
						shownTexts(parsed.item.data).filter((shown) => /[A-Za-z]{2,}/.test(shown))
					).toEqual([]);
			});

	it('finds the placeholders again after the form has rewritten the file', () => {
		for (const locale of CONTENT_LOCALES)
			for (const kind of ['script', 'article', 'rubric', 'curriculum', 'quiz'] as const) {
				const text = templateFor(kind, 'new-item', locale, 'T');
				const read = readDraft(kind, text);
				if (!read.ok) throw new Error(read.message);
				expect(
					placeholdersIn(kind, locale, writeDraft(read.draft)).length,
					`${kind} ${locale}`
				).toBe(placeholdersIn(kind, locale, text).length);
			}
	});

	for (const locale of CONTENT_LOCALES)
		it(`a series in ${locale} passes the checks once the form picks its calls and words their facts`, () => {
			// Two published scenarios: new ones from the template, the second setting a fact the notes must word.
			const first = templateFor('scenario', 'call-one', locale, 'One');
			const second = templateFor('scenario', 'call-two', locale, 'Two').replace(
				'goto: won }',
				'goto: won, set: { trial-started: true } }'
			);
			const read = readDraft('series', templateFor('series', 'new-series', locale, 'A series'));
			if (!read.ok) throw new Error(read.message);
			const path = contentPath({ kind: 'series', locale, id: 'new-series' });
			const check = () =>
				checkContentFiles([
					{ path: `${locale}/scenarios/call-one.yaml`, text: first },
					{ path: `${locale}/scenarios/call-two.yaml`, text: second },
					{ path, text: writeDraft(read.draft) }
				]).problems.map((p) => p.code);
			expect(check()).toEqual(['missing-reference', 'missing-reference']);
			read.draft.data.calls[0]!.scenario = 'call-one';
			read.draft.data.calls[1]!.scenario = 'call-two';
			expect(check()).toEqual(['series-fact-no-note']);
			read.draft.data.notes = { 'trial-started': 'Trial started.' };
			expect(check()).toEqual([]);
		});

	it('names the scenario’s beats in Chinese for a zh-TW trainer, and leaves English ids as they are', () => {
		const beatsOf = (locale: 'en' | 'zh-TW') => {
			const parsed = parseContentFile(
				contentPath({ kind: 'scenario', locale, id: 'x' }),
				templateFor('scenario', 'x', locale, 'T')
			);
			if (!parsed.ok || parsed.item.kind !== 'scenario') throw new Error('unreadable template');
			return Object.entries(parsed.item.data.beats).map(([id, beat]) => [id, beat.name ?? null]);
		};
		expect(beatsOf('zh-TW')).toEqual([
			['greet', '開場'],
			['won', '成交'],
			['lost', '沒成']
		]);
		expect(beatsOf('en')).toEqual([
			['greet', null],
			['won', null],
			['lost', null]
		]);
	});

	it('does not take a placeholder inside a longer text, or another language’s', () => {
		const script = templateFor('script', 'x', 'en', 'T').replace(
			'Why this answer works.',
			'Why this answer works: it asks.'
		);
		expect(
			placeholdersIn('script', 'en', script).filter(
				(p) => p.placeholder === 'Why this answer works.'
			)
		).toHaveLength(1);
		expect(placeholdersIn('script', 'zh-TW', templateFor('script', 'x', 'en', 'T'))).toEqual([]);
	});
});

describe('the id proposed from a title', () => {
	const none = new Set<string>();
	it('is the title’s words in lower case, numbered when taken', () => {
		expect(proposeId('scenario', 'Too expensive!', none)).toBe('too-expensive');
		expect(
			proposeId('scenario', 'Too expensive!', new Set(['too-expensive', 'too-expensive-2']))
		).toBe('too-expensive-3');
	});

	it('is the kind and a free number for a title in Chinese', () => {
		expect(proposeId('scenario', '需要問老闆', none)).toBe('scenario-1');
		expect(proposeId('script', '太貴了', new Set(['script-1', 'script-2']))).toBe('script-3');
		expect(proposeId('script', '太貴了 B2B', none)).toBe('b2b');
	});

	it('stays within 80 characters', () => {
		const id = proposeId(
			'article',
			'word '.repeat(40),
			new Set([proposeId('article', 'word '.repeat(40), none)])
		);
		expect(id.length).toBeLessThanOrEqual(80);
		expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});
});
