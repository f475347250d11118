// Fuzzing the content importers with seeded, deterministic mutations of the demo pack: whatever a
// trainer uploads or syncs, the answer is either "imported" or a list of problems with file and
// line, never an exception, and a refused file set changes nothing in the database.
// A longer run: FUZZ_CASES=50000 npx vitest run src/lib/server/content/import-fuzz.spec.ts
// (FUZZ_SEED picks another sequence; a failure names its seed and case, so it can be replayed).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { parseDocument, stringify } from 'yaml';
import { createTestDatabase, type AppDb } from '../db';
import { insertUser } from '../accounts/users';
import { importZip } from './studio';
import { readContentDirectory } from './files';
import { syncContentFiles } from './sync';
import { checkContentFiles, NOTHING_PUBLISHED, locateContentFile, type ContentFile, type ContentProblem } from '$lib/engine/content';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_510);
const CASES = Number(process.env.FUZZ_CASES ?? 1500);

const PACK = readContentDirectory('content');
const PACK_KEYS = new Set(PACK.flatMap((file) => {
	const at = locateContentFile(file.path);
	return 'message' in at ? [] : [`${at.kind}:${at.locale}:${at.id}`];
}));

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;
const pick = <T>(rand: Random, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (rand: Random, low: number, high: number): number => low + Math.floor(rand() * (high - low + 1));

// What trips parsers: YAML syntax, tags, anchors, odd whitespace and code points, huge and odd values.
const SNIPPETS = [
	':', ': ', '- ', '-', '{', '}', '[', ']', '"', "'", '#', '&a ', '*a', '*missing', '!!binary ', '!!js/function ', '!custom ', '? ', '|', '>-', '%YAML 1.1\n', '---\n', '\n---\n', '...\n',
	'\t', '\0', '\uFEFF', '\r', '\r\n', '\u2028', '\uD800', '\u202E', '😀', '價格', '<script>alert(1)</script>', '${x}', 'null', '~', '1e999', '-0', '0x1F', '.inf', '.nan', '2026-01-01',
	'yes', 'no', 'a'.repeat(5000), '\n  - x', '\n\t- x', 'price-too-high', 'hiring-roleplay', 'greet', 'won', 'lost'
];
const VALUES: unknown[] = ['', ' ', 'x', 0, -1, 0.05, 0.5, 1, 7, 1e9, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, [], {}, ['x'], { a: 1 }, [[[]]], 'price-too-high', 'greet', 'won', 'a'.repeat(3000), '<img src=x onerror=alert(1)>'];
// An alias bomb: a few lines that expand to millions of nodes if a parser follows them.
const ALIAS_BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';

function splitLines(text: string): string[] {
	return text.split('\n');
}

/** A change to the data: a field removed, replaced by a value of any type, or a list item doubled. */
function mutateData(rand: Random, data: unknown): unknown {
	const paths: (string | number)[][] = [];
	const walk = (node: unknown, path: (string | number)[]) => {
		paths.push(path);
		if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
		else if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
	};
	walk(data, []);
	const path = pick(rand, paths.slice(1));
	if (!path) return pick(rand, VALUES);
	let parent = data as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
	const key = path[path.length - 1]!;
	const op = rand();
	if (op < 0.3) {
		if (Array.isArray(parent)) parent.splice(key as number, 1);
		else delete parent[key];
	} else if (op < 0.8) {
		parent[key] = structuredClone(pick(rand, VALUES));
	} else if (Array.isArray(parent)) {
		parent.splice(key as number, 0, structuredClone(parent[key]));
	} else {
		parent[`${String(key)}-copy`] = structuredClone(parent[key]);
	}
	return data;
}

const PACK_TEXTS = new Set(PACK.map((file) => file.text));
const parsedYaml = new Map<string, unknown>();

/** The YAML of a file (its front matter, for Markdown) changed as data, and written back. */
function mutateStructure(rand: Random, file: ContentFile): string {
	const markdown = file.path.endsWith('.md');
	const match = markdown ? /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(file.text) : null;
	const yaml = markdown ? (match?.[1] ?? '') : file.text;
	// Parsing is the slow part, and most files mutated here are the pack's own: read each once.
	let data = parsedYaml.get(yaml);
	if (data === undefined) {
		data = parseDocument(yaml, { logLevel: 'error' }).toJS();
		if (PACK_TEXTS.has(file.text)) parsedYaml.set(yaml, data);
	}
	// JSON is YAML too, and far quicker to write than YAML: most structural mutations are written as JSON.
	const changed = mutateData(rand, structuredClone(data));
	const mutated = rand() < 0.3 ? stringify(changed) : `${JSON.stringify(changed, null, 1)}\n`;
	return markdown ? `---\n${mutated}---\n${match?.[2] ?? ''}` : mutated;
}

function mutateText(rand: Random, text: string): string {
	const lines = splitLines(text);
	const at = between(rand, 0, Math.max(0, lines.length - 1));
	const offset = between(rand, 0, text.length);
	switch (between(rand, 0, 10)) {
		case 0:
			lines.splice(at, 1);
			return lines.join('\n');
		case 1:
			lines.splice(at, 0, lines[at] ?? '');
			return lines.join('\n');
		case 2: {
			const other = between(rand, 0, lines.length - 1);
			[lines[at], lines[other]] = [lines[other]!, lines[at]!];
			return lines.join('\n');
		}
		case 3:
			return text.slice(0, offset);
		case 4:
		case 5:
			return text.slice(0, offset) + pick(rand, SNIPPETS) + text.slice(offset);
		case 6:
			return text.slice(0, offset) + text.slice(offset + between(rand, 1, 200));
		case 7:
			lines[at] = rand() < 0.5 ? ` ${lines[at]}` : (lines[at] ?? '').replace(/^ {1,2}/, '');
			return lines.join('\n');
		case 8: {
			const end = Math.min(lines.length, at + between(rand, 1, 8));
			lines.splice(end, 0, ...lines.slice(at, end));
			return lines.join('\n');
		}
		case 9:
			// A word or number swapped for something of another kind.
			return text.replace(/[\w.-]+/g, (word) => (rand() < 0.02 ? String(pick(rand, [...SNIPPETS.slice(20), '-5', '0', '101', '3.5', 'true'])) : word));
		default:
			return rand() < 0.5 ? ALIAS_BOMB + text : text.replace(/\n/g, rand() < 0.5 ? '\r\n' : '\r');
	}
}

function mutatePath(rand: Random, path: string): string {
	const parts = path.split('/');
	const name = parts.pop() ?? '';
	const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
	switch (between(rand, 0, 5)) {
		case 0:
			return [pick(rand, ['en', 'zh-TW', 'zh-tw', 'fr', '']), ...parts.slice(1), name].join('/');
		case 1:
			return [...parts.slice(0, 1), pick(rand, ['scripts', 'knowledge', 'scenarios', 'rubrics', 'curricula', 'quizzes', 'other']), name].join('/');
		case 2:
			return [...parts, name.replace(/\.\w+$/, '') + pick(rand, ['.md', '.yaml', '.yml', '.txt', ''])].join('/');
		case 3:
			return [...parts, pick(rand, ['x', 'Upper-Case', 'a--b', '-lead', 'price-too-high', '價格']) + extension].join('/');
		case 4:
			return [...parts, 'extra', name].join('/');
		default:
			return name;
	}
}

/** One to three mutations of one file, mostly to its text, sometimes to its structure or path. */
function mutateFile(rand: Random, file: ContentFile): ContentFile {
	let { path, text } = file;
	for (let n = between(rand, 1, 3); n > 0; n--) {
		const op = rand();
		if (op < 0.6) text = mutateText(rand, text);
		else if (op < 0.9) {
			try {
				text = mutateStructure(rand, { path, text });
			} catch {
				// The text is no longer YAML this mutation can read: a text mutation instead.
				text = mutateText(rand, text);
			}
		} else path = mutatePath(rand, path);
	}
	return { path, text };
}

/**
 * Problems must name a file of the set (or the upload) and a line inside it, and say something.
 * Without `files` (a corrupted zip, whose names may be garbled too) any file name will do.
 */
function malformedProblems(problems: readonly ContentProblem[], files: readonly ContentFile[] | null): ContentProblem[] {
	const lineCounts = new Map(files?.map((f) => [f.path, splitLines(f.text.replace(/\r\n?/g, '\n')).length + 1]));
	return problems.filter((p) => {
		const lines = p.file === '(upload)' ? 1 : files ? lineCounts.get(p.file) : Infinity;
		return lines === undefined || !p.file || !Number.isInteger(p.line) || p.line < 1 || p.line > lines || typeof p.message !== 'string' || p.message.trim() === '';
	});
}

/** Everything an import or a sync may write, reduced to one hash. */
function fingerprint(db: AppDb): string {
	const rows = db.$client
		.prepare(
			`select 'item', kind, locale, id, updated_at, length(data), length(body) from content_items
			 union all select 'revision', kind, locale, item_id, number, length(text), null from content_revisions
			 union all select 'scenario', scenario_id, locale, hash, number, null, null from scenario_revisions
			 union all select 'draft', kind, locale, item_id, updated_at, length(text), null from content_drafts
			 union all select 'counts', (select count(*) from content_search), (select count(*) from content_grams), (select count(*) from audit_log), null, null, null
			 order by 1, 2, 3, 4, 5`
		)
		.raw()
		.all();
	return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

interface Failure {
	case: number;
	what: string;
	files: ContentFile[];
}

function describeFailures(failures: readonly Failure[]): string[] {
	return failures.slice(0, 5).map((f) => `seed ${SEED}, case ${f.case}: ${f.what}\n${f.files.map((file) => `--- ${file.path}\n${file.text.slice(0, 2000)}`).join('\n')}`);
}

function packDatabase(): { db: AppDb; authorId: string } {
	const db = createTestDatabase();
	const synced = syncContentFiles(db, PACK);
	if (!synced.ok) throw new Error('the demo pack does not load');
	const author = insertUser(db, { email: 'trainer@example.com', name: 'Trainer', passwordHash: 'x', roles: ['trainer'] });
	return { db, authorId: author.id };
}

describe('content import fuzzing', () => {
	it(`checking ${CASES} mutated files never throws, and every problem names its file and a line in it`, () => {
		const rand = random(SEED);
		const failures: Failure[] = [];
		let refused = 0;
		for (let n = 0; n < CASES; n++) {
			const file = mutateFile(rand, pick(rand, PACK));
			try {
				const { problems } = checkContentFiles([file], { ...NOTHING_PUBLISHED, keys: [...PACK_KEYS] });
				if (problems.length > 0) refused++;
				const bad = malformedProblems(problems, [file]);
				if (bad.length > 0) failures.push({ case: n, what: `malformed problems ${JSON.stringify(bad)}`, files: [file] });
			} catch (cause) {
				failures.push({ case: n, what: `threw ${String(cause)}`, files: [file] });
			}
		}
		expect(describeFailures(failures)).toEqual([]);
		// The mutations must mostly break files, or this tests little.
		expect(refused).toBeGreaterThan(CASES / 2);
	}, 120_000);

	it(`a zip upload of mutated files is imported whole or refused whole (${Math.ceil(CASES / 10)} zips)`, async () => {
		const rand = random(SEED + 1);
		const { db, authorId } = packDatabase();
		const failures: Failure[] = [];
		const outcomes = { imported: 0, refused: 0 };
		for (let n = 0; n < Math.ceil(CASES / 10); n++) {
			const files = Array.from({ length: between(rand, 1, 3) }, () => pick(rand, PACK));
			// Most zips carry a broken file; some are all good, so that imports happen between refusals.
			if (rand() < 0.8) files[0] = mutateFile(rand, files[0]!);
			const prefix = pick(rand, ['content/', 'pack/content/', '', 'a/b/content/']);
			const entries = Object.fromEntries(files.map((f) => [`${prefix}${f.path}`, strToU8(f.text)]));
			let zip = zipSync(entries);
			const corrupted = rand() < 0.05;
			if (corrupted) {
				zip = zip.slice();
				for (let i = 0; i < 4; i++) zip[between(rand, 0, zip.length - 1)] = between(rand, 0, 255);
			}
			const before = fingerprint(db);
			try {
				const result = await importZip(db, zip, authorId);
				if (result.ok) {
					outcomes.imported++;
					if (fingerprint(db) === before && result.count > 0) failures.push({ case: n, what: 'reported an import but nothing changed', files });
				} else {
					outcomes.refused++;
					if (fingerprint(db) !== before) failures.push({ case: n, what: 'refused, yet the database changed', files });
					const bad = malformedProblems(result.problems, corrupted ? null : files);
					if (bad.length > 0) failures.push({ case: n, what: `malformed problems ${JSON.stringify(bad)}`, files });
				}
			} catch (cause) {
				failures.push({ case: n, what: `threw ${String(cause)}`, files });
			}
		}
		expect(describeFailures(failures)).toEqual([]);
		expect(outcomes.imported).toBeGreaterThan(0);
		expect(outcomes.refused).toBeGreaterThan(outcomes.imported);
	}, 120_000);

	it('a sync of the pack with one mutated file is refused whole, naming the file', () => {
		const rand = random(SEED + 2);
		const { db } = packDatabase();
		const failures: Failure[] = [];
		for (let n = 0; n < Math.max(3, Math.ceil(CASES / 500)); n++) {
			const index = between(rand, 0, PACK.length - 1);
			let mutated = mutateFile(rand, PACK[index]!);
			// A sync of a whole pack is slow to check; only files that are surely broken are worth it.
			while (checkContentFiles([mutated], { ...NOTHING_PUBLISHED, keys: [...PACK_KEYS] }).problems.length === 0) mutated = mutateFile(rand, PACK[index]!);
			const files = PACK.map((f, i) => (i === index ? mutated : f));
			const before = fingerprint(db);
			try {
				const result = syncContentFiles(db, files);
				if (result.ok) failures.push({ case: n, what: 'a broken file was synced', files: [mutated] });
				else {
					if (fingerprint(db) !== before) failures.push({ case: n, what: 'refused, yet the database changed', files: [mutated] });
					if (!result.problems.some((p) => p.file === mutated.path)) failures.push({ case: n, what: `no problem names ${mutated.path}`, files: [mutated] });
					const bad = malformedProblems(result.problems, files);
					if (bad.length > 0) failures.push({ case: n, what: `malformed problems ${JSON.stringify(bad)}`, files: [mutated] });
				}
			} catch (cause) {
				failures.push({ case: n, what: `threw ${String(cause)}`, files: [mutated] });
			}
		}
		expect(describeFailures(failures)).toEqual([]);
	}, 120_000);
});
