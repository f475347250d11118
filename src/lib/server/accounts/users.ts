import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index';
import { accountTokens, auditLog, userRoles, users, type User } from '../db/schema';
import { invalidateUserSessions } from '../auth/session';
import { newId } from '../ids';
import { ROLES, type Locale, type Role } from '$lib/roles';

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** A deliberately loose check: one @, something on each side, a dot in the domain, no spaces. */
export function isPlausibleEmail(email: string): boolean {
	return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export function findUserByEmail(db: Db, email: string): User | undefined {
	return db
		.select()
		.from(users)
		.where(eq(users.email, normalizeEmail(email)))
		.get();
}

export function findUserById(db: Db, id: string): User | undefined {
	return db.select().from(users).where(eq(users.id, id)).get();
}

export function getUserRoles(db: Db, userId: string): Role[] {
	const held = new Set(
		db
			.select({ role: userRoles.role })
			.from(userRoles)
			.where(eq(userRoles.userId, userId))
			.all()
			.map((r) => r.role)
	);
	return ROLES.filter((role) => held.has(role));
}

export interface NewUser {
	email: string;
	name: string;
	passwordHash: string;
	roles: readonly Role[];
	locale?: Locale | null;
}

/** Creates a user with their roles. Call inside a transaction when it is one step of several. */
export function insertUser(db: Db, input: NewUser): User {
	const user = db
		.insert(users)
		.values({
			id: newId(),
			email: normalizeEmail(input.email),
			name: input.name.trim(),
			passwordHash: input.passwordHash,
			locale: input.locale ?? null
		})
		.returning()
		.get();
	if (input.roles.length > 0) {
		db.insert(userRoles)
			.values(input.roles.map((role) => ({ userId: user.id, role })))
			.run();
	}
	return user;
}

export function setUserRoles(db: Db, userId: string, roles: readonly Role[]): void {
	db.transaction((tx) => {
		tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
		if (roles.length > 0)
			tx.insert(userRoles)
				.values(roles.map((role) => ({ userId, role })))
				.run();
	});
}

export function setUserActive(db: Db, userId: string, active: boolean): void {
	db.transaction((tx) => {
		tx.update(users)
			.set({ deactivatedAt: active ? null : new Date() })
			.where(eq(users.id, userId))
			.run();
		if (!active) invalidateUserSessions(tx, userId);
	});
}

export function updateUserName(db: Db, userId: string, name: string): void {
	db.update(users).set({ name: name.trim() }).where(eq(users.id, userId)).run();
}

export function updateUserLocale(db: Db, userId: string, locale: Locale): void {
	db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** Sets a new password hash, signs the user out everywhere else and withdraws open reset links. */
export function updateUserPassword(
	db: Db,
	userId: string,
	passwordHash: string,
	keepSessionId?: string
): void {
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
		invalidateUserSessions(tx, userId, keepSessionId);
		tx.update(accountTokens)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(accountTokens.userId, userId),
					eq(accountTokens.kind, 'reset'),
					isNull(accountTokens.usedAt),
					isNull(accountTokens.revokedAt)
				)
			)
			.run();
	});
}

export interface UserListRow {
	id: string;
	email: string;
	name: string;
	active: boolean;
	roles: Role[];
	createdAt: Date;
}

/** Users matching a free-text query on name or email, active ones first, then by name. */
export function listUsers(
	db: Db,
	query = '',
	options: { activeOnly?: boolean } = {}
): UserListRow[] {
	const q = query.trim();
	const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const match = q
		? or(
				sql`${users.name} like ${pattern} escape '\\'`,
				sql`${users.email} like ${pattern} escape '\\'`
			)
		: undefined;
	const rows = db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			deactivatedAt: users.deactivatedAt,
			createdAt: users.createdAt,
			roles: sql<
				string | null
			>`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id})`
		})
		.from(users)
		.where(and(match, options.activeOnly ? isNull(users.deactivatedAt) : undefined))
		.orderBy(sql`${users.deactivatedAt} is not null`, asc(users.name))
		.all();
	return rows.map((r) => {
		const held = new Set((r.roles ?? '').split(','));
		return {
			id: r.id,
			email: r.email,
			name: r.name,
			active: r.deactivatedAt === null,
			roles: ROLES.filter((role) => held.has(role)),
			createdAt: r.createdAt
		};
	});
}

export function usersWithRole(db: Db, role: Role): Pick<User, 'id' | 'name' | 'email'>[] {
	return db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.innerJoin(userRoles, eq(userRoles.userId, users.id))
		.where(and(eq(userRoles.role, role), isNull(users.deactivatedAt)))
		.orderBy(asc(users.name))
		.all();
}

export function countUsers(db: Db): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(users)
			.get()?.n ?? 0
	);
}

export function recordAudit(
	db: Db,
	entry: { actorId: string | null; action: string; targetId?: string; detail?: string }
): void {
	db.insert(auditLog)
		.values({
			id: newId(),
			actorId: entry.actorId,
			action: entry.action,
			targetId: entry.targetId ?? null,
			detail: entry.detail ?? null
		})
		.run();
}
