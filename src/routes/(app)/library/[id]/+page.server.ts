import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import { isBookmarked, scriptEntry, setBookmark } from '$lib/server/onboarding/library';
import { contentLocale } from '$lib/server/content/locale';
import { checkbox, parseForm, readForm } from '$lib/server/forms';
import { completeScriptAssignments } from '$lib/server/coaching/assignments';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	const script = scriptEntry(db, event.params.id, locale);
	if (!script) error(404, 'Not found');
	// Opening the entry is reviewing it: an assignment to review it is done now (no write when none is open).
	completeScriptAssignments(db, user.id, event.params.id);
	return { script, bookmarked: isBookmarked(db, user.id, event.params.id), uiLocale: locale };
};

export const actions: Actions = {
	bookmark: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		if (!findContent(db, 'script', event.params.id, contentLocale())) error(404, 'Not found');
		const { on } = parseForm(await readForm(event), { on: checkbox('1') }).value;
		setBookmark(db, user.id, event.params.id, on);
		return { saved: true };
	}
};
