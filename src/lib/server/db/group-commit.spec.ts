import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDb } from '.';
import { commitTogether } from './group-commit';

describe('commitTogether', () => {
	let dir: string;
	let db: AppDb;
	let other: Database.Database;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
		db = openDatabase(join(dir, 'app.db'));
		db.$client.exec('create table notes (text text not null unique)');
		// A second connection, as another process would have: it sees only what is committed.
		other = new Database(join(dir, 'app.db'));
	});

	afterEach(() => {
		other.close();
		db.$client.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const insert = (text: string) => () =>
		db.$client.prepare('insert into notes (text) values (?)').run(text).changes;
	const committed = () => other.prepare('select text from notes order by text').pluck().all();

	it('resolves each write with its result once it is committed', async () => {
		const writes = [
			commitTogether(db, insert('a')),
			commitTogether(db, insert('b')),
			commitTogether(db, insert('c'))
		];
		expect(committed()).toEqual([]);
		expect(await Promise.all(writes)).toEqual([1, 1, 1]);
		expect(committed()).toEqual(['a', 'b', 'c']);
	});

	it('rolls back and rejects only the write that throws', async () => {
		const results = await Promise.allSettled([
			commitTogether(db, insert('a')),
			commitTogether(db, insert('a')),
			commitTogether(db, insert('b'))
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
		expect(committed()).toEqual(['a', 'b']);
	});

	it('keeps the half-done changes of a throwing write out of the database', async () => {
		const halfDone = () => {
			insert('kept-out')();
			throw new Error('changed its mind');
		};
		await expect(commitTogether(db, halfDone)).rejects.toThrow('changed its mind');
		expect(committed()).toEqual([]);
	});

	it('rejects every write of a batch whose commit cannot happen, and writes none', async () => {
		db.$client.pragma('busy_timeout = 50');
		other.exec('begin immediate'); // another process holds the write lock
		const results = await Promise.allSettled([
			commitTogether(db, insert('a')),
			commitTogether(db, insert('b'))
		]);
		other.exec('rollback');
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
		expect(committed()).toEqual([]);
	});

	it('starts a new batch for writes queued after a commit', async () => {
		await commitTogether(db, insert('first'));
		expect(await commitTogether(db, insert('second'))).toBe(1);
		expect(committed()).toEqual(['first', 'second']);
	});
});
