import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const nodeAdapter = adapter();

/**
 * adapter-node, with the server that `node build` starts replaced by scripts/server-entry.js
 * (it says why): the rest of the build, its handler.js included, is adapter-node's own.
 * @type {import('@sveltejs/kit').Adapter}
 */
const rehearseAdapter = {
	...nodeAdapter,
	async adapt(builder) {
		await nodeAdapter.adapt(builder);
		builder.copy('scripts/server-entry.js', 'build/index.js');
		builder.rimraf('build/index.js.map'); // the map of the file replaced
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: rehearseAdapter,
		// Kit adds hashes or nonces for its own inline scripts; nothing else may run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte writes style attributes for transitions and style: directives.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
