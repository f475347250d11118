import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { lookUpAccountToken } from '$lib/server/auth/account-tokens';
import { acceptPasswordReset } from '$lib/server/auth/invites';
import { startSession } from '$lib/server/auth/sign-in';
import { anyText, parseForm, readForm } from '$lib/server/forms';
import { wrongLinks } from '$lib/server/auth/wrong-links';

export const load: PageServerLoad = ({ params, getClientAddress }) => {
	const lookup = wrongLinks.lookUp(getClientAddress(), () =>
		lookUpAccountToken(getDb(), params.token, 'reset')
	);
	if (!lookup.ok)
		return {
			problem:
				lookup.reason === 'rate-limited'
					? ('link-rate-limited' as const)
					: (`token-${lookup.reason}` as const),
			email: null
		};
	return { problem: null, email: lookup.token.email };
};

export const actions: Actions = {
	default: async (event) => {
		const { password, confirm } = parseForm(await readForm(event), {
			password: anyText,
			confirm: anyText
		}).value;
		const ip = event.getClientAddress();
		if (wrongLinks.limited(ip)) return fail(429, { problem: 'link-rate-limited' as const });
		if (password !== confirm) return fail(400, { problem: 'password-mismatch' as const });
		const result = await acceptPasswordReset(getDb(), event.params.token, password);
		if (!result.ok && result.problem === 'token-invalid') wrongLinks.record(ip);
		if (!result.ok) return fail(400, { problem: result.problem });
		startSession(event, result.user.id);
		redirect(303, '/');
	}
};
