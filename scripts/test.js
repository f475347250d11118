// The whole test suite, as README gives it: type and lint checks, unit tests, then end-to-end tests
// against the production build. It ends with one line "N passed, N failed" over every runner and
// exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.error) console.error(result.error);
	return result.status === 0;
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

// Static checks count as one test each: they pass or fail as a whole.
for (const [label, args] of [
	['svelte-check', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']],
	['eslint', ['eslint', '.']],
	['prettier', ['prettier', '--check', '.']]
]) {
	if (run(label, 'npx', args)) passed += 1;
	else failed += 1;
}

const unitOk = run('unit tests', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile.json=test-results/vitest.json'
]);
const unit = readJson('test-results/vitest.json');
if (unit) {
	passed += unit.numPassedTests;
	failed += unit.numFailedTests;
	if (!unitOk && unit.numFailedTests === 0) failed += 1; // the runner itself failed (e.g. a file did not load)
} else {
	failed += 1;
}

if (run('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
	const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
	const e2e = readJson('test-results/playwright.json');
	if (e2e) {
		passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
		failed += e2e.stats.unexpected;
		if (!e2eOk && e2e.stats.unexpected === 0) failed += 1;
	} else {
		failed += 1;
	}
} else {
	failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
