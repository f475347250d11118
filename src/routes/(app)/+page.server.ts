import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { currentCohortOf, progressOf } from '$lib/server/onboarding/onboarding';
import { countDueCards } from '$lib/server/onboarding/review-cards';
import { moduleItemHref } from '$lib/labels';
import { newFeedbackFor } from '$lib/server/coaching/comments';
import { contentTitles } from '$lib/server/content/store';
import { contentLocale } from '$lib/server/content/locale';
import { assignmentsForHome } from '$lib/server/coaching/assignments';
import { homeOneToOnes } from '$lib/server/coaching/one-to-ones';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const cohort = currentCohortOf(db, user.id);
	const progress =
		cohort && !cohort.certifiedAt
			? progressOf(db, cohort, user.id, new Date(), contentLocale())
			: null;
	const next = progress?.next;
	const feedback = newFeedbackFor(db, user.id);
	const titles =
		feedback.length > 0
			? new Map(
					contentTitles(
						db,
						'scenario',
						feedback.map((f) => f.scenarioId),
						contentLocale()
					).map((t) => [t.id, t.title])
				)
			: null;
	return {
		plan: progress
			? {
					when: progress.when,
					total: progress.days.length,
					percent: progress.percent,
					overdue: progress.overdue,
					next: next
						? {
								type: next.type,
								title: next.title,
								href: moduleItemHref(next.type, next.items[0] ?? '') ?? '/onboarding'
							}
						: null
				}
			: null,
		cardsDue: countDueCards(db, user.id),
		// Comments on the rep's role-plays that they have not opened yet.
		feedback: feedback.map((f) => ({
			attemptId: f.attemptId,
			title: titles?.get(f.scenarioId) ?? f.scenarioId,
			comments: f.comments,
			authors: f.authors,
			latestAt: f.latestAt
		})),
		// What the rep's coach assigned them: still to do, and done in the last few days.
		assignments: assignmentsForHome(db, user.id, contentLocale()),
		// The actions agreed in the rep's one-to-ones that are still open.
		oneToOnes: homeOneToOnes(db, user.id)
	};
};
