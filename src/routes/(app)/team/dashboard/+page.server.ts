import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { dashboardRows } from '$lib/server/dashboard';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	// The page draws each trend from its weekly averages alone: only those travel with the page.
	return { rows: dashboardRows(getDb(), user).map((row) => ({ ...row, trend: row.trend.map((point) => point.average) })) };
};
