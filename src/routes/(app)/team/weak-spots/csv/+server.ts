import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { followedReps, weakSpots } from '$lib/server/dashboard';
import { contentLocale } from '$lib/server/content-locale';
import { toCsv } from '$lib/server/csv';
import { scriptCategoryLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const spots = weakSpots(db, followedReps(db, user), contentLocale());
	// Both heatmaps side by side: the objection categories, then the rubric criteria.
	const csv = toCsv([
		[m.dashboard_rep(), ...spots.categories.map((c) => `${m.weak_by_category()}: ${scriptCategoryLabel(c)}`), ...spots.criteria.map((c) => `${m.weak_by_criterion()}: ${c}`)],
		...spots.reps.map((rep) => [
			rep.name,
			...spots.categories.map((c) => spots.byCategory.get(rep.id)?.get(c)?.average ?? null),
			...spots.criteria.map((c) => spots.byCriterion.get(rep.id)?.get(c)?.average ?? null)
		])
	]);
	return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="weak-spots.csv"', 'cache-control': 'private, no-store' } });
};
