import type { Db } from '../db';
import {
	findUserByEmail,
	findUserById,
	insertUser,
	isPlausibleEmail,
	normalizeEmail,
	recordAudit,
	updateUserPassword
} from '../accounts/users';
import type { User } from '../db/schema';
import { lookUpAccountToken, markAccountTokenUsed } from './account-tokens';
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from './password';

export const NAME_MAX_LENGTH = 100;

export type AcceptProblem =
	| PasswordProblem
	| 'token-invalid'
	| 'token-expired'
	| 'token-used'
	| 'token-revoked'
	| 'name-missing'
	| 'name-too-long'
	| 'email-invalid'
	| 'email-taken';

export type AcceptResult = { ok: true; user: User } | { ok: false; problem: AcceptProblem };

function checkName(name: string): AcceptProblem | null {
	const trimmed = name.trim();
	if (!trimmed) return 'name-missing';
	if ([...trimmed].length > NAME_MAX_LENGTH) return 'name-too-long';
	return null;
}

/**
 * Turns an invitation (or the first admin's set-up link) into an account. The token is spent in
 * the same transaction that creates the user, so a link works exactly once.
 */
export async function acceptInvite(
	db: Db,
	token: string,
	input: { name: string; password: string; email?: string },
	now = new Date()
): Promise<AcceptResult> {
	const found = lookUpAccountToken(db, token, 'invite', now);
	const lookup =
		found.ok || found.reason !== 'invalid' ? found : lookUpAccountToken(db, token, 'setup', now);
	if (!lookup.ok) return { ok: false, problem: `token-${lookup.reason}` };
	const email = normalizeEmail(lookup.token.email ?? input.email ?? '');
	if (!isPlausibleEmail(email)) return { ok: false, problem: 'email-invalid' };
	const problem = checkName(input.name) ?? checkPasswordPolicy(input.password, email);
	if (problem) return { ok: false, problem };
	if (findUserByEmail(db, email)) return { ok: false, problem: 'email-taken' };
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx): AcceptResult => {
		if (findUserByEmail(tx, email)) return { ok: false, problem: 'email-taken' };
		if (!markAccountTokenUsed(tx, lookup.token.id, now))
			return { ok: false, problem: 'token-used' };
		const user = insertUser(tx, { email, name: input.name, passwordHash, roles: lookup.roles });
		recordAudit(tx, {
			actorId: user.id,
			action: `account.${lookup.token.kind}-accepted`,
			targetId: user.id
		});
		return { ok: true, user };
	});
}

/** Sets a new password through a reset link and signs the account out everywhere. */
export async function acceptPasswordReset(
	db: Db,
	token: string,
	password: string,
	now = new Date()
): Promise<AcceptResult> {
	const lookup = lookUpAccountToken(db, token, 'reset', now);
	if (!lookup.ok) return { ok: false, problem: `token-${lookup.reason}` };
	const email = lookup.token.email ?? undefined;
	const problem = checkPasswordPolicy(password, email);
	if (problem) return { ok: false, problem };
	const userId = lookup.token.userId;
	if (!userId) return { ok: false, problem: 'token-invalid' };
	const passwordHash = await hashPassword(password);
	return db.transaction((tx): AcceptResult => {
		if (!markAccountTokenUsed(tx, lookup.token.id, now))
			return { ok: false, problem: 'token-used' };
		updateUserPassword(tx, userId, passwordHash);
		recordAudit(tx, { actorId: userId, action: 'account.password-reset', targetId: userId });
		const user = findUserById(tx, userId);
		return user ? { ok: true, user } : { ok: false, problem: 'token-invalid' };
	});
}
