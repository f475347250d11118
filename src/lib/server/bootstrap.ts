import { eq } from 'drizzle-orm';
import type { AppDb, Db } from './db';
import { accountTokens } from './db/schema';
import {
	countUsers,
	findUserByEmail,
	insertUser,
	isPlausibleEmail,
	recordAudit
} from './accounts/users';
import { createAccountToken } from './auth/account-tokens';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './auth/password';
import { createTeam, addTeamMember } from './accounts/teams';
import { isDemoInstance, markDemoInstance } from './settings';
import { countContent } from './content/store';
import { syncContentDirectory } from './content/sync';
import { DEFAULT_CONTENT_DIR } from './content/files';
import { formatProblem } from '$lib/engine/content';
import { DEMO_ACCOUNTS, DEMO_EXTRA_REPS } from '$lib/demo-accounts';
import { recountPracticeWeeksOnce } from './derived/practice-weeks';

export const DEMO_TEAM_NAME = '台北一組 Taipei 1';

type Env = Record<string, string | undefined>;
type Log = (message: string) => void;

export function publicOrigin(env: Env): string {
	return (env.ORIGIN ?? `http://localhost:${env.PORT ?? '3000'}`).replace(/\/$/, '');
}

/**
 * Runs at every start. An empty database gets its first accounts: the demo organisation, or with
 * DEMO=0 an admin from ADMIN_EMAIL / ADMIN_PASSWORD, or else a one-time set-up link. Once after
 * migration 0017, the weekly practice totals are counted again in this process's time zone.
 */
export async function bootstrapInstance(db: AppDb, env: Env, log: Log): Promise<void> {
	const recounted = recountPracticeWeeksOnce(db);
	if (recounted)
		log(`Rehearse: ${recounted} weekly practice totals filed again under this time zone's weeks.`);
	syncContentOnFirstStart(db, env.CONTENT_DIR ?? DEFAULT_CONTENT_DIR, log);
	await bootstrapAccounts(db, env, log);
}

/** An empty database takes the content folder (the demo pack, as shipped). */
export function syncContentOnFirstStart(db: Db, dir: string, log: Log): void {
	if (countContent(db) > 0) return;
	const result = syncContentDirectory(db, dir);
	if (result.ok) {
		log(`Rehearse: loaded ${result.count} content items from ${dir}.`);
	} else {
		log(
			[
				`Rehearse: the content in ${dir} was not loaded; fix these problems and run npm run content:sync:`,
				...result.problems.map(formatProblem)
			].join('\n')
		);
	}
}

async function bootstrapAccounts(db: AppDb, env: Env, log: Log): Promise<void> {
	const origin = publicOrigin(env);
	if (countUsers(db) > 0) {
		if (isDemoInstance(db)) await printDemoAccounts(db, origin, log);
		return;
	}
	if (env.DEMO !== '0') {
		await createDemoOrganisation(db);
		await printDemoAccounts(db, origin, log);
		return;
	}
	if (env.ADMIN_EMAIL || env.ADMIN_PASSWORD) {
		await createFirstAdmin(db, env.ADMIN_EMAIL ?? '', env.ADMIN_PASSWORD ?? '');
		log(`Rehearse: created the admin account ${env.ADMIN_EMAIL}. Sign in at ${origin}/login`);
		return;
	}
	const link = createSetupLink(db);
	log(
		[
			'',
			'Rehearse has no accounts yet. Open this one-time link to create the first admin',
			`(valid 7 days; a restart before it is used prints a new one):`,
			`  ${origin}/invite/${link}`,
			''
		].join('\n')
	);
}

/**
 * The demo organisation: the demo accounts, a team, and three weeks of history before `now` (see
 * `createDemoHistory`), so that every page has something to show on first start.
 */
export async function createDemoOrganisation(db: AppDb, now = new Date()): Promise<void> {
	// Extra reps share one unusable password (the hash of a random secret nobody keeps): they fill
	// the team, nobody signs in as them. One hash, not one each: argon2 is the slow part of a first start.
	const [unusable, ...hashed] = await Promise.all(
		[crypto.randomUUID(), ...DEMO_ACCOUNTS.map((a) => a.password)].map((password) =>
			hashPassword(password)
		)
	);
	const team = db.transaction((tx) => {
		const created = DEMO_ACCOUNTS.map((account, i) =>
			insertUser(tx, {
				email: account.email,
				name: account.name,
				passwordHash: hashed[i]!,
				roles: [account.role]
			})
		);
		const extras = DEMO_EXTRA_REPS.map((rep) =>
			insertUser(tx, {
				email: rep.email,
				name: rep.name,
				passwordHash: unusable!,
				roles: ['rep'],
				locale: rep.locale ?? null
			})
		);
		const team = createTeam(tx, DEMO_TEAM_NAME);
		const manager = created.find((_, i) => DEMO_ACCOUNTS[i]!.role === 'manager')!;
		addTeamMember(tx, team.id, manager.id, 'manager');
		for (const rep of [created.find((_, i) => DEMO_ACCOUNTS[i]!.role === 'rep')!, ...extras]) {
			addTeamMember(tx, team.id, rep.id, 'rep');
		}
		recordAudit(tx, { actorId: null, action: 'instance.demo-created' });
		return team;
	});
	markDemoInstance(db);
	// Imported here, not at the top: the history touches nearly every service (and through the
	// library, the Markdown sanitizer), and only a first start of a demo needs it; loading it on
	// every start cost the server about a fifth of its start-up.
	const { createDemoHistory } = await import('./demo-history');
	createDemoHistory(db, team.id, now);
}

async function createFirstAdmin(db: Db, email: string, password: string): Promise<void> {
	if (!isPlausibleEmail(email.trim()))
		throw new Error(`ADMIN_EMAIL "${email}" is not an email address.`);
	const problem = checkPasswordPolicy(password, email);
	if (problem)
		throw new Error(
			`ADMIN_PASSWORD is not acceptable: ${problem} (at least 10 characters, not a common password).`
		);
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		const admin = insertUser(tx, {
			email,
			name: email.split('@')[0] ?? 'Admin',
			passwordHash,
			roles: ['admin']
		});
		recordAudit(tx, { actorId: null, action: 'instance.admin-created', targetId: admin.id });
	});
}

/** Revokes any earlier set-up link and issues a new one; returns the token. */
export function createSetupLink(db: Db): string {
	return db.transaction((tx) => {
		tx.update(accountTokens)
			.set({ revokedAt: new Date() })
			.where(eq(accountTokens.kind, 'setup'))
			.run();
		return createAccountToken(tx, { kind: 'setup', roles: ['admin'] }).token;
	});
}

async function printDemoAccounts(db: Db, origin: string, log: Log): Promise<void> {
	const rows: string[] = [];
	for (const account of DEMO_ACCOUNTS) {
		const user = findUserByEmail(db, account.email);
		// Only accounts still on their published password are worth printing.
		if (
			user &&
			!user.deactivatedAt &&
			(await verifyPassword(user.passwordHash, account.password))
		) {
			rows.push(`  ${account.role.padEnd(8)} ${account.email.padEnd(24)} ${account.password}`);
		}
	}
	if (rows.length === 0) return;
	log(
		[
			'',
			`Rehearse demo is running at ${origin}`,
			'Demo accounts (role, email, password):',
			...rows,
			''
		].join('\n')
	);
}
