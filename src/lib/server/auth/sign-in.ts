import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { findUserById, updateUserLocale } from '../accounts/users';
import { readLocaleCookie, setLocaleCookie } from '../locale-cookie';
import { isLocale } from '$lib/roles';
import { createSession, invalidateSession, setSessionCookie } from './session';

/**
 * Starts a fresh session for the user in this browser. Any session the browser carried is
 * dropped first, so a session id never survives a sign-in (no session fixation).
 */
export function startSession(
	event: Pick<RequestEvent, 'cookies' | 'locals' | 'url'>,
	userId: string
): void {
	const db = getDb();
	const secure = event.url.protocol === 'https:';
	if (event.locals.session) invalidateSession(db, event.locals.session.id);
	const { token, session } = createSession(db, userId);
	setSessionCookie(event.cookies, token, session.expiresAt, secure);

	// The language saved on the account follows the user to every device; a user who has never
	// chosen keeps what they picked on the sign-in page, and that becomes their choice.
	const saved = findUserById(db, userId)?.locale;
	const current = readLocaleCookie(event.cookies);
	if (saved) setLocaleCookie(event.cookies, saved, secure);
	else if (isLocale(current)) updateUserLocale(db, userId, current);
}
