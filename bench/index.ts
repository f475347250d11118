// npm run bench: builds the app, runs every benchmark, prints one table with targets, and writes
// the figures to bench/results.json. Load stays on loopback and every run stops by itself.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { benchDashboard } from './dashboard';
import { benchHttp } from './http';
import { benchScoring } from './scoring';
import { benchSearch } from './search';
import type { BenchRow } from './table';

execSync('npx vite build --logLevel error', { stdio: 'inherit' });
const rows: BenchRow[] = [...benchScoring(), ...benchSearch(), ...(await benchHttp()), ...(await benchDashboard())];
const width = Math.max(...rows.map((row) => row.name.length));
console.log(`\n${'benchmark'.padEnd(width)}  ${'figure'.padStart(10)}  ${'target'.padStart(10)}  holds`);
for (const row of rows) {
	console.log(`${row.name.padEnd(width)}  ${row.figure.padStart(10)}  ${row.target.padStart(10)}  ${row.target === '—' ? '' : row.holds ? 'yes' : 'NO'}`);
}
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2));
const missed = rows.filter((row) => !row.holds);
if (missed.length > 0) {
	console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} missed.`);
	process.exitCode = 1;
}
