import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { accountTokens, type AccountToken, type TokenKind } from '../db/schema';
import { issueToken, secretMatches, splitToken } from '../ids';
import { isRole, type Role } from '$lib/roles';

const DAY_MS = 24 * 60 * 60 * 1000;
export const TOKEN_LIFETIME_MS: Record<TokenKind, number> = {
	invite: 7 * DAY_MS,
	setup: 7 * DAY_MS,
	// A reset link grants an existing account: keep its window short.
	reset: 2 * DAY_MS
};

export type TokenLookup =
	| { ok: true; token: AccountToken; roles: Role[] }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' | 'revoked' };

export function createAccountToken(
	db: Db,
	input: {
		kind: TokenKind;
		email?: string | null;
		userId?: string | null;
		roles?: readonly Role[];
		createdBy?: string | null;
	},
	now = new Date()
): { token: string; row: AccountToken } {
	const { token, id, secretHash } = issueToken();
	// A new reset link replaces any older one for the same account.
	if (input.kind === 'reset' && input.userId) {
		db.update(accountTokens)
			.set({ revokedAt: now })
			.where(
				and(
					eq(accountTokens.kind, 'reset'),
					eq(accountTokens.userId, input.userId),
					isNull(accountTokens.usedAt),
					isNull(accountTokens.revokedAt)
				)
			)
			.run();
	}
	const row = db
		.insert(accountTokens)
		.values({
			id,
			kind: input.kind,
			secretHash,
			email: input.email ?? null,
			userId: input.userId ?? null,
			roles: (input.roles ?? []).join(','),
			createdBy: input.createdBy ?? null,
			expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.kind]),
			createdAt: now
		})
		.returning()
		.get();
	return { token, row };
}

/** Finds a token of the given kind and says whether it can still be used, and if not, why. */
export function lookUpAccountToken(
	db: Db,
	token: string,
	kind: TokenKind,
	now = new Date()
): TokenLookup {
	const parts = splitToken(token);
	if (!parts) return { ok: false, reason: 'invalid' };
	const row = db.select().from(accountTokens).where(eq(accountTokens.id, parts.id)).get();
	if (!row || row.kind !== kind || !secretMatches(parts.secret, row.secretHash))
		return { ok: false, reason: 'invalid' };
	if (row.revokedAt) return { ok: false, reason: 'revoked' };
	if (row.usedAt) return { ok: false, reason: 'used' };
	if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, token: row, roles: row.roles.split(',').filter(isRole) };
}

/**
 * Marks a token used. The `usedAt is null` condition makes this the single point where two
 * simultaneous submissions race: only one of them changes a row.
 */
export function markAccountTokenUsed(db: Db, tokenId: string, now = new Date()): boolean {
	const result = db
		.update(accountTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(accountTokens.id, tokenId),
				isNull(accountTokens.usedAt),
				isNull(accountTokens.revokedAt)
			)
		)
		.run();
	return result.changes === 1;
}

export function revokeAccountToken(db: Db, tokenId: string, now = new Date()): boolean {
	const result = db
		.update(accountTokens)
		.set({ revokedAt: now })
		.where(
			and(
				eq(accountTokens.id, tokenId),
				isNull(accountTokens.usedAt),
				isNull(accountTokens.revokedAt)
			)
		)
		.run();
	return result.changes === 1;
}

/** Tokens of a kind that can still be used, newest first. */
export function listPendingAccountTokens(
	db: Db,
	kind: TokenKind,
	now = new Date()
): AccountToken[] {
	return db
		.select()
		.from(accountTokens)
		.where(
			and(
				eq(accountTokens.kind, kind),
				isNull(accountTokens.usedAt),
				isNull(accountTokens.revokedAt),
				gt(accountTokens.expiresAt, now)
			)
		)
		.orderBy(desc(accountTokens.createdAt))
		.all();
}
