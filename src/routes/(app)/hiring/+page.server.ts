import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listVisibleInterviews } from '$lib/server/hiring/interview-list';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	return { interviews: listVisibleInterviews(getDb(), user) };
};
