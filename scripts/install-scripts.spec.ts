import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// npm 11 runs a dependency's install script only when package.json's `allowScripts` names it, and
// warns about every one it does not name: a newcomer's `npm ci` should print no such warning, and
// better-sqlite3 must be built for the app to start at all.
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
	packages: Record<string, { hasInstallScript?: boolean }>;
};
const allowed =
	(JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> })
		.allowScripts ?? {};

describe('install scripts', () => {
	it('allows the install script of every locked package that has one, by name', () => {
		const withScripts = Object.entries(lock.packages)
			.filter(([, entry]) => entry.hasInstallScript)
			.map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
		expect(withScripts).toContain('better-sqlite3');
		for (const name of new Set(withScripts)) expect(allowed[name], name).toBe(true);
	});
});
