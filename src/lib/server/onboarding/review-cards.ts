import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { prepared, type AppDb, type Db } from '../db/index';
import { completeScriptAssignments } from '../coaching/assignments';
import { reviewCards } from '../db/schema';
import { listContentFields } from '../content/store';
import type { ContentLocale } from '$lib/engine/content/index';
import {
	isDue,
	makeDue,
	newReviewCard,
	reviewCard,
	type ReviewRating,
	type StoredCard
} from '$lib/engine/training/review';

/**
 * Gives the rep a card for every script entry that has none yet (new cards are due at once). One
 * statement for the whole list, which can be every entry of a large library (over a thousand).
 */
export function ensureReviewCards(
	db: Db,
	userId: string,
	scriptIds: readonly string[],
	now = new Date()
): void {
	const card = newReviewCard(now);
	db.run(sql`
		insert into ${reviewCards} (${sql.identifier(reviewCards.userId.name)}, ${sql.identifier(reviewCards.scriptId.name)}, ${sql.identifier(reviewCards.card.name)}, ${sql.identifier(reviewCards.dueAt.name)}, ${sql.identifier(reviewCards.updatedAt.name)})
		select ${userId}, value, ${JSON.stringify(card)}, ${new Date(card.due).getTime()}, ${now.getTime()} from json_each(${JSON.stringify(scriptIds)})
		where true -- lets SQLite read the ON CONFLICT below as an upsert clause
		on conflict do nothing`);
}

/** The ids of the library's script entries in a language that the rep has no card for yet. */
export function entriesWithoutCard(db: Db, userId: string, locale: ContentLocale): string[] {
	const ids = listContentFields(db, 'script', locale, ['title']).map((s) => s.id);
	const carded = new Set(
		db
			.select({ scriptId: reviewCards.scriptId })
			.from(reviewCards)
			.where(eq(reviewCards.userId, userId))
			.all()
			.map((row) => row.scriptId)
	);
	return ids.filter((id) => !carded.has(id));
}

/**
 * The rep starts reviewing the entries of the library they have no card for (all of them the first
 * time, those published since afterwards): a form action, so a page load never writes.
 */
export function addLibraryCards(
	db: Db,
	userId: string,
	locale: ContentLocale,
	now = new Date()
): number {
	const ids = entriesWithoutCard(db, userId, locale);
	ensureReviewCards(db, userId, ids, now);
	return ids.length;
}

// Home and review read these on every visit: prepared once (building the query cost more than running it).
const due = () =>
	and(
		eq(reviewCards.userId, sql.placeholder('userId')),
		lte(reviewCards.dueAt, sql.placeholder('now'))
	);

export function countDueCards(db: Db, userId: string, now = new Date()): number {
	const statement = prepared(db, 'review-count-due', () =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(reviewCards)
			.where(due())
			.prepare()
	);
	return statement.get({ userId, now: now.getTime() })?.n ?? 0;
}

export function nextDueCard(
	db: Db,
	userId: string,
	now = new Date()
): { scriptId: string; card: StoredCard } | undefined {
	const statement = prepared(db, 'review-next-due', () =>
		db
			.select({ scriptId: reviewCards.scriptId, card: reviewCards.card })
			.from(reviewCards)
			.where(due())
			.orderBy(asc(reviewCards.dueAt))
			.limit(1)
			.prepare()
	);
	const row = statement.get({ userId, now: now.getTime() });
	return row ? { scriptId: row.scriptId, card: row.card } : undefined;
}

/** Records the rep's rating of a card that is due; a card that is not due is left alone. */
export function rateReviewCard(
	db: Db,
	userId: string,
	scriptId: string,
	rating: ReviewRating,
	now = new Date()
): boolean {
	const row = db
		.select()
		.from(reviewCards)
		.where(and(eq(reviewCards.userId, userId), eq(reviewCards.scriptId, scriptId)))
		.get();
	if (!row || !isDue(row.card, now)) return false;
	const card = reviewCard(row.card, rating, now);
	db.update(reviewCards)
		.set({ card, dueAt: new Date(card.due), updatedAt: now })
		.where(and(eq(reviewCards.userId, userId), eq(reviewCards.scriptId, scriptId)))
		.run();
	return true;
}

/**
 * The rep's rating of a due card, from the review page. Reviewing the entry's card is reviewing
 * the entry: an assignment to review it is done with the rating, in the same transaction.
 */
export function reviewEntry(
	db: AppDb,
	userId: string,
	scriptId: string,
	rating: ReviewRating,
	now = new Date()
): void {
	db.transaction(() => {
		if (rateReviewCard(db, userId, scriptId, rating, now))
			completeScriptAssignments(db, userId, scriptId, now);
	});
}

/** A practice reply that missed key points makes the linked script entry's card due now. */
export function makeScriptDue(db: Db, userId: string, scriptId: string, now = new Date()): void {
	// Runs inside a role-play turn: prepared once, as the turn's own writes are.
	const p = sql.placeholder;
	const statements = prepared(db, 'script-due', () => ({
		find: db
			.select({ card: reviewCards.card })
			.from(reviewCards)
			.where(and(eq(reviewCards.userId, p('userId')), eq(reviewCards.scriptId, p('scriptId'))))
			.prepare(),
		save: db
			.insert(reviewCards)
			.values({
				userId: p('userId'),
				scriptId: p('scriptId'),
				card: p('card'),
				dueAt: p('dueAt'),
				updatedAt: p('updatedAt')
			})
			.onConflictDoUpdate({
				target: [reviewCards.userId, reviewCards.scriptId],
				set: {
					card: sql`excluded.card`,
					dueAt: sql`excluded.due_at`,
					updatedAt: sql`excluded.updated_at`
				}
			})
			.prepare()
	}));
	const row = statements.find.get({ userId, scriptId });
	const card = makeDue(row?.card ?? newReviewCard(now), now);
	statements.save.run({ userId, scriptId, card, dueAt: new Date(card.due), updatedAt: now });
}
