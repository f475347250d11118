// Content from the command line:
//   npm run content:check [-- DIR]   validate every file; list problems as file:line: message
//   npm run content:sync [-- DIR]    load the files into the database in one transaction
//   npm run content:export -- DIR    write the database's content as files into DIR
// DIR defaults to ./content; the database is DATABASE_URL (default ./data/rehearse.db).
import { resolve } from 'node:path';
import { checkContentFiles, formatProblem } from '../src/lib/engine/content';
import { endingScoreRanges } from '../src/lib/engine/scenario';
import { openDatabase, databasePathFromEnv } from '../src/lib/server/db';
import { DEFAULT_CONTENT_DIR, readContentDirectory } from '../src/lib/server/content/files';
import { exportContentDirectory, syncContentDirectory } from '../src/lib/server/content/sync';

const [command, dirArgument] = process.argv.slice(2);

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

switch (command) {
	case 'check': {
		const dir = resolve(dirArgument ?? DEFAULT_CONTENT_DIR);
		const { items, problems, warnings } = checkContentFiles(readContentDirectory(dir));
		for (const problem of problems) console.error(formatProblem(problem));
		for (const warning of warnings) console.error(`warning: ${formatProblem(warning)}`);
		if (problems.length > 0)
			fail(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}`);
		for (const item of items) {
			if (item.kind !== 'scenario') continue;
			const ranges = endingScoreRanges(item.data).map(
				(r) => `${r.beat} (${r.outcome}) ${r.min}–${r.max}`
			);
			console.log(`${item.locale}/${item.id}: endings reachable with scores ${ranges.join(', ')}`);
		}
		console.log(
			`${items.length} content files in ${dir}: no problems${warnings.length > 0 ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (above)` : ''}.`
		);
		break;
	}
	case 'sync': {
		const dir = resolve(dirArgument ?? DEFAULT_CONTENT_DIR);
		const result = syncContentDirectory(
			openDatabase(databasePathFromEnv(process.env.DATABASE_URL)),
			dir
		);
		if (!result.ok) {
			for (const problem of result.problems) console.error(formatProblem(problem));
			fail(
				`Nothing was changed: fix the ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} above and sync again.`
			);
		}
		console.log(`Synced ${result.count} content items from ${dir}.`);
		break;
	}
	case 'export': {
		if (!dirArgument) fail('Usage: npm run content:export -- DIR');
		const dir = resolve(dirArgument);
		const written = exportContentDirectory(
			openDatabase(databasePathFromEnv(process.env.DATABASE_URL)),
			dir
		);
		console.log(`Wrote ${written.length} files to ${dir}.`);
		break;
	}
	default:
		fail('Usage: tsx scripts/content.ts check|sync|export [DIR]');
}
