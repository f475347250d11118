import { strFromU8, Unzip, UnzipInflate } from 'fflate';
// Relative imports only: this runs on the check worker (see `./checker`).
import { checkContentFiles, MAX_FILE_CHARS, type ContentItem, type ContentProblem, type DescribedProblem, type Published } from '../../engine/content';

/**
 * The most an uploaded zip may unpack to. An entry's declared size is whatever its maker wrote,
 * so these are counted while inflating, and inflating stops at the first one crossed: a zip of a
 * few kilobytes can otherwise unpack to gigabytes (a "zip bomb").
 */
export const ZIP_LIMITS = {
	entries: 2_000,
	/** No content file is larger: MAX_FILE_CHARS characters of at most 4 bytes each. */
	entryBytes: MAX_FILE_CHARS * 4,
	totalBytes: 32 * 1024 * 1024
} as const;

export type ZipRefusal = { what: 'not-zip' } | { what: 'entries'; limit: number } | { what: 'entry'; file: string; limit: number } | { what: 'total'; limit: number };
export type ZipRead = { ok: true; entries: { path: string; bytes: Uint8Array }[] } | { ok: false; refused: ZipRefusal };

// Compressed input goes in small pieces: Deflate expands a piece at most about 1,000 times, so no
// single step inflates more than about a megabyte before the sizes are counted again.
const PIECE = 1024;

class Refused extends Error {
	constructor(readonly refusal: ZipRefusal) {
		super(refusal.what);
	}
}

/** Unpacks a zip within `ZIP_LIMITS`, or says which limit it crossed (or that it is no zip). */
export function readZip(zip: Uint8Array, limits: { entries: number; entryBytes: number; totalBytes: number } = ZIP_LIMITS): ZipRead {
	const entries: { path: string; bytes: Uint8Array; done: boolean }[] = [];
	let total = 0;
	const unzip = new Unzip((file) => {
		if (entries.length >= limits.entries) throw new Refused({ what: 'entries', limit: limits.entries });
		const chunks: Uint8Array[] = [];
		let size = 0;
		const entry: { path: string; bytes: Uint8Array; done: boolean } = { path: file.name, bytes: new Uint8Array(0), done: false };
		entries.push(entry);
		file.ondata = (error, chunk, final) => {
			// fflate reports an error thrown below (a limit crossed) back here as `error`.
			if (error) throw error instanceof Refused ? error : new Refused({ what: 'not-zip' });
			size += chunk.length;
			total += chunk.length;
			if (size > limits.entryBytes) throw new Refused({ what: 'entry', file: file.name, limit: limits.entryBytes });
			if (total > limits.totalBytes) throw new Refused({ what: 'total', limit: limits.totalBytes });
			chunks.push(chunk);
			if (final) {
				entry.bytes = concat(chunks, size);
				entry.done = true;
			}
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	try {
		for (let at = 0; at < zip.length; at += PIECE) unzip.push(zip.subarray(at, at + PIECE), at + PIECE >= zip.length);
	} catch (cause) {
		if (cause instanceof Refused) return { ok: false, refused: cause.refusal };
		// fflate's own complaints (an unknown compression method, a cut-off stream) mean a broken zip.
		return { ok: false, refused: { what: 'not-zip' } };
	}
	// A zip cut short leaves its last entry unfinished.
	const isZip = zip[0] === 0x50 && zip[1] === 0x4b && entries.every((entry) => entry.done);
	return isZip ? { ok: true, entries: entries.map(({ path, bytes }) => ({ path, bytes })) } : { ok: false, refused: { what: 'not-zip' } };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
	if (chunks.length === 1) return chunks[0]!;
	const out = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

/** A refused import lists its problems; a zip refused for its size also says which limit it crossed (`refused`), for the page to say in the user's language. */
export type ZipRefused = { ok: false; problems: ContentProblem[]; refused?: Exclude<ZipRefusal, { what: 'not-zip' }> };

const REFUSALS: { [W in ZipRefusal['what']]: (refusal: Extract<ZipRefusal, { what: W }>) => DescribedProblem } = {
	'not-zip': () => ({ message: 'not a zip file', code: 'zip-not-zip', values: {} }),
	entries: ({ limit }) => ({ message: `the zip holds more than ${limit} files`, code: 'zip-too-many-files', values: { limit } }),
	entry: ({ file, limit }) => ({ message: `${file} unpacks to more than ${limit} bytes`, code: 'zip-entry-too-large', values: { file, limit } }),
	total: ({ limit }) => ({ message: `the zip unpacks to more than ${limit} bytes`, code: 'zip-too-large', values: { limit } })
};

/**
 * Unpacks an uploaded zip of content files and checks them together, against what is `published`
 * already: the items to publish, or why nothing may be. Runs on the check worker.
 */
export function checkZip(zip: Uint8Array, published: Published): { ok: true; items: ContentItem[] } | ZipRefused {
	const unpacked = readZip(zip);
	if (!unpacked.ok) {
		const { refused } = unpacked;
		const problems: ContentProblem[] = [{ file: '(upload)', line: 1, ...(REFUSALS[refused.what] as (r: ZipRefusal) => DescribedProblem)(refused) }];
		return refused.what === 'not-zip' ? { ok: false, problems } : { ok: false, problems, refused };
	}
	const files = unpacked.entries
		.filter(({ path, bytes }) => bytes.length > 0 && !path.endsWith('/') && !path.split('/').some((part) => part.startsWith('.')))
		.map(({ path, bytes }) => ({ path: path.replace(/^(.*\/)?content\//, ''), text: strFromU8(bytes) }));
	const { items, problems } = checkContentFiles(files, published);
	// Two files for one item (content/en/… and pack/content/en/…): which one should win is unclear.
	const seen = new Set<string>();
	for (const file of files) {
		if (seen.has(file.path)) problems.push({ file: file.path, line: 1, message: 'this file is in the zip twice', code: 'zip-twice', values: {} });
		seen.add(file.path);
	}
	if (problems.length > 0) return { ok: false, problems };
	if (items.length === 0) return { ok: false, problems: [{ file: '(upload)', line: 1, message: 'the zip has no content files', code: 'zip-empty', values: {} }] };
	return { ok: true, items };
}
