import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { lookUpAccountToken } from '$lib/server/auth/account-tokens';
import { acceptInvite } from '$lib/server/auth/invites';
import { startSession } from '$lib/server/auth/sign-in';
import { anyText, parseForm, readForm } from '$lib/server/forms';
import { wrongLinks } from '$lib/server/auth/wrong-links';

export const load: PageServerLoad = ({ params, getClientAddress }) => {
	const db = getDb();
	const lookup = wrongLinks.lookUp(getClientAddress(), () => {
		const invite = lookUpAccountToken(db, params.token, 'invite');
		return invite.ok || invite.reason !== 'invalid'
			? invite
			: lookUpAccountToken(db, params.token, 'setup');
	});
	if (!lookup.ok)
		return {
			problem:
				lookup.reason === 'rate-limited'
					? ('link-rate-limited' as const)
					: (`token-${lookup.reason}` as const),
			invite: null
		};
	return {
		problem: null,
		invite: { kind: lookup.token.kind, email: lookup.token.email, roles: lookup.roles }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { name, email, password, confirm } = parseForm(await readForm(event), {
			name: anyText,
			email: anyText,
			password: anyText,
			confirm: anyText
		}).value;
		const ip = event.getClientAddress();
		if (wrongLinks.limited(ip))
			return fail(429, { name, email, problem: 'link-rate-limited' as const });
		if (password !== confirm)
			return fail(400, { name, email, problem: 'password-mismatch' as const });
		const result = await acceptInvite(getDb(), event.params.token, { name, password, email });
		if (!result.ok && result.problem === 'token-invalid') wrongLinks.record(ip);
		if (!result.ok) return fail(400, { name, email, problem: result.problem });
		startSession(event, result.user.id);
		redirect(303, '/');
	}
};
