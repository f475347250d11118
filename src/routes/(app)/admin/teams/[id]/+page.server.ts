import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { TEAM_ROLES, type TeamRole } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById, listUsers, recordAudit } from '$lib/server/accounts';
import { addTeamMember, findTeam, findTeamByName, listTeamMembers, removeTeamMember, renameTeam, validateTeamName } from '$lib/server/teams';
import { readForm, textField } from '$lib/server/forms';
import { readWeeks, setOneToOneWeeks } from '$lib/server/one-to-ones';

function loadTeam(id: string) {
	const team = findTeam(getDb(), id);
	if (!team) error(404, 'Not found');
	return team;
}

function isTeamRole(value: string): value is TeamRole {
	return (TEAM_ROLES as readonly string[]).includes(value);
}

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const team = loadTeam(event.params.id);
	const members = listTeamMembers(db, team.id);
	const inTeam = new Set(members.map((member) => member.userId));
	const candidates = listUsers(db, '', { activeOnly: true })
		.filter((user) => !inTeam.has(user.id))
		.map((user) => ({ id: user.id, name: user.name, email: user.email, isManager: user.roles.includes('manager') }));
	return { team, members, candidates };
};

export const actions: Actions = {
	rename: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const name = textField(await readForm(event), 'name').trim();
		const db = getDb();
		const other = findTeamByName(db, name);
		const problem = validateTeamName(name) ?? (other && other.id !== team.id ? 'taken' : null);
		if (problem) return fail(400, { action: 'rename' as const, name, problem });
		db.transaction((tx) => {
			renameTeam(tx, team.id, name);
			recordAudit(tx, { actorId: admin.id, action: 'team.renamed', targetId: team.id, detail: name });
		});
		return { action: 'rename' as const, saved: true };
	},
	add: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const data = await readForm(event);
		const role = textField(data, 'role');
		const db = getDb();
		const user = findUserById(db, textField(data, 'userId'));
		if (!user || !isTeamRole(role)) return fail(400, { action: 'add' as const, problem: 'pick' as const });
		db.transaction((tx) => {
			addTeamMember(tx, team.id, user.id, role);
			recordAudit(tx, { actorId: admin.id, action: 'team.member-added', targetId: team.id, detail: `${user.id} ${role}` });
		});
		return { action: 'add' as const, name: user.name };
	},
	remove: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const db = getDb();
		const user = findUserById(db, textField(await readForm(event), 'userId'));
		if (!user) return fail(400, { action: 'remove' as const, problem: 'pick' as const });
		db.transaction((tx) => {
			removeTeamMember(tx, team.id, user.id);
			recordAudit(tx, { actorId: admin.id, action: 'team.member-removed', targetId: team.id, detail: user.id });
		});
		return { action: 'remove' as const, name: user.name };
	},
	oneToOneWeeks: async (event) => {
		const admin = requireRole(event, 'admin');
		const team = loadTeam(event.params.id);
		const value = textField(await readForm(event), 'weeks');
		const weeks = readWeeks(value);
		const db = getDb();
		const saved = db.transaction((tx) => {
			if (!setOneToOneWeeks(tx, team.id, weeks)) return false;
			recordAudit(tx, { actorId: admin.id, action: 'team.one-to-one-weeks', targetId: team.id, detail: String(weeks) });
			return true;
		});
		if (!saved) return fail(400, { action: 'oneToOneWeeks' as const, problem: 'weeks' as const, value: value.slice(0, 10) });
		return { action: 'oneToOneWeeks' as const, saved: weeks };
	}
};
