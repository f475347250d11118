import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/accounts/users';
import { canFollowCohort, findCohort, membersOf, planFor } from '$lib/server/onboarding/onboarding';
import { contentLocale } from '$lib/server/content/locale';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const cohort = findCohort(db, event.params.cohortId);
	const member = cohort && membersOf(db, cohort.id).find((m) => m.id === event.params.userId);
	// The rep's own certificate, or one a manager following the cohort opens.
	const allowed =
		!!cohort && !!member && (user.id === member.id || canFollowCohort(db, user, cohort));
	if (!cohort || !member?.certifiedAt || !allowed) error(404, 'Not found');
	return {
		name: findUserById(db, member.id)!.name,
		plan: planFor(db, cohort, contentLocale()).curriculum.title,
		certifiedAt: member.certifiedAt
	};
};
