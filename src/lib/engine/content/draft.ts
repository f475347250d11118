import { LineCounter, parseDocument } from 'yaml';
import { CONTENT_KINDS, type ContentKind } from './kinds';
import { FRONT_MATTER_MISSING, lineFinder, splitFrontMatter, yamlProblem } from './parse';
import type { CodedProblem, ProblemValues } from './problems';
import { writeContentFile } from './serialize';

/**
 * The studio's forms edit a draft: the file's YAML read as plain data, *not* yet validated, so a
 * trainer can hold a half-written scenario (an empty line, a beat nobody reaches) and see the
 * problems beside it. The text stays the one source of truth: a form reads a draft from the text
 * and writes the text back on every change; saving, checking and publishing see only text.
 *
 * Reading fills in what the form needs (missing lists become empty lists, missing text empty text)
 * and refuses a value of the wrong shape, since a form cannot show it without losing it. Fields the
 * form does not know are kept as they are, so the checker still names them.
 */

/**
 * Form field shapes: text, number (null when the input is empty), true/false, lists, records,
 * objects, and `raw`: a value the form edits as it is (a fact test: a fact id, or facts with values).
 */
type Shape =
	| 'raw'
	| 'text'
	| 'number'
	| 'flag'
	| { optional: Shape }
	| { list: Shape }
	| { record: Shape }
	| { fields: Record<string, Shape> };

const optional = (shape: Shape): Shape => ({ optional: shape });
const list = (shape: Shape): Shape => ({ list: shape });
const fields = (shape: Record<string, Shape>): Shape => ({ fields: shape });
const texts = list('text');

const KEY_POINT = fields({ point: 'text', criterion: optional('text'), weight: optional('number'), cues: texts });
const PITFALL = fields({ point: 'text', penalty: optional('number'), cues: texts });
// A rule's and a line's facts (`when`, `set`, `variants`) are no field of the form: they stay as written.
const RULE = fields({ minScore: optional('number'), maxTries: optional('number'), choice: optional('number'), goto: 'text', say: optional('text') });
const BEAT = fields({
	name: optional('text'),
	customer: 'text',
	end: optional('text'),
	script: optional('text'),
	expect: list(KEY_POINT),
	avoid: list(PITFALL),
	choices: list(fields({ text: 'text', quality: 'text' })),
	next: list(RULE),
	examples: optional(fields({ good: texts, bad: texts }))
});

const SHAPES: Record<ContentKind, Shape> = {
	script: fields({ id: 'text', title: 'text', category: 'text', objection: 'text', variants: texts, answers: list(fields({ text: 'text', techniques: texts, why: 'text' })), mistakes: texts, knowledge: texts }),
	article: fields({ id: 'text', title: 'text', category: 'text', summary: 'text', scripts: texts }),
	rubric: fields({ id: 'text', title: 'text', criteria: list(fields({ id: 'text', title: 'text', weight: 'number', anchors: fields({ 1: 'text', 2: 'text', 3: 'text', 4: 'text', 5: 'text' }) })) }),
	scenario: fields({
		id: 'text',
		title: 'text',
		objective: optional('text'),
		persona: fields({ name: 'text', role: 'text', company: 'text', mood: optional('text') }),
		difficulty: optional('text'),
		minutes: 'number',
		pass: 'number',
		rubric: optional('text'),
		criteria: texts,
		start: 'text',
		beats: { record: BEAT },
		examples: fields({ good: texts, bad: texts })
	}),
	curriculum: fields({
		id: 'text',
		title: 'text',
		days: list(fields({ title: 'text', modules: list(fields({ type: 'text', title: 'text', items: texts, mode: optional('text'), pass: optional('number'), rubric: optional('text') })) }))
	}),
	// One shape for the three item types; each type's own lists stay absent unless the file has them.
	quiz: fields({
		id: 'text',
		title: 'text',
		pass: optional('number'),
		items: list(
			fields({
				type: 'text',
				question: 'text',
				options: optional(texts),
				answer: optional('number'),
				items: optional(texts),
				classes: optional(texts),
				statements: optional(list(fields({ text: 'text', class: 'number' }))),
				explanation: 'text'
			})
		)
	}),
	lexicon: fields({
		id: 'text',
		title: 'text',
		intents: list(fields({ id: 'text', meaning: 'text', phrases: texts })),
		rules: list(fields({ id: 'text', point: 'text', penalty: optional('number'), cues: texts, unless: texts, rude: optional('flag') }))
	}),
	// A call's playtest replies and a note's text (or texts per value) are edited as they are.
	series: fields({
		id: 'text',
		title: 'text',
		objective: optional('text'),
		persona: fields({ name: 'text', role: 'text', company: 'text', mood: optional('text') }),
		calls: list(fields({ scenario: 'text', daysAfter: optional('number'), meanwhile: optional('text') })),
		notes: optional({ record: 'raw' }),
		promises: optional(list(fields({ id: 'text', made: 'raw', kept: 'raw', by: optional('number'), label: 'text' }))),
		evidence: optional(list(fields({ fact: 'raw', strength: 'text', label: 'text' })))
	})
};

