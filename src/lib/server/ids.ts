import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

function randomBase32(bytes: number): string {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
}

/** A random id for a row that may appear in a URL: not guessable, not sequential. */
export function newId(): string {
	return randomBase32(15);
}

/**
 * A bearer token in the form `id.secret`. The id finds the row; only a SHA-256 hash of the
 * secret is stored, so a leaked database gives away no usable token.
 */
export interface IssuedToken {
	token: string;
	id: string;
	secretHash: Buffer;
}

export function issueToken(): IssuedToken {
	const id = newId();
	const secret = randomBase32(20);
	return { token: `${id}.${secret}`, id, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): Buffer {
	return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

export function splitToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
	return { id: parts[0], secret: parts[1] };
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash);
}
