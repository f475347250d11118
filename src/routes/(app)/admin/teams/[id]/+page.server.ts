import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listUsers } from '$lib/server/accounts/users';
import {
	addToTeam,
	changeOneToOneWeeks,
	isRefusal,
	removeFromTeam,
	renameTeam
} from '$lib/server/accounts/admin';
import { findTeam, listTeamMembers } from '$lib/server/accounts/teams';
import { anyText, parseForm, readForm, trimmedText } from '$lib/server/forms';
import { readWeeks } from '$lib/server/coaching/one-to-ones';

function loadTeam(id: string) {
	const team = findTeam(getDb(), id);
	if (!team) error(404, 'Not found');
	return team;
}

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const team = loadTeam(event.params.id);
	const members = listTeamMembers(db, team.id);
	const inTeam = new Set(members.map((member) => member.userId));
	const candidates = listUsers(db, '', { activeOnly: true })
		.filter((user) => !inTeam.has(user.id))
		.map((user) => ({
			id: user.id,
			name: user.name,
			email: user.email,
			isManager: user.roles.includes('manager')
		}));
	return { team, members, candidates };
};

export const actions: Actions = {
	rename: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const { name } = parseForm(await readForm(event), { name: trimmedText }).value;
		const outcome = renameTeam(getDb(), { actor: admin, teamId: team.id, name });
		if (!outcome.ok) {
			if (isRefusal(outcome.problem)) error(404, 'Not found');
			return fail(400, { action: 'rename' as const, name, problem: outcome.problem });
		}
		return { action: 'rename' as const, saved: true };
	},
	add: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const { userId, role } = parseForm(await readForm(event), {
			userId: anyText,
			role: anyText
		}).value;
		const outcome = addToTeam(getDb(), { actor: admin, teamId: team.id, userId, role });
		if (!outcome.ok) {
			if (isRefusal(outcome.problem)) error(404, 'Not found');
			return fail(400, { action: 'add' as const, problem: 'pick' as const });
		}
		return { action: 'add' as const, name: outcome.name };
	},
	remove: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const { userId } = parseForm(await readForm(event), { userId: anyText }).value;
		const outcome = removeFromTeam(getDb(), { actor: admin, teamId: team.id, userId });
		if (!outcome.ok) {
			if (isRefusal(outcome.problem)) error(404, 'Not found');
			return fail(400, { action: 'remove' as const, problem: 'pick' as const });
		}
		return { action: 'remove' as const, name: outcome.name };
	},
	oneToOneWeeks: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const { weeks: value } = parseForm(await readForm(event), { weeks: anyText }).value;
		const weeks = readWeeks(value);
		const outcome = changeOneToOneWeeks(getDb(), { actor: admin, teamId: team.id, weeks });
		if (!outcome.ok) {
			if (isRefusal(outcome.problem)) error(404, 'Not found');
			return fail(400, {
				action: 'oneToOneWeeks' as const,
				problem: 'weeks' as const,
				value: value.slice(0, 10)
			});
		}
		return { action: 'oneToOneWeeks' as const, saved: weeks };
	}
};
