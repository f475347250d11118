import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import {
	draftOf,
	importZip,
	listStudioItems,
	publishedText,
	saveDraft
} from '$lib/server/content/studio';
import { proposeId, templateFor } from '$lib/engine/studio/templates';
import { anyText, choiceOrNone, parseForm, readForm, trimmedText } from '$lib/server/forms';
import { CONTENT_KIND_NAMES, type ContentProblem } from '$lib/engine/content';
import { LOCALES } from '$lib/roles';
import { openMarkCount } from '$lib/server/practice/score-marks';
import { setSpeakingRanges, speakingRanges } from '$lib/server/practice/call-sounded';
import { RANGE_FIELDS, parseSpeakingRanges, speakingRangeFields } from '$lib/engine/voice/ranges';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	return {
		items: listStudioItems(getDb()),
		kinds: CONTENT_KIND_NAMES,
		openMarks: openMarkCount(getDb()),
		speakingRanges: speakingRangeFields(speakingRanges(getDb()))
	};
};

export const actions: Actions = {
	/** The ranges a recorded call's pace, longest stretch and share of talk are shown against. */
	speaking: async (event) => {
		requireRole(event, 'trainer', 'admin');
		const fields = parseForm(
			await readForm(event),
			Object.fromEntries(RANGE_FIELDS.map((name) => [name, anyText]))
		).value;
		const ranges = parseSpeakingRanges(fields);
		if (!ranges) return fail(400, { speakingInvalid: true, speakingFields: fields });
		setSpeakingRanges(getDb(), ranges);
		return { speakingSaved: true };
	},
	import: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const file = (await readForm(event)).get('zip');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, {
				importProblems: [
					{ file: '(upload)', line: 1, message: 'no file', code: 'zip-no-file', values: {} }
				] satisfies ContentProblem[]
			});
		const result = await importZip(getDb(), new Uint8Array(await file.arrayBuffer()), user.id);
		if (!result.ok)
			return result.refused
				? fail(413, { importRefused: result.refused })
				: fail(400, { importProblems: result.problems });
		return { imported: result.count };
	},
	create: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		// The typed title and id go back with every problem, so none of these fields fails the parse.
		const {
			kind,
			locale,
			title,
			id: typedId
		} = parseForm(await readForm(event), {
			kind: choiceOrNone(CONTENT_KIND_NAMES),
			locale: choiceOrNone(LOCALES),
			title: trimmedText,
			id: trimmedText
		}).value;
		const db = getDb();
		const kept = { title, id: typedId };
		if (!kind || !locale) return fail(400, { problem: 'kind' as const, ...kept });
		if (title === '' || title.length > 200)
			return fail(400, { problem: 'title' as const, ...kept });
		// An id typed by the trainer may be one the other language already uses: that makes this item its translation.
		const id =
			typedId ||
			proposeId(
				kind,
				title,
				new Set(listStudioItems(db).flatMap((item) => (item.kind === kind ? [item.id] : [])))
			);
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 80)
			return fail(400, { problem: 'id' as const, ...kept });
		if (publishedText(db, kind, locale, id) !== null || draftOf(db, kind, locale, id) !== null)
			return fail(400, { problem: 'taken' as const, ...kept });
		saveDraft(db, kind, locale, id, templateFor(kind, id, locale, title), user.id);
		redirect(303, `/studio/${kind}/${locale}/${id}`);
	}
};
