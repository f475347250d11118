import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db';
import { readContentDirectory } from './files';
import { countContent, findContent } from './store';
import { exportContentDirectory, syncContentDirectory } from './sync';
import { formatProblem } from '$lib/engine/content';
import { tempDirs } from '$lib/server/testing/temp-dirs';

const tempDir = tempDirs('content');

describe('content sync and export', () => {
	it('loads the demo pack: every file valid, both locales complete', () => {
		const db = createTestDatabase();
		const result = syncContentDirectory(db, 'content');
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
		for (const locale of ['en', 'zh-TW'] as const) {
			expect(findContent(db, 'script', 'price-too-high', locale)?.locale).toBe(locale);
			expect(findContent(db, 'article', 'deal-coaching-evidence', locale)?.locale).toBe(locale);
		}
		const files = readContentDirectory('content');
		const scripts = files.filter((f) => f.path.startsWith('zh-TW/scripts/'));
		const articles = files.filter((f) => f.path.startsWith('zh-TW/knowledge/'));
		expect(scripts.length).toBeGreaterThanOrEqual(14);
		expect(articles.length).toBeGreaterThanOrEqual(12);
		expect(files.filter((f) => f.path.startsWith('en/')).map((f) => f.path.slice(3))).toEqual(files.filter((f) => f.path.startsWith('zh-TW/')).map((f) => f.path.slice(6)));
	});

	it('export, then sync, then export gives identical files', () => {
		const first = createTestDatabase();
		syncContentDirectory(first, 'content');
		const a = tempDir();
		const written = exportContentDirectory(first, a);
		const second = createTestDatabase();
		const again = syncContentDirectory(second, a);
		expect(again.ok).toBe(true);
		const b = tempDir();
		expect(exportContentDirectory(second, b)).toEqual(written);
		for (const path of written) {
			expect(readFileSync(join(b, path), 'utf8'), path).toBe(readFileSync(join(a, path), 'utf8'));
		}
	});

	it('one bad file: nothing changes, and the problem names the file and line', () => {
		const db = createTestDatabase();
		syncContentDirectory(db, 'content');
		const before = countContent(db);
		const dir = tempDir();
		cpSync('content', dir, { recursive: true });
		const broken = join(dir, 'en', 'scripts', 'price-too-high.md');
		writeFileSync(broken, readFileSync(broken, 'utf8').replace('category: price', 'category: pricey').replace(/^title: .*$/m, 'title: Changed'));
		const result = syncContentDirectory(db, dir);
		expect(result.ok).toBe(false);
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			'en/scripts/price-too-high.md:4: category: must be one of: price, competitor, results, timing, authority, need, trust, brush-off'
		]);
		expect(countContent(db)).toBe(before);
		expect(findContent(db, 'script', 'price-too-high', 'en')?.data.title).not.toBe('Changed');
	});
});
