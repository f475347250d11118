import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { contentLocale } from '$lib/server/content/locale';
import { objectionContent } from '$lib/server/team/dashboard';
import { dealReview } from '$lib/server/coaching/deals';
import { localIsoDate } from '$lib/calendar';
import { serverRendered } from '$lib/server-rendered';

// A page to read, with links and a plain filter form: rendered on the server only (see $lib/server-rendered).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	// The organisation's calendar day: the flags count days on it.
	const review = dealReview(db, user, localIsoDate(new Date()), event.url.searchParams.get('team'));
	return {
		view: serverRendered({
			review,
			targets: Object.fromEntries(objectionContent(db, contentLocale()).byCategory)
		})
	};
};
