import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db';
import { findUserByEmail, getUserRoles, listUsers, updateUserPassword } from './accounts/users';
import { lookUpAccountToken } from './auth/account-tokens';
import { hashPassword, verifyPassword } from './auth/password';
import { bootstrapInstance } from './bootstrap';
import { isDemoInstance } from './settings';
import { listTeams } from './accounts/teams';
import { DEMO_ACCOUNTS, DEMO_EXTRA_REPS } from '$lib/demo-accounts';

function capture() {
	const lines: string[] = [];
	return { lines, log: (message: string) => lines.push(message) };
}

// A first start with the demo hashes the demo passwords and plays the demo's history: seconds on a busy machine.
describe('first start', { timeout: 30_000 }, () => {
	it('creates the demo organisation and prints every demo account with its password', async () => {
		const db = createTestDatabase();
		const { lines, log } = capture();
		await bootstrapInstance(db, { PORT: '3000' }, log);
		expect(isDemoInstance(db)).toBe(true);
		for (const account of DEMO_ACCOUNTS) {
			const user = findUserByEmail(db, account.email)!;
			expect(getUserRoles(db, user.id)).toEqual([account.role]);
			expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
			expect(lines.join('\n')).toContain(`${account.email}`);
			expect(lines.join('\n')).toContain(account.password);
		}
		expect(listTeams(db)).toMatchObject([{ managers: 1, reps: 1 + DEMO_EXTRA_REPS.length }]);
	});

	it('does nothing new on the second start, and stops printing a password once it is changed', async () => {
		const db = createTestDatabase();
		await bootstrapInstance(db, {}, () => {});
		const count = listUsers(db).length;
		const { lines, log } = capture();
		await bootstrapInstance(db, {}, log);
		expect(listUsers(db).length).toBe(count);
		expect(lines.join('\n')).toContain('rehearse-demo-rep');

		const rep = findUserByEmail(db, 'rep@rehearse.test')!;
		updateUserPassword(db, rep.id, await hashPassword('the rep chose this'));
		const third = capture();
		await bootstrapInstance(db, {}, third.log);
		expect(third.lines.join('\n')).not.toContain('rehearse-demo-rep');
		expect(third.lines.join('\n')).toContain('rehearse-demo-admin');
	});

	it('with DEMO=0 prints a one-time set-up link for the first admin, and no demo accounts', async () => {
		const db = createTestDatabase();
		const { lines, log } = capture();
		await bootstrapInstance(db, { DEMO: '0', ORIGIN: 'https://training.example.com' }, log);
		expect(listUsers(db)).toEqual([]);
		expect(isDemoInstance(db)).toBe(false);
		const link = lines.join('\n').match(/https:\/\/training\.example\.com\/invite\/(\S+)/);
		expect(link).not.toBeNull();
		expect(lookUpAccountToken(db, link![1]!, 'setup')).toMatchObject({
			ok: true,
			roles: ['admin']
		});

		// A restart before it is used replaces the link.
		const again = capture();
		await bootstrapInstance(db, { DEMO: '0' }, again.log);
		expect(lookUpAccountToken(db, link![1]!, 'setup')).toEqual({ ok: false, reason: 'revoked' });
	});

	it('with DEMO=0 and ADMIN_EMAIL / ADMIN_PASSWORD creates that admin', async () => {
		const db = createTestDatabase();
		await bootstrapInstance(
			db,
			{ DEMO: '0', ADMIN_EMAIL: 'Boss@Example.com', ADMIN_PASSWORD: 'a long admin password' },
			() => {}
		);
		const admin = findUserByEmail(db, 'boss@example.com')!;
		expect(getUserRoles(db, admin.id)).toEqual(['admin']);
	});

	it('refuses a weak ADMIN_PASSWORD with a message that says why', async () => {
		const db = createTestDatabase();
		await expect(
			bootstrapInstance(
				db,
				{ DEMO: '0', ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'short' },
				() => {}
			)
		).rejects.toThrow(/ADMIN_PASSWORD/);
	});
});
