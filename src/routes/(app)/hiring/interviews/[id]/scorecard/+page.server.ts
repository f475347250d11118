import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { interviewAttempt, isFormerProductInterview } from '$lib/server/hiring/hiring';
import { interviewFor, panelView, soundedForPanel } from '$lib/server/hiring/interview-view';
import { assessesBriefedCriteria, isBriefed } from '$lib/engine/hiring/brief';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const { interview, candidate, scenario, locale, rubric } = interviewFor(
		db,
		user,
		event.params.id
	);
	const attempt = interviewAttempt(
		db,
		interview.id,
		interview.mode === 'live' ? 'live' : undefined
	);
	return {
		interview: { id: interview.id, mode: interview.mode, scheduledAt: interview.scheduledAt },
		candidate: { name: candidate.name, position: candidate.position },
		scenario: { title: scenario.title, locale },
		formerProduct: isFormerProductInterview(db, interview)
			? { product: interview.formerProduct }
			: null,
		rubric,
		autoScore: attempt && attempt.status !== 'active' ? attempt.score : null,
		// A recorded online role-play: how it sounded, printed as the panel saw it (advisory).
		sounded: attempt && attempt.status !== 'active' ? soundedForPanel(db, attempt, rubric) : null,
		notAssessed:
			interview.mode === 'online' && !isBriefed(interview) && assessesBriefedCriteria(scenario),
		...panelView(db, user, interview.id, rubric)
	};
};
