import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { lookUpAccountToken } from '$lib/server/auth/account-tokens';
import { acceptInvite } from '$lib/server/auth/invites';
import { startSession } from '$lib/server/auth/sign-in';
import { textField } from '$lib/server/forms';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const invite = lookUpAccountToken(db, params.token, 'invite');
	const lookup = invite.ok || invite.reason !== 'invalid' ? invite : lookUpAccountToken(db, params.token, 'setup');
	if (!lookup.ok) return { problem: `token-${lookup.reason}` as const, invite: null };
	return { problem: null, invite: { kind: lookup.token.kind, email: lookup.token.email, roles: lookup.roles } };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const name = textField(data, 'name');
		const email = textField(data, 'email');
		const password = textField(data, 'password');
		if (password !== textField(data, 'confirm')) return fail(400, { name, email, problem: 'password-mismatch' as const });
		const result = await acceptInvite(getDb(), event.params.token, { name, password, email });
		if (!result.ok) return fail(400, { name, email, problem: result.problem });
		startSession(event, result.user.id);
		redirect(303, '/');
	}
};
