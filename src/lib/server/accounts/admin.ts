import { isOneOf } from '$lib/engine/one-of';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index';
import { teams, TEAM_ROLES, type Team, type TeamRole } from '../db/schema';
import type { SessionUser } from '../auth/session';
import {
	findUserByEmail,
	findUserById,
	isPlausibleEmail,
	recordAudit,
	setUserActive,
	setUserRoles
} from './users';
import { createAccountToken, revokeAccountToken } from '../auth/account-tokens';
import {
	addTeamMember,
	createTeam,
	findTeam,
	findTeamByName,
	removeTeamMember,
	validateTeamName,
	type TeamNameProblem
} from './teams';
import { setOneToOneWeeks } from '../coaching/one-to-ones';
import type { Role } from '$lib/roles';

/*
 * What an admin changes on the admin pages: teams, accounts and invites. Each function checks that
 * the actor is an admin and that the change is valid, then writes it and its audit entry in one
 * transaction: a change is never made without its entry, nor an entry without its change. A route
 * parses the form, calls one of these and says what happened.
 */

/** Refused: the actor is no admin (the routes let only admins in), or what they name does not exist. */
type Refused = { ok: false; problem: 'forbidden' | 'not-found' };

/** A refusal that is no problem of the form: a route answers it with a 404. */
export function isRefusal(problem: string): problem is Refused['problem'] {
	return problem === 'forbidden' || problem === 'not-found';
}

function isAdmin(actor: SessionUser): boolean {
	return actor.roles.includes('admin');
}

export function isTeamRole(value: string): value is TeamRole {
	return isOneOf(TEAM_ROLES, value);
}

/** A team name's problem: its shape, or another team's having it already (`teamId`: the team being renamed). */
function teamNameProblem(db: Db, name: string, teamId: string | null): TeamNameProblem | null {
	const other = findTeamByName(db, name);
	return validateTeamName(name) ?? (other && other.id !== teamId ? 'taken' : null);
}

export function addTeam(
	db: Db,
	input: { actor: SessionUser; name: string }
): { ok: true; team: Team } | Refused | { ok: false; problem: TeamNameProblem } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	return db.transaction((tx) => {
		const problem = teamNameProblem(tx, input.name, null);
		if (problem) return { ok: false as const, problem };
		const team = createTeam(tx, input.name);
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'team.created',
			targetId: team.id,
			detail: team.name
		});
		return { ok: true as const, team };
	});
}

export function renameTeam(
	db: Db,
	input: { actor: SessionUser; teamId: string; name: string }
): { ok: true } | Refused | { ok: false; problem: TeamNameProblem } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	return db.transaction((tx) => {
		if (!findTeam(tx, input.teamId)) return { ok: false as const, problem: 'not-found' as const };
		const problem = teamNameProblem(tx, input.name, input.teamId);
		if (problem) return { ok: false as const, problem };
		const name = input.name.trim();
		tx.update(teams).set({ name }).where(eq(teams.id, input.teamId)).run();
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'team.renamed',
			targetId: input.teamId,
			detail: name
		});
		return { ok: true as const };
	});
}

/** Puts a user in a team with a role, or changes their role there. `pick`: no such user or role. */
export function addToTeam(
	db: Db,
	input: { actor: SessionUser; teamId: string; userId: string; role: string }
): { ok: true; name: string } | Refused | { ok: false; problem: 'pick' } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	const { role } = input;
	return db.transaction((tx) => {
		if (!findTeam(tx, input.teamId)) return { ok: false as const, problem: 'not-found' as const };
		const user = findUserById(tx, input.userId);
		if (!user || !isTeamRole(role)) return { ok: false as const, problem: 'pick' as const };
		addTeamMember(tx, input.teamId, user.id, role);
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'team.member-added',
			targetId: input.teamId,
			detail: `${user.id} ${role}`
		});
		return { ok: true as const, name: user.name };
	});
}

export function removeFromTeam(
	db: Db,
	input: { actor: SessionUser; teamId: string; userId: string }
): { ok: true; name: string } | Refused | { ok: false; problem: 'pick' } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	return db.transaction((tx) => {
		if (!findTeam(tx, input.teamId)) return { ok: false as const, problem: 'not-found' as const };
		const user = findUserById(tx, input.userId);
		if (!user) return { ok: false as const, problem: 'pick' as const };
		removeTeamMember(tx, input.teamId, user.id);
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'team.member-removed',
			targetId: input.teamId,
			detail: user.id
		});
		return { ok: true as const, name: user.name };
	});
}

