import { isOneOf } from '$lib/engine/one-of';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { INTERVIEW_MODES } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/auth/guards';
import { listContentFields } from '$lib/server/content/store';
import { canSeeCandidate, listVisibleCandidates } from '$lib/server/hiring/access';
import { createInterview, interviewChoicesFor } from '$lib/server/hiring/hiring';
import { contentLocale } from '$lib/server/content/locale';
import { allTexts, anyText, parseForm, readForm } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const locale = contentLocale();
	const { interviewers, teams } = interviewChoicesFor(db, user);
	return {
		candidates: listVisibleCandidates(db, user).map(({ id, name, position }) => ({
			id,
			name,
			position
		})),
		// What a brief can start from: who the customer is and the call's objective (see `briefFromScenario`).
		scenarios: listContentFields(db, 'scenario', locale, ['title', 'persona', 'objective']).map(
			(s) => ({
				id: s.id,
				title: s.title,
				persona: s.persona,
				objective: s.objective ?? undefined
			})
		),
		rubrics: listContentFields(db, 'rubric', locale, ['title']).map((r) => ({
			id: r.id,
			title: r.title
		})),
		interviewers,
		teams,
		me: user.id,
		preselected: event.url.searchParams.get('candidate')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const form = parseForm(await readForm(event), {
			mode: anyText,
			teamId: anyText,
			candidateId: anyText,
			brief: anyText,
			scenarioId: anyText,
			rubricId: anyText,
			scheduledAt: anyText,
			panel: allTexts
		}).value;
		const { mode, candidateId, brief } = form;
		const teamId = form.teamId || null;
		// Scheduling an interview makes its candidate visible: only for a candidate one may see already.
		if (!canSeeCandidate(getDb(), user, candidateId))
			return fail(400, { problem: 'candidate' as const, brief });
		const result = createInterview(getDb(), {
			candidateId,
			scenarioId: form.scenarioId,
			rubricId: form.rubricId,
			locale: contentLocale(),
			mode: isOneOf(INTERVIEW_MODES, mode) ? mode : 'online',
			scheduledAt: new Date(form.scheduledAt),
			panel: form.panel,
			teamId,
			createdBy: user.id,
			brief
		});
		if (!result.ok) return fail(400, { problem: result.problem, brief });
		redirect(303, `/hiring/interviews/${result.interview.id}`);
	}
};
