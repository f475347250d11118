import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, openDatabase, type AppDb } from '.';
import { startBackgroundCheckpoints } from './checkpointer';

describe('startBackgroundCheckpoints', () => {
	let dir: string;
	let path: string;
	let db: AppDb;
	let stop = () => {};

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
		path = join(dir, 'app.db');
		db = openDatabase(path);
		db.$client.exec('create table blobs (data blob not null)');
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
	});

	afterEach(() => {
		stop();
		db.$client.close();
		rmSync(dir, { recursive: true, force: true });
	});

	/** About 8 MB in 2,000 commits: more log than SQLite's own threshold (1,000 pages) would allow. */
	function writeALot() {
		const insert = db.$client.prepare('insert into blobs (data) values (zeroblob(4000))');
		for (let i = 0; i < 2000; i++) insert.run();
	}

	async function waitFor(condition: () => boolean) {
		for (let i = 0; i < 100 && !condition(); i++)
			await new Promise((resolve) => setTimeout(resolve, 50));
		return condition();
	}

	it('copies the log into the database file without the writer doing it', async () => {
		stop = startBackgroundCheckpoints(db.$client);
		const before = statSync(path).size;
		writeALot();
		// The writer's own checkpoint now waits for 10,000 pages, so only the worker grows the file.
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
		expect(await waitFor(() => statSync(path).size > before + 7_000_000)).toBe(true);
		expect(db.$client.prepare('select count(*) from blobs').pluck().get()).toBe(2000);
	});

	it('resets the log once writes stop, so reads no longer search it', async () => {
		stop = startBackgroundCheckpoints(db.$client);
		writeALot();
		expect(statSync(`${path}-wal`).size).toBeGreaterThan(1_000_000);
		expect(await waitFor(() => statSync(`${path}-wal`).size === 0)).toBe(true);
		expect(db.$client.prepare('select count(*) from blobs').pluck().get()).toBe(2000);
	});

	it('does not reset the log under a reader that still needs it, nor hold up the writer', async () => {
		stop = startBackgroundCheckpoints(db.$client);
		writeALot();
		// A reader in the middle of a transaction pins the log: the reset must give way, not wait.
		const reader = openDatabase(path);
		reader.$client.exec('begin');
		reader.$client.prepare('select count(*) from blobs').get();
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
		db.$client.prepare('insert into blobs (data) values (zeroblob(10))').run();
		reader.$client.exec('commit');
		reader.$client.close();
		expect(await waitFor(() => statSync(`${path}-wal`).size === 0)).toBe(true);
		expect(db.$client.prepare('select count(*) from blobs').pluck().get()).toBe(2001);
	});

	it('hands checkpoints back to the connection when the worker ends', async () => {
		startBackgroundCheckpoints(db.$client)();
		expect(
			await waitFor(() => db.$client.pragma('wal_autocheckpoint', { simple: true }) === 1000)
		).toBe(true);
	});

	it('leaves in-memory databases alone', () => {
		const memory = createTestDatabase();
		startBackgroundCheckpoints(memory.$client)();
		expect(memory.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		memory.$client.close();
	});

	it('never fails a transaction that reads, then writes, while the log is reset under it', () => {
		// The checkpointer's own connection, resetting the log as it does when nothing has been written for a while.
		const checkpointer = new Database(path);
		checkpointer.pragma('busy_timeout = 0');
		try {
			db.$client.exec('insert into blobs (data) values (zeroblob(10))');
			checkpointer.pragma('wal_checkpoint(TRUNCATE)');
			const rows = db.transaction((tx) => {
				const before = tx.all<{ n: number }>(sql`select count(*) as n from blobs`)[0]!.n;
				checkpointer.pragma('wal_checkpoint(TRUNCATE)');
				tx.run(sql`insert into blobs (data) values (zeroblob(10))`);
				return before + 1;
			});
			expect(db.$client.prepare('select count(*) as n from blobs').get()).toEqual({ n: rows });
		} finally {
			checkpointer.close();
		}
	});
});
