import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { recordAudit } from '$lib/server/accounts';
import { createTeam, findTeamByName, listTeams, validateTeamName } from '$lib/server/teams';
import { readForm, textField } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return { teams: listTeams(getDb()) };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireRole(event, 'admin');
		const name = textField(await readForm(event), 'name').trim();
		const db = getDb();
		const problem = validateTeamName(name) ?? (findTeamByName(db, name) ? 'taken' : null);
		if (problem) return fail(400, { name, problem });
		const team = db.transaction((tx) => {
			const created = createTeam(tx, name);
			recordAudit(tx, { actorId: admin.id, action: 'team.created', targetId: created.id, detail: name });
			return created;
		});
		redirect(303, `/admin/teams/${team.id}`);
	}
};
