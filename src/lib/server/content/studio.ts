import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import type { Db } from '../db/index';
import { contentDrafts, contentItems, contentRevisions } from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from '../accounts/users';
import { builtFromContent, rowToItem, upsertContentItem } from './store';
import type { ZipRefused } from './zip';
import {
	citationsOf,
	CONTENT_KINDS,
	CONTENT_LOCALES,
	contentPath,
	readDraft,
	serializeContentItem,
	writeDraft,
	MAX_EXAMPLES,
	type ContentItem,
	type ContentKind,
	type ContentLocale,
	type ContentProblem,
	type Lexicon,
	type Published
} from '$lib/engine/content/index';
import { isSelected, type ExportSelection } from '$lib/engine/studio/selection';
import { placeholdersIn } from '$lib/engine/studio/templates';
import type { StudioInsights } from './checker';

export function isContentKind(value: string): value is ContentKind {
	// Own keys only: `in` would also take "constructor", "__proto__" and the other inherited names.
	return Object.hasOwn(CONTENT_KINDS, value);
}

export interface StudioItem {
	kind: ContentKind;
	locale: ContentLocale;
	id: string;
	title: string;
	published: boolean;
	draft: boolean;
	/** Another language of the item changed in the studio after this one: see newerLanguage. */
	newerIn: ContentLocale | null;
}

/**
 * Changes this far apart or closer are one piece of work (a zip with both languages, a trainer
 * saving one language right after the other), not one language falling behind the other.
 */
const SAME_CHANGE_MS = 60_000;

/** When each item's language was last changed in the studio (its newest revision or its draft), by `kind:locale:id`. */
function studioChanges(db: Db, kind?: ContentKind, id?: string): Map<string, number> {
	const revisionFilter =
		kind && id ? and(eq(contentRevisions.kind, kind), eq(contentRevisions.itemId, id)) : undefined;
	const draftFilter =
		kind && id ? and(eq(contentDrafts.kind, kind), eq(contentDrafts.itemId, id)) : undefined;
	const revisions = db
		.select({
			kind: contentRevisions.kind,
			locale: contentRevisions.locale,
			id: contentRevisions.itemId,
			at: sql<number>`max(${contentRevisions.createdAt})`
		})
		.from(contentRevisions)
		.where(revisionFilter)
		.groupBy(contentRevisions.kind, contentRevisions.locale, contentRevisions.itemId)
		.all();
	const drafts = db
		.select({
			kind: contentDrafts.kind,
			locale: contentDrafts.locale,
			id: contentDrafts.itemId,
			at: contentDrafts.updatedAt
		})
		.from(contentDrafts)
		.where(draftFilter)
		.all();
	const changes = new Map<string, number>();
	for (const change of [...revisions, ...drafts]) {
		const key = `${change.kind}:${change.locale}:${change.id}`;
		const at = change.at instanceof Date ? change.at.getTime() : change.at;
		changes.set(key, Math.max(changes.get(key) ?? 0, at));
	}
	return changes;
}

/**
 * The language in which the item changed in the studio after this language last did, if any: this
 * one may need the same change. Saving this language (a draft will do) clears it.
 */
function newerLanguageIn(
	changes: ReadonlyMap<string, number>,
	kind: ContentKind,
	locale: ContentLocale,
	id: string
): { locale: ContentLocale; at: Date } | null {
	const mine = changes.get(`${kind}:${locale}:${id}`) ?? 0;
	for (const other of CONTENT_LOCALES) {
		const theirs = changes.get(`${kind}:${other}:${id}`);
		if (other !== locale && theirs !== undefined && theirs - mine > SAME_CHANGE_MS)
			return { locale: other, at: new Date(theirs) };
	}
	return null;
}

/** See newerLanguageIn: for one item's editor. */
export function newerLanguage(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string
): { locale: ContentLocale; at: Date } | null {
	return newerLanguageIn(studioChanges(db, kind, id), kind, locale, id);
}

