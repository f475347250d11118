import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { setLeaderboard, teamsManagedBy } from '$lib/server/teams';
import { leaderboard } from '$lib/server/practice-totals';
import { readForm, textField } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	return {
		teams: teamsManagedBy(db, user.id).map(({ team, members }) => ({ team, members, board: leaderboard(db, team.id) }))
	};
};

export const actions: Actions = {
	leaderboard: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const data = await readForm(event);
		const teamId = textField(data, 'teamId');
		if (!teamsManagedBy(getDb(), user.id).some(({ team }) => team.id === teamId)) error(404, 'Not found');
		setLeaderboard(getDb(), teamId, textField(data, 'on') === '1');
		return { saved: true };
	}
};
