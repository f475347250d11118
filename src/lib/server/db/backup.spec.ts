import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '.';
import { insertUser } from '../accounts/users';
import { backupDatabase, inspectDatabase, restoreDatabase } from './backup';
import { tempDirs } from '../testing/temp-dirs';

const tempDir = tempDirs('backup');

/** A Rehearse database file with one user, closed. */
function appDatabase(path: string, email = 'rep@example.com'): string {
	const db = openDatabase(path);
	insertUser(db, { email, name: 'Rep', passwordHash: 'x', roles: ['rep'] });
	db.$client.close();
	return path;
}

function emailsIn(path: string): string[] {
	const db = new Database(path, { readonly: true });
	try {
		return db
			.prepare<[], { email: string }>('select email from users order by email')
			.all()
			.map((row) => row.email);
	} finally {
		db.close();
	}
}

describe('backup', () => {
	it('copies the database, with what is still in its write-ahead log, into one checked file', async () => {
		const dir = tempDir();
		const live = openDatabase(join(dir, 'live.db'));
		insertUser(live, { email: 'rep@example.com', name: 'Rep', passwordHash: 'x', roles: ['rep'] });
		// The connection stays open, as the server's does: the new row is only in the log so far.
		expect(existsSync(join(dir, 'live.db-wal'))).toBe(true);
		const summary = await backupDatabase(join(dir, 'live.db'), join(dir, 'copy.db'));
		live.$client.close();
		expect(summary).toMatchObject({ users: 1, attempts: 0 });
		expect(emailsIn(join(dir, 'copy.db'))).toEqual(['rep@example.com']);
		expect(existsSync(join(dir, 'copy.db-wal'))).toBe(false);
	});

	it('refuses to write the backup over the database itself', async () => {
		const dir = tempDir();
		const live = appDatabase(join(dir, 'live.db'));
		await expect(backupDatabase(live, join(dir, '.', 'live.db'))).rejects.toThrow(
			'is the database itself'
		);
		expect(emailsIn(live)).toEqual(['rep@example.com']);
	});

	it('refuses a database that does not exist, and writes nothing', async () => {
		const dir = tempDir();
		await expect(backupDatabase(join(dir, 'missing.db'), join(dir, 'copy.db'))).rejects.toThrow(
			`there is no database at ${join(dir, 'missing.db')}`
		);
		expect(existsSync(join(dir, 'missing.db'))).toBe(false);
		expect(existsSync(join(dir, 'copy.db'))).toBe(false);
	});
});

describe('restore', () => {
	it('puts the backup in place and keeps the database it replaced', async () => {
		const dir = tempDir();
		const backup = appDatabase(join(dir, 'backup.db'), 'from-backup@example.com');
		const target = appDatabase(join(dir, 'app.db'), 'current@example.com');
		const result = await restoreDatabase(backup, target, new Date('2026-05-01T09:30:00.123Z'));
		expect(result).toMatchObject({
			ok: true,
			summary: { users: 1 },
			previous: `${target}.before-restore-20260501T093000.123Z`
		});
		expect(emailsIn(target)).toEqual(['from-backup@example.com']);
		expect(emailsIn(`${target}.before-restore-20260501T093000.123Z`)).toEqual([
			'current@example.com'
		]);
	});

	it('restores where there is no database yet', async () => {
		const dir = tempDir();
		const backup = appDatabase(join(dir, 'backup.db'));
		expect(await restoreDatabase(backup, join(dir, 'new.db'))).toMatchObject({
			ok: true,
			previous: null
		});
		expect(emailsIn(join(dir, 'new.db'))).toEqual(['rep@example.com']);
	});

	it('refuses while another connection has the database open, and changes nothing', async () => {
		const dir = tempDir();
		const backup = appDatabase(join(dir, 'backup.db'), 'from-backup@example.com');
		const target = openDatabase(join(dir, 'app.db'));
		insertUser(target, {
			email: 'current@example.com',
			name: 'Current',
			passwordHash: 'x',
			roles: ['rep']
		});
		try {
			expect(await restoreDatabase(backup, join(dir, 'app.db'))).toEqual({
				ok: false,
				problem: `${join(dir, 'app.db')} is in use. Stop the server, then restore again.`
			});
			expect(emailsIn(join(dir, 'app.db'))).toEqual(['current@example.com']);
		} finally {
			target.$client.close();
		}
	});

	it.each([
		[
			'a file that is not a database',
			(path: string) => writeFileSync(path, 'hello'),
			'SQLite cannot read it: file is not a database'
		],
		[
			'a database of another application',
			(path: string) => new Database(path).exec('create table notes (text)').close(),
			'this is not a Rehearse database (no table __drizzle_migrations, users, sessions, attempts, turns, content_items)'
		],
		[
			'a database made by a newer version',
			(path: string) => {
				appDatabase(path);
				new Database(path)
					.exec(
						"insert into __drizzle_migrations (hash, created_at) values ('future', 99999999999999)"
					)
					.close();
			},
			'it was made by a newer version of Rehearse'
		],
		[
			'a damaged database',
			(path: string) => {
				appDatabase(path);
				const bytes = readFileSync(path);
				// Overwrite the middle of the file, where table pages are, keeping its header intact.
				bytes.fill(0x5a, 8192, bytes.length - 8192);
				writeFileSync(path, bytes);
			},
			'' // SQLite words this in several ways; that it is refused is what counts
		],
		['a missing file', () => {}, 'there is no file at']
	])('refuses %s and leaves the current database as it was', async (_name, make, message) => {
		const dir = tempDir();
		const target = appDatabase(join(dir, 'app.db'), 'current@example.com');
		make(join(dir, 'backup.db'));
		const result = await restoreDatabase(join(dir, 'backup.db'), target);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problem).toContain(
			`${join(dir, 'backup.db')} cannot be restored: ${message}`
		);
		expect(emailsIn(target)).toEqual(['current@example.com']);
		expect(inspectDatabase(target).ok).toBe(true);
		expect(
			readdirSync(dir).filter((name) => name.startsWith('.') || name.includes('before-restore')),
			'nothing left behind'
		).toEqual([]);
	});
});
