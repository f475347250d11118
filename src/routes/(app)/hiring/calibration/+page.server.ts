import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/accounts/users';
import { submittedRatingsFor } from '$lib/server/hiring/comparison';
import { calibrate } from '$lib/engine/hiring/agreement';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const rows = calibrate(submittedRatingsFor(db, user)).map((c) => ({
		...c,
		name: findUserById(db, c.interviewerId)?.name ?? '—'
	}));
	return { rows: rows.filter((r) => r.pairs > 0) };
};
