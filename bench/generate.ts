// npm run bench:data [-- --seed N]: generates the benchmark data set afresh and says how long it took.
import { DEFAULT_DATA_PATH, DEFAULT_SEED, generateDataSet } from './data';

const seedAt = process.argv.indexOf('--seed');
const seed = seedAt >= 0 ? Number(process.argv[seedAt + 1]) : DEFAULT_SEED;
if (!Number.isInteger(seed)) throw new Error('--seed takes a whole number');
console.log(`Generating the benchmark data set into ${DEFAULT_DATA_PATH} (seed ${seed})…`);
const meta = await generateDataSet(DEFAULT_DATA_PATH, seed);
for (const [name, count] of Object.entries(meta.counts))
	console.log(`  ${name.padEnd(14)} ${count.toLocaleString('en')}`);
console.log(`Done in ${meta.seconds.toFixed(1)} s.`);
