import { isOneOf } from '../one-of';
import * as v from 'valibot';
import { LineCounter, isAlias, isMap, isScalar, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { MAX_FILE_CHARS, MAX_MARKDOWN_DEPTH } from './limits';
import { CONTENT_KINDS, CONTENT_LOCALES, type ContentItem, type ContentKind, type ContentLocale, type ContentProblem } from './kinds';
import type { CodedProblem, DescribedProblem, FieldPath } from './problems';

/** Finds the line of a field in the file, for messages; falls back to its nearest parent. */
export type LineOf = (path: readonly (string | number)[]) => number;

export type ParsedFile = { ok: true; item: ContentItem; lineOf: LineOf } | { ok: false; problems: ContentProblem[] };

interface FileLocation {
	kind: ContentKind;
	locale: ContentLocale;
	id: string;
}

/** Reads `<locale>/<folder>/<id>.<ext>` (relative to content/), or says why it cannot. */
export function locateContentFile(path: string): FileLocation | DescribedProblem {
	const parts = path.split('/');
	if (parts.length !== 3) return { message: 'content files live at <locale>/<kind folder>/<id>.<extension>', code: 'file-place', values: {} };
	const [locale, folder, name] = parts as [string, string, string];
	if (!isOneOf(CONTENT_LOCALES, locale)) return { message: `unknown locale folder "${locale}" (expected ${CONTENT_LOCALES.join(' or ')})`, code: 'file-locale', values: { locale } };
	const entry = Object.entries(CONTENT_KINDS).find(([, kind]) => kind.folder === folder);
	if (!entry) return { message: `unknown content folder "${folder}" (expected one of ${Object.values(CONTENT_KINDS).map((k) => k.folder).join(', ')})`, code: 'file-folder', values: { folder } };
	const [kind, { extension }] = entry;
	if (!name.endsWith(extension)) return { message: `a file in ${folder}/ must end in ${extension}`, code: 'file-extension', values: { folder, extension } };
	return { kind: kind as ContentKind, locale: locale as ContentLocale, id: name.slice(0, -extension.length) };
}

export const FRONT_MATTER_MISSING = { message: 'must start with front matter between two "---" lines', code: 'front-matter-missing', values: {} } as const satisfies DescribedProblem;

/**
 * A YAML error by the mistake that usually causes it, from the parser's error code (and, where one
 * code covers several mistakes, its message); the parser's own words for the rest. `yaml` is the
 * text the error's position points into.
 */
export function yamlProblem(error: YAMLError, yaml: string): DescribedProblem {
	const detail = error.message.split('\n')[0] ?? '';
	const message = `YAML: ${detail}`;
	const [at] = error.pos;
	switch (error.code) {
		case 'TAB_AS_INDENT':
			return { message, code: 'yaml-tab', values: {} };
		case 'DUPLICATE_KEY':
			// The position points at the key given again; the key runs to its colon.
			return { message, code: 'yaml-duplicate-key', values: { key: (/^[^:\n]*/.exec(yaml.slice(at))?.[0] ?? '').trim() } };
		case 'BAD_INDENT': {
			const bracket = /end with an? ([\]}])/.exec(detail)?.[1];
			return bracket ? { message, code: 'yaml-unclosed-bracket', values: { bracket } } : { message, code: 'yaml-indent', values: {} };
		}
		case 'MISSING_CHAR': {
			const quote = /closing (["'])quote/.exec(detail)?.[1];
			if (quote) return { message, code: 'yaml-unclosed-quote', values: { quote } };
			// A list item indented less than the fields above it.
			if (detail.includes('without - indicator')) return { message, code: 'yaml-indent', values: {} };
			break;
		}
		// "title: Price: too high" and "{ point: a: b }": a colon and a space inside a value start a field.
		case 'BLOCK_AS_IMPLICIT_KEY':
		case 'BLOCK_IN_FLOW':
			return { message, code: 'yaml-colon', values: {} };
		case 'BAD_SCALAR_START':
			return { message, code: 'yaml-reserved-start', values: { char: yaml[at] ?? '' } };
		case 'RESOURCE_EXHAUSTION':
			return { message, code: 'yaml-aliases', values: {} };
	}
	return { message, code: 'yaml', values: { detail } };
}

/** Splits `---\nYAML\n---\nbody`. Returns the YAML, the line it starts on, and the body. */
export function splitFrontMatter(text: string): { yaml: string; firstLine: number; body: string; bodyLine: number } | null {
	const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	if (!normalized.startsWith('---\n')) return null;
	const close = normalized.indexOf('\n---\n', 3);
	const closeAtEnd = normalized.endsWith('\n---') ? normalized.length - 4 : -1;
	const end = close >= 0 ? close : closeAtEnd;
	if (end < 0) return null;
	const yaml = normalized.slice(4, end + 1);
	return { yaml, firstLine: 2, body: normalized.slice(end + 5), bodyLine: yaml.split('\n').length + 2 };
}

export function lineFinder(doc: Document, counter: LineCounter, offset: number): LineOf {
	const lineAt = (position: number) => counter.linePos(position).line + offset;
	return (path) => {
		for (let depth = path.length; depth >= 0; depth--) {
			// A field is found at its key ("days:" rather than the list below it)...
			const parent = depth > 0 ? doc.getIn(path.slice(0, depth - 1), true) : undefined;
			if (isMap(parent)) {
				const key = String(path[depth - 1]);
				const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
				if (pair && isScalar(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
			}
			// ...a list item at the item itself.
			const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
			if (node && typeof node === 'object' && node.range) return lineAt(node.range[0]);
		}
		return offset + 1;
	};
}

function firstAliasLine(doc: Document, counter: LineCounter): number {
	let line = 1;
	visit(doc, {
		Alias(_, node) {
			if (isAlias(node) && node.range) line = counter.linePos(node.range[0]).line;
			return visit.BREAK;
		}
	});
	return line;
}

function describePath(path: readonly (string | number)[]): string {
	return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
	const path = (issue.path ?? []).map((item) => item.key as string | number);
	const field = describePath(path);
	if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown field "${field}"`;
	if (issue.input === undefined && issue.kind === 'schema') return `${field}: is required`;
	return field ? `${field}: ${issue.message}` : issue.message;
}

/**
 * A schema issue by what is wrong with the field, read from the issue's type and requirement (not
 * its message, which the schema words for `content:check`).
 */
function issueCode(issue: v.BaseIssue<unknown>, path: FieldPath): CodedProblem {
	const at = { path };
	const { input } = issue;
	const requirement = (issue as { requirement?: unknown }).requirement;
	const limit = typeof requirement === 'number' ? requirement : 0;
	if (issue.type === 'strict_object' && issue.expected === 'never') return { code: 'unknown-field', values: at };
	if (issue.kind === 'schema' && (input === undefined || input === null)) return { code: 'required', values: at };
	switch (issue.type) {
		case 'string':
			return { code: 'not-text', values: at };
		case 'number':
			return { code: 'not-number', values: at };
		case 'boolean':
			return { code: 'not-flag', values: at };
		case 'array':
			return { code: 'not-list', values: at };
		case 'object':
		case 'strict_object':
		case 'record':
			return { code: 'not-fields', values: at };
		case 'picklist':
		case 'variant':
			return { code: 'not-one-of', values: { path, allowed: [...(issue.expected ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1]!) } };
		// The one pattern is an id's: an empty id is empty, not badly written.
		case 'regex':
			return input === '' ? { code: 'empty', values: at } : { code: 'id-format', values: at };
		case 'min_length':
			return typeof input === 'string' ? { code: 'empty', values: at } : { code: 'too-few', values: { path, min: limit } };
		case 'max_length':
			return typeof input === 'string' ? { code: 'too-long', values: { path, limit } } : { code: 'too-many', values: { path, max: limit } };
		case 'integer':
			return { code: 'not-whole-number', values: at };
		case 'min_value':
			return { code: 'too-small', values: { path, min: limit } };
		case 'max_value':
			return { code: 'too-large', values: { path, max: limit } };
		// The quiz's checks across fields, forwarded to the field that is wrong.
		case 'check':
			if (path.at(-1) === 'answer') return { code: 'answer-past-options', values: at };
			if (path.at(-1) === 'statements') return { code: 'class-past-classes', values: at };
	}
	return { code: 'schema', values: { path, detail: issue.message } };
}

// A quote (">") or list marker ("-", "+", "*", "1.", "1)") followed by a space or the line's end.
const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;

/**
 * How many quotes and lists a line of Markdown opens: its markers, plus its indentation (a list
 * nested by indenting goes two columns deeper a level).
 */
function nestingOf(line: string): number {
	let depth = 0;
	let at = 0;
	let indent = 0;
	while (line[at] === ' ' || line[at] === '\t') indent += line[at++] === '\t' ? 4 : 1;
	for (;;) {
		while (line[at] === ' ' || line[at] === '\t') at++;
		if (line[at] === '>') {
			depth++;
			at++;
			continue;
		}
		LIST_MARKER.lastIndex = at;
		if (!LIST_MARKER.test(line)) return depth + Math.floor(indent / 2);
		depth++;
		at = LIST_MARKER.lastIndex;
	}
}

/** The first line (0-based) of a Markdown body that nests too deeply, outside fenced code; or null. */
function tooDeepLine(body: string): number | null {
	let fenced = false;
	const lines = body.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
		else if (!fenced && nestingOf(line) > MAX_MARKDOWN_DEPTH) return i;
	}
	return null;
}

/** Parses and validates one content file. Every problem carries the file and line. */
export function parseContentFile(file: string, text: string): ParsedFile {
	const location = locateContentFile(file);
	if ('message' in location) return { ok: false, problems: [{ file, line: 1, ...location }] };
	const kind = CONTENT_KINDS[location.kind];
	if (text.length > MAX_FILE_CHARS) {
		const line = text.slice(0, MAX_FILE_CHARS).split('\n').length;
		return {
			ok: false,
			problems: [{ file, line, message: `the file is longer than ${MAX_FILE_CHARS.toLocaleString('en')} characters (it has ${text.length.toLocaleString('en')}): shorten it or split it into several items`, code: 'file-too-long', values: { limit: MAX_FILE_CHARS, length: text.length } }]
		};
	}

	let yamlText = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	let lineOffset = 0;
	let body = '';
	let bodyLine = 1;
	if (kind.hasBody) {
		const split = splitFrontMatter(text);
		if (!split) return { ok: false, problems: [{ file, line: 1, ...FRONT_MATTER_MISSING }] };
		yamlText = split.yaml;
		lineOffset = split.firstLine - 1;
		body = split.body;
		bodyLine = split.bodyLine;
		const deep = tooDeepLine(body);
		if (deep !== null) return { ok: false, problems: [{ file, line: bodyLine + deep, message: `Markdown nests quotes and lists more than ${MAX_MARKDOWN_DEPTH} levels deep here: flatten it`, code: 'markdown-too-deep', values: { limit: MAX_MARKDOWN_DEPTH } }] };
	}

	const counter = new LineCounter();
	// logLevel 'error': odd input (a list used as a key) is the schema's to report, not a warning on the server's console.
	const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			problems: doc.errors.map((error) => ({ file, line: counter.linePos(error.pos[0]).line + lineOffset, ...yamlProblem(error, yamlText) }))
		};
	}
	const lineOf = lineFinder(doc, counter, lineOffset);
	let data: unknown;
	try {
		data = doc.toJS();
	} catch (cause) {
		// Aliases that expand into millions of nodes (a "billion laughs" file) are refused here.
		const detail = cause instanceof Error ? cause.message : String(cause);
		const coded: CodedProblem = /alias/i.test(detail) ? { code: 'yaml-aliases', values: {} } : { code: 'yaml', values: { detail } };
		return { ok: false, problems: [{ file, line: firstAliasLine(doc, counter) + lineOffset, message: `YAML: ${detail}`, ...coded }] };
	}
	const result = v.safeParse(kind.schema, data ?? {});
	if (!result.success) {
		return {
			ok: false,
			problems: result.issues.map((issue) => {
				const path = (issue.path ?? []).map((item) => item.key as string | number);
				return { file, line: lineOf(path), message: issueMessage(issue), ...issueCode(issue, path) };
			})
		};
	}
	const output = result.output as { id: string };
	if (output.id !== location.id) {
		return { ok: false, problems: [{ file, line: lineOf(['id']), message: `id "${output.id}" must match the file name "${location.id}"`, code: 'id-not-file-name', values: { id: output.id, name: location.id } }] };
	}
	if (kind.hasBody && !body.trim() && location.kind === 'article') {
		return { ok: false, problems: [{ file, line: bodyLine, message: 'the article has no text after the front matter', code: 'article-no-body', values: {} }] };
	}
	const item = { kind: location.kind, locale: location.locale, id: location.id, data: output, body } as ContentItem;
	return { ok: true, item, lineOf };
}
