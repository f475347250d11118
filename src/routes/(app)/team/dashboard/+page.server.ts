import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { dashboardRows, followedReps } from '$lib/server/dashboard';
import { pageOf } from '$lib/pages';

/** Reps per page: a big team's table stays readable on a phone, and the CSV export has them all. */
const PER_PAGE = 20;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const reps = followedReps(db, user);
	const { items, pager } = pageOf(reps, PER_PAGE, event.url.searchParams.get('page'));
	// The page draws each trend from its weekly averages alone: only those travel with the page.
	return { rows: dashboardRows(db, items).map((row) => ({ ...row, trend: row.trend.map((point) => point.average) })), pager, repCount: reps.length };
};
