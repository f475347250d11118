// npm run bench:compare -- FOLDER [--slices N]: the build in FOLDER against `build`, interleaved on
// the bench's data set (see ab.ts). Prints each request's server CPU for both and B's over A's.
import { existsSync } from 'node:fs';
import { runAb } from './ab';
import { FULL_PLAN } from './run';

const before = process.argv[2];
if (!before || before.startsWith('--') || !existsSync(`${before}/index.js`))
	throw new Error(
		'Give the folder of the build to compare with, inside the project: the `build` folder of the commit before the change (built in a worktree), copied here as build-before.'
	);
const slicesAt = process.argv.indexOf('--slices');
const slices = slicesAt >= 0 ? Number(process.argv[slicesAt + 1]) : 10;
const rows = await runAb(
	{
		dataPath: FULL_PLAN.dataPath,
		seed: FULL_PLAN.seed,
		size: FULL_PLAN.size,
		port: FULL_PLAN.port,
		builds: [before, 'build'],
		connections: 20,
		warmUpSeconds: 12,
		slices,
		sliceSeconds: 2,
		// The turn's share: warm-up and slices at up to 1,500 turns a second.
		turns: 1500 * (12 + 2 * slices) + 1000
	},
	console.log
);
console.log(
	`\nA = ${before}, B = build; server CPU per request, median of ${slices} slices of 2 s at 20 connections`
);
console.log(
	`${'request'.padEnd(14)}${'A µs'.padStart(8)}${'B µs'.padStart(8)}${'B ÷ A'.padStart(8)}${'A req/s'.padStart(9)}${'B req/s'.padStart(9)}  errors`
);
for (const row of rows)
	console.log(
		`${row.request.padEnd(14)}${row.cpuA.toFixed(0).padStart(8)}${row.cpuB.toFixed(0).padStart(8)}${row.ratio.toFixed(3).padStart(8)}${row.rateA.toFixed(0).padStart(9)}${row.rateB.toFixed(0).padStart(9)}  ${row.errors}`
	);
console.log(
	`Each slice, A then B (µs): ${rows.map((row) => `\n  ${row.request}: ${row.slicesA.map((x) => x.toFixed(0)).join(' ')} | ${row.slicesB.map((x) => x.toFixed(0)).join(' ')}`).join('')}`
);
if (rows.some((row) => row.errors > 0)) process.exitCode = 1;