export type FactTestDraft = string | Record<string, string | boolean>;
export type KeyPointDraft = { point: string; criterion?: string; weight?: number | null; cues: string[] };
export type PitfallDraft = { point: string; penalty?: number | null; cues: string[] };
export type RuleDraft = { minScore?: number | null; maxTries?: number | null; choice?: number | null; goto: string; say?: string };
export type BeatDraft = {
	name?: string;
	customer: string;
	end?: string;
	script?: string;
	expect: KeyPointDraft[];
	avoid: PitfallDraft[];
	choices: { text: string; quality: string }[];
	next: RuleDraft[];
	examples?: { good: string[]; bad: string[] };
};

/** What each kind's form edits: the schema's fields, loosely typed (empty text, empty numbers). */
export interface DraftData {
	script: { id: string; title: string; category: string; objection: string; variants: string[]; answers: { text: string; techniques: string[]; why: string }[]; mistakes: string[]; knowledge: string[] };
	article: { id: string; title: string; category: string; summary: string; scripts: string[] };
	rubric: { id: string; title: string; criteria: { id: string; title: string; weight: number | null; anchors: Record<'1' | '2' | '3' | '4' | '5', string> }[] };
	scenario: {
		id: string;
		title: string;
		objective?: string;
		persona: { name: string; role: string; company: string; mood?: string };
		difficulty?: string;
		minutes: number | null;
		pass: number | null;
		rubric?: string;
		criteria: string[];
		start: string;
		beats: Record<string, BeatDraft>;
		examples: { good: string[]; bad: string[] };
	};
	curriculum: { id: string; title: string; days: { title: string; modules: { type: string; title: string; items: string[]; mode?: string; pass?: number | null; rubric?: string }[] }[] };
	quiz: {
		id: string;
		title: string;
		pass?: number | null;
		items: {
			type: string;
			question: string;
			options?: string[];
			answer?: number | null;
			items?: string[];
			classes?: string[];
			statements?: { text: string; class: number | null }[];
			explanation: string;
		}[];
	};
	lexicon: {
		id: string;
		title: string;
		intents: { id: string; meaning: string; phrases: string[] }[];
		rules: { id: string; point: string; penalty?: number | null; cues: string[]; unless: string[]; rude?: boolean }[];
	};
	series: {
		id: string;
		title: string;
		objective?: string;
		persona: { name: string; role: string; company: string; mood?: string };
		calls: {
			scenario: string;
			daysAfter?: number | null;
			meanwhile?: string;
			examples?: { good?: string[]; bad?: string[] };
		}[];
		notes?: Record<string, string | Record<string, string>>;
		promises?: { id: string; made: FactTestDraft; kept: FactTestDraft; by?: number | null; label: string }[];
		evidence?: { fact: FactTestDraft; strength: string; label: string }[];
	};
}

/**
 * What the forms' pickers offer: published ids and titles per kind in one language, each rubric's
 * criteria, and the intents of the language's lexicons (what a cue may cite).
 */
export type ContentCatalog = Record<ContentKind, { id: string; title: string }[]> & { criteria: Record<string, { id: string; title: string }[]>; intents: { id: string; meaning: string }[] };

export type Draft<K extends ContentKind = ContentKind> = { [P in K]: { kind: P; data: DraftData[P]; body: string } }[K];
/** A draft, or why the form cannot show the text: in English (`message`) and as a code with values. */
export type DraftRead<K extends ContentKind = ContentKind> = { ok: true; draft: Draft<K> } | ({ ok: false; line: number; message: string } & CodedProblem);

