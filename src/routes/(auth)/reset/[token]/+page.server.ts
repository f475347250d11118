import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { lookUpAccountToken } from '$lib/server/auth/account-tokens';
import { acceptPasswordReset } from '$lib/server/auth/invites';
import { startSession } from '$lib/server/auth/sign-in';
import { textField } from '$lib/server/forms';

export const load: PageServerLoad = ({ params }) => {
	const lookup = lookUpAccountToken(getDb(), params.token, 'reset');
	if (!lookup.ok) return { problem: `token-${lookup.reason}` as const, email: null };
	return { problem: null, email: lookup.token.email };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const password = textField(data, 'password');
		if (password !== textField(data, 'confirm')) return fail(400, { problem: 'password-mismatch' as const });
		const result = await acceptPasswordReset(getDb(), event.params.token, password);
		if (!result.ok) return fail(400, { problem: result.problem });
		startSession(event, result.user.id);
		redirect(303, '/');
	}
};
