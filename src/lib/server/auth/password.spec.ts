import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
	});

	it('gives different hashes for the same password (salted)', async () => {
		expect(await hashPassword('same password 1')).not.toBe(await hashPassword('same password 1'));
	});

	it('treats a malformed stored hash as a mismatch instead of throwing', async () => {
		expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
	});
});

describe('password policy', () => {
	it.each([
		['short1234', 'too-short'],
		['1234567890', 'too-common'],
		['Password123', 'too-common'],
		['aaaaaaaaaaaa', 'too-common'],
		['x'.repeat(257), 'too-long'],
		['rep@example.com', 'same-as-email'],
		['a long passphrase', null],
		['長一點的中文密碼也可以用吧', null]
	])('%s → %s', (password, expected) => {
		expect(checkPasswordPolicy(password, 'rep@example.com')).toBe(expected);
	});

	it('counts characters, not UTF-16 units', () => {
		expect(checkPasswordPolicy('業務練習密碼好記嗎')).toBe('too-short');
		expect(checkPasswordPolicy('業務練習密碼好記嗎啊')).toBeNull();
	});
});
