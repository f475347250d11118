import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db';
import { insertUser, setUserActive } from '../accounts';
import { hashPassword } from './password';
import { checkCredentials, createLoginLimiters } from './login';

async function setUp() {
	const db = createTestDatabase();
	const user = insertUser(db, { email: 'rep@example.com', name: 'Rep', passwordHash: await hashPassword('right password'), roles: ['rep'] });
	return { db, user, limiters: createLoginLimiters() };
}

describe('checkCredentials', () => {
	it('accepts the right password, with the email in any case', async () => {
		const { db, user, limiters } = await setUp();
		expect(await checkCredentials(db, limiters, { email: ' REP@example.com', password: 'right password', ip: '1.1.1.1' })).toEqual({ ok: true, userId: user.id });
	});

	it('answers the same for an unknown email, a wrong password and a deactivated account', async () => {
		const { db, user, limiters } = await setUp();
		const unknown = await checkCredentials(db, limiters, { email: 'nobody@example.com', password: 'right password', ip: '1.1.1.1' });
		const wrong = await checkCredentials(db, limiters, { email: 'rep@example.com', password: 'wrong password', ip: '1.1.1.1' });
		setUserActive(db, user.id, false);
		const deactivated = await checkCredentials(db, limiters, { email: 'rep@example.com', password: 'right password', ip: '1.1.1.1' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
		expect(deactivated).toEqual(unknown);
	});

	it('locks an account after 5 failures, even with the right password, and only that account', async () => {
		const { db, limiters } = await setUp();
		const now = 1_000_000;
		for (let i = 0; i < 5; i++) {
			await checkCredentials(db, limiters, { email: 'rep@example.com', password: `wrong ${i}`, ip: `10.0.0.${i}` }, now);
		}
		const locked = await checkCredentials(db, limiters, { email: 'rep@example.com', password: 'right password', ip: '10.0.0.9' }, now);
		expect(locked.ok).toBe(false);
		expect(locked.ok === false && locked.reason).toBe('rate-limited');
		const later = await checkCredentials(db, limiters, { email: 'rep@example.com', password: 'right password', ip: '10.0.0.9' }, now + 15 * 60 * 1000);
		expect(later.ok).toBe(true);
	});

	it('limits one address trying many accounts', async () => {
		const { db, limiters } = await setUp();
		for (let i = 0; i < 20; i++) {
			await checkCredentials(db, limiters, { email: `guess${i}@example.com`, password: 'whatever pass', ip: '6.6.6.6' }, 0);
		}
		const result = await checkCredentials(db, limiters, { email: 'rep@example.com', password: 'right password', ip: '6.6.6.6' }, 1);
		expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
	});

	it('counts guesses sent all at once, before any has been checked', async () => {
		const { db, limiters } = await setUp();
		const guesses = Array.from({ length: 30 }, (_, i) => checkCredentials(db, limiters, { email: 'rep@example.com', password: `guess ${i}`, ip: '7.7.7.7' }, 0));
		const right = checkCredentials(db, limiters, { email: 'rep@example.com', password: 'right password', ip: '7.7.7.7' }, 0);
		const results = await Promise.all([...guesses, right]);
		expect(results.filter((r) => r.ok === false && r.reason === 'rate-limited').length).toBeGreaterThanOrEqual(25);
		expect(results[results.length - 1]!.ok).toBe(false);
	});

	it('does not count successful sign-ins', async () => {
		const { db, limiters } = await setUp();
		for (let i = 0; i < 30; i++) {
			await checkCredentials(db, limiters, { email: 'rep@example.com', password: 'right password', ip: '1.1.1.1' }, 0);
		}
		expect((await checkCredentials(db, limiters, { email: 'rep@example.com', password: 'right password', ip: '1.1.1.1' }, 0)).ok).toBe(true);
	});
});