/** Every item, published or only drafted, for the studio's list. */
export function listStudioItems(db: Db): StudioItem[] {
	const published = db
		.select({
			kind: contentItems.kind,
			locale: contentItems.locale,
			id: contentItems.id,
			title: contentItems.title
		})
		.from(contentItems)
		.all();
	const drafts = db
		.select({
			kind: contentDrafts.kind,
			locale: contentDrafts.locale,
			id: contentDrafts.itemId,
			text: contentDrafts.text
		})
		.from(contentDrafts)
		.all();
	const key = (i: { kind: string; locale: string; id: string }) => `${i.kind}:${i.locale}:${i.id}`;
	const draftKeys = new Set(drafts.map(key));
	const changes = studioChanges(db);
	const newerIn = (kind: ContentKind, locale: ContentLocale, id: string) =>
		newerLanguageIn(changes, kind, locale, id)?.locale ?? null;
	const items = new Map<string, StudioItem>();
	for (const p of published) {
		const [kind, locale] = [p.kind as ContentKind, p.locale as ContentLocale];
		items.set(key(p), {
			kind,
			locale,
			id: p.id,
			title: p.title,
			published: true,
			draft: draftKeys.has(key(p)),
			newerIn: newerIn(kind, locale, p.id)
		});
	}
	for (const d of drafts) {
		const [kind, locale] = [d.kind as ContentKind, d.locale as ContentLocale];
		if (!items.has(key(d)))
			items.set(key(d), {
				kind,
				locale,
				id: d.id,
				title: titleInText(d.text) ?? d.id,
				published: false,
				draft: true,
				newerIn: newerIn(kind, locale, d.id)
			});
	}
	return [...items.values()].sort(
		(a, b) =>
			a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || a.locale.localeCompare(b.locale)
	);
}

/** The title line of an item's file text, as the trainer wrote it (a new item's list entry, its editor's heading); null without one. */
export function titleInText(text: string): string | null {
	const value = /^title:[ \t]*(.+?)[ \t]*$/m.exec(text)?.[1];
	if (!value) return null;
	if (value.startsWith('"')) {
		try {
			return JSON.parse(value) as string;
		} catch {
			return value;
		}
	}
	return value.replace(/^'(.*)'$/, '$1');
}

function publishedItem(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string
): ContentItem | undefined {
	const row = db
		.select()
		.from(contentItems)
		.where(
			and(eq(contentItems.kind, kind), eq(contentItems.locale, locale), eq(contentItems.id, id))
		)
		.get();
	return row ? rowToItem(row) : undefined;
}

/** The published file text of an item: the newest studio revision, or the item as synced from files. */
export function publishedText(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string
): string | null {
	const item = publishedItem(db, kind, locale, id);
	return item ? serializeContentItem(item) : null;
}

export function draftOf(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string
): string | null {
	return (
		db
			.select({ text: contentDrafts.text })
			.from(contentDrafts)
			.where(
				and(
					eq(contentDrafts.kind, kind),
					eq(contentDrafts.locale, locale),
					eq(contentDrafts.itemId, id)
				)
			)
			.get()?.text ?? null
	);
}

/**
 * What an editor was opened on: the published item and the draft as they were. Saving or publishing
 * from an editor opened on an older version would silently undo someone else's work, so the editor
 * sends this back and the studio refuses when it no longer matches.
 */
export function editorVersion(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string
): string {
	const item = db
		.select({ updatedAt: contentItems.updatedAt })
		.from(contentItems)
		.where(
			and(eq(contentItems.kind, kind), eq(contentItems.locale, locale), eq(contentItems.id, id))
		)
		.get();
	const revision = revisionsOf(db, kind, locale, id)[0];
	const state = [
		item?.updatedAt.getTime() ?? null,
		revision?.number ?? null,
		draftOf(db, kind, locale, id)
	];
	return createHash('sha256').update(JSON.stringify(state)).digest('base64url').slice(0, 22);
}

export function saveDraft(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string,
	text: string,
	authorId: string,
	now = new Date()
): void {
	db.insert(contentDrafts)
		.values({ kind, locale, itemId: id, text, authorId, updatedAt: now })
		.onConflictDoUpdate({
			target: [contentDrafts.kind, contentDrafts.locale, contentDrafts.itemId],
			set: { text, authorId, updatedAt: now }
		})
		.run();
}

export function discardDraft(db: Db, kind: ContentKind, locale: ContentLocale, id: string): void {
	db.delete(contentDrafts)
		.where(
			and(
				eq(contentDrafts.kind, kind),
				eq(contentDrafts.locale, locale),
				eq(contentDrafts.itemId, id)
			)
		)
		.run();
}

// Loaded on first use, not with this module: built, it is then a chunk of its own, which is what
// the check worker loads (see `./content/checker`).
const checker = () => import('./checker');

/** What a checked file is checked against: every published item's key, the lexicons, and which scenarios cite which intents. */
function published(db: Db): Published {
	return builtFromContent(db, 'published-for-checks', () => readPublished(db));
}

function readPublished(db: Db): Published {
	const keys = db
		.select({ kind: contentItems.kind, locale: contentItems.locale, id: contentItems.id })
		.from(contentItems)
		.all()
		.map((r) => `${r.kind}:${r.locale}:${r.id}`);
	const items = db
		.select()
		.from(contentItems)
		.where(inArray(contentItems.kind, ['lexicon', 'scenario']))
		.all()
		.map(rowToItem);
	return {
		keys,
		lexicons: items.flatMap((item) =>
			item.kind === 'lexicon' ? [{ locale: item.locale, id: item.id, data: item.data }] : []
		),
		citations: citationsOf(items),
		scenarios: items.flatMap((item) =>
			item.kind === 'scenario' ? [{ locale: item.locale, id: item.id, data: item.data }] : []
		)
	};
}

