import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { followedReps, weakSpots } from '$lib/server/team/dashboard';
import { contentLocale } from '$lib/server/content/locale';
import { toCsv } from '$lib/server/csv';
import { weakSpotsTable } from '$lib/server/team/weak-spots-csv';

export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const locale = contentLocale();
	const csv = toCsv(weakSpotsTable(weakSpots(db, followedReps(db, user), locale), locale));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="weak-spots.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
