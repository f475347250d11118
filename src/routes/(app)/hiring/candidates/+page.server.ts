import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { createCandidate } from '$lib/server/hiring/hiring';
import { listVisibleCandidates } from '$lib/server/hiring/access';
import {
	candidateFilterOf,
	listScreenedCandidates,
	screeningForm
} from '$lib/server/hiring/screening';
import { readScreening } from '$lib/engine/hiring/screening';
import { clippedText, parseForm, readForm } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const filter = candidateFilterOf(event.url.searchParams);
	return {
		candidates: listScreenedCandidates(db, user, filter),
		total: listVisibleCandidates(db, user).length,
		filter,
		deleted: event.url.searchParams.get('deleted') === '1'
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const data = await readForm(event);
		const fields = parseForm(data, {
			name: clippedText(100),
			contact: clippedText(200),
			position: clippedText(100),
			notes: clippedText(2000)
		}).value;
		const typed = screeningForm(data);
		const echo = { ...fields, screening: typed };
		if (!fields.name.trim()) return fail(400, { ...echo, problem: 'name' as const });
		if (!fields.position.trim()) return fail(400, { ...echo, problem: 'position' as const });
		const screening = readScreening(typed);
		if (!screening.ok)
			return fail(400, {
				...echo,
				problem: 'screening' as const,
				screeningProblem: screening.problem
			});
		const candidate = createCandidate(getDb(), {
			...fields,
			screening: screening.screening,
			createdBy: user.id
		});
		return { added: candidate.name };
	}
};
