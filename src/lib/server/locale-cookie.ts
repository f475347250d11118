import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/roles';

export function setLocaleCookie(cookies: Cookies, locale: Locale, secure: boolean): void {
	// Not httpOnly: Paraglide reads it in the browser too, so both sides render the same language.
	cookies.set(cookieName, locale, {
		path: '/',
		maxAge: cookieMaxAge,
		sameSite: 'lax',
		httpOnly: false,
		secure
	});
}

export function readLocaleCookie(cookies: Cookies): string | undefined {
	return cookies.get(cookieName);
}
