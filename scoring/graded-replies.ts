// The graded corpus (scoring/corpus/*.jsonl), read, checked against the content and scored: what
// `npm run scoring:report` prints and the agreement rows of `npm run bench` check. The lines a
// trainer feeds to `npm run score` are read by the same rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import {
	CONTENT_LOCALES,
	formatProblem,
	type ContentItem,
	type ContentLocale,
	type Scenario
} from '../src/lib/engine/content';
import { compileScenario, type Beat, type CompiledScenario } from '../src/lib/engine/scenario';
import { passLineOf } from '../src/lib/engine/scoring/agreement';
import { scoreReply, type Phrasebook } from '../src/lib/engine/scoring/score';
import { phrasebookAmong } from '../src/lib/engine/scoring/lexicon';
import type { ModelAnswers } from '../src/lib/engine/scoring/closeness';
import { isBlank } from '../src/lib/server/forms';
import { REPLY_MAX_LENGTH } from '../src/lib/server/practice/turns';

export const CORPUS_DIR = 'scoring/corpus';
export const CORPUS_PARTS = ['tuning', 'held-out'] as const;
export type CorpusPart = (typeof CORPUS_PARTS)[number];

const oneOf = <T extends readonly string[]>(values: T) =>
	v.picklist(values, `must be one of: ${values.join(', ')}`);
const name = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'));
const replyFields = {
	locale: oneOf(CONTENT_LOCALES),
	scenario: name,
	beat: name,
	// As the practice room takes it: not blank, not too long, and not trimmed (spans count every character).
	reply: v.pipe(
		v.string('must be text'),
		v.check((reply) => !isBlank(reply), 'must not be empty'),
		v.check(
			(reply) => [...reply].length <= REPLY_MAX_LENGTH,
			`must be at most ${REPLY_MAX_LENGTH} characters`
		)
	)
};
// Other fields are allowed: a trainer may keep an id, or feed corpus lines to `npm run score`.
const replyLine = v.object(replyFields, 'must be a JSON object');
const corpusLine = v.object(
	{
		...replyFields,
		part: oneOf(CORPUS_PARTS),
		grade: v.pipe(
			v.number('must be a number'),
			v.integer('must be a whole number'),
			v.minValue(1, 'must be 1 to 5'),
			v.maxValue(5, 'must be 1 to 5')
		),
		reason: name,
		kinds: v.array(v.string('must be text'), 'must be a list')
	},
	'must be a JSON object'
);

/** What `npm run score` reads: which beat, and the rep's reply. */
export type ReplyLine = v.InferOutput<typeof replyLine>;
export type CorpusLine = v.InferOutput<typeof corpusLine>;

function issueMessage(issue: v.BaseIssue<unknown>): string {
	const field = (issue.path ?? []).map((item) => String(item.key)).join('.');
	if (issue.input === undefined && issue.kind === 'schema' && field) return `${field}: is required`;
	return field ? `${field}: ${issue.message}` : issue.message;
}

function parseLine<S extends typeof replyLine | typeof corpusLine>(
	schema: S,
	text: string
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: string } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, error: `not JSON: ${(error as Error).message}` };
	}
	const result = v.safeParse(schema, json);
	return result.success
		? { ok: true, value: result.output }
		: { ok: false, error: issueMessage(result.issues[0]) };
}

/** One line of the graded corpus, or what is wrong with it. */
export function parseCorpusLine(
	text: string
): { ok: true; value: CorpusLine } | { ok: false; error: string } {
	return parseLine(corpusLine, text);
}

/** One line of `npm run score`'s input, or what is wrong with it. */
export function parseReplyLine(
	text: string
): { ok: true; value: ReplyLine } | { ok: false; error: string } {
	return parseLine(replyLine, text);
}

/** A scenario by language and id, compiled with its language's phrasebook (lexicons): in content files, or among the published content. */
export type ScenarioLookup = (locale: ContentLocale, id: string) => CompiledScenario | undefined;

