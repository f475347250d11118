import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findUserByEmail, isPlausibleEmail, normalizeEmail, recordAudit } from '$lib/server/accounts';
import { createAccountToken, listPendingAccountTokens, revokeAccountToken } from '$lib/server/auth/account-tokens';
import { readForm, textField, textFields } from '$lib/server/forms';
import { isRole } from '$lib/roles';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const pending = listPendingAccountTokens(getDb(), 'invite').map((t) => ({
		id: t.id,
		email: t.email ?? '',
		roles: t.roles.split(',').filter(isRole),
		expiresAt: t.expiresAt
	}));
	return { pending };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireRole(event, 'admin');
		const data = await readForm(event);
		const email = normalizeEmail(textField(data, 'email'));
		const roles = textFields(data, 'roles').filter(isRole);
		if (!isPlausibleEmail(email)) return fail(400, { action: 'create' as const, email, roles, problem: 'email-invalid' as const });
		if (roles.length === 0) return fail(400, { action: 'create' as const, email, roles, problem: 'no-roles' as const });
		const db = getDb();
		if (findUserByEmail(db, email)) return fail(400, { action: 'create' as const, email, roles, problem: 'email-taken' as const });
		const token = db.transaction((tx) => {
			const issued = createAccountToken(tx, { kind: 'invite', email, roles, createdBy: admin.id });
			recordAudit(tx, { actorId: admin.id, action: 'invite.created', targetId: issued.row.id, detail: `${email} ${roles.join(',')}` });
			return issued.token;
		});
		return { action: 'create' as const, email, link: `${event.url.origin}/invite/${token}` };
	},
	revoke: async (event) => {
		const admin = requireRole(event, 'admin');
		const data = await readForm(event);
		const id = textField(data, 'id');
		const db = getDb();
		const revoked = db.transaction((tx) => {
			const done = revokeAccountToken(tx, id);
			if (done) recordAudit(tx, { actorId: admin.id, action: 'invite.revoked', targetId: id });
			return done;
		});
		if (!revoked) return fail(404, { action: 'revoke' as const, problem: 'token-invalid' as const });
		return { action: 'revoke' as const, email: textField(data, 'email') };
	}
};
