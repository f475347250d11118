import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { setLeaderboard, teamsManagedBy } from '$lib/server/accounts/teams';
import { leaderboard } from '$lib/server/practice/totals';
import { anyText, checkbox, parseForm, readForm } from '$lib/server/forms';
import { readWeeks, repsWithoutOneToOne, setOneToOneWeeks } from '$lib/server/coaching/one-to-ones';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	return {
		teams: teamsManagedBy(db, user.id).map(({ team, members }) => ({
			team,
			members,
			board: leaderboard(db, team.id),
			withoutOneToOne: repsWithoutOneToOne(db, team.id, team.oneToOneWeeks)
		}))
	};
};

export const actions: Actions = {
	leaderboard: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const { teamId, on } = parseForm(await readForm(event), {
			teamId: anyText,
			on: checkbox('1')
		}).value;
		if (!teamsManagedBy(getDb(), user.id).some(({ team }) => team.id === teamId))
			error(404, 'Not found');
		setLeaderboard(getDb(), teamId, on);
		return { saved: true };
	},
	oneToOneWeeks: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const { teamId, weeks: value } = parseForm(await readForm(event), {
			teamId: anyText,
			weeks: anyText
		}).value;
		// A team's managers set it here (an admin on the team's admin page).
		if (!teamsManagedBy(getDb(), user.id).some(({ team }) => team.id === teamId))
			error(404, 'Not found');
		const weeks = readWeeks(value);
		if (!setOneToOneWeeks(getDb(), teamId, weeks))
			return fail(400, {
				oneToOneWeeks: { teamId, problem: 'weeks' as const, value: value.slice(0, 10) }
			});
		return { oneToOneWeeks: { teamId, saved: weeks } };
	}
};
