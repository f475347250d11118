import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findCandidate, listVisibleInterviews } from '$lib/server/hiring/hiring';
import {
	candidateDataAccess,
	deleteCandidate,
	exportHeldBack
} from '$lib/server/hiring/candidate-data';
import { readForm, textField } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const access = candidateDataAccess(db, user, event.params.id);
	const candidate = findCandidate(db, event.params.id);
	if (access === 'none' || !candidate) error(404, 'Not found');
	const { id, name, position, contact, notes, createdAt } = candidate;
	return {
		candidate: { id, name, position, contact, notes, createdAt },
		interviews: listVisibleInterviews(db, user).filter((i) => i.candidateId === candidate.id),
		mayManageData: access === 'full',
		exportHeld: access === 'full' && exportHeldBack(db, user, candidate.id)
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const access = candidateDataAccess(db, user, event.params.id);
		if (access === 'none') error(404, 'Not found');
		if (access === 'partial') return fail(403, { problem: 'partial' as const });
		// Deleting cannot be undone: the form asks to tick a box first, and so does the server.
		if (textField(await readForm(event), 'confirm') !== 'yes')
			return fail(400, { problem: 'confirm' as const });
		deleteCandidate(db, user.id, event.params.id);
		redirect(303, '/hiring/candidates?deleted=1');
	}
};
