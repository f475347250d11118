import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { prepared, type Db } from './db';
import { reviewCards } from './db/schema';
import { builtFromContent, listContentFields } from './content/store';
import type { ContentLocale } from '$lib/engine/content';
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
 * statement for the whole list: the review page calls this on every visit, with every entry of the
 * library (over a thousand in a large one).
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

/**
 * `ensureReviewCards` for every entry of the library in a language, once per rep until the content
 * changes (this process remembers whom it has done): the review page calls it on every visit, and
 * cards are only ever added, so a rep done since the last change has them all.
 */
export function ensureLibraryCards(
	db: Db,
	userId: string,
	locale: ContentLocale,
	now = new Date()
): void {
	const done = builtFromContent(db, `review-cards-made:${locale}`, () => new Set<string>());
	if (done.has(userId)) return;
	ensureReviewCards(
		db,
		userId,
		listContentFields(db, 'script', locale, ['title']).map((s) => s.id),
		now
	);
	done.add(userId);
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
