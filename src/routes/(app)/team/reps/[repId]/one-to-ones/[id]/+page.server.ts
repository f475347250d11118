import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { checkbox, parseForm, readForm } from '$lib/server/forms';
import { repFor } from '$lib/server/team/rep-page';
import {
	FORM_LIMITS,
	changeableUntil,
	deleteOneToOne,
	oneToOneAsInput,
	oneToOneForCoach,
	readOneToOneForm,
	rolePlayOptions,
	updateOneToOne
} from '$lib/server/coaching/one-to-ones';
import { contentLocale } from '$lib/server/content/locale';
import { localIsoDate } from '$lib/calendar';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	// The rep first: a one-to-one is found only through a rep this manager coaches.
	const rep = repFor(db, user, event.params.repId);
	const view = rep && oneToOneForCoach(db, user, rep.id, event.params.id, contentLocale());
	if (!rep || !view) error(404, 'Not found');
	const values = oneToOneAsInput(view);
	return {
		rep,
		view,
		saved: event.url.searchParams.has('saved'),
		edit: view.changeable
			? {
					today: localIsoDate(new Date()),
					until: changeableUntil(view.createdAt),
					values,
					closed: view.actions.filter((a) => a.doneOn !== null),
					options: rolePlayOptions(db, rep.id, contentLocale(), values.rolePlays),
					limits: FORM_LIMITS
				}
			: null
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const { repId, id } = event.params;
		// Someone else's, or past its week: a 404 before the form is read.
		if (!oneToOneForCoach(db, user, repId, id, contentLocale())?.changeable)
			error(404, 'Not found');
		const input = readOneToOneForm(await readForm(event));
		const result = updateOneToOne(db, user, repId, id, input);
		if (!result.ok) {
			if (result.problem === 'not-found') error(404, 'Not found');
			return fail(400, { action: 'update' as const, input, problems: result.problems });
		}
		redirect(303, `/team/reps/${repId}/one-to-ones/${id}?saved=1`);
	},
	delete: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const { repId, id } = event.params;
		if (!oneToOneForCoach(db, user, repId, id, contentLocale())?.changeable)
			error(404, 'Not found');
		const { confirm } = parseForm(await readForm(event), { confirm: checkbox('yes') }).value;
		if (!confirm) return fail(400, { action: 'delete' as const, problem: 'confirm' as const });
		if (!deleteOneToOne(db, user, repId, id).ok) error(404, 'Not found');
		redirect(303, `/team/reps/${repId}/one-to-ones?deleted=1`);
	}
};
