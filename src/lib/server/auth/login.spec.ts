import { describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../db';
import { insertUser, setUserActive } from '../accounts/users';
import { hashPassword, verifyPassword } from './password';
import { checkCredentials, createLoginLimiters } from './login';

// The real verification, watched: which hash each sign-in was checked against.
vi.mock('./password', async (importOriginal) => {
	const original = await importOriginal<typeof import('./password')>();
	return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

async function setUp() {
	const db = createTestDatabase();
	const user = insertUser(db, {
		email: 'rep@example.com',
		name: 'Rep',
		passwordHash: await hashPassword('right password'),
		roles: ['rep']
	});
	return { db, user, limiters: createLoginLimiters() };
}

describe('checkCredentials', () => {
	it('accepts the right password, with the email in any case', async () => {
		const { db, user, limiters } = await setUp();
		expect(
			await checkCredentials(db, limiters, {
				email: ' REP@example.com',
				password: 'right password',
				ip: '1.1.1.1'
			})
		).toEqual({ ok: true, userId: user.id });
	});

	it('answers the same for an unknown email, a wrong password and a deactivated account', async () => {
		const { db, user, limiters } = await setUp();
		const unknown = await checkCredentials(db, limiters, {
			email: 'nobody@example.com',
			password: 'right password',
			ip: '1.1.1.1'
		});
		const wrong = await checkCredentials(db, limiters, {
			email: 'rep@example.com',
			password: 'wrong password',
			ip: '1.1.1.1'
		});
		setUserActive(db, user.id, false);
		const deactivated = await checkCredentials(db, limiters, {
			email: 'rep@example.com',
			password: 'right password',
			ip: '1.1.1.1'
		});
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
		expect(deactivated).toEqual(unknown);
	});

	it('runs one argon2id verification with the same cost for an unknown email as for a known one', async () => {
		const { db, user, limiters } = await setUp();
		const verify = vi.mocked(verifyPassword);
		verify.mockClear();
		await checkCredentials(db, limiters, {
			email: 'nobody@example.com',
			password: 'wrong password',
			ip: '1.1.1.1'
		});
		await checkCredentials(db, limiters, {
			email: 'rep@example.com',
			password: 'wrong password',
			ip: '1.1.1.1'
		});
		setUserActive(db, user.id, false);
		await checkCredentials(db, limiters, {
			email: 'rep@example.com',
			password: 'right password',
			ip: '1.1.1.1'
		});
		expect(verify).toHaveBeenCalledTimes(3);
		const [unknownHash, knownHash, deactivatedHash] = verify.mock.calls.map(([hash]) => hash);
		// Same algorithm and parameters (memory, iterations, lanes): the same work, so the same time.
		const parameters = (hash: string | undefined) => hash?.split('$').slice(1, 4).join('$');
		expect(parameters(knownHash)).toBe('argon2id$v=19$m=19456,t=2,p=1');
		expect(parameters(unknownHash)).toBe(parameters(knownHash));
		expect(parameters(deactivatedHash)).toBe(parameters(knownHash));
		expect(unknownHash).not.toBe(knownHash);
	});

	it('refuses a client after 5 failures on an account, the right password too, for 15 minutes', async () => {
		const { db, limiters } = await setUp();
		for (let i = 0; i < 5; i++)
			await checkCredentials(
				db,
				limiters,
				{ email: 'rep@example.com', password: `wrong ${i}`, ip: '6.6.6.6' },
				0
			);
		const refused = await checkCredentials(
			db,
			limiters,
			{ email: 'rep@example.com', password: 'right password', ip: '6.6.6.6' },
			1
		);
		expect(refused).toEqual({
			ok: false,
			reason: 'rate-limited',
			retryAfterMs: 15 * 60 * 1000 - 1
		});
		const later = await checkCredentials(
			db,
			limiters,
			{ email: 'rep@example.com', password: 'right password', ip: '6.6.6.6' },
			15 * 60 * 1000
		);
		expect(later.ok).toBe(true);
	});

	it('lets the right password in from another client while someone fails against the account', async () => {
		const { db, user, limiters } = await setUp();
		for (let i = 0; i < 5; i++)
			await checkCredentials(
				db,
				limiters,
				{ email: 'rep@example.com', password: `wrong ${i}`, ip: '6.6.6.6' },
				0
			);
		for (let i = 0; i < 4; i++)
			await checkCredentials(
				db,
				limiters,
				{ email: 'rep@example.com', password: `wrong ${i}`, ip: `10.0.0.${i}` },
				0
			);
		expect(
			await checkCredentials(
				db,
				limiters,
				{ email: 'rep@example.com', password: 'right password', ip: '1.2.3.4' },
				1
			)
		).toEqual({ ok: true, userId: user.id });
	});

	it('slows, but never refuses, sign-ins to an account failing from many addresses; an unknown email alike', async () => {
		const { db, user, limiters } = await setUp();
		const waits: number[] = [];
		limiters.wait = async (ms) => void waits.push(ms);
		const fail = (email: string, i: number) =>
			checkCredentials(
				db,
				limiters,
				{ email, password: `wrong ${i}`, ip: `10.0.${i >> 8}.${i & 255}` },
				0
			);
		for (let i = 0; i < 40; i++) await fail('rep@example.com', i);
		for (let i = 0; i < 40; i++) await fail('nobody@example.com', i);
		// No wait while failures are few; then one more second a failure, up to ten.
		expect(waits.slice(0, 10)).toEqual([
			1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000
		]);
		expect(waits.length).toBe(2 * 30);
		expect(waits.slice(30)).toEqual(waits.slice(0, 30));
		waits.length = 0;
		expect(
			await checkCredentials(
				db,
				limiters,
				{ email: 'rep@example.com', password: 'right password', ip: '1.2.3.4' },
				1
			)
		).toEqual({ ok: true, userId: user.id });
		expect(waits).toEqual([10_000]);
	});

	it('limits one address trying many accounts', async () => {
		const { db, limiters } = await setUp();
		for (let i = 0; i < 20; i++) {
			await checkCredentials(
				db,
				limiters,
				{ email: `guess${i}@example.com`, password: 'whatever pass', ip: '6.6.6.6' },
				0
			);
		}
		const result = await checkCredentials(
			db,
			limiters,
			{ email: 'rep@example.com', password: 'right password', ip: '6.6.6.6' },
			1
		);
		expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
	});

	it('counts guesses sent all at once, before any has been checked', async () => {
		const { db, limiters } = await setUp();
		const guesses = Array.from({ length: 30 }, (_, i) =>
			checkCredentials(
				db,
				limiters,
				{ email: 'rep@example.com', password: `guess ${i}`, ip: '7.7.7.7' },
				0
			)
		);
		const right = checkCredentials(
			db,
			limiters,
			{ email: 'rep@example.com', password: 'right password', ip: '7.7.7.7' },
			0
		);
		const results = await Promise.all([...guesses, right]);
		expect(
			results.filter((r) => r.ok === false && r.reason === 'rate-limited').length
		).toBeGreaterThanOrEqual(25);
		expect(results[results.length - 1]!.ok).toBe(false);
	});

	it('does not count successful sign-ins', async () => {
		const { db, limiters } = await setUp();
		for (let i = 0; i < 30; i++) {
			await checkCredentials(
				db,
				limiters,
				{ email: 'rep@example.com', password: 'right password', ip: '1.1.1.1' },
				0
			);
		}
		expect(
			(
				await checkCredentials(
					db,
					limiters,
					{ email: 'rep@example.com', password: 'right password', ip: '1.1.1.1' },
					0
				)
			).ok
		).toBe(true);
	});
});
