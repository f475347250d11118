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
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.some((role) => user.roles.includes(role))) error(403, 'Forbidden');
	return user;
}

/** Accepts only same-site paths, so `?next=` cannot send anyone to another site. */
export function safeNextPath(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}
