import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two work trees run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://localhost:${PORT}`;

/**
 * The browser: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download.
 * Nothing here downloads a browser; without one the run stops and says how to get one.
 */
function chromiumPath(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((path): path is string => !!path && existsSync(path));
	if (found) return found;
	if (process.env.PLAYWRIGHT_USE_BUNDLED_BROWSER === '1') return undefined;
	throw new Error(
		'No Chromium found for the end-to-end tests. Install it (Debian: `apt-get install chromium`), ' +
			'or set CHROMIUM_PATH to a Chromium binary, or set PLAYWRIGHT_USE_BUNDLED_BROWSER=1 after `npx playwright install chromium`.'
	);
}

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// Some tests walk a rep through a dozen pages; on a 2-core machine under the parallel suite that takes 30 s.
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	use: {
		baseURL: ORIGIN,
		locale: 'en-US',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: {
		// A fresh database each run, on the production build: what a user runs is what is tested.
		command: 'node scripts/e2e-server.js',
		url: `${ORIGIN}/login`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), ORIGIN, DATABASE_URL: 'test-results/e2e/rehearse.db', DEMO: '1' }
	}
});