/** Checks an item's file text as `content:check` would, against the content published now (off the request thread). */
export async function checkText(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string,
	text: string
): Promise<{ item: ContentItem | null; problems: ContentProblem[]; warnings: ContentProblem[] }> {
	const path = contentPath({ kind, locale, id });
	const { items, problems, warnings } = await (
		await checker()
	).checkFilesOffThread([{ path, text }], published(db));
	// The studio's templates are valid files; what keeps one from being published is its placeholders.
	for (const { line, placeholder } of placeholdersIn(kind, locale, text))
		problems.push({
			file: path,
			line,
			message: `"${placeholder}" is the template's placeholder: write your own text here`,
			code: 'placeholder',
			values: { text: placeholder }
		});
	problems.sort((a, b) => a.line - b.line);
	return { item: problems.length === 0 ? (items[0] ?? null) : null, problems, warnings };
}

/** What the editor shows beside the text (see `insightsOf` in `./content/checker`). */
export async function insightsOf(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string,
	text: string,
	problems: ContentProblem[]
): Promise<StudioInsights> {
	// A scenario plays with its language's lexicons; a series also draws and plays its calls' published scenarios.
	const lexicons =
		kind === 'scenario' || kind === 'series'
			? published(db).lexicons.filter((l) => l.locale === locale)
			: [];
	const scenarios =
		kind === 'series' ? published(db).scenarios.filter((s) => s.locale === locale) : [];
	return (await checker()).insightsOffThread(kind, locale, id, text, problems, lexicons, scenarios);
}

export function revisionsOf(db: Db, kind: ContentKind, locale: ContentLocale, id: string) {
	return db
		.select()
		.from(contentRevisions)
		.where(
			and(
				eq(contentRevisions.kind, kind),
				eq(contentRevisions.locale, locale),
				eq(contentRevisions.itemId, id)
			)
		)
		.orderBy(desc(contentRevisions.number))
		.all();
}

export type PublishResult =
	{ ok: true; number: number } | { ok: false; problems: ContentProblem[] };

/**
 * Publishes an item: checked first (nothing is published with a problem), then written by
 * `publishChecked`. Running attempts keep the revision they started on.
 */
export async function publish(
	db: Db,
	kind: ContentKind,
	locale: ContentLocale,
	id: string,
	text: string,
	authorId: string,
	now = new Date()
): Promise<PublishResult> {
	const { item, problems } = await checkText(db, kind, locale, id, text);
	if (!item) return { ok: false, problems };
	return { ok: true, number: publishItem(db, item, authorId, now) };
}

/** Publishes an item that `checkText` returned, at once (no await: a caller's checks made just before still hold). */
export function publishItem(db: Db, item: ContentItem, authorId: string, now = new Date()): number {
	return db.transaction((tx) => publishChecked(tx, item, authorId, now));
}

/** Publishes an item that has passed the check (the transaction is the caller's); returns its revision number. */
function publishChecked(tx: Db, item: ContentItem, authorId: string, now: Date): number {
	const { kind, locale, id } = item;
	const last = revisionsOf(tx, kind, locale, id)[0];
	let next = (last?.number ?? 0) + 1;
	// The first publish from the studio keeps what was live before (from files) as revision 1.
	const before = !last ? publishedText(tx, kind, locale, id) : null;
	if (before !== null) {
		tx.insert(contentRevisions)
			.values({
				id: newId(),
				kind,
				locale,
				itemId: id,
				number: next,
				text: before,
				authorId: null,
				createdAt: now
			})
			.run();
		next++;
	}
	upsertContentItem(tx, item, now);
	const canonical = serializeContentItem(item);
	tx.insert(contentRevisions)
		.values({
			id: newId(),
			kind,
			locale,
			itemId: id,
			number: next,
			text: canonical,
			authorId,
			createdAt: now
		})
		.run();
	discardDraft(tx, kind, locale, id);
	recordAudit(tx, {
		actorId: authorId,
		action: 'content.published',
		targetId: `${kind}:${locale}:${id}`,
		detail: `revision ${next}`
	});
	return next;
}

/** Publishes an earlier revision's text again, as a new revision. */
export async function rollBack(
	db: Db,
	revisionId: string,
	authorId: string
): Promise<PublishResult | null> {
	const revision = db
		.select()
		.from(contentRevisions)
		.where(eq(contentRevisions.id, revisionId))
		.get();
	if (!revision || !isContentKind(revision.kind)) return null;
	return publish(db, revision.kind, revision.locale, revision.itemId, revision.text, authorId);
}

