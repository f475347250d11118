import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { currentCohortOf, progressOf } from '$lib/server/onboarding';
import { countDueCards } from '$lib/server/review-cards';
import { moduleItemHref } from '$lib/labels';
import { contentLocale } from '$lib/server/content-locale';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const cohort = currentCohortOf(db, user.id);
	const progress = cohort && !cohort.certifiedAt ? progressOf(db, cohort, user.id, new Date(), contentLocale()) : null;
	const next = progress?.next;
	return {
		plan: progress
			? {
					when: progress.when,
					total: progress.days.length,
					percent: progress.percent,
					overdue: progress.overdue,
					next: next ? { type: next.type, title: next.title, href: moduleItemHref(next.type, next.items[0] ?? '') ?? '/onboarding' } : null
				}
			: null,
		cardsDue: countDueCards(db, user.id)
	};
};