/** A lookup over checked content items (from `checkContentFiles`). */
export function scenarioLookup(items: readonly ContentItem[]): ScenarioLookup {
	const scenarios = new Map<string, Scenario>();
	for (const item of items)
		if (item.kind === 'scenario') scenarios.set(`${item.locale}:${item.id}`, item.data);
	const phrasebook = new Map(
		CONTENT_LOCALES.map((locale) => [locale, phrasebookAmong(items, locale)])
	);
	const compiled = new Map<string, CompiledScenario>();
	return (locale, id) => {
		const key = `${locale}:${id}`;
		const scenario = scenarios.get(key);
		if (scenario && !compiled.has(key))
			compiled.set(key, compileScenario(scenario, phrasebook.get(locale)!));
		return compiled.get(key);
	};
}

/** What a reply to one beat is scored with. */
export interface FoundBeat {
	ok: true;
	beat: Beat;
	passLine: number | null;
	phrasebook: Phrasebook;
	modelAnswers: ModelAnswers;
}

/** The beat a line names, with its pass line; or why there is no such beat to answer. */
export function findBeat(
	lookup: ScenarioLookup,
	line: Pick<ReplyLine, 'locale' | 'scenario' | 'beat'>
): FoundBeat | { ok: false; error: string } {
	const found = lookup(line.locale, line.scenario);
	if (!found) return { ok: false, error: `no scenario "${line.scenario}" in ${line.locale}` };
	const { scenario } = found;
	// Own beats only: a beat id is text from outside ("constructor" is no beat).
	const beat = Object.hasOwn(scenario.beats, line.beat) ? scenario.beats[line.beat] : undefined;
	if (!beat)
		return {
			ok: false,
			error: `scenario "${line.scenario}" (${line.locale}) has no beat "${line.beat}"; its beats: ${Object.keys(scenario.beats).join(', ')}`
		};
	if (beat.end)
		return {
			ok: false,
			error: `beat "${line.beat}" of "${line.scenario}" (${line.locale}) is an ending: there is no reply to score`
		};
	return {
		ok: true,
		beat,
		passLine: passLineOf(beat),
		phrasebook: found.phrasebook,
		modelAnswers: found.modelAnswers.get(line.beat)!
	};
}

/** Scores a reply to the beat found, as a first reply of the role-play. */
export function scoreFound(reply: string, found: FoundBeat) {
	return scoreReply(reply, found.beat, [], found.phrasebook, found.modelAnswers);
}

/** A corpus reply with where it is written and the score it gets today. */
export interface ScoredCorpusReply extends CorpusLine {
	file: string;
	line: number;
	score: number;
	passLine: number | null;
}

export interface CorpusFile {
	/** As given to the reader, e.g. `scoring/corpus/en.jsonl`: problems name it. */
	path: string;
	text: string;
}

/** The corpus files: every `.jsonl` in `dir`, by name, with paths as given to the reader. */
export function readCorpusFiles(dir = CORPUS_DIR): CorpusFile[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.jsonl'))
		.sort()
		.map((file) => ({ path: join(dir, file), text: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Scores every corpus reply against its beat, alone (as a first reply in the role-play). A line that
 * is not a graded reply, or names a scenario or beat the content does not have, is a problem with
 * its file and line, and is left out.
 */
export function scoreCorpus(
	files: readonly CorpusFile[],
	lookup: ScenarioLookup
): { replies: ScoredCorpusReply[]; problems: string[] } {
	const replies: ScoredCorpusReply[] = [];
	const problems: Parameters<typeof formatProblem>[0][] = [];
	for (const file of files) {
		const lines = file.text.split('\n');
		for (const [i, text] of lines.entries()) {
			if (!text.trim()) continue;
			const at = { file: file.path, line: i + 1 };
			const parsed = parseCorpusLine(text);
			if (!parsed.ok) {
				problems.push({ ...at, message: parsed.error });
				continue;
			}
			const found = findBeat(lookup, parsed.value);
			if (!found.ok) {
				problems.push({ ...at, message: found.error });
				continue;
			}
			replies.push({
				...parsed.value,
				...at,
				score: scoreFound(parsed.value.reply, found).score,
				passLine: found.passLine
			});
		}
	}
	return { replies, problems: problems.map(formatProblem) };
}
