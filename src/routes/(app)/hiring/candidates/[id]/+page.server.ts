import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { canSeeCandidate } from '$lib/server/hiring/access';
import { findCandidate } from '$lib/server/hiring/hiring';
import { listVisibleInterviews } from '$lib/server/hiring/interview-list';
import {
	flagsOf,
	rulesFor,
	screeningForm,
	screeningFormOf,
	screeningOf,
	updateScreening
} from '$lib/server/hiring/screening';
import { readScreening } from '$lib/engine/hiring/screening';
import {
	candidateDataAccess,
	deleteCandidate,
	exportHeldBack
} from '$lib/server/hiring/candidate-data';
import { anyText, parseForm, readForm } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const access = candidateDataAccess(db, user, event.params.id);
	const candidate = findCandidate(db, event.params.id);
	if (access === 'none' || !candidate) error(404, 'Not found');
	const { id, name, position, contact, notes, createdAt } = candidate;
	const screening = screeningOf(candidate);
	return {
		candidate: { id, name, position, contact, notes, createdAt },
		screening,
		screeningForm: screeningFormOf(screening),
		flags: flagsOf(db, candidate),
		rules: rulesFor(db, candidate.position),
		interviews: listVisibleInterviews(db, user).filter((i) => i.candidateId === candidate.id),
		mayManageData: access === 'full',
		exportHeld: access === 'full' && exportHeldBack(db, user, candidate.id)
	};
};

export const actions: Actions = {
	// Whoever may see the candidate may record their screening, as they may schedule their interviews.
	screening: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		if (!canSeeCandidate(db, user, event.params.id)) error(404, 'Not found');
		const typed = screeningForm(await readForm(event));
		const screening = readScreening(typed);
		if (!screening.ok)
			return fail(400, {
				problem: 'screening' as const,
				screeningProblem: screening.problem,
				screening: typed
			});
		updateScreening(db, user.id, event.params.id, screening.screening);
		return { screened: true };
	},
	delete: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const access = candidateDataAccess(db, user, event.params.id);
		if (access === 'none') error(404, 'Not found');
		if (access === 'partial') return fail(403, { problem: 'partial' as const });
		// Deleting cannot be undone: the form asks to tick a box first, and so does the server.
		if (parseForm(await readForm(event), { confirm: anyText }).value.confirm !== 'yes')
			return fail(400, { problem: 'confirm' as const });
		deleteCandidate(db, user.id, event.params.id);
		redirect(303, '/hiring/candidates?deleted=1');
	}
};
