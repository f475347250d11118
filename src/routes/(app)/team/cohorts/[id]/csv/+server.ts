import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import {
	canFollowCohort,
	findCohort,
	membersWithProgress
} from '$lib/server/onboarding/onboarding';
import { toCsv } from '$lib/server/csv';
import { contentLocale } from '$lib/server/content/locale';
import { moduleStatusLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { localIsoDate } from '$lib/calendar';

export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const cohort = findCohort(db, event.params.id);
	if (!cohort || !canFollowCohort(db, user, cohort)) error(404, 'Not found');
	const rows = membersWithProgress(db, cohort, new Date(), contentLocale());
	const modules =
		rows[0]?.progress.days.flatMap((d, i) =>
			d.modules.map((module) => ({ day: i + 1, title: module.title }))
		) ?? [];
	const csv = toCsv([
		[
			m.cohort_members(),
			'%',
			m.cohort_certified(),
			...modules.map((module) => `${m.cohort_day({ day: module.day })} · ${module.title}`)
		],
		...rows.map(({ member, progress }) => [
			member.name,
			progress.percent,
			member.certifiedAt ? localIsoDate(member.certifiedAt) : null,
			...progress.days.flatMap((d) => d.modules.map((module) => moduleStatusLabel(module.status)))
		])
	]);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="cohort.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
