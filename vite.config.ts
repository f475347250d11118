import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { intlCachePlugin } from './scripts/intl-cache.js';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// Keep in step with the `prepare` script, which compiles the same messages for svelte-check.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		intlCachePlugin(),
		sveltekit()
	],
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// The shipped content, checked once and handed to every test file (loadShippedContent).
		globalSetup: ['src/lib/server/testing/shipped-content.global.ts'],
		// A spec's first test builds its world (accounts hashed with Argon2, content loaded): over
		// Vitest's 5 s when the suite's workers share two busy cores. A test that hangs still fails.
		testTimeout: 20_000
	}
});
