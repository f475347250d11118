import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openDatabase } from '../db';
import { ITEM_VALUES_KEPT, builtFromContentItem, contentTitles, findContent, listContentFields, replaceAllContent, upsertContentItem } from './store';
import type { ContentItem, ContentLocale } from '$lib/engine/content';

function article(id: string, locale: ContentLocale, title: string): ContentItem {
	return { kind: 'article', locale, id, data: { id, title, category: 'product', summary: `About ${title}`, scripts: [] }, body: 'Text.' };
}

const dir = mkdtempSync(join(tmpdir(), 'rehearse-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('content lists', () => {
	it('give the fields asked for, one per id, in the preferred language where it exists', () => {
		const db = createTestDatabase();
		replaceAllContent(db, [article('tiers', 'en', 'Tiers'), article('tiers', 'zh-TW', '會員等級'), article('rules', 'zh-TW', '公司規定')]);
		expect(listContentFields(db, 'article', 'en', ['title', 'summary'])).toEqual([
			{ id: 'rules', locale: 'zh-TW', title: '公司規定', summary: 'About 公司規定' },
			{ id: 'tiers', locale: 'en', title: 'Tiers', summary: 'About Tiers' }
		]);
		expect(contentTitles(db, 'article', ['tiers', 'missing', 'rules'], 'zh-TW')).toEqual([
			{ id: 'tiers', title: '會員等級' },
			{ id: 'rules', title: '公司規定' }
		]);
		expect(findContent(db, 'article', 'rules', 'en')?.locale).toBe('zh-TW');
	});

	it('show a published change at once', () => {
		const db = createTestDatabase();
		replaceAllContent(db, [article('tiers', 'en', 'Tiers')]);
		expect(listContentFields(db, 'article', 'en', ['title']).map((a) => a.title)).toEqual(['Tiers']);
		upsertContentItem(db, article('tiers', 'en', 'Membership tiers'));
		expect(listContentFields(db, 'article', 'en', ['title']).map((a) => a.title)).toEqual(['Membership tiers']);
		replaceAllContent(db, [article('rules', 'en', 'Rules')]);
		expect(listContentFields(db, 'article', 'en', ['title']).map((a) => a.id)).toEqual(['rules']);
	});

	it('show a change made by another process (content:sync beside a running server)', () => {
		const path = join(dir, 'shared.db');
		const server = openDatabase(path);
		const other = openDatabase(path);
		try {
			replaceAllContent(server, [article('tiers', 'en', 'Tiers')]);
			expect(listContentFields(server, 'article', 'en', ['title']).map((a) => a.title)).toEqual(['Tiers']);
			replaceAllContent(other, [article('tiers', 'en', 'Tiers, renamed'), article('rules', 'en', 'Rules')]);
			expect(listContentFields(server, 'article', 'en', ['title']).map((a) => a.title)).toEqual(['Rules', 'Tiers, renamed']);
		} finally {
			server.$client.close();
			other.$client.close();
		}
	});
});

describe('values built per item', () => {
	it('are built once, and again after any publish', () => {
		const db = createTestDatabase();
		replaceAllContent(db, [article('tiers', 'en', 'Tiers')]);
		let builds = 0;
		const title = () => builtFromContentItem(db, 'title:tiers', () => (builds++, findContent(db, 'article', 'tiers', 'en')!.data.title));
		expect([title(), title()]).toEqual(['Tiers', 'Tiers']);
		expect(builds).toBe(1);
		upsertContentItem(db, article('tiers', 'en', 'Membership tiers'));
		expect(title()).toBe('Membership tiers');
		expect(builds).toBe(2);
	});

	it('keep only the most recently used', () => {
		const db = createTestDatabase();
		const builds = new Map<string, number>();
		const value = (key: string) => builtFromContentItem(db, key, () => builds.set(key, (builds.get(key) ?? 0) + 1));
		value('first');
		for (let i = 1; i < ITEM_VALUES_KEPT; i++) value(`item-${i}`);
		value('first'); // used again: now the most recent, so item-1 is the oldest
		value('one-too-many');
		value('first');
		value('item-1');
		expect(builds.get('first')).toBe(1);
		expect(builds.get('item-1')).toBe(2);
	});
});
