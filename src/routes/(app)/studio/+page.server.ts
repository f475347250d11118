import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { draftOf, importZip, isContentKind, listStudioItems, publishedText, saveDraft, templateFor } from '$lib/server/studio';
import { readForm, textField } from '$lib/server/forms';
import { CONTENT_KIND_NAMES, type ContentProblem } from '$lib/engine/content';
import { isLocale } from '$lib/roles';
import { openMarkCount } from '$lib/server/score-marks';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	return { items: listStudioItems(getDb()), kinds: CONTENT_KIND_NAMES, openMarks: openMarkCount(getDb()) };
};

export const actions: Actions = {
	import: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const file = (await readForm(event)).get('zip');
		if (!(file instanceof File) || file.size === 0) return fail(400, { importProblems: [{ file: '(upload)', line: 1, message: 'no file', code: 'zip-no-file', values: {} }] satisfies ContentProblem[] });
		const result = await importZip(getDb(), new Uint8Array(await file.arrayBuffer()), user.id);
		if (!result.ok) return result.refused ? fail(413, { importRefused: result.refused }) : fail(400, { importProblems: result.problems });
		return { imported: result.count };
	},
	create: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const data = await readForm(event);
		const kind = textField(data, 'kind');
		const locale = textField(data, 'locale');
		const id = textField(data, 'id').trim();
		const db = getDb();
		const valid = isContentKind(kind) && isLocale(locale) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 80;
		if (!valid || publishedText(db, kind, locale, id) !== null || draftOf(db, kind, locale, id) !== null) return fail(400, { problem: true, id });
		saveDraft(db, kind, locale, id, templateFor(kind, id, locale), user.id);
		redirect(303, `/studio/${kind}/${locale}/${id}`);
	}
};
