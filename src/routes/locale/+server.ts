import { redirect, type RequestHandler } from '@sveltejs/kit';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { isLocale } from '$lib/roles';
import { getDb } from '$lib/server/db';
import { updateUserLocale } from '$lib/server/accounts/users';
import { safeNextPath } from '$lib/server/auth/guards';
import { readForm, textField } from '$lib/server/forms';

/** The language switcher posts here; the choice is kept in a cookie and, when signed in, on the account. */
export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const data = await readForm({ request });
	const locale = textField(data, 'locale');
	if (isLocale(locale)) {
		setLocaleCookie(cookies, locale, url.protocol === 'https:');
		if (locals.user) updateUserLocale(getDb(), locals.user.id, locale);
	}
	redirect(303, safeNextPath(textField(data, 'next')));
};
