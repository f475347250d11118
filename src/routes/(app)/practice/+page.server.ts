import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listPracticeScenarios } from '$lib/server/practice/practice-list';
import { contentLocale } from '$lib/server/content/locale';
import { repLeaderboard } from '$lib/server/practice/totals';
import { serverRendered } from '$lib/server-rendered';

/** Scenarios per page: a library can hold hundreds, and a phone should not scroll through them all. */
const PER_PAGE = 24;
/** The leaderboard's first places; the rep's own place is shown too when further down. */
const BOARD_TOP = 5;

// A list of links with no script of its own: rendered on the server only, so that its data is not
// sent a second time for hydration (a third of the view's cost). Kit would still copy the data
// into the page with scripts off: see $lib/server-rendered.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	const { scenarios, pager } = listPracticeScenarios(db, user.id, locale, {
		perPage: PER_PAGE,
		requested: event.url.searchParams.get('page')
	});
	// This week's practice in the rep's team, when its manager has switched the leaderboard on.
	const board = repLeaderboard(db, user.id, new Date(), BOARD_TOP).map((row) => ({
		name: row.name,
		finished: row.finished,
		best: Math.round(row.best),
		place: row.place,
		you: row.userId === user.id
	}));
	return { view: serverRendered({ scenarios, pager, locale, board }) };
};
