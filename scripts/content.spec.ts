import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../src/lib/server/testing/temp-dirs';

const tempDir = tempDirs('cli');

function runContent(...args: string[]) {
	const result = spawnSync('npx', ['tsx', 'scripts/content.ts', ...args], {
		encoding: 'utf8',
		env: {
			...process.env,
			DATABASE_URL: join(tempDir(), 'cli.db')
		}
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run content:check', () => {
	it('passes on the demo pack', () => {
		const result = runContent('check');
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/\d+ content files in .*content: no problems\./);
		expect(result.status).toBe(0);
	});

	it('names the file and line a trainer broke, and exits non-zero', () => {
		const dir = tempDir();
		cpSync('content', dir, { recursive: true });
		const file = join(dir, 'zh-TW', 'scripts', 'think-about-it.md');
		const lines = readFileSync(file, 'utf8').split('\n');
		const at = lines.findIndex((line) => line.startsWith('category:'));
		lines[at] = 'category: maybe';
		writeFileSync(file, lines.join('\n'));
		const result = runContent('check', dir);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			`zh-TW/scripts/think-about-it.md:${at + 1}: category: must be one of: price, competitor, results, timing, authority, need, trust, brush-off`
		);
		expect(result.stderr).toContain('1 problem in');
	});

	it('warns, without failing, of a key point cue that a bad answer no pitfall catches also hits', () => {
		const dir = tempDir();
		cpSync('content', dir, { recursive: true });
		const file = join(dir, 'en', 'scenarios', 'renewal-price-objection.yaml');
		const lines = readFileSync(file, 'utf8').split('\n');
		// The price line's bad choice, made one that no pitfall catches but that asks "how much" of nothing useful.
		const at = lines.findIndex((line) => line.includes('already cheap. Tell you what'));
		lines[at] =
			'      - { text: "How much longer is this going to take? I have other calls to make.", quality: bad }';
		writeFileSync(file, lines.join('\n'));
		const result = runContent('check', dir);
		expect(result.status).toBe(0);
		const cueLine = lines.findIndex((line) => line.includes('Asks how many inquiries he gets')) + 1;
		expect(result.stderr).toContain(
			`warning: en/scenarios/renewal-price-objection.yaml:${cueLine}: beat "price", key point "Asks how many inquiries he gets and what an order is worth": the cue "how much" also matches a bad answer no pitfall catches`
		);
		expect(result.stdout).toMatch(/no problems, 1 warning \(above\)\./);
	});
}, 60_000);
