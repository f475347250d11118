// The JavaScript each main page makes the browser download, gzipped, read from the build output:
// Kit's entry chunks plus, for each layout and the page itself, its client node and every chunk it
// imports statically (what the page's <link rel="modulepreload"> tags list). Lazy imports are left
// out: they load only when used.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { below, measured, type BenchRow } from './table';

const OUTPUT = '.svelte-kit/output';
const NODE_KEY = (index: number) => `.svelte-kit/generated/client-optimized/nodes/${index}.js`;

interface ManifestChunk {
	file: string;
	imports?: string[];
}

interface ServerManifest {
	_: {
		client: { imports: string[] };
		routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[];
	};
}

/**
 * Route ids of the pages people use most, and their budgets (KB): the practice room's is the
 * issue's; the candidate's role-play is the same room on the same phones; the studio editor's keeps
 * a desktop tool from quietly growing (it was 126 KB, and once 606 KB when a module of Chinese
 * folding tables slipped into the browser's code). The size does not depend on the machine, so the
 * bench's smoke run checks these budgets (tests/e2e/bench.e2e.ts).
 */
const PAGES: { name: string; route: string; limitKb?: number }[] = [
	{ name: 'practice room', route: '/(app)/attempts/[attemptId]', limitKb: 80 },
	{ name: 'home', route: '/(app)' },
	{ name: 'practice list', route: '/(app)/practice' },
	{ name: 'library entry', route: '/(app)/library/[id]' },
	{ name: 'team dashboard', route: '/(app)/team/dashboard' },
	{ name: 'interview comparison', route: '/(app)/hiring/compare' },
	{ name: 'live interview', route: '/(app)/hiring/interviews/[id]/live' },
	{ name: 'candidate role-play', route: '/try/[token]', limitKb: 80 },
	{ name: 'studio editor', route: '/(app)/studio/[kind]/[locale]/[id]', limitKb: 200 },
	{ name: 'sign-in', route: '/(auth)/login' }
];

/** Gzipped bytes of each page's JavaScript, by route id. */
export async function pageScripts(): Promise<Map<string, number>> {
	const client = JSON.parse(
		readFileSync(join(OUTPUT, 'client/.vite/manifest.json'), 'utf8')
	) as Record<string, ManifestChunk>;
	const { manifest } = (await import(
		pathToFileURL(resolve(OUTPUT, 'server/manifest.js')).href
	)) as { manifest: ServerManifest };
	const gzipped = new Map<string, number>();
	const sizeOf = (file: string) => {
		let size = gzipped.get(file);
		if (size === undefined) {
			size = gzipSync(readFileSync(join(OUTPUT, 'client', file))).length;
			gzipped.set(file, size);
		}
		return size;
	};
	/** A chunk and everything it imports statically, as output files. */
	const closure = (key: string, files: Set<string>) => {
		const chunk = client[key];
		if (!chunk || files.has(chunk.file)) return;
		files.add(chunk.file);
		for (const imported of chunk.imports ?? []) closure(imported, files);
	};
	const sizes = new Map<string, number>();
	for (const route of manifest._.routes) {
		if (!route.page) continue;
		const files = new Set(manifest._.client.imports);
		for (const node of [...route.page.layouts, route.page.leaf])
			if (node !== undefined) closure(NODE_KEY(node), files);
		sizes.set(
			route.id,
			[...files].reduce((sum, file) => sum + sizeOf(file), 0)
		);
	}
	return sizes;
}

export async function benchBundles(): Promise<BenchRow[]> {
	const sizes = await pageScripts();
	return PAGES.map((page) => {
		const size = sizes.get(page.route);
		if (size === undefined) throw new Error(`the build has no page ${page.route}`);
		const name = `JavaScript of the ${page.name}, gzipped`;
		return page.limitKb
			? below(name, size / 1024, page.limitKb, 'KB', 1)
			: measured(name, size / 1024, 'KB', 1);
	});
}
