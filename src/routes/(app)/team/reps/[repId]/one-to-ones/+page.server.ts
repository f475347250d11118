import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { repFor } from '$lib/server/team/rep-page';
import { oneToOnesOf } from '$lib/server/coaching/one-to-ones';
import { contentLocale } from '$lib/server/content/locale';
import { localIsoDate } from '$lib/calendar';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const rep = repFor(db, user, event.params.repId);
	if (!rep) error(404, 'Not found');
	const now = new Date();
	return {
		rep,
		deleted: event.url.searchParams.has('deleted'),
		list: oneToOnesOf(db, rep.id, contentLocale(), { today: localIsoDate(now), reader: user, now })
	};
};
