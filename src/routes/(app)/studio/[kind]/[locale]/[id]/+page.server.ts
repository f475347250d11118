import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/accounts';
import { checkText, discardDraft, draftOf, insightsOf, isContentKind, publish, publishedText, revisionsOf, rollBack, saveDraft } from '$lib/server/studio';
import { listContentIds } from '$lib/server/content/store';
import { clipText, textField } from '$lib/server/forms';
import type { ContentKind } from '$lib/engine/content';
import { changesOnly, lineDiff } from '$lib/engine/studio/diff';
import { isLocale, type Locale } from '$lib/roles';

function target(event: Pick<RequestEvent, 'params'>): { kind: ContentKind; locale: Locale; id: string } {
	const { kind, locale, id } = event.params;
	if (!isContentKind(kind) || !isLocale(locale) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) error(404, 'Not found');
	return { kind, locale, id };
}

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const { kind, locale, id } = target(event);
	const published = publishedText(db, kind, locale, id);
	const draft = draftOf(db, kind, locale, id);
	if (published === null && draft === null) error(404, 'Not found');
	const text = draft ?? published!;
	const { problems } = checkText(db, kind, locale, id, text);
	const revisions = revisionsOf(db, kind, locale, id);
	const names = new Map<string, string>();
	for (const r of revisions) if (r.authorId && !names.has(r.authorId)) names.set(r.authorId, findUserById(db, r.authorId)?.name ?? '—');
	return {
		target: { kind, locale, id },
		text,
		hasDraft: draft !== null,
		published: published !== null,
		problems: problems.map(({ line, message }) => ({ line, message })),
		draftDiff: draft !== null && published !== null ? changesOnly(lineDiff(published, draft)) : null,
		...insightsOf(kind, locale, id, text, problems),
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

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const { kind, locale, id } = target(event);
		saveDraft(getDb(), kind, locale, id, clipText(textField(await event.request.formData(), 'text'), 200_000), user.id);
		return { saved: true };
	},
	publish: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const { kind, locale, id } = target(event);
		const text = clipText(textField(await event.request.formData(), 'text'), 200_000);
		const db = getDb();
		// What was typed is kept as the draft either way: a refused publish loses nothing.
		saveDraft(db, kind, locale, id, text, user.id);
		const result = publish(db, kind, locale, id, text, user.id);
		if (!result.ok) return fail(400, { problems: result.problems.map(({ line, message }) => ({ line, message })) });
		return { published: result.number };
	},
	discard: (event) => {
		requireRole(event, 'trainer', 'admin');
		const { kind, locale, id } = target(event);
		discardDraft(getDb(), kind, locale, id);
		return { discarded: true };
	},
	rollback: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		target(event);
		const result = rollBack(getDb(), textField(await event.request.formData(), 'revision'), user.id);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { problems: result.problems.map(({ line, message }) => ({ line, message })) });
		return { published: result.number };
	}
};
