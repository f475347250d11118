import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { dashboardRows } from '$lib/server/dashboard';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	return { rows: dashboardRows(getDb(), user) };
};
