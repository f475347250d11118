// Backups: taken while the server answers role-plays, a backup is one consistent moment of the
// database; a restore refuses while the server runs, and once it is stopped puts back exactly the
// backed-up data, keeping the replaced file. Its own server, port and database.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { backupDatabase, restoreDatabase } from '../../src/lib/server/db/backup';
import {
	GOOD_REPLIES,
	missingTurns,
	playTurns,
	postAction,
	prepareDatabase,
	startServer,
	tornAttempts,
	type AppServer
} from '../support/app-server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 51;

/** Every row of every table, in a stable order: what "the same data" means. */
function dump(path: string): Record<string, unknown[]> {
	const db = new Database(path, { readonly: true });
	try {
		const tables = db
			.prepare<[], { name: string }>(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
			)
			.all();
		return Object.fromEntries(
			tables.map(({ name }) => [
				name,
				db.prepare(`select * from "${name}" order by 1, 2`).raw().all()
			])
		);
	} finally {
		db.close();
	}
}

test('a backup taken under load is consistent, a restore is refused while the server runs, and restores the same data', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-backup-'));
	const prepared = prepareDatabase(join(dir, 'live.db'), { reps: 4, attemptsPerRep: 10 });
	const attemptIds = prepared.reps.flatMap((rep) => rep.attemptIds);
	const backupFile = join(dir, 'backup.db');
	let server: AppServer | undefined = await startServer(prepared.path, PORT);
	try {
		const load = playTurns(server.origin, prepared.reps, GOOD_REPLIES.length - 1);
		await expect
			.poll(() => load.acknowledged.length, { timeout: 20_000, intervals: [5] })
			.toBeGreaterThanOrEqual(40);
		const acknowledgedBefore = load.acknowledged.slice();
		const summary = await backupDatabase(prepared.path, backupFile);
		// The load goes on after the backup, so that the backup is a moment in the middle of it.
		const afterBackup = load.acknowledged.length;
		await expect
			.poll(() => load.acknowledged.length, { timeout: 20_000, intervals: [5] })
			.toBeGreaterThanOrEqual(afterBackup + 20);

		const whileRunning = await restoreDatabase(backupFile, prepared.path);
		expect(whileRunning).toEqual({
			ok: false,
			problem: `${prepared.path} is in use. Stop the server, then restore again.`
		});

		load.stop();
		await load.done;
		server.process.kill('SIGTERM');
		await server.exited;
		server = undefined;

		const copy = new Database(backupFile, { readonly: true });
		try {
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(
				copy.pragma('journal_mode', { simple: true }),
				'a backup is one self-contained file'
			).toBe('delete');
			expect(
				missingTurns(copy, acknowledgedBefore),
				'turns acknowledged before the backup began'
			).toEqual([]);
			const { torn, turns } = tornAttempts(copy, attemptIds);
			expect(torn).toEqual([]);
			expect(turns).toBe(summary.turns);
			expect(turns).toBeLessThan(load.acknowledged.length);
		} finally {
			copy.close();
		}

		const backedUp = dump(backupFile);
		const restored = await restoreDatabase(backupFile, prepared.path);
		expect(restored.ok).toBe(true);
		expect(dump(prepared.path)).toEqual(backedUp);
		// The database it replaced is kept, with every turn taken after the backup too.
		const previous = restored.ok ? restored.previous : null;
		expect(previous && existsSync(previous)).toBe(true);
		const kept = new Database(previous!, { readonly: true });
		try {
			expect(missingTurns(kept, load.acknowledged)).toEqual([]);
		} finally {
			kept.close();
		}

		// The server starts on the restored file, and a role-play goes on from where the backup left it.
		server = await startServer(prepared.path, PORT);
		const rep = prepared.reps[0]!;
		const attemptId = rep.attemptIds[0]!;
		const db = new Database(prepared.path, { readonly: true });
		const next = db
			.prepare<[string], { turn_count: number }>('select turn_count from attempts where id = ?')
			.get(attemptId)!.turn_count;
		db.close();
		const answer = await postAction(server.origin, rep.cookie, `/attempts/${attemptId}?/reply`, {
			turn: String(next),
			reply: GOOD_REPLIES[next]!
		});
		expect(answer.type).toBe('success');
	} finally {
		if (server) {
			server.process.kill('SIGKILL');
			await server.exited;
		}
		rmSync(dir, { recursive: true, force: true });
	}
});
