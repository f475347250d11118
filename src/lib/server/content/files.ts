import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { contentPath, serializeContentItem, type ContentFile, type ContentItem } from '$lib/engine/content';

export const DEFAULT_CONTENT_DIR = 'content';

/**
 * Every content file under `dir`, with paths relative to it. Files directly in `dir` (a README, say)
 * and hidden files are not content; anything inside a locale folder is, and gets checked.
 */
export function readContentDirectory(dir: string): ContentFile[] {
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
		.map((entry) => join(entry.parentPath, entry.name))
		.map((full) => ({ full, path: full.slice(dir.length).replace(/^[\\/]+/, '').split(sep).join('/') }))
		.filter(({ path }) => path.includes('/'))
		.sort((a, b) => a.path.localeCompare(b.path))
		.map(({ full, path }) => ({ path, text: readFileSync(full, 'utf8') }));
}

/** Writes items as files under `dir`, each at its canonical path. Returns the paths written. */
export function writeContentDirectory(dir: string, items: readonly ContentItem[]): string[] {
	return items.map((item) => {
		const path = contentPath(item);
		const full = join(dir, ...path.split('/'));
		mkdirSync(dirname(full), { recursive: true });
		writeFileSync(full, serializeContentItem(item));
		return path;
	});
}
