import { and, eq, sql } from 'drizzle-orm';
import { prepared, type Db } from './db';
import { articleReads, bookmarks } from './db/schema';

export function listBookmarkedScriptIds(db: Db, userId: string): Set<string> {
	// Prepared once: every script entry and the library list ask.
	const statement = prepared(db, 'bookmarked-script-ids', () => db.select({ id: bookmarks.scriptId }).from(bookmarks).where(eq(bookmarks.userId, sql.placeholder('userId'))).prepare());
	return new Set(statement.all({ userId }).map((r) => r.id));
}

export function setBookmark(db: Db, userId: string, scriptId: string, on: boolean): void {
	if (on) db.insert(bookmarks).values({ userId, scriptId }).onConflictDoNothing().run();
	else db.delete(bookmarks).where(and(eq(bookmarks.userId, userId), eq(bookmarks.scriptId, scriptId))).run();
}

export function listReadArticleIds(db: Db, userId: string): Set<string> {
	return new Set(db.select({ id: articleReads.articleId }).from(articleReads).where(eq(articleReads.userId, userId)).all().map((r) => r.id));
}

/** Records the first time a user opens an article; later visits change nothing. */
export function markArticleRead(db: Db, userId: string, articleId: string): void {
	db.insert(articleReads).values({ userId, articleId }).onConflictDoNothing().run();
}