class WrongShape extends Error {
	constructor(
		readonly path: (string | number)[],
		readonly expected: ProblemValues['form-wrong-shape']['expected']
	) {
		super(`${path.join('.') || 'the file'} must be ${expected} for the form to show it`);
	}
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function fill(shape: Shape, value: unknown, path: (string | number)[]): unknown {
	if (shape === 'raw') return value;
	if (shape === 'text') {
		if (value === undefined || value === null) return '';
		if (typeof value === 'string') return value;
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		throw new WrongShape(path, 'text');
	}
	if (shape === 'number') {
		if (value === undefined || value === null) return null;
		if (typeof value === 'number') return value;
		throw new WrongShape(path, 'a number');
	}
	if (shape === 'flag') {
		if (value === undefined || value === null) return false;
		if (typeof value === 'boolean') return value;
		throw new WrongShape(path, 'true or false');
	}
	if ('optional' in shape) return value === undefined ? undefined : fill(shape.optional, value, path);
	if ('list' in shape) {
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) throw new WrongShape(path, 'a list');
		return value.map((entry, i) => fill(shape.list, entry, [...path, i]));
	}
	if (value === undefined || value === null) value = {};
	if (!isPlainObject(value)) throw new WrongShape(path, 'a set of fields');
	if ('record' in shape) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fill(shape.record, entry, [...path, key])]));
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(shape.fields)) {
		const filled = fill(inner, value[key], [...path, key]);
		if (filled !== undefined) out[key] = filled;
	}
	// Unknown fields stay, after the known ones: the checker names them, the form keeps them.
	for (const [key, entry] of Object.entries(value)) if (!(key in shape.fields)) out[key] = entry;
	return out;
}

/** Reads a file's text as a form draft, or says why the form cannot show it (with the line). */
export function readDraft<K extends ContentKind>(kind: K, text: string): DraftRead<K> {
	let yaml = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	let offset = 0;
	let body = '';
	if (CONTENT_KINDS[kind].hasBody) {
		const split = splitFrontMatter(text);
		if (!split) return { ok: false, line: 1, ...FRONT_MATTER_MISSING };
		yaml = split.yaml;
		offset = split.firstLine - 1;
		body = split.body;
	}
	const counter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
	const firstError = doc.errors[0];
	if (firstError) return { ok: false, line: counter.linePos(firstError.pos[0]).line + offset, ...yamlProblem(firstError, yaml) };
	try {
		const data = fill(SHAPES[kind], doc.toJS(), []);
		return { ok: true, draft: { kind, data, body } as Draft<K> };
	} catch (problem) {
		if (!(problem instanceof WrongShape)) throw problem;
		return { ok: false, line: lineFinder(doc, counter, offset)(problem.path), message: problem.message, code: 'form-wrong-shape', values: { path: problem.path, expected: problem.expected } };
	}
}

/**
 * Writes a draft back as file text. Optional fields left empty are dropped (an empty mood is no
 * mood), so clearing a field in the form reads as clearing it in the file.
 */
export function writeDraft(draft: Draft): string {
	return writeContentFile(draft.kind, dropEmpty(SHAPES[draft.kind], draft.data) as object, draft.body);
}

function dropEmpty(shape: Shape, value: unknown): unknown {
	if (typeof shape === 'string') return value;
	// An optional flag left off is no flag: `rude: false` is not written.
	if ('optional' in shape) return value === '' || value === null || (shape.optional === 'flag' && value === false) ? undefined : dropEmpty(shape.optional, value);
	if ('list' in shape) return Array.isArray(value) ? value.map((entry) => dropEmpty(shape.list, entry)) : value;
	if (!isPlainObject(value)) return value;
	if ('record' in shape) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, dropEmpty(shape.record, entry)]));
	// In the shape's order, then the fields it does not know: a field the form fills in after
	// reading (an objective added to a scenario) is written in its place, not at the end.
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(shape.fields)) {
		const kept = key in value ? dropEmpty(inner, value[key]) : undefined;
		if (kept !== undefined) out[key] = kept;
	}
	for (const [key, entry] of Object.entries(value)) if (!(key in shape.fields)) out[key] = entry;
	return out;
}
