import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { oneToOnesOf, openActions } from '$lib/server/coaching/one-to-ones';
import { contentLocale } from '$lib/server/content/locale';
import { localIsoDate } from '$lib/calendar';

// A rep's own one-to-ones, to read: only ever the signed-in user's, whatever the address asks.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const today = localIsoDate(new Date());
	return {
		open: openActions(db, user.id, today),
		list: oneToOnesOf(db, user.id, contentLocale(), { today })
	};
};
