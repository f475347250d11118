import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../db/index';
import { peopleIn } from '../testing/people';
import { auditLog, teams } from '../db/schema';
import { findUserById, getUserRoles } from './users';
import { createAccountToken, lookUpAccountToken } from '../auth/account-tokens';
import { createSession, validateSessionToken } from '../auth/session';
import { addTeamMember, createTeam, findTeam, listTeamMembers } from './teams';
import {
	addTeam,
	addToTeam,
	changeActive,
	changeOneToOneWeeks,
	changeRoles,
	issueInvite,
	issueResetLink,
	removeFromTeam,
	renameTeam,
	revokeInvite
} from './admin';

function setUp() {
	const db = createTestDatabase();
	const person = peopleIn(db);
	const admin = person('admin', ['admin']);
	const manager = person('manager', ['manager']);
	const rep = person('rep', ['rep']);
	const team = createTeam(db, 'North');
	/** The audit entries written since set-up, oldest first. */
	const audit = () =>
		db
			.select({
				actorId: auditLog.actorId,
				action: auditLog.action,
				targetId: auditLog.targetId,
				detail: auditLog.detail
			})
			.from(auditLog)
			.orderBy(sql`rowid`)
			.all();
	return { db, admin, manager, rep, team, audit };
}

describe('teams', () => {
	it('an admin creates a team, audited; a name taken or blank is refused and nothing is written', () => {
		const { db, admin, audit } = setUp();
		const outcome = addTeam(db, { actor: admin, name: '  South ' });
		expect(outcome.ok && outcome.team.name).toBe('South');
		expect(audit()).toEqual([
			{
				actorId: admin.id,
				action: 'team.created',
				targetId: outcome.ok ? outcome.team.id : null,
				detail: 'South'
			}
		]);
		expect(addTeam(db, { actor: admin, name: 'North' })).toEqual({ ok: false, problem: 'taken' });
		expect(addTeam(db, { actor: admin, name: ' ' })).toEqual({ ok: false, problem: 'missing' });
		expect(addTeam(db, { actor: admin, name: 'x'.repeat(81) })).toEqual({
			ok: false,
			problem: 'too-long'
		});
		expect(db.select().from(teams).all()).toHaveLength(2);
		expect(audit()).toHaveLength(1);
	});

	it('an admin renames a team (to its own name too), audited; another team’s name is taken', () => {
		const { db, admin, team, audit } = setUp();
		createTeam(db, 'South');
		expect(renameTeam(db, { actor: admin, teamId: team.id, name: 'South' })).toEqual({
			ok: false,
			problem: 'taken'
		});
		expect(renameTeam(db, { actor: admin, teamId: team.id, name: 'North ' })).toEqual({ ok: true });
		expect(renameTeam(db, { actor: admin, teamId: team.id, name: 'Far North' })).toEqual({
			ok: true
		});
		expect(findTeam(db, team.id)!.name).toBe('Far North');
		expect(audit()).toEqual([
			{ actorId: admin.id, action: 'team.renamed', targetId: team.id, detail: 'North' },
			{ actorId: admin.id, action: 'team.renamed', targetId: team.id, detail: 'Far North' }
		]);
		expect(renameTeam(db, { actor: admin, teamId: 'nope', name: 'X' })).toEqual({
			ok: false,
			problem: 'not-found'
		});
	});

	it('an admin adds a member (or changes their role) and removes one, audited; an unknown user or role is refused', () => {
		const { db, admin, manager, rep, team, audit } = setUp();
		expect(addToTeam(db, { actor: admin, teamId: team.id, userId: rep.id, role: 'rep' })).toEqual({
			ok: true,
			name: 'rep'
		});
		expect(
			addToTeam(db, { actor: admin, teamId: team.id, userId: manager.id, role: 'manager' })
		).toEqual({ ok: true, name: 'manager' });
		expect(addToTeam(db, { actor: admin, teamId: team.id, userId: rep.id, role: 'boss' })).toEqual({
			ok: false,
			problem: 'pick'
		});
		expect(addToTeam(db, { actor: admin, teamId: team.id, userId: 'nobody', role: 'rep' })).toEqual(
			{ ok: false, problem: 'pick' }
		);
		expect(addToTeam(db, { actor: admin, teamId: 'nope', userId: rep.id, role: 'rep' })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(listTeamMembers(db, team.id).map((m) => [m.name, m.role])).toEqual([
			['manager', 'manager'],
			['rep', 'rep']
		]);
		expect(removeFromTeam(db, { actor: admin, teamId: team.id, userId: rep.id })).toEqual({
			ok: true,
			name: 'rep'
		});
		expect(removeFromTeam(db, { actor: admin, teamId: team.id, userId: 'nobody' })).toEqual({
			ok: false,
			problem: 'pick'
		});
		expect(listTeamMembers(db, team.id).map((m) => m.name)).toEqual(['manager']);
		expect(audit()).toEqual([
			{
				actorId: admin.id,
				action: 'team.member-added',
				targetId: team.id,
				detail: `${rep.id} rep`
			},
			{
				actorId: admin.id,
				action: 'team.member-added',
				targetId: team.id,
				detail: `${manager.id} manager`
			},
			{ actorId: admin.id, action: 'team.member-removed', targetId: team.id, detail: rep.id }
		]);
	});

	it('an admin sets the weeks between one-to-ones, audited; a number out of range is refused', () => {
		const { db, admin, team, audit } = setUp();
		expect(changeOneToOneWeeks(db, { actor: admin, teamId: team.id, weeks: 3 })).toEqual({
			ok: true
		});
		expect(changeOneToOneWeeks(db, { actor: admin, teamId: team.id, weeks: Number.NaN })).toEqual({
			ok: false,
			problem: 'weeks'
		});
		expect(changeOneToOneWeeks(db, { actor: admin, teamId: team.id, weeks: 0 })).toEqual({
			ok: false,
			problem: 'weeks'
		});
		expect(findTeam(db, team.id)!.oneToOneWeeks).toBe(3);
		expect(audit()).toEqual([
			{ actorId: admin.id, action: 'team.one-to-one-weeks', targetId: team.id, detail: '3' }
		]);
	});
});

describe('accounts and invites', () => {
	it('an admin changes roles, audited; never to none, and never their own admin role away', () => {
		const { db, admin, rep, audit } = setUp();
		expect(changeRoles(db, { actor: admin, userId: rep.id, roles: ['rep', 'trainer'] })).toEqual({
			ok: true
		});
		expect(changeRoles(db, { actor: admin, userId: rep.id, roles: [] })).toEqual({
			ok: false,
			problem: 'no-roles'
		});
		expect(changeRoles(db, { actor: admin, userId: admin.id, roles: ['manager'] })).toEqual({
			ok: false,
			problem: 'own-admin'
		});
		expect(changeRoles(db, { actor: admin, userId: 'nobody', roles: ['rep'] })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(getUserRoles(db, rep.id).sort()).toEqual(['rep', 'trainer']);
		expect(getUserRoles(db, admin.id)).toEqual(['admin']);
		expect(audit()).toEqual([
			{ actorId: admin.id, action: 'user.roles-changed', targetId: rep.id, detail: 'rep,trainer' }
		]);
	});

	it('an admin deactivates (signing out) and reactivates an account, audited; never their own', () => {
		const { db, admin, rep, audit } = setUp();
		const { token } = createSession(db, rep.id);
		expect(changeActive(db, { actor: admin, userId: rep.id, active: false })).toEqual({
			ok: true,
			name: 'rep'
		});
		expect(findUserById(db, rep.id)!.deactivatedAt).not.toBeNull();
		expect(validateSessionToken(db, token).user).toBeNull();
		expect(changeActive(db, { actor: admin, userId: rep.id, active: true })).toEqual({
			ok: true,
			name: 'rep'
		});
		expect(findUserById(db, rep.id)!.deactivatedAt).toBeNull();
		expect(changeActive(db, { actor: admin, userId: admin.id, active: false })).toEqual({
			ok: false,
			problem: 'self'
		});
		expect(audit()).toEqual([
			{ actorId: admin.id, action: 'user.deactivated', targetId: rep.id, detail: null },
			{ actorId: admin.id, action: 'user.reactivated', targetId: rep.id, detail: null }
		]);
	});

	it('an admin makes a reset link (the older one stops working), audited', () => {
		const { db, admin, rep, audit } = setUp();
		const first = issueResetLink(db, { actor: admin, userId: rep.id });
		const second = issueResetLink(db, { actor: admin, userId: rep.id });
		if (!first.ok || !second.ok) throw new Error('refused');
		expect(lookUpAccountToken(db, first.token, 'reset').ok).toBe(false);
		expect(lookUpAccountToken(db, second.token, 'reset').ok).toBe(true);
		expect(issueResetLink(db, { actor: admin, userId: 'nobody' })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(audit().map((a) => [a.action, a.targetId])).toEqual([
			['user.reset-link-created', rep.id],
			['user.reset-link-created', rep.id]
		]);
	});

	it('an admin invites and revokes, audited; a bad or taken email, no role or a used link is refused', () => {
		const { db, admin, audit } = setUp();
		const invite = issueInvite(db, { actor: admin, email: 'new@example.com', roles: ['rep'] });
		if (!invite.ok) throw new Error(invite.problem);
		const lookup = lookUpAccountToken(db, invite.token, 'invite');
		if (!lookup.ok) throw new Error(lookup.reason);
		expect(issueInvite(db, { actor: admin, email: 'not an email', roles: ['rep'] })).toEqual({
			ok: false,
			problem: 'email-invalid'
		});
		expect(issueInvite(db, { actor: admin, email: 'new2@example.com', roles: [] })).toEqual({
			ok: false,
			problem: 'no-roles'
		});
		expect(issueInvite(db, { actor: admin, email: 'rep@example.com', roles: ['rep'] })).toEqual({
			ok: false,
			problem: 'email-taken'
		});
		expect(revokeInvite(db, { actor: admin, tokenId: lookup.token.id })).toEqual({ ok: true });
		expect(revokeInvite(db, { actor: admin, tokenId: lookup.token.id })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(lookUpAccountToken(db, invite.token, 'invite').ok).toBe(false);
		expect(audit()).toEqual([
			{
				actorId: admin.id,
				action: 'invite.created',
				targetId: lookup.token.id,
				detail: 'new@example.com rep'
			},
			{ actorId: admin.id, action: 'invite.revoked', targetId: lookup.token.id, detail: null }
		]);
	});
});

describe('who may', () => {
	it('only an admin: anyone else changes nothing and leaves no audit entry', () => {
		const { db, manager, rep, team, audit } = setUp();
		addTeamMember(db, team.id, manager.id, 'manager');
		const reset = createAccountToken(db, { kind: 'reset', userId: rep.id, email: rep.email });
		for (const actor of [manager, rep, { ...rep, roles: ['trainer' as const] }]) {
			const refused = { ok: false, problem: 'forbidden' };
			expect(addTeam(db, { actor, name: 'Mine' })).toEqual(refused);
			expect(renameTeam(db, { actor, teamId: team.id, name: 'Mine' })).toEqual(refused);
			expect(addToTeam(db, { actor, teamId: team.id, userId: rep.id, role: 'rep' })).toEqual(
				refused
			);
			expect(removeFromTeam(db, { actor, teamId: team.id, userId: manager.id })).toEqual(refused);
			expect(changeOneToOneWeeks(db, { actor, teamId: team.id, weeks: 2 })).toEqual(refused);
			expect(changeRoles(db, { actor, userId: actor.id, roles: ['admin'] })).toEqual(refused);
			expect(changeActive(db, { actor, userId: manager.id, active: false })).toEqual(refused);
			expect(issueResetLink(db, { actor, userId: manager.id })).toEqual(refused);
			expect(issueInvite(db, { actor, email: 'x@example.com', roles: ['admin'] })).toEqual(refused);
			expect(revokeInvite(db, { actor, tokenId: reset.row.id })).toEqual(refused);
		}
		expect(
			db
				.select()
				.from(teams)
				.all()
				.map((t) => t.name)
		).toEqual(['North']);
		expect(listTeamMembers(db, team.id).map((m) => m.name)).toEqual(['manager']);
		expect(getUserRoles(db, rep.id)).toEqual(['rep']);
		expect(findUserById(db, manager.id)!.deactivatedAt).toBeNull();
		expect(lookUpAccountToken(db, reset.token, 'reset').ok).toBe(true);
		expect(audit()).toEqual([]);
	});
});
