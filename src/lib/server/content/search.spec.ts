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

	it('needs every term (AND)', () => {
		expect(ids(searchContent(setUp(), 'competitor badmouth'))).toEqual(['en/already-use-another-platform']);
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
