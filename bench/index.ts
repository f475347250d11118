// npm run bench: builds the app, makes sure the data set is there (generating it when missing or
// stale), runs every benchmark, prints one table with targets and writes bench/results.json.
// Load stays on loopback and every run stops by itself.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { DEFAULT_DATA_PATH, DEFAULT_SEED, ensureDataSet } from './data';
import { benchBundles } from './bundles';
import { prepareFixture, removeFixture } from './fixture';
import { benchServer, TURNS_NEEDED } from './http';
import { benchScoring } from './scoring';
import { benchSearch } from './search';
import { measured, printTable, type BenchRow } from './table';

const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const loadBefore = loadavg();
execSync('npx vite build --logLevel error', { stdio: 'inherit' });
const { meta, generated } = await ensureDataSet(DEFAULT_DATA_PATH, seed, console.log);
const c = meta.counts;
const rows: BenchRow[] = [
	measured(`data set ${generated ? 'generated' : 'reused; it was generated'} in (${c.users} users, ${c.contentItems} items, ${c.attempts} attempts, ${c.turns} turns, ${c.interviews} interviews)`, meta.seconds, 's', 1),
	...benchScoring()
];
const fixture = prepareFixture(DEFAULT_DATA_PATH, TURNS_NEEDED);
try {
	rows.push(...benchSearch(fixture.databasePath), ...(await benchBundles()), ...(await benchServer(fixture)));
} finally {
	removeFixture(fixture);
}
printTable(rows);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadBefore, loadAfter: loadavg() };
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), machine, dataSet: meta, rows }, null, 2));
console.log(`\nLoad average before and after: ${loadBefore.map((n) => n.toFixed(1)).join(' ')} → ${machine.loadAfter.map((n) => n.toFixed(1)).join(' ')} (${machine.cpus} CPUs). Figures in bench/results.json.`);
const missed = rows.filter((row) => !row.holds);
if (missed.length > 0) {
	console.log(`${missed.length} target${missed.length === 1 ? '' : 's'} missed.`);
	process.exitCode = 1;
}
