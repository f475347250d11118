import type { Db } from '../db';
import { findUserByEmail, normalizeEmail } from '../accounts/users';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { hashPassword, verifyPassword } from './password';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Failures on one account, from every address together, before each attempt on it is slowed. */
export const ACCOUNT_SLOW_AFTER = 10;
const DELAY_STEP_MS = 1000;
const MAX_DELAY_MS = 10_000;

export interface LoginLimiters {
	/** Failures from one address, whatever the account: over 20, that address is refused. */
	perIp: RateLimiter;
	/** Failures on one account from one address: over 5, that client is refused, the right password too. */
	perClient: RateLimiter;
	/** Failures on one account from every address: they slow each attempt on it, never refuse one. */
	perAccount: RateLimiter;
	wait(ms: number): Promise<void>;
}

export function createLoginLimiters(
	wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
): LoginLimiters {
	return {
		perIp: createRateLimiter({ max: 20, windowMs: FIFTEEN_MINUTES }),
		perClient: createRateLimiter({ max: 5, windowMs: FIFTEEN_MINUTES }),
		perAccount: createRateLimiter({ max: ACCOUNT_SLOW_AFTER, windowMs: FIFTEEN_MINUTES }),
		wait
	};
}

/** One more second for each failure past the ceiling, up to ten: guessing from many addresses slows to a crawl. */
export function delayFor(accountFailures: number): number {
	return accountFailures < ACCOUNT_SLOW_AFTER
		? 0
		: Math.min(MAX_DELAY_MS, (accountFailures - ACCOUNT_SLOW_AFTER + 1) * DELAY_STEP_MS);
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
 * Failures lock out only the client that made them: anyone could otherwise lock anyone out, since
 * the demo lists its accounts. Against one account from many addresses they slow, not refuse.
 */
export async function checkCredentials(
	db: Db,
	limiters: LoginLimiters,
	input: { email: string; password: string; ip: string },
	now = Date.now()
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	// An address never contains a space, so this names one (address, account) pair.
	const client = `${input.ip} ${email}`;
	const ipState = limiters.perIp.check(input.ip, now);
	const clientState = limiters.perClient.check(client, now);
	if (ipState.limited || clientState.limited) {
		return {
			ok: false,
			reason: 'rate-limited',
			retryAfterMs: Math.max(ipState.retryAfterMs, clientState.retryAfterMs)
		};
	}
	// Counted before the (slow) password check, so that guesses sent all at once are counted too;
	// a sign-in that succeeds takes its count back.
	const delay = delayFor(limiters.perAccount.count(email, now));
	limiters.perIp.hit(input.ip, now);
	limiters.perClient.hit(client, now);
	limiters.perAccount.hit(email, now);
	if (delay > 0) await limiters.wait(delay);
	const user = findUserByEmail(db, email);
	decoyHash ??= hashPassword('decoy password that matches nothing');
	const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
	if (!user || !valid || user.deactivatedAt) return { ok: false, reason: 'invalid' };
	limiters.perIp.release(input.ip);
	limiters.perClient.reset(client);
	limiters.perAccount.release(email);
	return { ok: true, userId: user.id };
}
