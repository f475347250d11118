import { redirect, type RequestHandler } from '@sveltejs/kit';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { LOCALES } from '$lib/roles';
import { getDb } from '$lib/server/db';
import { updateUserLocale } from '$lib/server/accounts/users';
import { safeNextPath } from '$lib/server/auth/guards';
import { anyText, choiceOrNone, parseForm, readForm } from '$lib/server/forms';

/** The language switcher posts here; the choice is kept in a cookie and, when signed in, on the account. */
export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const { locale, next } = parseForm(await readForm({ request }), {
		locale: choiceOrNone(LOCALES),
		next: anyText
	}).value;
	if (locale) {
		setLocaleCookie(cookies, locale, url.protocol === 'https:');
		if (locals.user) updateUserLocale(getDb(), locals.user.id, locale);
	}
	redirect(303, safeNextPath(next));
};
