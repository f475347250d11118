import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { peopleIn } from '../testing/people';
import { addTeamMember, createTeam } from '../accounts/teams';
import { dashboardRows, followedReps } from '../team/dashboard';
import {
	countDueCards,
	addLibraryCards,
	entriesWithoutCard,
	ensureReviewCards,
	makeScriptDue,
	nextDueCard,
	rateReviewCard
} from './review-cards';
import { insertUser } from '../accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { findContent, listContentFields, upsertContentItem } from '../content/store';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';

function setUp() {
	const db = createTestDatabase();
	const person = peopleIn(db);
	const manager = person('lead', ['manager']);
	const rep = person('rep', ['rep']);
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, manager.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	/** What the rep's review page and the manager's dashboard say is due at `now`. */
	const dueAt = (now: Date) => ({
		count: countDueCards(db, rep.id, now),
		next: nextDueCard(db, rep.id, now)?.scriptId ?? null,
		dashboard: dashboardRows(db, followedReps(db, manager), now)[0]!.cardsOverdue
	});
	return { db, rep, dueAt };
}

describe.each(TIME_ZONES)('review cards due in %s', (zone) => {
	inTimeZone(zone);

	it.each([
		{ what: 'midnight', at: [2026, 6, 1] },
		{ what: 'a week end (Sunday night)', at: [2026, 6, 5] },
		{ what: 'a month end', at: [2026, 1, 28] },
		{ what: 'the year end', at: [2026, 11, 31] },
		{ what: 'the night before the clocks go forward (New York)', at: [2026, 2, 7] }
	] as const)(
		'are counted from the instant they fall due, over $what',
		({ at: [year, month, day] }) => {
			const { db, rep, dueAt } = setUp();
			const evening = new Date(year, month, day, 23, 59, 30);
			ensureReviewCards(db, rep.id, ['price', 'timing'], evening);
			expect(dueAt(new Date(evening.getTime() - 1))).toEqual({
				count: 0,
				next: null,
				dashboard: 0
			});
			expect(dueAt(evening)).toEqual({ count: 2, next: 'price', dashboard: 2 });
			// Again: back in a minute, after midnight. Easy: days later.
			expect(rateReviewCard(db, rep.id, 'price', 'again', evening)).toBe(true);
			expect(rateReviewCard(db, rep.id, 'timing', 'easy', evening)).toBe(true);
			const again = nextDueCard(db, rep.id, new Date(year, month, day + 365))!;
			expect(again.scriptId).toBe('price');
			const dueAgain = new Date(again.card.due);
			expect(dueAgain.getDate()).not.toBe(day);
			expect(dueAt(new Date(dueAgain.getTime() - 1))).toEqual({
				count: 0,
				next: null,
				dashboard: 0
			});
			expect(dueAt(dueAgain)).toEqual({ count: 1, next: 'price', dashboard: 1 });
			// A card that is not due cannot be rated early, even a minute before.
			expect(
				rateReviewCard(db, rep.id, 'price', 'good', new Date(dueAgain.getTime() - 60_000))
			).toBe(false);
			// A missed key point in practice brings the Easy card back at once.
			makeScriptDue(db, rep.id, 'timing', dueAgain);
			expect(dueAt(dueAgain)).toEqual({ count: 2, next: 'price', dashboard: 2 });
		}
	);
});

describe('review cards for the whole library', () => {
	it('lists the entries a rep has no card for, adds them only when asked, keeps ratings, and offers an entry published later', () => {
		const db = createTestDatabase();
		loadShippedContent(db);
		const rep = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		const now = new Date('2026-11-26T09:00:00Z');
		const entries = listContentFields(db, 'script', 'en', ['title']).length;
		expect(entries).toBeGreaterThan(10);

		// Nothing is made by looking: the page reads what is missing.
		expect(entriesWithoutCard(db, rep.id, 'en')).toHaveLength(entries);
		expect(countDueCards(db, rep.id, now)).toBe(0);
		expect(addLibraryCards(db, rep.id, 'en', now)).toBe(entries);
		expect(entriesWithoutCard(db, rep.id, 'en')).toEqual([]);
		expect(countDueCards(db, rep.id, now)).toBe(entries);
		rateReviewCard(db, rep.id, 'price-too-high', 'easy', now);
		expect(addLibraryCards(db, rep.id, 'en', now)).toBe(0);
		expect(countDueCards(db, rep.id, now)).toBe(entries - 1);

		const script = findContent(db, 'script', 'price-too-high', 'en')!;
		upsertContentItem(
			db,
			{ ...script, id: 'brand-new-entry', data: { ...script.data, id: 'brand-new-entry' } },
			now
		);
		expect(entriesWithoutCard(db, rep.id, 'en')).toEqual(['brand-new-entry']);
		expect(addLibraryCards(db, rep.id, 'en', now)).toBe(1);
		expect(countDueCards(db, rep.id, now)).toBe(entries);
	});
});
