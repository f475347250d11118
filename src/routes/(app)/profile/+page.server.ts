import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import {
	findUserById,
	updateUserLocale,
	updateUserName,
	updateUserPassword
} from '$lib/server/accounts/users';
import { requireUser } from '$lib/server/auth/guards';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '$lib/server/auth/password';
import { NAME_MAX_LENGTH } from '$lib/server/auth/invites';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { anyText, choice, parseForm, readForm, trimmedText } from '$lib/server/forms';
import { createRateLimiter } from '$lib/server/auth/rate-limit';
import { LOCALES } from '$lib/roles';
import { getLocale } from '$lib/paraglide/runtime';

// Whoever holds a session (a shared computer, say) must not be able to guess the password.
const passwordChecks = createRateLimiter({ max: 5, windowMs: 15 * 60 * 1000 });

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { profile: { name: user.name, email: user.email, locale: user.locale ?? getLocale() } };
};

export const actions: Actions = {
	details: async (event) => {
		const user = requireUser(event);
		const { name } = parseForm(await readForm(event), { name: trimmedText }).value;
		if (!name) return fail(400, { form: 'details' as const, problem: 'name-missing' as const });
		if ([...name].length > NAME_MAX_LENGTH)
			return fail(400, { form: 'details' as const, problem: 'name-too-long' as const });
		updateUserName(getDb(), user.id, name);
		// The loads that render this response read locals, which were filled before the change.
		event.locals.user = { ...user, name };
		return { form: 'details' as const, saved: true };
	},
	password: async (event) => {
		const user = requireUser(event);
		const { current, password, confirm } = parseForm(await readForm(event), {
			current: anyText,
			password: anyText,
			confirm: anyText
		}).value;
		const fields = { form: 'password' as const };
		if (password !== confirm)
			return fail(400, { ...fields, problem: 'password-mismatch' as const });
		const problem = checkPasswordPolicy(password, user.email);
		if (problem) return fail(400, { ...fields, problem });
		const db = getDb();
		if (passwordChecks.check(user.id).limited)
			return fail(429, { ...fields, problem: 'rate-limited' as const });
		passwordChecks.hit(user.id);
		const stored = findUserById(db, user.id);
		if (!stored || !(await verifyPassword(stored.passwordHash, current)))
			return fail(400, { ...fields, problem: 'current-password' as const });
		passwordChecks.release(user.id);
		updateUserPassword(db, user.id, await hashPassword(password), event.locals.session?.id);
		return { ...fields, saved: true };
	},
	language: async (event) => {
		const user = requireUser(event);
		const form = parseForm(await readForm(event), { locale: choice(LOCALES) });
		if (!form.ok)
			return fail(400, { form: 'language' as const, problem: 'invalid-request' as const });
		const { locale } = form.value;
		updateUserLocale(getDb(), user.id, locale);
		setLocaleCookie(event.cookies, locale, event.url.protocol === 'https:');
		event.locals.user = { ...user, locale };
		return { form: 'language' as const, saved: true };
	}
};
