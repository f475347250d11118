import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseForm, readForm } from '$lib/server/forms';
import { contentLocale } from '$lib/server/content/locale';
import { objectionContent } from '$lib/server/team/dashboard';
import {
	CLOSED_SHOWN,
	DEAL_LIMITS,
	MAX_CALL_NUMBER,
	MAX_OPEN_DEALS,
	closedDealsOf,
	createDeal,
	openDealsOf,
	parseDeal,
	DEAL_FORM_FIELDS
} from '$lib/server/coaching/deals';
import { localIsoDate } from '$lib/calendar';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'rep');
	const db = getDb();
	// The organisation's calendar day: the flags count days on it.
	const today = localIsoDate(new Date());
	const { categories, byCategory } = objectionContent(db, contentLocale());
	return {
		today,
		open: openDealsOf(db, user.id, today),
		closed: closedDealsOf(db, user.id, CLOSED_SHOWN),
		max: MAX_OPEN_DEALS,
		limits: { ...DEAL_LIMITS, callNumber: MAX_CALL_NUMBER },
		objections: categories,
		targets: Object.fromEntries(byCategory)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'rep');
		const values = parseForm(await readForm(event), DEAL_FORM_FIELDS).value;
		const db = getDb();
		const today = localIsoDate(new Date());
		const parsed = parseDeal(values, today, objectionContent(db, contentLocale()).categories);
		if (!parsed.ok) return fail(400, { values, problems: parsed.problems, cap: false });
		const created = createDeal(db, user, parsed.value, contentLocale());
		if (!created.ok) return fail(409, { values, problems: {}, cap: true });
		redirect(303, `/deals/${created.id}?created`);
	}
};
