import { describe, expect, it } from 'vitest';
import { isDue, newReviewCard, reviewCard, type ReviewRating, type StoredCard } from './review';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';

const DAY = 24 * 3600_000;

/** A new card rated at `start` and then again each time it falls due; the days from each review to the next due date. */
function session(
	start: Date,
	ratings: readonly ReviewRating[]
): { card: StoredCard; days: number[] } {
	let card = newReviewCard(start);
	let at = start;
	const days: number[] = [];
	for (const rating of ratings) {
		card = reviewCard(card, rating, at);
		const due = new Date(card.due);
		days.push((due.getTime() - at.getTime()) / DAY);
		at = due;
	}
	return { card, days };
}

describe.each(TIME_ZONES)('review due dates in %s', (zone) => {
	inTimeZone(zone);

	it('a ten-minute session over UTC midnight is scheduled like one at noon: days are local dates', () => {
		// UTC midnight is 08:00 in Taipei and 19:00 in New York in winter.
		const overUtcMidnight = session(new Date(Date.UTC(2027, 0, 1) - 5 * 60_000), [
			'good',
			'good',
			'good'
		]);
		const atNoon = session(new Date(2026, 11, 31, 12, 0), ['good', 'good', 'good']);
		expect(overUtcMidnight.days).toEqual(atNoon.days);
		expect(atNoon.days.slice(0, 2)).toEqual([10 / (24 * 60), 2]);
	});

	it('a session over local midnight counts a day between its reviews', () => {
		const overMidnight = session(new Date(2026, 11, 31, 23, 55), ['good', 'good']);
		expect(overMidnight.days).toEqual([10 / (24 * 60), 7]);
		expect(new Date(overMidnight.card.last_review!).getDate()).toBe(1);
	});

	it.each([
		{ what: 'a week end', at: [2026, 6, 5, 23, 0] },
		{ what: 'a month end', at: [2026, 0, 31, 23, 0] },
		{ what: 'the year end', at: [2026, 11, 31, 23, 0] },
		{ what: 'the spring clock change', at: [2026, 2, 7, 23, 0] },
		{ what: 'the autumn clock change', at: [2026, 9, 31, 23, 0] }
	] as const)(
		'a card is due at the instant scheduled, not before, over $what',
		({ at: [year, month, day, hour, minute] }) => {
			const reviewed = new Date(year, month, day, hour, minute);
			for (const rating of ['again', 'hard', 'good', 'easy'] as const) {
				const card = reviewCard(newReviewCard(reviewed), rating, reviewed);
				const due = new Date(card.due).getTime();
				expect(due).toBeGreaterThan(reviewed.getTime());
				expect(isDue(card, new Date(due - 1))).toBe(false);
				expect(isDue(card, new Date(due))).toBe(true);
			}
			// Easy on a new card: whole days of 24 hours, into the next week, month or year.
			const easy = reviewCard(newReviewCard(reviewed), 'easy', reviewed);
			expect((new Date(easy.due).getTime() - reviewed.getTime()) % DAY).toBe(0);
			expect(new Date(easy.due).getDate()).not.toBe(day);
		}
	);
});
