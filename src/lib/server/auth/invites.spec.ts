import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../db';
import { accountTokens } from '../db/schema';
import { findUserByEmail, getUserRoles, insertUser } from '../accounts/users';
import { createSession, validateSessionToken } from './session';
import {
	createAccountToken,
	lookUpAccountToken,
	revokeAccountToken,
	TOKEN_LIFETIME_MS
} from './account-tokens';
import { acceptInvite, acceptPasswordReset } from './invites';
import { hashPassword, verifyPassword } from './password';

const DAY = 24 * 60 * 60 * 1000;
const good = { name: '新同事 New Rep', password: 'a good long passphrase' };

describe('invites', () => {
	it('creates the account with the invited email and roles, once', async () => {
		const db = createTestDatabase();
		const { token } = createAccountToken(db, {
			kind: 'invite',
			email: 'New@Example.com',
			roles: ['rep', 'manager']
		});
		const first = await acceptInvite(db, token, good);
		expect(first.ok).toBe(true);
		const user = findUserByEmail(db, 'new@example.com')!;
		expect(user.name).toBe('新同事 New Rep');
		expect(getUserRoles(db, user.id)).toEqual(['manager', 'rep']);
		expect(await verifyPassword(user.passwordHash, good.password)).toBe(true);
		expect(await acceptInvite(db, token, good)).toEqual({ ok: false, problem: 'token-used' });
	});

	it('stores only a hash of the token secret', () => {
		const db = createTestDatabase();
		const { token, row } = createAccountToken(db, {
			kind: 'invite',
			email: 'a@example.com',
			roles: ['rep']
		});
		const stored = db.select().from(accountTokens).where(eq(accountTokens.id, row.id)).get()!;
		expect(stored.secretHash.length).toBe(32);
		expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
	});

	it('expires after 7 days', async () => {
		const db = createTestDatabase();
		const created = new Date('2026-03-01T00:00:00Z');
		const { token } = createAccountToken(
			db,
			{ kind: 'invite', email: 'a@example.com', roles: ['rep'] },
			created
		);
		expect(TOKEN_LIFETIME_MS.invite).toBe(7 * DAY);
		expect(
			lookUpAccountToken(db, token, 'invite', new Date(created.getTime() + 7 * DAY - 1)).ok
		).toBe(true);
		expect(await acceptInvite(db, token, good, new Date(created.getTime() + 7 * DAY))).toEqual({
			ok: false,
			problem: 'token-expired'
		});
	});

	it('cannot be used once revoked', async () => {
		const db = createTestDatabase();
		const { token, row } = createAccountToken(db, {
			kind: 'invite',
			email: 'a@example.com',
			roles: ['rep']
		});
		expect(revokeAccountToken(db, row.id)).toBe(true);
		expect(await acceptInvite(db, token, good)).toEqual({ ok: false, problem: 'token-revoked' });
		expect(findUserByEmail(db, 'a@example.com')).toBeUndefined();
	});

	it('refuses a wrong secret, a reset token and garbage', async () => {
		const db = createTestDatabase();
		const { row } = createAccountToken(db, {
			kind: 'invite',
			email: 'a@example.com',
			roles: ['rep']
		});
		expect(await acceptInvite(db, `${row.id}.notthesecret`, good)).toEqual({
			ok: false,
			problem: 'token-invalid'
		});
		expect(await acceptInvite(db, 'garbage', good)).toEqual({
			ok: false,
			problem: 'token-invalid'
		});
	});

	it('refuses a weak password or a missing name without spending the token', async () => {
		const db = createTestDatabase();
		const { token } = createAccountToken(db, {
			kind: 'invite',
			email: 'a@example.com',
			roles: ['rep']
		});
		expect(await acceptInvite(db, token, { name: 'A', password: 'short' })).toEqual({
			ok: false,
			problem: 'too-short'
		});
		expect(await acceptInvite(db, token, { name: '  ', password: good.password })).toEqual({
			ok: false,
			problem: 'name-missing'
		});
		expect((await acceptInvite(db, token, good)).ok).toBe(true);
	});

	it('refuses an email that already has an account', async () => {
		const db = createTestDatabase();
		insertUser(db, { email: 'taken@example.com', name: 'T', passwordHash: 'x', roles: [] });
		const { token } = createAccountToken(db, {
			kind: 'invite',
			email: 'taken@example.com',
			roles: ['rep']
		});
		expect(await acceptInvite(db, token, good)).toEqual({ ok: false, problem: 'email-taken' });
	});

	it('a set-up link lets the first admin choose their email', async () => {
		const db = createTestDatabase();
		const { token } = createAccountToken(db, { kind: 'setup', roles: ['admin'] });
		expect(await acceptInvite(db, token, { ...good, email: 'not-an-email' })).toEqual({
			ok: false,
			problem: 'email-invalid'
		});
		expect((await acceptInvite(db, token, { ...good, email: 'boss@example.com' })).ok).toBe(true);
		expect(getUserRoles(db, findUserByEmail(db, 'boss@example.com')!.id)).toEqual(['admin']);
	});
});

describe('password reset links', () => {
	it('set a new password once and sign the account out everywhere', async () => {
		const db = createTestDatabase();
		const user = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: await hashPassword('old password 1'),
			roles: ['rep']
		});
		const session = createSession(db, user.id);
		const { token } = createAccountToken(db, { kind: 'reset', userId: user.id, email: user.email });
		expect(lookUpAccountToken(db, token, 'invite').ok).toBe(false);
		expect((await acceptPasswordReset(db, token, 'new password 22')).ok).toBe(true);
		expect(
			await verifyPassword(findUserByEmail(db, 'rep@example.com')!.passwordHash, 'new password 22')
		).toBe(true);
		expect(validateSessionToken(db, session.token).session).toBeNull();
		expect(await acceptPasswordReset(db, token, 'another password 3')).toEqual({
			ok: false,
			problem: 'token-used'
		});
	});
});

describe('reset links are withdrawn', () => {
	it('when a newer one is made, and when the password changes', async () => {
		const db = createTestDatabase();
		const user = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: await hashPassword('old password 1'),
			roles: ['rep']
		});
		const first = createAccountToken(db, { kind: 'reset', userId: user.id, email: user.email });
		const second = createAccountToken(db, { kind: 'reset', userId: user.id, email: user.email });
		expect(lookUpAccountToken(db, first.token, 'reset')).toEqual({ ok: false, reason: 'revoked' });
		const { updateUserPassword } = await import('../accounts/users');
		updateUserPassword(db, user.id, await hashPassword('changed password 2'));
		expect(lookUpAccountToken(db, second.token, 'reset')).toEqual({ ok: false, reason: 'revoked' });
	});
});
