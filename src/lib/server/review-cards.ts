import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { prepared, type Db } from './db';
import { contentItems, reviewCards, users } from './db/schema';
import { isDue, makeDue, newReviewCard, reviewCard, type ReviewRating, type StoredCard } from '$lib/engine/training/review';

/*
 * Every script entry of the library starts due for every user: a card is made, due at once, when
 * the user is created (`insertUser`) and when an entry is published (`replaceAllContent`,
 * `upsertContentItem`), in that write's transaction. The review page only reads.
 */

/** The columns a new card is inserted with, in order. */
function cardColumns() {
	return sql.join(
		[reviewCards.userId, reviewCards.scriptId, reviewCards.card, reviewCards.dueAt, reviewCards.updatedAt].map((column) => sql.identifier(column.name)),
		sql`, `
	);
}

/** Gives a user a card for each of these script entries that has none yet (new cards are due at once). One statement. */
export function ensureReviewCards(db: Db, userId: string, scriptIds: readonly string[], now = new Date()): void {
	const card = newReviewCard(now);
	db.run(sql`
		insert into ${reviewCards} (${cardColumns()})
		select ${userId}, value, ${JSON.stringify(card)}, ${new Date(card.due).getTime()}, ${now.getTime()} from json_each(${JSON.stringify(scriptIds)})
		where true -- lets SQLite read the ON CONFLICT below as an upsert clause
		on conflict do nothing`);
}

/** The library's script entries, each id once whatever its languages, in id order. */
const libraryScripts = sql`select distinct ${contentItems.id} as id from ${contentItems} where ${contentItems.kind} = 'script' order by ${contentItems.id}`;

/** A new user's cards: one for every script entry of the library. */
export function addLibraryCards(db: Db, userId: string, now = new Date()): void {
	const card = newReviewCard(now);
	db.run(sql`
		insert into ${reviewCards} (${cardColumns()})
		select ${userId}, library.id, ${JSON.stringify(card)}, ${new Date(card.due).getTime()}, ${now.getTime()} from (${libraryScripts}) as library
		where true
		order by library.id
		on conflict do nothing`);
}

/** Published entries' cards: one for every user who has none for an entry yet (ratings kept). `null`: the whole library. */
export function addEntryCards(db: Db, scriptIds: readonly string[] | null, now = new Date()): void {
	if (scriptIds?.length === 0) return;
	const card = newReviewCard(now);
	const entries = scriptIds ? sql`select value as id from json_each(${JSON.stringify([...new Set(scriptIds)].sort())})` : libraryScripts;
	db.run(sql`
		insert into ${reviewCards} (${cardColumns()})
		select ${users.id}, entry.id, ${JSON.stringify(card)}, ${new Date(card.due).getTime()}, ${now.getTime()} from ${users} cross join (${entries}) as entry
		where true
		order by ${users.id}, entry.id
		on conflict do nothing`);
}

// Home and review read these on every visit: prepared once (building the query cost more than running it).
const due = () => and(eq(reviewCards.userId, sql.placeholder('userId')), lte(reviewCards.dueAt, sql.placeholder('now')));

export function countDueCards(db: Db, userId: string, now = new Date()): number {
	const statement = prepared(db, 'review-count-due', () => db.select({ n: sql<number>`count(*)` }).from(reviewCards).where(due()).prepare());
	return statement.get({ userId, now: now.getTime() })?.n ?? 0;
}

export function nextDueCard(db: Db, userId: string, now = new Date()): { scriptId: string; card: StoredCard } | undefined {
	const statement = prepared(db, 'review-next-due', () => db.select({ scriptId: reviewCards.scriptId, card: reviewCards.card }).from(reviewCards).where(due()).orderBy(asc(reviewCards.dueAt)).limit(1).prepare());
	const row = statement.get({ userId, now: now.getTime() });
	return row ? { scriptId: row.scriptId, card: row.card } : undefined;
}

/** Records the rep's rating of a card that is due; a card that is not due is left alone. */
export function rateReviewCard(db: Db, userId: string, scriptId: string, rating: ReviewRating, now = new Date()): boolean {
	const row = db.select().from(reviewCards).where(and(eq(reviewCards.userId, userId), eq(reviewCards.scriptId, scriptId))).get();
	if (!row || !isDue(row.card, now)) return false;
	const card = reviewCard(row.card, rating, now);
	db.update(reviewCards).set({ card, dueAt: new Date(card.due), updatedAt: now }).where(and(eq(reviewCards.userId, userId), eq(reviewCards.scriptId, scriptId))).run();
	return true;
}

/** A practice reply that missed key points makes the linked script entry's card due now. */
export function makeScriptDue(db: Db, userId: string, scriptId: string, now = new Date()): void {
	// Runs inside a role-play turn: prepared once, as the turn's own writes are.
	const p = sql.placeholder;
	const statements = prepared(db, 'script-due', () => ({
		find: db.select({ card: reviewCards.card }).from(reviewCards).where(and(eq(reviewCards.userId, p('userId')), eq(reviewCards.scriptId, p('scriptId')))).prepare(),
		save: db
			.insert(reviewCards)
			.values({ userId: p('userId'), scriptId: p('scriptId'), card: p('card'), dueAt: p('dueAt'), updatedAt: p('updatedAt') })
			.onConflictDoUpdate({ target: [reviewCards.userId, reviewCards.scriptId], set: { card: sql`excluded.card`, dueAt: sql`excluded.due_at`, updatedAt: sql`excluded.updated_at` } })
			.prepare()
	}));
	const row = statements.find.get({ userId, scriptId });
	const card = makeDue(row?.card ?? newReviewCard(now), now);
	statements.save.run({ userId, scriptId, card, dueAt: new Date(card.due), updatedAt: now });
}
