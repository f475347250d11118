import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../db';
import { sessions } from '../db/schema';
import { insertUser, setUserActive, updateUserPassword } from '../accounts/users';
import {
	SESSION_LIFETIME_MS,
	createSession,
	invalidateSession,
	validateSessionToken
} from './session';

const DAY = 24 * 60 * 60 * 1000;

function setUp() {
	const db = createTestDatabase();
	const user = insertUser(db, {
		email: 'Rep@Example.com ',
		name: 'Rep',
		passwordHash: 'x',
		roles: ['rep', 'trainer']
	});
	return { db, user };
}

describe('sessions', () => {
	it('validates a fresh token and returns the user with roles', () => {
		const { db, user } = setUp();
		const { token } = createSession(db, user.id);
		const result = validateSessionToken(db, token);
		expect(result.user?.id).toBe(user.id);
		expect(result.user?.email).toBe('rep@example.com');
		expect(result.user?.roles.sort()).toEqual(['rep', 'trainer']);
	});

	it('stores only a hash of the secret', () => {
		const { db, user } = setUp();
		const { token, session } = createSession(db, user.id);
		const secret = token.split('.')[1]!;
		const stored = db.select().from(sessions).where(eq(sessions.id, session.id)).get()!;
		expect(token.startsWith(`${session.id}.`)).toBe(true);
		expect(Buffer.from(stored.secretHash).toString('utf8')).not.toContain(secret);
		expect(stored.secretHash.length).toBe(32);
	});

	it('rejects a token with the right id and a wrong secret, and malformed tokens', () => {
		const { db, user } = setUp();
		const { session } = createSession(db, user.id);
		expect(validateSessionToken(db, `${session.id}.wrongsecret`).session).toBeNull();
		expect(validateSessionToken(db, 'no-dot').session).toBeNull();
		expect(validateSessionToken(db, '.').session).toBeNull();
	});

	it('expires after 30 days of inactivity and deletes the row', () => {
		const { db, user } = setUp();
		const start = new Date('2026-01-01T00:00:00Z');
		const { token, session } = createSession(db, user.id, start);
		expect(
			validateSessionToken(db, token, new Date(start.getTime() + SESSION_LIFETIME_MS + 1)).session
		).toBeNull();
		expect(db.select().from(sessions).where(eq(sessions.id, session.id)).get()).toBeUndefined();
	});

	it('slides the expiry once half the lifetime is used, not before', () => {
		const { db, user } = setUp();
		const start = new Date('2026-01-01T00:00:00Z');
		const { token, session } = createSession(db, user.id, start);
		const early = validateSessionToken(db, token, new Date(start.getTime() + 10 * DAY));
		expect(early.session?.expiresAt.getTime()).toBe(session.expiresAt.getTime());
		const later = new Date(start.getTime() + 20 * DAY);
		const slid = validateSessionToken(db, token, later);
		expect(slid.session?.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);
		// Still valid 45 days after creation because it was used on day 20.
		expect(
			validateSessionToken(db, token, new Date(start.getTime() + 45 * DAY)).session
		).not.toBeNull();
	});

	it('is revoked on sign-out', () => {
		const { db, user } = setUp();
		const { token, session } = createSession(db, user.id);
		invalidateSession(db, session.id);
		expect(validateSessionToken(db, token).session).toBeNull();
	});

	it('a password change signs out the other sessions and keeps the current one', () => {
		const { db, user } = setUp();
		const current = createSession(db, user.id);
		const other = createSession(db, user.id);
		updateUserPassword(db, user.id, 'new-hash', current.session.id);
		expect(validateSessionToken(db, current.token).session).not.toBeNull();
		expect(validateSessionToken(db, other.token).session).toBeNull();
	});

	it('deactivation signs the user out everywhere', () => {
		const { db, user } = setUp();
		const { token } = createSession(db, user.id);
		setUserActive(db, user.id, false);
		expect(validateSessionToken(db, token).session).toBeNull();
	});
});
