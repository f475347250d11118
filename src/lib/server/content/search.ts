import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { contentItems } from '../db/schema';
import { foldText } from '$lib/engine/text/fold';
import type { ContentKind, ContentLocale } from '$lib/engine/content';

export const SEARCH_QUERY_MAX_LENGTH = 200;
const MAX_TERMS = 8;
const SNIPPET_RADIUS = 60;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

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

/**
 * Folded, de-duplicated query terms; quotes and FTS5 operators are just characters here. One- and
 * two-letter Latin words ("a", "me") are dropped when the query has longer ones: they match
 * nearly everything. Short Chinese terms are kept: 「貴」 means something.
 */
export function queryTerms(query: string): string[] {
	// Control characters (a NUL would end the FTS5 query string early) read as spaces.
	const visible = [...query.slice(0, SEARCH_QUERY_MAX_LENGTH)].map((char) => (char.charCodeAt(0) < 0x20 || char === '\u007f' ? ' ' : char)).join('');
	const folded = foldText(visible.trim());
	const terms = [...new Set(folded.split(/\s+/).filter(Boolean))];
	const isShortLatin = (term: string) => [...term].length < 3 && !CJK.test(term);
	const meaningful = terms.some((term) => !isShortLatin(term)) ? terms.filter((term) => !isShortLatin(term)) : terms;
	return meaningful.slice(0, MAX_TERMS);
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

/** Quotes a term for FTS5 so that its operators and quotes are plain characters. */
function phrase(term: string): string {
	return `"${term.replace(/"/g, '""')}"`;
}

/** The trigrams of a term, for matching a Chinese sentence whose words are not contiguous in a text. */
function trigramsOf(term: string): string[] {
	const chars = [...term];
	return chars.length <= 3 ? [term] : chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join(''));
}

function ftsSearch(db: Db, match: string, limit: number): Ranked[] {
	return db.all<Ranked>(
		sql`select kind, locale, item_id as itemId from content_search where content_search match ${match} order by bm25(content_search, 5.0, 1.0, 3.0) limit ${limit}`
	);
}

/**
 * Every term must appear. Terms of three characters or more are looked up by trigram; Chinese
 * terms of one or two characters by the character/pair index. Only a query made of nothing but
 * one- and two-letter Latin words is left to scan.
 */
function strictSearch(db: Db, terms: readonly string[], limit: number): Ranked[] {
	const long = terms.filter((term) => [...term].length >= 3);
	const short = terms.filter((term) => [...term].length < 3);
	if (short.length === 0) return ftsSearch(db, long.map(phrase).join(' '), limit);
	if (short.every((term) => CJK.test(term))) {
		// A Chinese term of one or two characters is itself one of the indexed words.
		const gramsMatch = short.map(phrase).join(' ');
		if (long.length === 0) {
			return db.all<Ranked>(
				sql`select kind, locale, item_id as itemId from content_grams where content_grams match ${gramsMatch} order by bm25(content_grams, 5.0, 1.0) limit ${limit}`
			);
		}
		return db.all<Ranked>(
			sql`select kind, locale, item_id as itemId from content_search where content_search match ${long.map(phrase).join(' ')}
				and (kind, locale, item_id) in (select kind, locale, item_id from content_grams where content_grams match ${gramsMatch})
				order by bm25(content_search, 5.0, 1.0, 3.0) limit ${limit}`
		);
	}
	const anyColumn = (term: string) => sql`(title like ${likePattern(term)} escape '\\' or text like ${likePattern(term)} escape '\\' or keywords like ${likePattern(term)} escape '\\')`;
	return db.all<Ranked>(
		sql`select kind, locale, item_id as itemId from content_search where ${sql.join(terms.map(anyColumn), sql` and `)} limit ${limit}`
	);
}

/**
 * Any term may appear, ranked by how much of the query an item matches: for a question typed as a
 * sentence ("they already use a competitor", 「客戶說太貴了」). Chinese terms count by trigram.
 */
function looseSearch(db: Db, terms: readonly string[], limit: number): Ranked[] {
	const parts = terms.flatMap((term) => (CJK.test(term) ? trigramsOf(term) : [term])).filter((part) => [...part].length >= 3);
	if (parts.length === 0) return [];
	return ftsSearch(db, [...new Set(parts)].map(phrase).join(' OR '), limit);
}

/**
 * Finds scripts and articles in every locale: first the items that contain every term, then, to
 * fill the page, those that contain some of them. Ranking is bm25 with the title weighted up;
 * items in the reader's language come before the others.
 */
export function searchContent(db: Db, query: string, options: { locale?: ContentLocale; limit?: number } = {}): SearchHit[] {
	const limit = options.limit ?? 20;
	const terms = queryTerms(query);
	if (terms.length === 0) return [];
	const ranked = strictSearch(db, terms, limit);
	if (ranked.length < limit) {
		const seen = new Set(ranked.map((r) => `${r.kind}:${r.locale}:${r.itemId}`));
		for (const r of looseSearch(db, terms, limit)) {
			if (ranked.length >= limit) break;
			if (!seen.has(`${r.kind}:${r.locale}:${r.itemId}`)) ranked.push(r);
		}
	}
	if (ranked.length === 0) return [];
	const rows = db
		.select()
		.from(contentItems)
		.where(or(...ranked.map((r) => and(eq(contentItems.kind, r.kind), eq(contentItems.locale, r.locale as ContentLocale), eq(contentItems.id, r.itemId)))))
		.all();
	const byKey = new Map(rows.map((row) => [`${row.kind}:${row.locale}:${row.id}`, row]));
	// The reader's language first (a stable sort keeps the ranking within each language).
	if (options.locale) ranked.sort((a, b) => Number(b.locale === options.locale) - Number(a.locale === options.locale));
	const highlightTerms = terms.flatMap((term) => (CJK.test(term) && [...term].length > 3 ? [term, ...trigramsOf(term)] : [term]));
	return ranked.flatMap((r) => {
		const row = byKey.get(`${r.kind}:${r.locale}:${r.itemId}`);
		if (!row) return [];
		return [{ kind: row.kind as ContentKind, locale: row.locale, id: row.id, category: row.category, title: highlight(row.title, highlightTerms), snippet: snippetOf(row.plainText, highlightTerms) }];
	});
}
