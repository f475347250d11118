import type { ContentKind } from './kinds';

/**
 * What the checker can find, as stable codes with the values that fill them in. The English
 * `message` beside each code is what `content:check` prints; the studio builds its own text, in the
 * trainer's language and words, from the code and values alone, so a change of English wording
 * never changes what the studio shows, and nothing has to read a message back.
 */

/** A field in a file's data, as keys and list positions: ['beats', 'price', 'expect', 0, 'cues']. */
export type FieldPath = (string | number)[];

type None = Record<string, never>;
type At = { path: FieldPath };

export interface ProblemValues {
	// Where the file is, and what it is made of.
	'file-place': None;
	'file-locale': { locale: string };
	'file-folder': { folder: string };
	'file-extension': { folder: string; extension: string };
	'file-too-long': { limit: number; length: number };
	'front-matter-missing': None;
	'markdown-too-deep': { limit: number };
	'article-no-body': None;
	'id-not-file-name': { id: string; name: string };

	// YAML the parser cannot read, by the mistake that usually causes it; `yaml` for the rest.
	'yaml-indent': None;
	'yaml-tab': None;
	'yaml-duplicate-key': { key: string };
	'yaml-unclosed-quote': { quote: string };
	'yaml-unclosed-bracket': { bracket: string };
	'yaml-colon': None;
	'yaml-reserved-start': { char: string };
	'yaml-aliases': None;
	yaml: { detail: string };

	// A field the schema refuses, by what is wrong with it; `schema` for the rest.
	required: At;
	empty: At;
	'too-long': At & { limit: number };
	'not-text': At;
	'not-list': At;
	'not-fields': At;
	'not-number': At;
	'not-whole-number': At;
	'not-flag': At;
	'too-small': At & { min: number };
	'too-large': At & { max: number };
	'too-few': At & { min: number };
	'too-many': At & { max: number };
	'not-one-of': At & { allowed: string[] };
	'unknown-field': At;
	'id-format': At;
	'answer-past-options': At;
	'class-past-classes': At;
	schema: At & { detail: string };

	// What one file cannot check alone.
	'missing-reference': At & { kind: ContentKind; id: string };
	'missing-intent': At & { intent: string };
	// A phrase of a fact intent (counted-facts, company-facts, tier-prices) not written `subject = values`.
	'fact-form': At & { phrase: string };
	'duplicate-lexicon-id': At & { list: 'intents' | 'rules'; id: string; elsewhere: string | null };
	'intent-still-cited': { intent: string; citing: string[] };

	// A scenario as a graph of beats. `rule` and `point` count from 1, as the form does.
	'start-missing': { start: string };
	'ending-extras': { beat: string };
	'no-rules': { beat: string };
	'goto-missing': { beat: string; rule: number; goto: string };
	'choice-missing': { beat: string; rule: number; choice: number; count: number };
	'last-rule': { beat: string; rule: number };
	criterion: { beat: string; point: number; criterion: string; criteria: string[] };
	unreachable: { beat: string; start: string };
	'dead-end': { beat: string };
	'no-won': None;

	// A series of calls, against its calls' scenarios. `call` counts from 1.
	'series-fact-unset': { call: number; scenario: string; fact: string; beat: string };
	'series-call-unreachable': { call: number; blocking: number; scenario: string };
	'series-fact-no-note': { call: number; scenario: string; fact: string; value: string };
	'series-unknown-fact': { list: 'promises' | 'evidence'; item: number; fact: string; value: string | null };
	'series-promise-by': { promise: string; by: number; calls: number };
	'series-good-fails': { call: number; scenario: string; ended: string | null; beats: string[]; broken: string[] };
	'series-bad-wins': { calls: number };

	// The playtest bots: the beats each list of examples went through; `ended` is null when the replies ran out first.
	'good-fails': { pass: number; score: number; beats: string[]; ended: string | null };
	'bad-passes': { score: number; beats: string[] };

	// Warnings: what may be wrong but blocks nothing. Scores are 0–1, as the scorer gives them.
	'good-example-low': { beat: string; index: number; reply: string; score: number; passLine: number };
	'bad-example-high': { beat: string; index: number; reply: string; score: number; passLine: number };
	'longest-choice': { beats: string[]; outOf: number };
	'cue-too-general': { beat: string; point: string; cue: string; phrase: string | null; reply: string };

	// An uploaded zip.
	'zip-no-file': None;
	'zip-not-zip': None;
	'zip-too-many-files': { limit: number };
	'zip-entry-too-large': { file: string; limit: number };
	'zip-too-large': { limit: number };
	'zip-twice': None;
	'zip-empty': None;

	// A studio template's placeholder sentence, still in the item (see engine/studio/templates).
	placeholder: { text: string };

	// A file the studio's form cannot show (it is read before it is checked).
	'form-wrong-shape': At & { expected: 'text' | 'a number' | 'true or false' | 'a list' | 'a set of fields' };
}

export type ProblemCode = keyof ProblemValues;

/** A code with its values, one union member per code, so that each code's values are typed. */
export type CodedProblem = { [C in ProblemCode]: { code: C; values: ProblemValues[C] } }[ProblemCode];

/** A code with its values, and the English message `content:check` prints. */
export type DescribedProblem = { message: string } & CodedProblem;

/** The codes of a scenario's graph problems: while there is one, the playtest bots do not play. */
export const GRAPH_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['start-missing', 'ending-extras', 'no-rules', 'goto-missing', 'choice-missing', 'last-rule', 'criterion', 'unreachable', 'dead-end', 'no-won']);
