// Applies pending migrations to the database at DATABASE_URL (default ./data/rehearse.db).
// The server does the same at every start; this is for deployments that migrate as a step.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

const url = process.env.DATABASE_URL ?? './data/rehearse.db';
const path = url.startsWith('file:') ? url.slice('file:'.length) : url;
mkdirSync(dirname(resolve(path)), { recursive: true });
const client = new Database(path);
client.pragma('journal_mode = WAL');
client.pragma('foreign_keys = ON');
migrate(drizzle(client), { migrationsFolder: resolve('drizzle') });
client.close();
console.log(`Migrations applied to ${path}`);
