import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { replaceAllContent, upsertContentItem } from '../content/store';
import { isBookmarked, markArticleRead, scriptEntry, setBookmark } from './library';
import { articleReads } from '../db/schema';
import type { ContentItem, ContentLocale } from '$lib/engine/content/index';

function script(locale: ContentLocale, title: string, body = 'Ask **why** first.'): ContentItem {
	return {
		kind: 'script',
		locale,
		id: 'price-too-high',
		data: {
			id: 'price-too-high',
			title,
			category: 'price',
			objection: 'Too expensive.',
			variants: ['Way too much.'],
			answers: [
				{ text: 'How many inquiries a month?', techniques: ['ask'], why: 'Numbers first.' }
			],
			mistakes: ['Cutting the price.'],
			knowledge: ['tiers']
		},
		body
	} as ContentItem;
}

function article(title: string): ContentItem {
	return {
		kind: 'article',
		locale: 'en',
		id: 'tiers',
		data: { id: 'tiers', title, category: 'product', summary: 'About tiers', scripts: [] },
		body: 'Text.'
	};
}

describe('a script entry', () => {
	it('shows the script, its notes rendered and sanitized, and its related articles', () => {
		const db = createTestDatabase();
		replaceAllContent(db, [
			script('en', "It's too expensive", 'Ask **why** first. <script>alert(1)</script>'),
			article('Membership tiers')
		]);
		const entry = scriptEntry(db, 'price-too-high', 'en')!;
		expect(entry).toMatchObject({
			locale: 'en',
			title: "It's too expensive",
			category: 'price',
			objection: 'Too expensive.',
			variants: ['Way too much.'],
			mistakes: ['Cutting the price.']
		});
		expect(entry.answers).toEqual([
			{ text: 'How many inquiries a month?', techniques: ['ask'], why: 'Numbers first.' }
		]);
		expect(entry.notesHtml).toContain('<strong>why</strong>');
		expect(entry.notesHtml).not.toContain('<script>');
		expect(entry.related).toEqual([{ id: 'tiers', title: 'Membership tiers' }]);
		expect(scriptEntry(db, 'missing', 'en')).toBeNull();
	});

	it('falls back to the other language, and shows a published change at once', () => {
		const db = createTestDatabase();
		replaceAllContent(db, [script('zh-TW', '太貴了'), article('Tiers')]);
		expect(scriptEntry(db, 'price-too-high', 'en')).toMatchObject({
			locale: 'zh-TW',
			title: '太貴了'
		});
		upsertContentItem(db, script('en', "It's too expensive", 'New **notes**.'));
		expect(scriptEntry(db, 'price-too-high', 'en')).toMatchObject({
			locale: 'en',
			title: "It's too expensive",
			notesHtml: '<p>New <strong>notes</strong>.</p>\n'
		});
		// A related article's new title shows too: it is part of the same content.
		upsertContentItem(db, article('Membership tiers'));
		expect(scriptEntry(db, 'price-too-high', 'en')!.related).toEqual([
			{ id: 'tiers', title: 'Membership tiers' }
		]);
	});

	it("knows whether the reader has bookmarked it, and nobody else's bookmark counts", () => {
		const db = createTestDatabase();
		const reader = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		const other = insertUser(db, {
			email: 'other@example.com',
			name: 'Other',
			passwordHash: 'x',
			roles: ['rep']
		});
		setBookmark(db, other.id, 'price-too-high', true);
		expect(isBookmarked(db, reader.id, 'price-too-high')).toBe(false);
		setBookmark(db, reader.id, 'price-too-high', true);
		expect(isBookmarked(db, reader.id, 'price-too-high')).toBe(true);
		setBookmark(db, reader.id, 'price-too-high', false);
		expect(isBookmarked(db, reader.id, 'price-too-high')).toBe(false);
	});
});

describe('reading an article', () => {
	it('is recorded once, at the first visit, however often the article is opened again', async () => {
		const db = createTestDatabase();
		const rep = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		markArticleRead(db, rep.id, 'tiers');
		const [first] = db.select().from(articleReads).all();
		await new Promise((resolve) => setTimeout(resolve, 5));
		markArticleRead(db, rep.id, 'tiers');
		markArticleRead(db, rep.id, 'other');
		expect(db.select().from(articleReads).all()).toEqual(
			expect.arrayContaining([
				first,
				expect.objectContaining({ userId: rep.id, articleId: 'other' })
			])
		);
		expect(db.select().from(articleReads).all()).toHaveLength(2);
	});
});
