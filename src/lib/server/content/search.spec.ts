import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db';
import { replaceAllContent } from './store';
import { highlight, searchContent } from './search';
import type { ContentItem } from '$lib/engine/content';

function script(id: string, locale: 'en' | 'zh-TW', title: string, objection: string, extra = ''): ContentItem {
	return {
		kind: 'script',
		locale,
		id,
		body: extra,
		data: {
			id,
			title,
			category: 'price',
			objection,
			variants: ['—'],
			answers: [
				{ text: 'a', techniques: ['ask'], why: 'b' },
				{ text: 'c', techniques: ['ask'], why: 'd' }
			],
			mistakes: ['e'],
			knowledge: []
		}
	};
}

function article(id: string, locale: 'en' | 'zh-TW', title: string, body: string): ContentItem {
	return { kind: 'article', locale, id, body, data: { id, title, category: 'competitors', summary: 'summary', scripts: [] } };
}

function setUp() {
	const db = createTestDatabase();
	replaceAllContent(db, [
		script('price-too-high', 'zh-TW', '「太貴了」:年費超出預算', '你們一年兩萬多,太貴了。'),
		script('already-use-another-platform', 'zh-TW', '「我們已經在用別家平台」', '我們已經在百業通刊登了。'),
		script('price-too-high', 'en', '“It’s too expensive”', 'Twenty thousand a year? Too expensive.'),
		script('already-use-another-platform', 'en', '“We already use another platform”', 'We already list with a competitor.', 'Never badmouth a competitor.'),
		article('competitor-baiyetong', 'en', 'Competitor profile: BaiYeTong', 'BaiYeTong is a general directory. Competitor pricing is low.'),
		article('industry-chain', 'zh-TW', '產業鏈上中下游', '上游是鋼鐵廠,中游是扣件廠。')
	]);
	return db;
}

const ids = (hits: { id: string; locale: string }[]) => hits.map((h) => `${h.locale}/${h.id}`);

describe('searchContent', () => {
	it('finds Chinese content by a substring (trigram), title matches first', () => {
		expect(ids(searchContent(setUp(), '太貴了'))).toEqual(['zh-TW/price-too-high']);
	});

	it('finds Traditional content from a Simplified query', () => {
		expect(ids(searchContent(setUp(), '太贵了'))).toEqual(['zh-TW/price-too-high']);
		expect(ids(searchContent(setUp(), '产业链'))).toEqual(['zh-TW/industry-chain']);
	});

	it('answers one- and two-character Chinese queries by scanning', () => {
		expect(ids(searchContent(setUp(), '太貴'))).toEqual(['zh-TW/price-too-high']);
		expect(ids(searchContent(setUp(), '貴'))).toEqual(['zh-TW/price-too-high']);
	});

	it('ranks an English title hit above body mentions, case-insensitively', () => {
		const hits = ids(searchContent(setUp(), 'COMPETITOR'));
		expect(hits[0]).toBe('en/competitor-baiyetong');
		expect(hits).toContain('en/already-use-another-platform');
	});

	it('puts items with every term before items with some of them', () => {
		expect(ids(searchContent(setUp(), 'competitor badmouth'))[0]).toBe('en/already-use-another-platform');
		expect(ids(searchContent(setUp(), 'competitor badmouth'))).toContain('en/competitor-baiyetong');
	});

	it('treats FTS5 syntax and SQL metacharacters as plain text', () => {
		const db = setUp();
		for (const query of ['"', 'NEAR(a b)', "'; drop table users; --", 'title:*', '%', '_', '\\', 'a OR b', '(((']) {
			expect(() => searchContent(db, query)).not.toThrow();
		}
		expect(searchContent(db, '%')).toEqual([]);
	});

	it('returns nothing for an empty query', () => {
		expect(searchContent(setUp(), '   ')).toEqual([]);
	});

	it('marks the matched words in the original spelling', () => {
		const [hit] = searchContent(setUp(), '太贵');
		expect(hit!.title).toEqual([
			{ text: '「', match: false },
			{ text: '太貴', match: true },
			{ text: '了」:年費超出預算', match: false }
		]);
	});
});

describe('highlight', () => {
	it('marks full-width and mixed-case text that folds to the term', () => {
		expect(highlight('Ｇｏｌｄ member', ['gold'])).toEqual([
			{ text: 'Ｇｏｌｄ', match: true },
			{ text: ' member', match: false }
		]);
	});
});

describe('searchContent with the demo pack', () => {
	async function demo() {
		const { syncContentDirectory } = await import('./sync');
		const db = createTestDatabase();
		syncContentDirectory(db, 'content');
		return db;
	}

	it.each([
		['客戶說太貴了', 'zh-TW', 'zh-TW/price-too-high'],
		['客户说太贵了', 'zh-TW', 'zh-TW/price-too-high'],
		['they already use a competitor', 'en', 'en/already-use-another-platform'],
		['競爭對手', 'zh-TW', 'zh-TW/already-use-another-platform'],
		['send me some information', 'en', 'en/send-me-material'],
		['the boss is not in', 'en', 'en/boss-not-in']
	] as const)('a sentence like %s finds the right entry first', async (query, locale, expected) => {
		expect(ids(searchContent(await demo(), query, { locale }))[0]).toBe(expected);
	});

	it('finds both competitor entries by the category name', async () => {
		expect(ids(searchContent(await demo(), 'competitor', { locale: 'en' })).slice(0, 5)).toEqual(expect.arrayContaining(['en/already-use-another-platform', 'en/competitor-is-cheaper']));
	});

	it('puts the reader’s language first', async () => {
		const hits = searchContent(await demo(), 'price', { locale: 'en' });
		expect(hits[0]!.locale).toBe('en');
	});
});
