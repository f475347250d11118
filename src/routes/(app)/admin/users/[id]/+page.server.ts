import { error, fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { teamMembers, teams } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById, getUserRoles, recordAudit, setUserActive, setUserRoles } from '$lib/server/accounts';
import { createAccountToken } from '$lib/server/auth/account-tokens';
import { readForm, textField, textFields } from '$lib/server/forms';
import { deleteUser } from '$lib/server/user-data';
import { isRole } from '$lib/roles';

function loadTarget(id: string) {
	const user = findUserById(getDb(), id);
	if (!user) error(404, 'Not found');
	return user;
}

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const user = loadTarget(event.params.id);
	const memberships = db
		.select({ id: teams.id, name: teams.name, role: teamMembers.role })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(eq(teamMembers.userId, user.id))
		.all();
	return {
		target: { id: user.id, name: user.name, email: user.email, active: user.deactivatedAt === null, roles: getUserRoles(db, user.id) },
		memberships,
		isSelf: event.locals.user?.id === user.id
	};
};

export const actions: Actions = {
	roles: async (event) => {
		const admin = requireRole(event, 'admin');
		const user = loadTarget(event.params.id);
		const roles = textFields(await readForm(event), 'roles').filter(isRole);
		if (roles.length === 0) return fail(400, { action: 'roles' as const, problem: 'no-roles' as const });
		if (user.id === admin.id && !roles.includes('admin')) return fail(400, { action: 'roles' as const, problem: 'own-admin' as const });
		const db = getDb();
		db.transaction((tx) => {
			setUserRoles(tx, user.id, roles);
			recordAudit(tx, { actorId: admin.id, action: 'user.roles-changed', targetId: user.id, detail: roles.join(',') });
		});
		return { action: 'roles' as const, saved: true };
	},
	deactivate: (event) => setActive(event, false),
	reactivate: (event) => setActive(event, true),
	reset: (event) => {
		const admin = requireRole(event, 'admin');
		const user = loadTarget(event.params.id);
		const db = getDb();
		const token = db.transaction((tx) => {
			const issued = createAccountToken(tx, { kind: 'reset', userId: user.id, email: user.email, createdBy: admin.id });
			recordAudit(tx, { actorId: admin.id, action: 'user.reset-link-created', targetId: user.id });
			return issued.token;
		});
		return { action: 'reset' as const, link: `${event.url.origin}/reset/${token}` };
	},
	delete: async (event) => {
		const admin = requireRole(event, 'admin');
		const user = loadTarget(event.params.id);
		if (user.id === admin.id) return fail(400, { action: 'delete' as const, problem: 'self' as const });
		// Deleting cannot be undone: the form asks to tick a box first, and so does the server.
		if (textField(await readForm(event), 'confirm') !== 'yes') return fail(400, { action: 'delete' as const, problem: 'confirm' as const });
		const outcome = deleteUser(getDb(), admin.id, user.id);
		if (!outcome.ok) error(404, 'Not found');
		redirect(303, '/admin/users?deleted=1');
	}
};

function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const admin = requireRole(event, 'admin');
	const user = loadTarget(event.params.id ?? '');
	if (user.id === admin.id) return fail(400, { action: 'active' as const, problem: 'self' as const });
	const db = getDb();
	db.transaction((tx) => {
		setUserActive(tx, user.id, active);
		recordAudit(tx, { actorId: admin.id, action: active ? 'user.reactivated' : 'user.deactivated', targetId: user.id });
	});
	return { action: 'active' as const, active, name: user.name };
}
