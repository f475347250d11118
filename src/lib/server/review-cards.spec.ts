import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db';
import { insertUser } from './accounts';
import { syncContentOnFirstStart } from './bootstrap';
import { findContent, listContentFields, upsertContentItem } from './content/store';
import { countDueCards, ensureLibraryCards, rateReviewCard } from './review-cards';

describe('review cards for the whole library', () => {
	it('gives a rep a card for every entry, keeps their ratings on later visits, and adds an entry published later', () => {
		const db = createTestDatabase();
		syncContentOnFirstStart(db, 'content', () => {});
		const rep = insertUser(db, { email: 'rep@example.com', name: 'Rep', passwordHash: 'x', roles: ['rep'] });
		const now = new Date('2026-11-26T09:00:00Z');
		const entries = listContentFields(db, 'script', 'en', ['title']).length;

		ensureLibraryCards(db, rep.id, 'en', now);
		expect(countDueCards(db, rep.id, now)).toBe(entries);
		rateReviewCard(db, rep.id, 'price-too-high', 'easy', now);
		ensureLibraryCards(db, rep.id, 'en', now);
		expect(countDueCards(db, rep.id, now)).toBe(entries - 1);

		const script = findContent(db, 'script', 'price-too-high', 'en')!;
		upsertContentItem(db, { ...script, id: 'brand-new-entry', data: { ...script.data, id: 'brand-new-entry' } }, now);
		ensureLibraryCards(db, rep.id, 'en', now);
		expect(countDueCards(db, rep.id, now)).toBe(entries);
	});
});
