import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { createCandidate, listVisibleCandidates } from '$lib/server/hiring/hiring';
import { clipText, readForm, textField } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	return {
		candidates: listVisibleCandidates(getDb(), user),
		deleted: event.url.searchParams.get('deleted') === '1'
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const data = await readForm(event);
		const fields = {
			name: clipText(textField(data, 'name'), 100),
			contact: clipText(textField(data, 'contact'), 200),
			position: clipText(textField(data, 'position'), 100),
			notes: clipText(textField(data, 'notes'), 2000)
		};
		if (!fields.name.trim()) return fail(400, { ...fields, problem: 'name' as const });
		if (!fields.position.trim()) return fail(400, { ...fields, problem: 'position' as const });
		const candidate = createCandidate(getDb(), { ...fields, createdBy: user.id });
		return { added: candidate.name };
	}
};
