import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { checkCredentials, createLoginLimiters } from '$lib/server/auth/login';
import { safeNextPath } from '$lib/server/auth/guards';
import { startSession } from '$lib/server/auth/sign-in';
import { anyText, parseForm, readForm, trimmedText } from '$lib/server/forms';
import { DEMO_ACCOUNTS } from '$lib/demo-accounts';

const limiters = createLoginLimiters();

export const load: PageServerLoad = ({ locals, url }) => ({
	next: safeNextPath(url.searchParams.get('next')),
	// On a demo installation the published accounts are shown, so nobody has to find the console.
	demoAccounts: locals.demo
		? DEMO_ACCOUNTS.map(({ role, email, password }) => ({ role, email, password }))
		: []
});

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(await readForm(event), {
			email: trimmedText,
			password: anyText,
			next: anyText
		}).value;
		const { email, password } = form;
		const next = safeNextPath(form.next);
		if (!email || !password) return fail(400, { email, problem: 'missing' as const });
		const result = await checkCredentials(getDb(), limiters, {
			email,
			password,
			ip: event.getClientAddress()
		});
		if (!result.ok) {
			if (result.reason === 'rate-limited') {
				return fail(429, {
					email,
					problem: 'rate-limited' as const,
					minutes: Math.ceil(result.retryAfterMs / 60_000)
				});
			}
			return fail(400, { email, problem: 'invalid' as const });
		}
		startSession(event, result.userId);
		redirect(303, next);
	}
};
