import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { normalizeEmail } from '$lib/server/accounts/users';
import { isRefusal, issueInvite, revokeInvite } from '$lib/server/accounts/admin';
import { listPendingAccountTokens } from '$lib/server/auth/account-tokens';
import { anyText, choicesAmong, parseForm, readForm } from '$lib/server/forms';
import { ROLES, isRole } from '$lib/roles';

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
		const form = parseForm(await readForm(event), {
			email: anyText,
			roles: choicesAmong(ROLES)
		}).value;
		const email = normalizeEmail(form.email);
		const { roles } = form;
		const outcome = issueInvite(getDb(), { actor: admin, email, roles });
		if (!outcome.ok) {
			if (isRefusal(outcome.problem)) error(404, 'Not found');
			return fail(400, { action: 'create' as const, email, roles, problem: outcome.problem });
		}
		return {
			action: 'create' as const,
			email,
			link: `${event.url.origin}/invite/${outcome.token}`
		};
	},
	revoke: async (event) => {
		const admin = requireRole(event, 'admin');
		const { id, email } = parseForm(await readForm(event), { id: anyText, email: anyText }).value;
		const outcome = revokeInvite(getDb(), { actor: admin, tokenId: id });
		if (!outcome.ok)
			return fail(404, { action: 'revoke' as const, problem: 'token-invalid' as const });
		return { action: 'revoke' as const, email };
	}
};
