import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

// OWASP's recommended argon2id settings: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'same-as-email';

export function hashPassword(password: string): Promise<string> {
	// @node-rs/argon2 uses argon2id unless told otherwise.
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed stored hash must not sign anyone in.
		return false;
	}
}

/** Returns what is wrong with a new password, or null when it is acceptable. */
export function checkPasswordPolicy(password: string, email?: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too-short';
	if (length > PASSWORD_MAX_LENGTH) return 'too-long';
	const folded = password.trim().toLowerCase();
	if (COMMON_PASSWORDS.has(folded) || /^(.)\1+$/.test(folded)) return 'too-common';
	if (email && folded === email.trim().toLowerCase()) return 'same-as-email';
	return null;
}
