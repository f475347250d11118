import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { practiceHistory, repComments, repFor, repOnboarding, repWeakSpots } from '$lib/server/rep-page';
import { contentLocale } from '$lib/server/content-locale';
import { serverRendered } from '$lib/server-rendered';
import { repOneToOnes } from '$lib/server/one-to-ones';

// A page to read, with links and no script of its own: rendered on the server only (see $lib/server-rendered).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	// Whether this manager coaches the rep comes first: anyone else's rep is a 404, not a hint they exist.
	const rep = repFor(db, user, event.params.repId);
	if (!rep) error(404, 'Not found');
	const locale = contentLocale();
	return {
		view: serverRendered({
			rep,
			onboarding: repOnboarding(db, user, rep.id, new Date(), locale),
			history: practiceHistory(db, rep.id, locale, event.url.searchParams.get('page')),
			weak: repWeakSpots(db, rep, locale),
			comments: repComments(db, rep.id, locale),
			oneToOnes: repOneToOnes(db, user, rep.id, locale)
		})
	};
};
