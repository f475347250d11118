import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A maker of temporary folders (`rehearse-<name>-…` under the system's), all removed once the
 * test file's tests have run, so that test runs do not fill the machine's /tmp. Call it at the
 * top of a test file.
 */
export function tempDirs(name: string): () => string {
	const made: string[] = [];
	afterAll(() => {
		for (const dir of made) rmSync(dir, { recursive: true, force: true });
	});
	return () => {
		const dir = mkdtempSync(join(tmpdir(), `rehearse-${name}-`));
		made.push(dir);
		return dir;
	};
}
