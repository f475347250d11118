import type { Db } from '../db';
import { checkContentFiles, type ContentFile, type ContentProblem } from '$lib/engine/content';
import { readContentDirectory, writeContentDirectory } from './files';
import { listAllContent, replaceAllContent } from './store';

export type SyncResult = { ok: true; count: number } | { ok: false; problems: ContentProblem[] };

/** Loads `dir` into the database, or changes nothing and returns every problem found. */
export function syncContentDirectory(db: Db, dir: string): SyncResult {
	return syncContentFiles(db, readContentDirectory(dir));
}

/** Makes `files` the whole content, or changes nothing and returns every problem found. */
export function syncContentFiles(db: Db, files: readonly ContentFile[]): SyncResult {
	const { items, problems } = checkContentFiles(files);
	if (problems.length > 0) return { ok: false, problems };
	replaceAllContent(db, items);
	return { ok: true, count: items.length };
}

/** Writes the database's content to `dir` as files. Returns the paths written. */
export function exportContentDirectory(db: Db, dir: string): string[] {
	return writeContentDirectory(dir, listAllContent(db));
}
