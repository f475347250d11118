import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { contentItems } from '../db/schema';
import { foldText } from '$lib/engine/text/fold';
import type { ContentKind, ContentLocale } from '$lib/engine/content';

export const SEARCH_QUERY_MAX_LENGTH = 200;
const MAX_TERMS = 8;
const SNIPPET_RADIUS = 60;

/** A piece of displayed text; `match` pieces are what the query found. */
export interface TextPart {
	text: string;
	match: boolean;
}

export interface SearchHit {
	kind: ContentKind;
	locale: ContentLocale;
	id: string;
	category: string | null;
	title: TextPart[];
	snippet: TextPart[];
}

/** Folded, de-duplicated query terms; quotes and FTS5 operators are just characters here. */
export function queryTerms(query: string): string[] {
	const folded = foldText(query.slice(0, SEARCH_QUERY_MAX_LENGTH).trim());
	return [...new Set(folded.split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
}

/** Splits `original` into parts, marking every occurrence of a term (found in its folded form). */
export function highlight(original: string, terms: readonly string[], window?: { start: number; end: number }): TextPart[] {
	const folded = foldText(original);
	const start = window?.start ?? 0;
	const end = window?.end ?? original.length;
	const marks = new Array<boolean>(end - start).fill(false);
	for (const term of terms) {
		let at = folded.indexOf(term, Math.max(0, start - term.length + 1));
		while (at >= 0 && at < end) {
			for (let i = Math.max(at, start); i < Math.min(at + term.length, end); i++) marks[i - start] = true;
			at = folded.indexOf(term, at + 1);
		}
	}
	const parts: TextPart[] = [];
	for (let i = start; i < end; i++) {
		const match = marks[i - start]!;
		const last = parts[parts.length - 1];
		if (last && last.match === match) last.text += original[i];
		else parts.push({ text: original[i]!, match });
	}
	return parts;
}

function snippetOf(text: string, terms: readonly string[]): TextPart[] {
	const folded = foldText(text);
	const positions = terms.map((term) => folded.indexOf(term)).filter((at) => at >= 0);
	const first = positions.length > 0 ? Math.min(...positions) : 0;
	const start = Math.max(0, first - SNIPPET_RADIUS);
	const end = Math.min(text.length, first + SNIPPET_RADIUS * 2);
	const parts = highlight(text, terms, { start, end });
	if (start > 0) parts.unshift({ text: '…', match: false });
	if (end < text.length) parts.push({ text: '…', match: false });
	return parts;
}

function likePattern(term: string): string {
	return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface Ranked {
	kind: string;
	locale: string;
	itemId: string;
}

/**
 * Finds scripts and articles in every locale. Terms of three characters or more use the trigram
 * index, ranked by bm25 with the title weighted up; a shorter term (1–2 Chinese characters, say)
 * cannot use trigrams, so then the folded text is scanned, title matches first.
 */
export function searchContent(db: Db, query: string, limit = 20): SearchHit[] {
	const terms = queryTerms(query);
	if (terms.length === 0) return [];
	let ranked: Ranked[];
	if (terms.every((term) => [...term].length >= 3)) {
		const match = terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' ');
		ranked = db.all<Ranked>(
			sql`select kind, locale, item_id as itemId from content_search where content_search match ${match} order by bm25(content_search, 5.0, 1.0) limit ${limit}`
		);
	} else {
		const conditions = terms.map((term) => sql`(title like ${likePattern(term)} escape '\\' or text like ${likePattern(term)} escape '\\')`);
		const titleHits = terms.map((term) => sql`(title like ${likePattern(term)} escape '\\')`);
		ranked = db.all<Ranked>(
			sql`select kind, locale, item_id as itemId from content_search where ${sql.join(conditions, sql` and `)} order by (${sql.join(titleHits, sql` + `)}) desc, length(text) asc limit ${limit}`
		);
	}
	if (ranked.length === 0) return [];
	const rows = db
		.select()
		.from(contentItems)
		.where(or(...ranked.map((r) => and(eq(contentItems.kind, r.kind), eq(contentItems.locale, r.locale as ContentLocale), eq(contentItems.id, r.itemId)))))
		.all();
	const byKey = new Map(rows.map((row) => [`${row.kind}:${row.locale}:${row.id}`, row]));
	return ranked.flatMap((r) => {
		const row = byKey.get(`${r.kind}:${r.locale}:${r.itemId}`);
		if (!row) return [];
		return [{ kind: row.kind as ContentKind, locale: row.locale, id: row.id, category: row.category, title: highlight(row.title, terms), snippet: snippetOf(row.plainText, terms) }];
	});
}

