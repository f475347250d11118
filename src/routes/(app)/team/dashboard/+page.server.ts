import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { dashboardRows, followedReps, REPS_PER_PAGE } from '$lib/server/team/dashboard';
import { pageOf } from '$lib/pages';
import { serverRendered } from '$lib/server-rendered';
import { overdueAssignmentCounts } from '$lib/server/coaching/assignments';

// A table to read, with links and no script of its own: rendered on the server only, so that no
// copy of its data is sent for hydration (hundreds of cells): see $lib/server-rendered.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const reps = followedReps(db, user);
	const { items, pager } = pageOf(reps, REPS_PER_PAGE, event.url.searchParams.get('page'));
	// The page draws each trend from its weekly averages alone: only those travel with the page.
	// Assignments overdue, for the whole page of reps in one grouped query.
	const overdue = overdueAssignmentCounts(
		db,
		items.map((rep) => rep.id)
	);
	return {
		view: serverRendered({
			rows: dashboardRows(db, items).map((row) => ({
				...row,
				trend: row.trend.map((point) => point.average),
				assignmentsOverdue: overdue.get(row.id) ?? 0
			})),
			pager,
			repCount: reps.length
		})
	};
};
