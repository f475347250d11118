import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { addTeam, isRefusal } from '$lib/server/accounts/admin';
import { listTeams } from '$lib/server/accounts/teams';
import { parseForm, readForm, trimmedText } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return { teams: listTeams(getDb()) };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireRole(event, 'admin');
		const { name } = parseForm(await readForm(event), { name: trimmedText }).value;
		const outcome = addTeam(getDb(), { actor: admin, name });
		if (!outcome.ok) {
			if (isRefusal(outcome.problem)) error(404, 'Not found');
			return fail(400, { name, problem: outcome.problem });
		}
		redirect(303, `/admin/teams/${outcome.team.id}`);
	}
};
