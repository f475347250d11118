import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { startBackgroundCheckpoints } from './checkpointer';

/** What query functions take: the database or a transaction on it. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;
/** The open database itself, with its connection. */
export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = './data/rehearse.db';
const MIGRATIONS_FOLDER = resolve('drizzle');

/**
 * Opens (creating if needed) the SQLite database at `path`, sets the pragmas every connection
 * needs and applies any pending migration. `:memory:` gives a private database for tests.
 */
export function openDatabase(path: string): AppDb {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	// WAL lets pages read while a turn is being written; NORMAL is durable across process
	// crashes in WAL mode, which is what a role-play's "nothing lost" needs.
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = NORMAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema });
	// Every transaction takes the write lock when it begins. A deferred one that reads first and
	// writes later fails with SQLITE_BUSY_SNAPSHOT, at once and whatever busy_timeout says, when the
	// background checkpointer resets the log in between (a reader of a fully copied log does not
	// hold the reset off): a trainer accepting a score mark got a server error that way.
	const deferred = db.transaction.bind(db);
	db.transaction = ((run, config) =>
		deferred(run, { behavior: 'immediate', ...config })) as typeof db.transaction;
	migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
	return db;
}

/** A fresh in-memory database with every migration applied. */
export function createTestDatabase(): AppDb {
	return openDatabase(':memory:');
}

/** `DATABASE_URL` may be a plain path or a `file:` URL. */
export function databasePathFromEnv(value: string | undefined): string {
	if (!value) return DEFAULT_DATABASE_PATH;
	return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

/**
 * Practice weeks are filed by SQLite's 'localtime', which reads the system's time zone files, and
 * read back by JavaScript, which has its own (ICU): on a system without them (a slim container
 * without tzdata) SQLite keeps UTC while JavaScript follows TZ, and a week's first hours are filed
 * under the week before. Null when both tell the same local time, in winter and in summer.
 */
export function localTimeMismatch(client: Database.Database): string | null {
	const offset = client.prepare<{ at: number }, { minutes: number }>(
		"select round((julianday(@at, 'unixepoch', 'localtime') - julianday(@at, 'unixepoch')) * 1440) as minutes"
	);
	for (const at of [new Date(Date.UTC(2026, 0, 15, 12)), new Date(Date.UTC(2026, 6, 15, 12))]) {
		const [sqlite, js] = [
			offset.get({ at: at.getTime() / 1000 })!.minutes,
			-at.getTimezoneOffset()
		];
		if (sqlite !== js)
			return `TZ=${process.env.TZ ?? ''}: SQLite's local time is UTC${sqlite >= 0 ? '+' : ''}${sqlite / 60} h on ${at.toISOString().slice(0, 10)}, JavaScript's UTC${js >= 0 ? '+' : ''}${js / 60} h. Install the system's time zone data (tzdata), or practice weeks are filed under the wrong week.`;
	}
	return null;
}

let appDb: AppDb | undefined;

/**
 * The application's database, opened on first use from `DATABASE_URL`, with its log checkpointed
 * in the background (scripts and tests that open a database themselves keep SQLite's own).
 */
export function getDb(): AppDb {
	if (!appDb) {
		appDb = openDatabase(databasePathFromEnv(process.env.DATABASE_URL));
		startBackgroundCheckpoints(appDb.$client);
		const mismatch = localTimeMismatch(appDb.$client);
		if (mismatch) console.error(mismatch);
	}
	return appDb;
}

const preparedStatements = new WeakMap<object, Map<string, unknown>>();

/**
 * A statement prepared once per database and reused: for queries on every request (the session,
 * a role-play turn), where building and preparing the SQL each time costs more than running it.
 * Not a cache of `server/cache.ts`: the keys are names written in the code, so there are only as
 * many as the code has, and a statement never goes stale (that module itself reads its versions
 * through one).
 */
export function prepared<T>(db: Db, key: string, build: () => T): T {
	let statements = preparedStatements.get(db);
	if (!statements) {
		statements = new Map();
		preparedStatements.set(db, statements);
	}
	let statement = statements.get(key) as T | undefined;
	if (statement === undefined) {
		statement = build();
		statements.set(key, statement);
	}
	return statement;
}

/**
 * `column IN (the list)`, with the list bound as one JSON parameter named `name`: the statement
 * text is then the same whatever the list's length, so it can be prepared once (see `prepared`)
 * instead of being built and compiled for every list of dozens of ids.
 */
export function inJsonList(column: AnySQLiteColumn, name: string): SQL {
	return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
}
