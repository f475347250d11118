import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function runContent(...args: string[]) {
	const result = spawnSync('npx', ['tsx', 'scripts/content.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'rehearse-cli-')), 'cli.db') } });
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
		const dir = mkdtempSync(join(tmpdir(), 'rehearse-content-'));
		cpSync('content', dir, { recursive: true });
		const file = join(dir, 'zh-TW', 'scripts', 'think-about-it.md');
		const lines = readFileSync(file, 'utf8').split('\n');
		const at = lines.findIndex((line) => line.startsWith('category:'));
		lines[at] = 'category: maybe';
		writeFileSync(file, lines.join('\n'));
		const result = runContent('check', dir);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`zh-TW/scripts/think-about-it.md:${at + 1}: category: must be one of: price, competitor, results, timing, authority, need, trust, brush-off`);
		expect(result.stderr).toContain('1 problem in');
	});
}, 60_000);
