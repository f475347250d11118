import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms';
import { repFor } from '$lib/server/team/rep-page';
import { followsRep } from '$lib/server/coaching/comments';
import {
	FORM_LIMITS,
	blankOneToOne,
	openActions,
	readOneToOneForm,
	recordOneToOne,
	rolePlayOptions
} from '$lib/server/coaching/one-to-ones';
import { contentLocale } from '$lib/server/content/locale';
import { localIsoDate } from '$lib/calendar';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	// Whether this manager coaches the rep comes first: anyone else's rep is a 404, not a hint they exist.
	const rep = repFor(db, user, event.params.repId);
	if (!rep) error(404, 'Not found');
	const today = localIsoDate(new Date());
	return {
		rep,
		today,
		values: blankOneToOne(today),
		open: openActions(db, rep.id, today),
		options: rolePlayOptions(db, rep.id, contentLocale()),
		limits: FORM_LIMITS
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const repId = event.params.repId;
		if (!followsRep(db, user, repId)) error(404, 'Not found');
		const input = readOneToOneForm(await readForm(event));
		const result = recordOneToOne(db, user, repId, input);
		if (!result.ok) {
			if (result.problem === 'not-found') error(404, 'Not found');
			return fail(400, { input, problems: result.problems });
		}
		redirect(303, `/team/reps/${repId}/one-to-ones/${result.id}?saved=1`);
	}
};
