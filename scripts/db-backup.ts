// Backups from the command line; the database is DATABASE_URL (default ./data/rehearse.db):
//   npm run backup -- FILE    a consistent copy, safe to take while the server runs
//   npm run restore -- FILE   put a backup in place of the database (stop the server first)
import { resolve } from 'node:path';
import { databasePathFromEnv } from '../src/lib/server/db';
import { backupDatabase, restoreDatabase, type DatabaseSummary } from '../src/lib/server/db/backup';

const [command, file] = process.argv.slice(2);
const database = resolve(databasePathFromEnv(process.env.DATABASE_URL));

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

function describe(summary: DatabaseSummary): string {
	return `${(summary.bytes / 1024 / 1024).toFixed(1)} MB: ${summary.users} users, ${summary.attempts} role-plays, ${summary.turns} turns, ${summary.contentItems} content items`;
}

if (!file || (command !== 'backup' && command !== 'restore'))
	fail(`Usage: npm run ${command === 'restore' ? 'restore' : 'backup'} -- FILE`);
const path = resolve(file);

if (command === 'backup') {
	const started = performance.now();
	try {
		const summary = await backupDatabase(database, path);
		console.log(
			`Backed up ${database} to ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s (${describe(summary)}).`
		);
	} catch (cause) {
		fail(
			`The backup failed, and ${path} was not written: ${cause instanceof Error ? cause.message : String(cause)}`
		);
	}
} else {
	console.log(`Restoring ${path} over ${database}. The server must be stopped while this runs.`);
	const result = await restoreDatabase(path, database);
	if (!result.ok) fail(`Nothing was changed: ${result.problem}`);
	console.log(`Restored (${describe(result.summary)}).`);
	if (result.previous)
		console.log(
			`The database it replaced is kept as ${result.previous}; delete it once you are sure.`
		);
	console.log('Start the server again: it applies any newer migrations as it starts.');
}
