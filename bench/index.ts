// npm run bench: every benchmark, one table, and the figures as JSON in bench/results.json.
import { writeFileSync } from 'node:fs';
import { benchSearch, type BenchRow } from './search';

const rows: BenchRow[] = [...benchSearch()];
const width = Math.max(...rows.map((row) => row.name.length));
console.log(`\n${'benchmark'.padEnd(width)}  ${'figure'.padStart(10)}  ${'target'.padStart(9)}  holds`);
for (const row of rows) {
	console.log(`${row.name.padEnd(width)}  ${row.figure.padStart(10)}  ${row.target.padStart(9)}  ${row.target === '—' ? '' : row.holds ? 'yes' : 'NO'}`);
}
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2));
const missed = rows.filter((row) => !row.holds);
if (missed.length > 0) {
	console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} missed.`);
	process.exitCode = 1;
}
