import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import {
	canFollowCohort,
	findCohort,
	membersWithStatuses,
	planFor
} from '$lib/server/onboarding/onboarding';
import { contentLocale } from '$lib/server/content/locale';
import { serverRendered } from '$lib/server-rendered';
import { followedAmong } from '$lib/server/coaching/comments';

// A table to read, with links and no script of its own: rendered on the server only, so that no
// copy of its data is sent for hydration (hundreds of cells): see $lib/server-rendered.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const cohort = findCohort(db, event.params.id);
	if (!cohort || !canFollowCohort(db, user, cohort)) error(404, 'Not found');
	// Named in the reader's language where the plan exists in it: the statuses are the same in either.
	const curriculum = planFor(db, cohort, contentLocale()).curriculum;
	const members = membersWithStatuses(db, cohort);
	// A rep's name opens their page where this manager coaches them (a cohort may hold new hires of no team yet).
	const followed = followedAmong(
		db,
		user,
		members.map(({ member }) => member.id)
	);
	const reps = members.map(({ member, progress }) => ({
		id: member.id,
		name: member.name,
		followed: followed.has(member.id),
		certifiedAt: member.certifiedAt,
		percent: progress.percent,
		overdue: progress.overdue,
		// In the order of the plan's modules (the columns): a cohort page carries hundreds of them.
		statuses: progress.statuses
	}));
	const modules = curriculum.days.flatMap((day, d) =>
		day.modules.map((module, m) => ({
			key: `d${d + 1}m${m + 1}`,
			day: d + 1,
			type: module.type,
			title: module.title
		}))
	);
	const days = curriculum.days.map((day) => ({ title: day.title, size: day.modules.length }));
	return {
		view: serverRendered({
			cohort: {
				id: cohort.id,
				name: cohort.name,
				title: curriculum.title,
				startDate: cohort.startDate
			},
			days,
			modules,
			reps
		})
	};
};
