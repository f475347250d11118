// npm run bench: builds the app, makes sure the data set is there (generating it when missing or
// stale), runs every benchmark, prints one table with targets and writes bench/results.json.
// Load stays on loopback and every run stops by itself.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { FULL_PLAN, runBench } from './run';
import { printTable } from './table';

const loadBefore = loadavg();
execSync('npx vite build --logLevel error', { stdio: 'inherit' });
const { rows, meta } = await runBench(FULL_PLAN, console.log);
printTable(rows);
const machine = {
	cpus: cpus().length,
	cpu: cpus()[0]?.model,
	node: process.version,
	loadBefore,
	loadAfter: loadavg()
};
writeFileSync(
	'bench/results.json',
	JSON.stringify({ measuredAt: new Date().toISOString(), machine, dataSet: meta, rows }, null, 2)
);
console.log(
	`\nLoad average before and after: ${loadBefore.map((n) => n.toFixed(1)).join(' ')} → ${machine.loadAfter.map((n) => n.toFixed(1)).join(' ')} (${machine.cpus} CPUs). Figures in bench/results.json.`
);
const missed = rows.filter((row) => !row.holds);
if (missed.length > 0) {
	console.log(`${missed.length} target${missed.length === 1 ? '' : 's'} missed.`);
	process.exitCode = 1;
}
