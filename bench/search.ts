// Search latency over a generated library of 5,000 items (scripts and articles, both languages),
// built from the demo pack's own sentences so that the text is realistic. Deterministic.
import { performance } from 'node:perf_hooks';
import { checkContentFiles, type ContentItem } from '../src/lib/engine/content';
import { createTestDatabase } from '../src/lib/server/db';
import { readContentDirectory } from '../src/lib/server/content/files';
import { replaceAllContent } from '../src/lib/server/content/store';
import { searchContent } from '../src/lib/server/content/search';
import { percentile, type BenchRow } from './table';


const QUERIES = ['太貴', '太贵了', '客戶說太貴了', '競爭對手', '續約', '貴', 'competitor', 'price too high', 'they already use a competitor', 'send me some information', 'renewal', 'boss', '"NEAR(', '百業通', 'inquiries report'];

/** A small deterministic random generator (mulberry32), so every run builds the same data. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function generateLibrary(size: number, seed = 42): ContentItem[] {
	const { items } = checkContentFiles(readContentDirectory('content'));
	const next = random(seed);
	const paragraphs = items.flatMap((item) => item.body.split('\n\n')).filter((p) => p.trim().length > 20);
	const out: ContentItem[] = [];
	for (let i = 0; out.length < size; i++) {
		const base = items[i % items.length]!;
		const id = `${base.id}-${Math.floor(i / items.length)}`;
		const body = Array.from({ length: 6 }, () => paragraphs[Math.floor(next() * paragraphs.length)]).join('\n\n');
		const data = { ...base.data, id, title: `${base.data.title} ${i}` };
		out.push({ ...base, id, data, body } as ContentItem);
	}
	return out;
}


export function benchSearch(): BenchRow[] {
	const db = createTestDatabase();
	const items = generateLibrary(5000);
	const loadStart = performance.now();
	replaceAllContent(db, items);
	const loadMs = performance.now() - loadStart;
	for (const query of QUERIES) searchContent(db, query, { locale: 'zh-TW' }); // warm up
	const timings: number[] = [];
	for (let round = 0; round < 20; round++) {
		for (const query of QUERIES) {
			const start = performance.now();
			searchContent(db, query, { locale: round % 2 ? 'en' : 'zh-TW' });
			timings.push(performance.now() - start);
		}
	}
	timings.sort((a, b) => a - b);
	const p50 = percentile(timings, 50);
	const p95 = percentile(timings, 95);
	return [
		{ name: 'search: load 5,000 items + index', figure: `${loadMs.toFixed(0)} ms`, target: '—', holds: true, value: loadMs },
		{ name: `search: p50 over ${timings.length} queries`, figure: `${p50.toFixed(2)} ms`, target: '—', holds: true, value: p50 },
		{ name: `search: p95 over ${timings.length} queries`, figure: `${p95.toFixed(2)} ms`, target: '< 20 ms', holds: p95 < 20, value: p95 }
	];
}
