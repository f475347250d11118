import { and, eq, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import { articleReads, bookmarks } from '../db/schema';
import { builtFromContentItem, contentTitles, findContent } from '../content/store';
import { renderMarkdown, type RenderedMarkdown } from '../content/markdown';
import type { ContentData, ContentLocale } from '$lib/engine/content/index';
import type { SanitizedHtml } from '$lib/sanitized-html';

/** What a script's entry in the library shows, and nothing more (the page sends it all to the browser). */
export interface ScriptEntry {
	locale: ContentLocale;
	title: string;
	category: string;
	objection: string;
	variants: string[];
	answers: { text: string; techniques: string[]; why: string }[];
	mistakes: string[];
	/** The notes, rendered and sanitized. */
	notesHtml: SanitizedHtml;
	related: { id: string; title: string }[];
}

/**
 * A script's entry in the preferred language (or in the other where it exists only there), with its
 * notes rendered and its related articles' titles. All of it comes from the content, so it is built
 * once per content version rather than on every visit; only the reader's bookmark is read each time.
 */
export function scriptEntry(db: Db, id: string, locale: ContentLocale): ScriptEntry | null {
	return builtFromContentItem(db, `script-entry:${locale}:${id}`, () => {
		const script = findContent(db, 'script', id, locale);
		if (!script) return null;
		const { title, category, objection, variants, answers, mistakes, knowledge } = script.data;
		return {
			locale: script.locale,
			title,
			category,
			objection,
			variants,
			answers: answers.map(({ text, techniques, why }) => ({ text, techniques, why })),
			mistakes,
			notesHtml: renderMarkdown(script.body).html,
			related: contentTitles(db, 'article', knowledge, locale)
		};
	});
}

/** A knowledge article as its page shows it: its fields, its body rendered, its related script entries' titles. */
export interface ArticleView {
	id: string;
	article: ContentData['article'] & { locale: ContentLocale };
	rendered: RenderedMarkdown;
	related: { id: string; title: string }[];
}

/** Built once per content version, like a script's entry; null when there is no such article. */
export function articleView(db: Db, id: string, locale: ContentLocale): ArticleView | null {
	return builtFromContentItem(db, `article-view:${locale}:${id}`, () => {
		const article = findContent(db, 'article', id, locale);
		if (!article) return null;
		return {
			id: article.id,
			article: { locale: article.locale, ...article.data },
			rendered: renderMarkdown(article.body),
			related: contentTitles(db, 'script', article.data.scripts, locale)
		};
	});
}

/** Whether the user has bookmarked the script. */
export function isBookmarked(db: Db, userId: string, scriptId: string): boolean {
	const statement = prepared(db, 'bookmarked-script', () =>
		db
			.select({ id: bookmarks.scriptId })
			.from(bookmarks)
			.where(
				and(
					eq(bookmarks.userId, sql.placeholder('userId')),
					eq(bookmarks.scriptId, sql.placeholder('scriptId'))
				)
			)
			.prepare()
	);
	return statement.get({ userId, scriptId }) !== undefined;
}

export function listBookmarkedScriptIds(db: Db, userId: string): Set<string> {
	// Prepared once: every script entry and the library list ask.
	const statement = prepared(db, 'bookmarked-script-ids', () =>
		db
			.select({ id: bookmarks.scriptId })
			.from(bookmarks)
			.where(eq(bookmarks.userId, sql.placeholder('userId')))
			.prepare()
	);
	return new Set(statement.all({ userId }).map((r) => r.id));
}

export function setBookmark(db: Db, userId: string, scriptId: string, on: boolean): void {
	if (on) db.insert(bookmarks).values({ userId, scriptId }).onConflictDoNothing().run();
	else
		db.delete(bookmarks)
			.where(and(eq(bookmarks.userId, userId), eq(bookmarks.scriptId, scriptId)))
			.run();
}

export function listReadArticleIds(db: Db, userId: string): Set<string> {
	return new Set(
		db
			.select({ id: articleReads.articleId })
			.from(articleReads)
			.where(eq(articleReads.userId, userId))
			.all()
			.map((r) => r.id)
	);
}

/** Records the first time a user opens an article; later visits change nothing. */
export function markArticleRead(db: Db, userId: string, articleId: string, now = new Date()): void {
	// Every visit asks; only the first writes (a read of the key is far cheaper than a write transaction).
	const statements = prepared(db, 'article-read', () => ({
		find: db
			.select({ id: articleReads.articleId })
			.from(articleReads)
			.where(
				and(
					eq(articleReads.userId, sql.placeholder('userId')),
					eq(articleReads.articleId, sql.placeholder('articleId'))
				)
			)
			.prepare(),
		add: db
			.insert(articleReads)
			.values({
				userId: sql.placeholder('userId'),
				articleId: sql.placeholder('articleId'),
				readAt: sql.placeholder('readAt')
			})
			.onConflictDoNothing()
			.prepare()
	}));
	if (statements.find.get({ userId, articleId }) === undefined)
		statements.add.run({ userId, articleId, readAt: now });
}
