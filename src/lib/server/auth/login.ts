import type { Db } from '../db';
import { findUserByEmail, normalizeEmail } from '../accounts';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { hashPassword, verifyPassword } from './password';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export interface LoginLimiters {
	perIp: RateLimiter;
	perAccount: RateLimiter;
}

/** Failed attempts allowed: 20 from one address, 5 against one account, per 15 minutes. */
export function createLoginLimiters(): LoginLimiters {
	return {
		perIp: createRateLimiter({ max: 20, windowMs: FIFTEEN_MINUTES }),
		perAccount: createRateLimiter({ max: 5, windowMs: FIFTEEN_MINUTES })
	};
}

export type SignInResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate-limited'; retryAfterMs: number };

// Verified when the email is unknown, so that a wrong address costs as much time as a wrong
// password and the response time does not tell which accounts exist.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Unknown email, wrong password and deactivated account all give the
 * same answer; only failures count towards the limits, so a rep who signs in often is never blocked.
 */
export async function checkCredentials(
	db: Db,
	limiters: LoginLimiters,
	input: { email: string; password: string; ip: string },
	now = Date.now()
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	const ipState = limiters.perIp.check(input.ip, now);
	const accountState = limiters.perAccount.check(email, now);
	if (ipState.limited || accountState.limited) {
		return { ok: false, reason: 'rate-limited', retryAfterMs: Math.max(ipState.retryAfterMs, accountState.retryAfterMs) };
	}
	// Counted before the (slow) password check, so that guesses sent all at once are counted too;
	// a sign-in that succeeds takes its count back.
	limiters.perIp.hit(input.ip, now);
	limiters.perAccount.hit(email, now);
	const user = findUserByEmail(db, email);
	decoyHash ??= hashPassword('decoy password that matches nothing');
	const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
	if (!user || !valid || user.deactivatedAt) return { ok: false, reason: 'invalid' };
	limiters.perIp.release(input.ip);
	limiters.perAccount.reset(email);
	return { ok: true, userId: user.id };
}
