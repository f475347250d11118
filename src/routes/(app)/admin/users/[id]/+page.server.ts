import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById, getUserRoles } from '$lib/server/accounts/users';
import { changeActive, changeRoles, isRefusal, issueResetLink } from '$lib/server/accounts/admin';
import { teamsOfUser } from '$lib/server/accounts/teams';
import { checkbox, choicesAmong, parseForm, readForm } from '$lib/server/forms';
import { deleteUser } from '$lib/server/accounts/user-data';
import { ROLES } from '$lib/roles';

function loadTarget(id: string) {
	const user = findUserById(getDb(), id);
	if (!user) error(404, 'Not found');
	return user;
}

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const user = loadTarget(event.params.id);
	return {
		target: {
			id: user.id,
			name: user.name,
			email: user.email,
			active: user.deactivatedAt === null,
			roles: getUserRoles(db, user.id)
		},
		memberships: teamsOfUser(db, user.id),
		isSelf: event.locals.user?.id === user.id
	};
};

export const actions: Actions = {
	roles: async (event) => {
		const admin = requireRole(event, 'admin');
		const user = loadTarget(event.params.id);
		const { roles } = parseForm(await readForm(event), { roles: choicesAmong(ROLES) }).value;
		const outcome = changeRoles(getDb(), { actor: admin, userId: user.id, roles });
		if (!outcome.ok) {
			if (isRefusal(outcome.problem)) error(404, 'Not found');
			return fail(400, { action: 'roles' as const, problem: outcome.problem });
		}
		return { action: 'roles' as const, saved: true };
	},
	deactivate: (event) => setActive(event, false),
	reactivate: (event) => setActive(event, true),
	reset: (event) => {
		const admin = requireRole(event, 'admin');
		const user = loadTarget(event.params.id);
		const outcome = issueResetLink(getDb(), { actor: admin, userId: user.id });
		if (!outcome.ok) error(404, 'Not found');
		return { action: 'reset' as const, link: `${event.url.origin}/reset/${outcome.token}` };
	},
	delete: async (event) => {
		const admin = requireRole(event, 'admin');
		const user = loadTarget(event.params.id);
		if (user.id === admin.id)
			return fail(400, { action: 'delete' as const, problem: 'self' as const });
		// Deleting cannot be undone: the form asks to tick a box first, and so does the server.
		const { confirm } = parseForm(await readForm(event), { confirm: checkbox('yes') }).value;
		if (!confirm) return fail(400, { action: 'delete' as const, problem: 'confirm' as const });
		const outcome = deleteUser(getDb(), admin.id, user.id);
		if (!outcome.ok) error(404, 'Not found');
		redirect(303, '/admin/users?deleted=1');
	}
};

function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const admin = requireRole(event, 'admin');
	const user = loadTarget(event.params.id ?? '');
	const outcome = changeActive(getDb(), { actor: admin, userId: user.id, active });
	if (!outcome.ok) {
		if (isRefusal(outcome.problem)) error(404, 'Not found');
		return fail(400, { action: 'active' as const, problem: outcome.problem });
	}
	return { action: 'active' as const, active, name: outcome.name };
}
