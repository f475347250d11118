import { and, eq, ne, sql } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { prepared, type Db } from '../db';
import { sessions, userRoles, users, type Session } from '../db/schema';
import { issueToken, secretMatches, splitToken } from '../ids';
import { isRole, type Role } from '$lib/roles';

export const SESSION_COOKIE = 'rehearse_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	locale: string | null;
	roles: Role[];
}

export type SessionValidationResult =
	{ session: Session; user: SessionUser } | { session: null; user: null };

export function createSession(
	db: Db,
	userId: string,
	now = new Date()
): { token: string; session: Session } {
	const { token, id, secretHash } = issueToken();
	const session = db
		.insert(sessions)
		.values({
			id,
			userId,
			secretHash,
			expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
			createdAt: now
		})
		.returning()
		.get();
	return { token, session };
}

/**
 * Checks a presented session token. Expired sessions and sessions of deactivated users are
 * deleted; a session past half its lifetime is extended (sliding expiry), so an active user
 * stays signed in and an idle one is signed out after 30 days.
 */
export function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
): SessionValidationResult {
	const none = { session: null, user: null } as const;
	const parts = splitToken(token);
	if (!parts) return none;
	const row = prepared(db, 'session-with-user', () =>
		db
			.select({
				session: sessions,
				user: users,
				// One query per request: the roles ride along with the session look-up.
				roles: sql<
					string | null
				>`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id})`
			})
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId))
			.where(eq(sessions.id, sql.placeholder('id')))
			.prepare()
	).get({ id: parts.id });
	if (!row || !secretMatches(parts.secret, row.session.secretHash)) return none;
	if (row.session.expiresAt.getTime() <= now.getTime() || row.user.deactivatedAt) {
		db.delete(sessions).where(eq(sessions.id, row.session.id)).run();
		return none;
	}
	let session = row.session;
	if (session.expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS / 2) {
		const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		db.update(sessions).set({ expiresAt }).where(eq(sessions.id, session.id)).run();
		session = { ...session, expiresAt };
	}
	const roles = (row.roles ?? '').split(',').filter(isRole);
	const { id, email, name, locale } = row.user;
	return { session, user: { id, email, name, locale, roles } };
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Signs a user out everywhere, or everywhere but `keepSessionId`. */
export function invalidateUserSessions(db: Db, userId: string, keepSessionId?: string): void {
	const condition = keepSessionId
		? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
		: eq(sessions.userId, userId);
	db.delete(sessions).where(condition).run();
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		maxAge: 0
	});
}
