// Backups of the SQLite file and restoring one: `npm run backup -- FILE`, `npm run restore -- FILE`.
// A backup is SQLite's online backup, taken while the server runs; a restore needs the server
// stopped, and refuses when it can tell the database is open.
import {
	closeSync,
	copyFileSync,
	constants,
	existsSync,
	fsyncSync,
	openSync,
	readFileSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export interface DatabaseSummary {
	bytes: number;
	migrations: number;
	users: number;
	attempts: number;
	turns: number;
	contentItems: number;
}

export type Inspection = { ok: true; summary: DatabaseSummary } | { ok: false; problem: string };

/** Tables every Rehearse database has: enough to tell it from any other SQLite file. */
const REHEARSE_TABLES = [
	'__drizzle_migrations',
	'users',
	'sessions',
	'attempts',
	'turns',
	'content_items'
];

function migrationsKnown(): number {
	const journal = JSON.parse(readFileSync(resolve('drizzle/meta/_journal.json'), 'utf8')) as {
		entries: unknown[];
	};
	return journal.entries.length;
}

function describeError(cause: unknown): string {
	return cause instanceof Error ? cause.message : String(cause);
}

function count(db: Database.Database, table: string): number {
	return (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}

/**
 * Whether `path` is a sound Rehearse database this version can run: SQLite's own integrity check
 * passes, the app's tables are there, and it was not made by a newer version.
 */
export function inspectDatabase(path: string): Inspection {
	if (!existsSync(path)) return { ok: false, problem: `there is no file at ${path}` };
	let db: Database.Database | undefined;
	try {
		db = new Database(path, { readonly: true, fileMustExist: true });
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok')
			return { ok: false, problem: `SQLite's integrity check failed: ${String(integrity)}` };
		const tables = new Set(
			(
				db.prepare("select name from sqlite_master where type = 'table'").all() as {
					name: string;
				}[]
			).map((row) => row.name)
		);
		const missing = REHEARSE_TABLES.filter((table) => !tables.has(table));
		if (missing.length > 0)
			return {
				ok: false,
				problem: `this is not a Rehearse database (no table ${missing.join(', ')})`
			};
		const migrations = count(db, '__drizzle_migrations');
		if (migrations > migrationsKnown())
			return {
				ok: false,
				problem: `it was made by a newer version of Rehearse (${migrations} migrations; this version knows ${migrationsKnown()})`
			};
		return {
			ok: true,
			summary: {
				bytes: statSync(path).size,
				migrations,
				users: count(db, 'users'),
				attempts: count(db, 'attempts'),
				turns: count(db, 'turns'),
				contentItems: count(db, 'content_items')
			}
		};
	} catch (cause) {
		return { ok: false, problem: `SQLite cannot read it: ${describeError(cause)}` };
	} finally {
		db?.close();
	}
}

/** Makes a rename durable: the directory entry is on disk, not only in the page cache. */
function syncDirectory(path: string): void {
	const fd = openSync(dirname(path), 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function syncFile(path: string): void {
	const fd = openSync(path, 'r+');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function sameFile(a: string, b: string): boolean {
	const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));
	return real(a) === real(b);
}

function temporaryBeside(path: string, purpose: string): string {
	return join(dirname(path), `.${basename(path)}.${purpose}-${process.pid}`);
}

/**
 * Copies the database at `source` into `destination` (a new file) with SQLite's online backup, in
 * one step: one read transaction, so the copy is one consistent moment even while the server writes
 * (in WAL mode a reader never holds up a writer), and it includes what is still in the source's
 * write-ahead log. The copy is made one self-contained file and checked.
 */
async function copyDatabase(
	source: string,
	destination: string,
	readonly: boolean
): Promise<Inspection> {
	rmSync(destination, { force: true });
	const db = new Database(source, { fileMustExist: true, readonly });
	try {
		db.pragma('busy_timeout = 5000');
		// The first step only sizes the copy; the next copies every page at once.
		await db.backup(destination, { progress: () => 0x7fffffff });
	} finally {
		db.close();
	}
	const copy = new Database(destination);
	try {
		// The source is in WAL mode; the copy should be one file that can be moved and mailed.
		copy.pragma('journal_mode = DELETE');
	} finally {
		copy.close();
	}
	const inspection = inspectDatabase(destination);
	if (inspection.ok) syncFile(destination);
	return inspection;
}

/**
 * Copies the database at `source` to `target` while the server may be writing to it. The copy is
 * written under a temporary name, checked, and only then renamed to `target`, so `target` is never
 * half written.
 */
export async function backupDatabase(source: string, target: string): Promise<DatabaseSummary> {
	if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
	// Renaming a copy over the live file would leave the server writing to a file nobody can open.
	if (sameFile(source, target))
		throw new Error(`${target} is the database itself; choose another file for the backup`);
	const partial = temporaryBeside(target, 'partial');
	try {
		const inspection = await copyDatabase(source, partial, false);
		if (!inspection.ok) throw new Error(`the copy failed its check: ${inspection.problem}`);
		renameSync(partial, target);
		syncDirectory(target);
		return inspection.summary;
	} finally {
		rmSync(partial, { force: true });
	}
}

export type RestoreResult =
	{ ok: true; summary: DatabaseSummary; previous: string | null } | { ok: false; problem: string };

function isBusy(cause: unknown): boolean {
	const code = (cause as { code?: string } | null)?.code ?? '';
	return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * Tries to take the database for itself: 'in-use' when another process has it open (the server
 * holds a lock as long as it runs). When it is free, any write-ahead log is folded into the file,
 * so that the file alone is the whole database. A file SQLite cannot open is 'unreadable' (a
 * damaged database is what a restore is for).
 */
function takeOver(path: string): 'free' | 'in-use' | 'unreadable' {
	let db: Database.Database | undefined;
	try {
		db = new Database(path, { fileMustExist: true, timeout: 0 });
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE');
		db.exec('COMMIT');
		if (db.pragma('journal_mode', { simple: true }) === 'wal')
			db.pragma('wal_checkpoint(TRUNCATE)');
		return 'free';
	} catch (cause) {
		return isBusy(cause) ? 'in-use' : 'unreadable';
	} finally {
		db?.close();
	}
}

function timestamp(now: Date): string {
	return now.toISOString().replace(/[-:]/g, '');
}

/**
 * Replaces the database at `target` with the backup at `backup`. The server must be stopped: this
 * refuses when `target` is open in another process. The backup is copied beside `target` and
 * checked first; the current database is kept as `<name>.before-restore-<time>`; the copy is moved
 * into place in one rename, so `target` is always either the old database or the new one.
 */
export async function restoreDatabase(
	backup: string,
	target: string,
	now = new Date()
): Promise<RestoreResult> {
	if (!existsSync(backup))
		return { ok: false, problem: `${backup} cannot be restored: there is no file at ${backup}` };
	const incoming = temporaryBeside(target, 'restoring');
	try {
		let checked: Inspection;
		try {
			checked = await copyDatabase(backup, incoming, true);
		} catch (cause) {
			checked = { ok: false, problem: `SQLite cannot read it: ${describeError(cause)}` };
		}
		if (!checked.ok)
			return { ok: false, problem: `${backup} cannot be restored: ${checked.problem}` };
		let previous: string | null = null;
		if (existsSync(target)) {
			if (takeOver(target) === 'in-use')
				return { ok: false, problem: `${target} is in use. Stop the server, then restore again.` };
			previous = `${target}.before-restore-${timestamp(now)}`;
			copyFileSync(target, previous, constants.COPYFILE_EXCL);
		}
		// A log left beside the old file would be replayed into the new one: it goes first.
		rmSync(`${target}-wal`, { force: true });
		rmSync(`${target}-shm`, { force: true });
		renameSync(incoming, target);
		syncDirectory(target);
		return { ok: true, summary: checked.summary, previous };
	} finally {
		rmSync(incoming, { force: true });
	}
}