export function countDrafts(db: Db): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(contentDrafts)
			.get()?.n ?? 0
	);
}

/**
 * The published items of a selection (all without one) as files, zipped under `content/` as
 * `content:export` would write them. Items a selected item refers to are not added: the import
 * checks references, against the zip and what is already published there.
 */
export function exportZip(db: Db, selection?: ExportSelection): Uint8Array {
	const files: Record<string, Uint8Array> = {};
	for (const row of db.select().from(contentItems).all()) {
		const item = rowToItem(row);
		if (selection && !isSelected(selection, item)) continue;
		files[`content/${contentPath(item)}`] = strToU8(serializeContentItem(item));
	}
	return zipSync(files, { level: 6 });
}

/** A refused import lists its problems; a zip refused for its size also says which limit it crossed (`refused`), for the page to say in the user's language. */
export type ImportResult = { ok: true; count: number } | ZipRefused;

export async function importZip(db: Db, zip: Uint8Array, authorId: string): Promise<ImportResult> {
	const checked = await (await checker()).checkZipOffThread(zip, published(db));
	if (!checked.ok) return checked;
	const { items } = checked;
	// Checked together above: items may refer to each other (a plan and its quizzes, an entry and
	// its article), so each is published as checked, not checked again alone against the database.
	const now = new Date();
	db.transaction((tx) => {
		for (const item of items) publishChecked(tx, item, authorId, now);
	});
	return { ok: true, count: items.length };
}

/**
 * Adds a phrasing to an intent of a language's lexicons, in the trainer's draft of the lexicon that
 * defines it (their draft if they have one, else the published file): nothing counts until they
 * publish it, checked as any edit. Returns the lexicon's id, or null when no lexicon of the
 * language defines the intent or the draft cannot be read as a form.
 */
export function addPhraseToIntent(
	db: Db,
	locale: ContentLocale,
	intent: string,
	phrase: string,
	authorId: string
): string | null {
	const lexicons = db
		.select({ id: contentItems.id, data: contentItems.data })
		.from(contentItems)
		.where(and(eq(contentItems.kind, 'lexicon'), eq(contentItems.locale, locale)))
		.all();
	const home = lexicons.find((row) => (row.data as Lexicon).intents.some((i) => i.id === intent));
	if (!home) return null;
	const text =
		draftOf(db, 'lexicon', locale, home.id) ?? publishedText(db, 'lexicon', locale, home.id)!;
	const read = readDraft('lexicon', text);
	if (!read.ok || read.draft.kind !== 'lexicon') return null;
	const entry = read.draft.data.intents.find((i) => i.id === intent);
	if (!entry) return null;
	if (!entry.phrases.includes(phrase)) entry.phrases.push(phrase);
	saveDraft(db, 'lexicon', locale, home.id, writeDraft(read.draft), authorId);
	return home.id;
}

/** Where a score mark's lesson goes in the scenario: the reply as an example of the line, a cue of one of its points. */
export type BeatSuggestion =
	| { kind: 'example'; quality: 'good' | 'bad'; reply: string }
	| { kind: 'cue'; list: 'expect' | 'avoid'; index: number; cue: string };

/**
 * Applies a suggestion to a line of a scenario, in the trainer's draft of it (their draft if they
 * have one, else the published file), like addPhraseToIntent. Returns false when the scenario, the
 * line or the point is not there (any more), or the line holds as many examples as it may.
 */
export function addToBeat(
	db: Db,
	locale: ContentLocale,
	scenarioId: string,
	beatId: string,
	suggestion: BeatSuggestion,
	authorId: string
): boolean {
	const text =
		draftOf(db, 'scenario', locale, scenarioId) ??
		publishedText(db, 'scenario', locale, scenarioId);
	if (text === null) return false;
	const read = readDraft('scenario', text);
	if (!read.ok || read.draft.kind !== 'scenario' || !Object.hasOwn(read.draft.data.beats, beatId))
		return false;
	const beat = read.draft.data.beats[beatId]!;
	if (suggestion.kind === 'example') {
		const examples = (beat.examples ??= { good: [], bad: [] });
		const list = examples[suggestion.quality];
		if (!list.includes(suggestion.reply)) {
			if (list.length >= MAX_EXAMPLES) return false;
			list.push(suggestion.reply);
		}
	} else {
		const point = beat[suggestion.list][suggestion.index];
		if (!point) return false;
		if (!point.cues.includes(suggestion.cue)) point.cues.push(suggestion.cue);
	}
	saveDraft(db, 'scenario', locale, scenarioId, writeDraft(read.draft), authorId);
	return true;
}
