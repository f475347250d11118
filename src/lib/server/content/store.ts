import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from '../db';
import { contentItems, scenarioRevisions, type ContentRow, type ScenarioRevision } from '../db/schema';
import { keptPerDatabase, markChanged } from '../cache';
import { newId } from '../ids';
import { chineseGrams, foldText } from '$lib/engine/text/fold';
import { CONTENT_LOCALES, type ContentCatalog, type ContentData, type ContentItem, type ContentKind, type ContentLocale, type Lexicon, type Scenario } from '$lib/engine/content';
import { articleCategoryLabel, scriptCategoryLabel } from '$lib/labels';
import { phrasebookOf } from '$lib/engine/scoring/lexicon';
import type { Phrasebook } from '$lib/engine/scoring/score';

/** Markdown reduced to its words, for search. */
function markdownToPlain(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s*\|?\s*:?-{3,}.*$/gm, ' ')
		.replace(/[#>*_`|~]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The text a search should find an item by, in its original spelling. */
export function searchableText(item: ContentItem): string {
	switch (item.kind) {
		case 'script': {
			const d = item.data;
			return [d.objection, ...d.variants, ...d.answers.flatMap((a) => [a.text, a.why]), ...d.mistakes, markdownToPlain(item.body)].join('\n');
		}
		case 'article':
			return [item.data.summary, markdownToPlain(item.body)].join('\n');
		default:
			return '';
	}
}

/** Words to find an item by beyond its text: its category, by code and by name in its language. */
function keywordsOf(item: ContentItem): string {
	const category = categoryOf(item);
	if (!category) return '';
	const label = item.kind === 'script' ? scriptCategoryLabel : articleCategoryLabel;
	return [category.replace(/-/g, ' '), label(category, item.locale)].join(' ');
}

function categoryOf(item: ContentItem): string | null {
	return 'category' in item.data ? (item.data.category as string) : null;
}

/** Values built from the whole content: a few dozen lists and indexes, by name and language. */
const builtFromContentValues = keptPerDatabase<unknown>({ limit: 1_000, dependsOn: 'content' });

/** Values built per item (see `builtFromContentItem`) kept at once: enough for the items in use. */
export const ITEM_VALUES_KEPT = 500;
const builtFromItems = keptPerDatabase<unknown>({ limit: ITEM_VALUES_KEPT, dependsOn: 'content' });

/**
 * A value computed from the content, kept until the content changes. Content is read on nearly
 * every page and changes a few times a day, so lists of thousands of items are built once per
 * change rather than once per request; one small query checks the version each time, which also
 * catches a change made by another process (`npm run content:sync`, a second server). Callers
 * must not modify what they get.
 */
export function builtFromContent<T>(db: Db, key: string, build: () => T): T {
	return builtFromContentValues.get(db, key, build) as T;
}

/**
 * Like `builtFromContent`, for a value built from one item (what an entry's page shows): only the
 * `ITEM_VALUES_KEPT` most recently used are kept, so that a library of thousands of items read one
 * by one does not end up held in memory whole.
 */
export function builtFromContentItem<T>(db: Db, key: string, build: () => T): T {
	return builtFromItems.get(db, key, build) as T;
}

/**
 * Replaces all content in the database with `items`, and rebuilds the search index, in one
 * transaction: a reader sees the old content or the new, never a mix.
 */
export function replaceAllContent(db: Db, items: readonly ContentItem[], now = new Date()): void {
	db.transaction((tx) => {
		tx.delete(contentItems).run();
		tx.run(sql`delete from content_search`);
		tx.run(sql`delete from content_grams`);
		for (const item of items) insertContentItem(tx, item, now);
		markChanged(tx, 'content');
	});
}

/** Replaces one item (a publish from the studio), with its search rows, in one transaction. */
export function upsertContentItem(db: Db, item: ContentItem, now = new Date()): void {
	db.transaction((tx) => {
		tx.delete(contentItems).where(and(eq(contentItems.kind, item.kind), eq(contentItems.locale, item.locale), eq(contentItems.id, item.id))).run();
		tx.run(sql`delete from content_search where kind = ${item.kind} and locale = ${item.locale} and item_id = ${item.id}`);
		tx.run(sql`delete from content_grams where kind = ${item.kind} and locale = ${item.locale} and item_id = ${item.id}`);
		insertContentItem(tx, item, now);
		markChanged(tx, 'content');
	});
}

function insertContentItem(db: Db, item: ContentItem, now: Date): void {
	if (item.kind === 'scenario') recordScenarioRevision(db, item.id, item.locale, item.data, now);
	const plainText = searchableText(item);
	db.insert(contentItems)
		.values({ kind: item.kind, locale: item.locale, id: item.id, title: item.data.title, category: categoryOf(item), data: item.data, body: item.body, plainText, updatedAt: now })
		.run();
	if (!plainText) return;
	const title = foldText(item.data.title);
	const text = foldText(plainText);
	const keywords = foldText(keywordsOf(item));
	db.run(sql`insert into content_search (title, text, keywords, kind, locale, item_id) values (${title}, ${text}, ${keywords}, ${item.kind}, ${item.locale}, ${item.id})`);
	db.run(sql`insert into content_grams (title, text, kind, locale, item_id) values (${chineseGrams(title)}, ${chineseGrams(`${text}\n${keywords}`)}, ${item.kind}, ${item.locale}, ${item.id})`);
}

/**
 * Keeps a revision of every scenario version ever loaded. A sync that changes a scenario adds a
 * revision; one that does not change it adds nothing. Attempts point at revisions, never at
 * the live content.
 */
export function recordScenarioRevision(db: Db, scenarioId: string, locale: ContentLocale, data: Scenario, now = new Date()): ScenarioRevision {
	const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
	const latest = latestScenarioRevision(db, scenarioId, locale);
	if (latest && latest.hash === hash) return latest;
	return db
		.insert(scenarioRevisions)
		.values({ id: newId(), scenarioId, locale, number: (latest?.number ?? 0) + 1, hash, data, createdAt: now })
		.returning()
		.get();
}

export function latestScenarioRevision(db: Db, scenarioId: string, locale: ContentLocale): ScenarioRevision | undefined {
	return db
		.select()
		.from(scenarioRevisions)
		.where(and(eq(scenarioRevisions.scenarioId, scenarioId), eq(scenarioRevisions.locale, locale)))
		.orderBy(desc(scenarioRevisions.number))
		.limit(1)
		.get();
}

export function rowToItem(row: ContentRow): ContentItem {
	return { kind: row.kind, locale: row.locale, id: row.id, data: row.data, body: row.body } as ContentItem;
}

export function listAllContent(db: Db): ContentItem[] {
	return db.select().from(contentItems).orderBy(asc(contentItems.kind), asc(contentItems.locale), asc(contentItems.id)).all().map(rowToItem);
}

export function countContent(db: Db): number {
	return db.select({ n: sql<number>`count(*)` }).from(contentItems).get()?.n ?? 0;
}

/** One row per id: in the preferred locale where it exists, in another where it does not (content may be written in either language). */
function inPreferredLocale<T extends { id: string; locale: ContentLocale }>(rows: readonly T[], locale: ContentLocale): T[] {
	const chosen = new Map<string, T>();
	for (const row of rows) {
		const current = chosen.get(row.id);
		if (!current || (row.locale === locale && current.locale !== locale)) chosen.set(row.id, row);
	}
	return [...chosen.values()];
}

/**
 * Some fields of every item of a kind, one per id in the preferred locale: what a list shows. The
 * fields are picked out inside SQLite, so that a list of thousands of items does not read and parse
 * each item's whole data and Markdown, and the list is kept until the content changes.
 */
export function listContentFields<K extends ContentKind, F extends keyof ContentData[K] & string>(db: Db, kind: K, locale: ContentLocale, fields: readonly F[]): readonly ({ id: string; locale: ContentLocale } & Pick<ContentData[K], F>)[] {
	return builtFromContent(db, `fields:${kind}:${locale}:${fields.join(',')}`, () => readContentFields(db, kind, locale, fields));
}

function readContentFields<K extends ContentKind, F extends keyof ContentData[K] & string>(db: Db, kind: K, locale: ContentLocale, fields: readonly F[]): ({ id: string; locale: ContentLocale } & Pick<ContentData[K], F>)[] {
	const picked = fields.map((field) => {
		if (!/^[a-zA-Z]+$/.test(field)) throw new Error(`not a field name: ${field}`);
		// The title and category have columns of their own.
		return field === 'title' || field === 'category' ? `'${field}', ${field}` : `'${field}', json_extract(data, '$.${field}')`;
	});
	const rows = db.all<{ id: string; locale: ContentLocale; fields: string }>(
		sql`select id, locale, json_object(${sql.raw(picked.join(', '))}) as fields from content_items where kind = ${kind} order by id`
	);
	return inPreferredLocale(rows, locale).map((row) => ({ id: row.id, locale: row.locale, ...(JSON.parse(row.fields) as Pick<ContentData[K], F>) }));
}

/**
 * The phrasebook of one language's lexicons: the intents scenario cues in that language cite, and
 * the company rules. Exactly that language's (an English cue never stands for Chinese phrases),
 * kept until the content changes.
 */
export function lexiconPhrasebook(db: Db, locale: ContentLocale): Phrasebook {
	return builtFromContent(db, `phrasebook:${locale}`, () =>
		phrasebookOf(db.select({ data: contentItems.data }).from(contentItems).where(and(eq(contentItems.kind, 'lexicon'), eq(contentItems.locale, locale))).orderBy(asc(contentItems.id)).all().map((row) => row.data as Lexicon))
	);
}

/**
 * One item in the preferred locale, or in another when it exists only there. Every locale is named
 * in the query so that SQLite looks the item up by its whole key (kind, locale, id) rather than
 * reading every item of the kind; the search text, as long as the item, is not read at all.
 */
export function findContent<K extends ContentKind>(db: Db, kind: K, id: string, locale: ContentLocale): Extract<ContentItem, { kind: K }> | undefined {
	const row = prepared(db, 'content-item', () =>
		db
			.select({ kind: contentItems.kind, locale: contentItems.locale, id: contentItems.id, data: contentItems.data, body: contentItems.body })
			.from(contentItems)
			.where(and(eq(contentItems.kind, sql.placeholder('kind')), inArray(contentItems.locale, [...CONTENT_LOCALES]), eq(contentItems.id, sql.placeholder('id'))))
			.orderBy(sql`${contentItems.locale} = ${sql.placeholder('locale')} desc`)
			.limit(1)
			.prepare()
	).get({ kind, id, locale });
	return row ? ({ kind: row.kind, locale: row.locale, id: row.id, data: row.data, body: row.body } as Extract<ContentItem, { kind: K }>) : undefined;
}

/** Titles of items of a kind, by id, in the preferred locale: for links between items. */
export function contentTitles(db: Db, kind: ContentKind, ids: readonly string[], locale: ContentLocale): { id: string; title: string }[] {
	if (ids.length === 0) return [];
	const rows = prepared(db, 'content-titles', () =>
		db
			.select({ id: contentItems.id, locale: contentItems.locale, title: contentItems.title })
			.from(contentItems)
			.where(and(eq(contentItems.kind, sql.placeholder('kind')), inArray(contentItems.locale, [...CONTENT_LOCALES]), inJsonList(contentItems.id, 'ids')))
			.prepare()
	).all({ kind, ids: JSON.stringify([...new Set(ids)]) }); // each id once: a page may name one item many times
	const byId = new Map(inPreferredLocale(rows, locale).map((row) => [row.id, row.title]));
	return ids.flatMap((id) => (byId.has(id) ? [{ id, title: byId.get(id)! }] : []));
}

/**
 * The published ids and titles of every kind in one language (what an item may refer to: references
 * are checked per language), and each rubric's criteria: what the studio's pickers offer.
 */
export function listContentIds(db: Db, locale: ContentLocale): ContentCatalog {
	const catalog: ContentCatalog = { script: [], article: [], scenario: [], rubric: [], curriculum: [], quiz: [], lexicon: [], series: [], criteria: {}, intents: [] };
	const rows = db.select({ kind: contentItems.kind, id: contentItems.id, title: contentItems.title, data: contentItems.data }).from(contentItems).where(eq(contentItems.locale, locale)).orderBy(asc(contentItems.id)).all();
	for (const row of rows) {
		catalog[row.kind as ContentKind].push({ id: row.id, title: row.title });
		if (row.kind === 'rubric') catalog.criteria[row.id] = (row.data as { criteria: { id: string; title: string }[] }).criteria.map(({ id, title }) => ({ id, title }));
		if (row.kind === 'lexicon') catalog.intents.push(...(row.data as Lexicon).intents.map(({ id, meaning }) => ({ id, meaning })));
	}
	return catalog;
}
