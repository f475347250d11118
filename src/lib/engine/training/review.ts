import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

/** A review card as stored: plain JSON, dates as ISO strings. */
export type StoredCard = Omit<Card, 'due' | 'last_review'> & {
	due: string;
	last_review?: string | null;
};

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof RATINGS)[number];

const GRADES: Record<ReviewRating, Grade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

// One scheduler for everyone: default FSRS parameters, no fuzz, so that schedules are repeatable.
const scheduler = fsrs({ enable_fuzz: false });

function toStored(card: Card): StoredCard {
	return {
		...card,
		due: card.due.toISOString(),
		last_review: card.last_review ? card.last_review.toISOString() : null
	};
}

function fromStored(card: StoredCard): Card {
	return {
		...card,
		due: new Date(card.due),
		last_review: card.last_review ? new Date(card.last_review) : undefined
	} as Card;
}

export function newReviewCard(now: Date): StoredCard {
	return toStored(createEmptyCard(now));
}

/**
 * The instant whose UTC date and time read as `at`'s local ones (TZ). ts-fsrs counts the days
 * since the last review by UTC calendar date; a rep's days are the organisation's, as practice
 * weeks and plans are.
 */
function localAsUtc(at: Date): Date {
	return new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
}

/**
 * Schedules the card after the rep rated their recall. Days between reviews are counted in local
 * dates: a ten-minute session that runs over UTC midnight (08:00 in Taipei, 19:00 in New York)
 * is not taken for a day's gap. The interval chosen is added to the real clock.
 */
export function reviewCard(card: StoredCard, rating: ReviewRating, now: Date): StoredCard {
	const stored = fromStored(card);
	const local = localAsUtc(now);
	const next = scheduler.next(
		{
			...stored,
			due: localAsUtc(stored.due),
			last_review: stored.last_review && localAsUtc(stored.last_review)
		},
		local,
		GRADES[rating]
	).card;
	return toStored({
		...next,
		due: new Date(now.getTime() + next.due.getTime() - local.getTime()),
		last_review: now
	});
}

/** A missed key point in practice makes the linked script's card due at once. */
export function makeDue(card: StoredCard, now: Date): StoredCard {
	return new Date(card.due).getTime() <= now.getTime() ? card : { ...card, due: now.toISOString() };
}

export function isDue(card: StoredCard, now: Date): boolean {
	return new Date(card.due).getTime() <= now.getTime();
}
