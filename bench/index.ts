// npm run bench: builds the app, makes sure the data set is there (generating it when missing or
// stale), runs every benchmark, prints one table with targets and writes bench/results.json.
// Load stays on loopback and every run stops by itself. `npm run bench -- --only spoken` runs only
// the spoken turn's rows and writes bench/results-spoken.json, leaving the full run's figures alone;
// `--no-build` measures the build there is, BENCH_BUILD=folder another one (the one before a change).
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { FULL_PLAN, runBench, type BenchPlan } from './run';
import { printTable } from './table';

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'spoken') throw new Error('--only takes: spoken');
const plan: BenchPlan = only ? { ...FULL_PLAN, only, turns: 0 } : FULL_PLAN;
const resultsPath = only ? `bench/results-${only}.json` : 'bench/results.json';

const loadBefore = loadavg();
// --no-build: the build already there (or BENCH_BUILD's) is measured as it is.
if (!process.argv.includes('--no-build'))
	execSync('npx vite build --logLevel error', { stdio: 'inherit' });
const { rows, meta } = await runBench(plan, console.log);
printTable(rows);
const machine = {
	cpus: cpus().length,
	cpu: cpus()[0]?.model,
	node: process.version,
	loadBefore,
	loadAfter: loadavg()
};
writeFileSync(
	resultsPath,
	JSON.stringify({ measuredAt: new Date().toISOString(), machine, dataSet: meta, rows }, null, 2)
);
console.log(
	`\nLoad average before and after: ${loadBefore.map((n) => n.toFixed(1)).join(' ')} → ${machine.loadAfter.map((n) => n.toFixed(1)).join(' ')} (${machine.cpus} CPUs). Figures in ${resultsPath}.`
);
const missed = rows.filter((row) => !row.holds);
if (missed.length > 0) {
	console.log(`${missed.length} target${missed.length === 1 ? '' : 's'} missed.`);
	process.exitCode = 1;
}
