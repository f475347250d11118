import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

/** A review card as stored: plain JSON, dates as ISO strings. */
export type StoredCard = Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string | null };

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof RATINGS)[number];

const GRADES: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

// One scheduler for everyone: default FSRS parameters, no fuzz, so that schedules are repeatable.
const scheduler = fsrs({ enable_fuzz: false });

function toStored(card: Card): StoredCard {
	return { ...card, due: card.due.toISOString(), last_review: card.last_review ? card.last_review.toISOString() : null };
}

function fromStored(card: StoredCard): Card {
	return { ...card, due: new Date(card.due), last_review: card.last_review ? new Date(card.last_review) : undefined } as Card;
}

export function newReviewCard(now: Date): StoredCard {
	return toStored(createEmptyCard(now));
}

/** Schedules the card after the rep rated their recall. */
export function reviewCard(card: StoredCard, rating: ReviewRating, now: Date): StoredCard {
	return toStored(scheduler.next(fromStored(card), now, GRADES[rating]).card);
}

/** A missed key point in practice makes the linked script's card due at once. */
export function makeDue(card: StoredCard, now: Date): StoredCard {
	return new Date(card.due).getTime() <= now.getTime() ? card : { ...card, due: now.toISOString() };
}

export function isDue(card: StoredCard, now: Date): boolean {
	return new Date(card.due).getTime() <= now.getTime();
}
