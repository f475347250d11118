import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listPracticeScenarios } from '$lib/server/practice';
import { contentLocale } from '$lib/server/content-locale';
import { leaderboard, leaderboardTeamOf } from '$lib/server/dashboard';

/** Scenarios per page: a library can hold hundreds, and a phone should not scroll through them all. */
const PER_PAGE = 24;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	const { scenarios, pager } = listPracticeScenarios(db, user.id, locale, { perPage: PER_PAGE, requested: event.url.searchParams.get('page') });
	// This week's practice in the rep's team, when its manager has switched the leaderboard on.
	const team = leaderboardTeamOf(db, user.id);
	const board = team ? leaderboard(db, team).map((row) => ({ name: row.name, finished: row.finished, best: Math.round(row.best) })) : [];
	return { scenarios, pager, locale, board };
};
