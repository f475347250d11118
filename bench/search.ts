// Search latency on the data set's library: 5,000 items (script entries and articles in both
// languages), over a fixed list of queries in Chinese and English, odd ones included.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import { searchContent } from '../src/lib/server/content/search';
import { below, measured, percentile, type BenchRow } from './table';

const QUERIES = [
	'太貴',
	'太贵了',
	'客戶說太貴了',
	'競爭對手',
	'續約',
	'貴',
	'competitor',
	'price too high',
	'they already use a competitor',
	'send me some information',
	'renewal',
	'boss',
	'"NEAR(',
	'百業通',
	'inquiries report'
];

export function benchSearch(databasePath: string, rounds: number): BenchRow[] {
	const db = openDatabase(databasePath);
	try {
		for (const query of QUERIES) searchContent(db, query, { locale: 'zh-TW' }); // warm up
		const timings: number[] = [];
		for (let round = 0; round < rounds; round++) {
			for (const query of QUERIES) {
				const start = performance.now();
				searchContent(db, query, { locale: round % 2 ? 'en' : 'zh-TW' });
				timings.push(performance.now() - start);
			}
		}
		timings.sort((a, b) => a - b);
		return [
			measured(`search: p50 over ${timings.length} queries`, percentile(timings, 50), 'ms', 2),
			below(`search: p95 over ${timings.length} queries`, percentile(timings, 95), 20, 'ms', 2)
		];
	} finally {
		db.$client.close();
	}
}