/** How often the team's reps should have a one-to-one (see coaching/one-to-ones.ts). `weeks`: not a number allowed. */
export function changeOneToOneWeeks(
	db: Db,
	input: { actor: SessionUser; teamId: string; weeks: number }
): { ok: true } | Refused | { ok: false; problem: 'weeks' } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	return db.transaction((tx) => {
		if (!findTeam(tx, input.teamId)) return { ok: false as const, problem: 'not-found' as const };
		if (!setOneToOneWeeks(tx, input.teamId, input.weeks))
			return { ok: false as const, problem: 'weeks' as const };
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'team.one-to-one-weeks',
			targetId: input.teamId,
			detail: String(input.weeks)
		});
		return { ok: true as const };
	});
}

/** Sets a user's roles. An admin cannot take their own admin role away: someone must stay able to do this. */
export function changeRoles(
	db: Db,
	input: { actor: SessionUser; userId: string; roles: readonly Role[] }
): { ok: true } | Refused | { ok: false; problem: 'no-roles' | 'own-admin' } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	const { roles } = input;
	return db.transaction((tx) => {
		if (!findUserById(tx, input.userId))
			return { ok: false as const, problem: 'not-found' as const };
		if (roles.length === 0) return { ok: false as const, problem: 'no-roles' as const };
		if (input.userId === input.actor.id && !roles.includes('admin'))
			return { ok: false as const, problem: 'own-admin' as const };
		setUserRoles(tx, input.userId, roles);
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'user.roles-changed',
			targetId: input.userId,
			detail: roles.join(',')
		});
		return { ok: true as const };
	});
}

/** Deactivates (signing the user out everywhere) or reactivates an account; never the admin's own. */
export function changeActive(
	db: Db,
	input: { actor: SessionUser; userId: string; active: boolean }
): { ok: true; name: string } | Refused | { ok: false; problem: 'self' } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	return db.transaction((tx) => {
		const user = findUserById(tx, input.userId);
		if (!user) return { ok: false as const, problem: 'not-found' as const };
		if (user.id === input.actor.id) return { ok: false as const, problem: 'self' as const };
		setUserActive(tx, user.id, input.active);
		recordAudit(tx, {
			actorId: input.actor.id,
			action: input.active ? 'user.reactivated' : 'user.deactivated',
			targetId: user.id
		});
		return { ok: true as const, name: user.name };
	});
}

/** A new password reset link's token for a user (any older one stops working). */
export function issueResetLink(
	db: Db,
	input: { actor: SessionUser; userId: string },
	now = new Date()
): { ok: true; token: string } | Refused {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	return db.transaction((tx) => {
		const user = findUserById(tx, input.userId);
		if (!user) return { ok: false as const, problem: 'not-found' as const };
		const issued = createAccountToken(
			tx,
			{ kind: 'reset', userId: user.id, email: user.email, createdBy: input.actor.id },
			now
		);
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'user.reset-link-created',
			targetId: user.id
		});
		return { ok: true as const, token: issued.token };
	});
}

/** An invite's token for a new account with these roles. `email`: normalized by the caller. */
export function issueInvite(
	db: Db,
	input: { actor: SessionUser; email: string; roles: readonly Role[] },
	now = new Date()
):
	| { ok: true; token: string }
	| { ok: false; problem: 'forbidden' | 'email-invalid' | 'no-roles' | 'email-taken' } {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	const { email, roles } = input;
	if (!isPlausibleEmail(email)) return { ok: false, problem: 'email-invalid' };
	if (roles.length === 0) return { ok: false, problem: 'no-roles' };
	return db.transaction((tx) => {
		if (findUserByEmail(tx, email)) return { ok: false as const, problem: 'email-taken' as const };
		const issued = createAccountToken(
			tx,
			{ kind: 'invite', email, roles, createdBy: input.actor.id },
			now
		);
		recordAudit(tx, {
			actorId: input.actor.id,
			action: 'invite.created',
			targetId: issued.row.id,
			detail: `${email} ${roles.join(',')}`
		});
		return { ok: true as const, token: issued.token };
	});
}

/** Revokes an invite or reset link not used yet. `not-found`: no such link, or used or revoked already. */
export function revokeInvite(
	db: Db,
	input: { actor: SessionUser; tokenId: string },
	now = new Date()
): { ok: true } | Refused {
	if (!isAdmin(input.actor)) return { ok: false, problem: 'forbidden' };
	return db.transaction((tx) => {
		if (!revokeAccountToken(tx, input.tokenId, now))
			return { ok: false as const, problem: 'not-found' as const };
		recordAudit(tx, { actorId: input.actor.id, action: 'invite.revoked', targetId: input.tokenId });
		return { ok: true as const };
	});
}
