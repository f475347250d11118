import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { dashboardRows, followedReps } from '$lib/server/team/dashboard';
import { toCsv } from '$lib/server/csv';
import { m } from '$lib/paraglide/messages';
import { localIsoDate } from '$lib/calendar';

export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const rows = dashboardRows(db, followedReps(db, user));
	const csv = toCsv([
		[
			m.dashboard_rep(),
			m.dashboard_team(),
			m.dashboard_onboarding(),
			m.cohort_certified(),
			m.dashboard_this_week(),
			m.dashboard_average(),
			m.dashboard_best(),
			m.dashboard_cards()
		],
		...rows.map((r) => [
			r.name,
			r.team,
			r.onboarding ? r.onboarding.percent : null,
			r.onboarding?.certifiedAt ? localIsoDate(r.onboarding.certifiedAt) : null,
			r.attemptsThisWeek,
			r.average,
			r.best,
			r.cardsOverdue
		])
	]);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="team-dashboard.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
