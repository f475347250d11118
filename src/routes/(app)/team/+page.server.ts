import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { teamsManagedBy } from '$lib/server/teams';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	return { teams: teamsManagedBy(getDb(), user.id) };
};
