import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb, type Db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/accounts/users';
import {
	checkText,
	discardDraft,
	draftOf,
	editorVersion,
	insightsOf,
	isContentKind,
	newerLanguage,
	titleInText,
	publishItem,
	publishedText,
	revisionsOf,
	rollBack,
	saveDraft
} from '$lib/server/content/studio';
import { listContentIds } from '$lib/server/content/store';
import { anyText, clippedText, parseForm, readForm } from '$lib/server/forms';
import { MAX_FILE_CHARS, type ContentKind } from '$lib/engine/content';
import { changesOnly, lineDiff } from '$lib/engine/studio/diff';
import { isLocale, type Locale } from '$lib/roles';

function target(event: Pick<RequestEvent, 'params'>): {
	kind: ContentKind;
	locale: Locale;
	id: string;
} {
	const { kind, locale, id } = event.params;
	if (!isContentKind(kind) || !isLocale(locale) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
		error(404, 'Not found');
	return { kind, locale, id };
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const { kind, locale, id } = target(event);
	const published = publishedText(db, kind, locale, id);
	const draft = draftOf(db, kind, locale, id);
	if (published === null && draft === null) error(404, 'Not found');
	const text = draft ?? published!;
	const { problems, warnings } = await checkText(db, kind, locale, id, text);
	const insights = await insightsOf(db, kind, locale, id, text, problems);
	const revisions = revisionsOf(db, kind, locale, id);
	const names = new Map<string, string>();
	for (const r of revisions)
		if (r.authorId && !names.has(r.authorId))
			names.set(r.authorId, findUserById(db, r.authorId)?.name ?? '—');
	return {
		target: { kind, locale, id },
		version: editorVersion(db, kind, locale, id),
		text,
		title: titleInText(text) ?? id,
		hasDraft: draft !== null,
		newerIn: newerLanguage(db, kind, locale, id),
		published: published !== null,
		// With their codes and values: the page says them in the trainer's words and language.
		problems,
		warnings,
		draftDiff:
			draft !== null && published !== null ? changesOnly(lineDiff(published, draft)) : null,
		...insights,
		// What the forms' pickers offer: the published ids of each kind in this language.
		catalog: listContentIds(db, locale),
		revisions: revisions.map((r, i) => ({
			id: r.id,
			number: r.number,
			createdAt: r.createdAt,
			author: r.authorId ? (names.get(r.authorId) ?? '—') : null,
			diff: revisions[i + 1] ? changesOnly(lineDiff(revisions[i + 1]!.text, r.text)) : null
		}))
	};
};

async function postedEditor(event: RequestEvent) {
	const user = requireRole(event, 'trainer', 'admin');
	const { kind, locale, id } = target(event);
	const form = parseForm(await readForm(event), {
		text: clippedText(MAX_FILE_CHARS),
		version: anyText
	}).value;
	return { user, kind, locale, id, ...form };
}

/**
 * A 409 when someone else saved or published the item after this editor was opened: writing now
 * would silently undo their work. The typed text goes back to the page, not lost. Call it right
 * before the write, with no await in between, so that nothing can slip in.
 */
function conflict(
	db: Db,
	input: { kind: ContentKind; locale: Locale; id: string; text: string; version: string }
) {
	return input.version === editorVersion(db, input.kind, input.locale, input.id)
		? null
		: fail(409, { conflict: true as const, text: input.text });
}

export const actions: Actions = {
	save: async (event) => {
		const input = await postedEditor(event);
		const db = getDb();
		const stale = conflict(db, input);
		if (stale) return stale;
		saveDraft(db, input.kind, input.locale, input.id, input.text, input.user.id);
		return { saved: true };
	},
	publish: async (event) => {
		const input = await postedEditor(event);
		const db = getDb();
		const { kind, locale, id, text, user } = input;
		// Checked first (on the worker): the conflict check and the writes below then follow with no await between.
		const { item, problems } = await checkText(db, kind, locale, id, text);
		const stale = conflict(db, input);
		if (stale) return stale;
		// What was typed is kept as the draft either way: a refused publish loses nothing.
		saveDraft(db, kind, locale, id, text, user.id);
		if (!item) return fail(400, { problems });
		return { published: publishItem(db, item, user.id) };
	},
	discard: async (event) => {
		const input = await postedEditor(event);
		const db = getDb();
		const stale = conflict(db, input);
		if (stale) return stale;
		discardDraft(db, input.kind, input.locale, input.id);
		return { discarded: true };
	},
	rollback: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		target(event);
		const { revision } = parseForm(await readForm(event), { revision: anyText }).value;
		const result = await rollBack(getDb(), revision, user.id);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { problems: result.problems });
		return { published: result.number };
	}
};
