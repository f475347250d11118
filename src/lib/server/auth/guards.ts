import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/roles';
import type { SessionUser } from './session';

/** Where to send a signed-out visitor so that signing in brings them back. */
export function loginUrl(url: URL): string {
	const next = url.pathname + url.search;
	return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** The signed-in user, or a redirect to the login page. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, loginUrl(event.url));
	return user;
}

/** The signed-in user holding at least one of `roles`; otherwise login or 403. */
export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): SessionUser {
	const user = requireUser(event);
	if (!roles.some((role) => user.roles.includes(role))) error(403, 'Forbidden');
	return user;
}

const BASE = 'http://rehearse.invalid';

function hasControlOrBackslash(text: string): boolean {
	return [...text].some(
		(char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f || char === '\\'
	);
}

/**
 * Accepts only a path on this site, so `?next=` cannot send anyone elsewhere. The value is parsed as
 * a browser would (which drops tabs and newlines, reads `\` as `/`, and removes dot segments, `%2e`
 * included), and only a path that stays on the same origin is kept. A path that starts with `//`
 * once its dot segments are gone (`/..//evil.example`) is refused too: sent back as `Location`, a
 * browser would read it as another host.
 */
export function safeNextPath(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || hasControlOrBackslash(next)) return '/';
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return '/';
	}
	if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
	return `${url.pathname}${url.search}${url.hash}`;
}
