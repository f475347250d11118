import type { BeatDraft, DraftData, RuleDraft } from '../content/draft';
import { MAX_BEAT_NAME } from '../content/schemas';

/**
 * What the scenario form does to a draft beyond editing one field: adding, renaming, removing and
 * moving beats. No Svelte here: each function changes only the draft it is given (the form passes
 * its reactive draft, a test a plain one). A beat's place in the file is the order of the keys of
 * `beats`, so reordering assigns a new `beats` object.
 */

type ScenarioDraft = DraftData['scenario'];
export type EndKind = '' | 'won' | 'lost' | 'neutral';

/** Why a beat id cannot be used, or null when it can. */
export type BeatIdProblem = 'empty' | 'format' | 'digits' | 'long' | 'taken';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What naming a beat needs to know of the others: their ids, and their names if they have one. */
type NamedBeats = Record<string, { name?: string } | undefined>;

/**
 * What a trainer reads for a beat: its name, in any language ("需要問老闆"), else its id. Every
 * place that shows a beat to a person uses this, so a beat reads the same everywhere.
 */
export function beatLabel(beats: NamedBeats, id: string): string {
	return beats[id]?.name?.trim() || id;
}

/**
 * Turns what a trainer typed ("Price objection") into a beat id ("price-objection"): lower case,
 * spaces and underscores to hyphens, anything else dropped.
 */
export function toBeatId(typed: string): string {
	return typed
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, '-')
		.replace(/[^a-z0-9-]/g, '')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * Checks a new beat id. Ids of digits only are refused although the file format allows them:
 * JavaScript lists such keys first, so the beat could not keep its place in the form.
 */
export function beatIdProblem(
	beats: Record<string, unknown>,
	id: string,
	renaming?: string
): BeatIdProblem | null {
	if (id === '') return 'empty';
	if (!ID_PATTERN.test(id)) return 'format';
	if (/^\d+$/.test(id)) return 'digits';
	if (id.length > 80) return 'long';
	if (id !== renaming && Object.hasOwn(beats, id)) return 'taken';
	return null;
}

/**
 * What an id typed for a beat becomes ("Price two" → price-two), and why it cannot be used. Text
 * with no usable character ("太貴了") is a wrong format, not a missing id.
 */
export function checkBeatName(
	beats: Record<string, unknown>,
	typed: string,
	renaming?: string
): { id: string; problem: BeatIdProblem | null } {
	const id = toBeatId(typed);
	return {
		id,
		problem: id === '' && typed.trim() !== '' ? 'format' : beatIdProblem(beats, id, renaming)
	};
}

/** The first id of the form beat-2, beat-3 … that no beat has (a scenario's first beat is its start). */
export function freeBeatId(beats: Record<string, unknown>): string {
	let n = 2;
	while (Object.hasOwn(beats, `beat-${n}`)) n += 1;
	return `beat-${n}`;
}

/** Whether another beat than `except` already reads as `name` (letter case aside), which would make two beats look alike. */
export function beatNameTaken(beats: NamedBeats, name: string, except?: string): boolean {
	const wanted = name.trim().toLowerCase();
	return Object.keys(beats).some(
		(id) => id !== except && beatLabel(beats, id).toLowerCase() === wanted
	);
}

/**
 * A new beat from the name a trainer typed, in any language. The id comes from the name's ASCII
 * words ("Price objection" → price-objection); a name without any ("需要問老闆"), or with only
 * digits, gets the first free beat-2, beat-3 … instead, so a trainer never has to invent English.
 * The name is kept whenever it says more than the id.
 */
export function proposeBeat(
	beats: NamedBeats,
	typed: string
): { id: string; name?: string; problem: BeatIdProblem | null } {
	const wanted = typed.trim();
	if (wanted === '') return { id: '', problem: 'empty' };
	const ascii = toBeatId(wanted);
	const id = ascii === '' || /^\d+$/.test(ascii) ? freeBeatId(beats) : ascii;
	const problem =
		wanted.length > MAX_BEAT_NAME
			? 'long'
			: (beatIdProblem(beats, id) ?? (beatNameTaken(beats, wanted) ? 'taken' : null));
	return wanted === id ? { id, problem } : { id, name: wanted, problem };
}

export function newBeat(end: EndKind, name?: string): BeatDraft {
	const beat: BeatDraft = { customer: '', expect: [], avoid: [], choices: [], next: [] };
	if (name) beat.name = name;
	if (end) beat.end = end;
	return beat;
}

/** Adds a beat at the end. */
export function addBeat(data: ScenarioDraft, id: string, end: EndKind, name?: string): void {
	data.beats[id] = newBeat(end, name);
}

/** Where a beat is pointed at: by the start, and by the rules of beats (1-based rule numbers). */
export interface BeatReferences {
	start: boolean;
	rules: { beat: string; rule: number }[];
}

export function referencesTo(data: ScenarioDraft, id: string): BeatReferences {
	const rules = Object.entries(data.beats).flatMap(([beat, { next }]) =>
		next.flatMap((rule, i) => (rule.goto === id ? [{ beat, rule: i + 1 }] : []))
	);
	return { start: data.start === id, rules };
}

/**
 * Renames a beat where it stands, and points the start and every rule that went to the old id at
 * the new one.
 */
export function renameBeat(data: ScenarioDraft, from: string, to: string): void {
	if (from === to || !Object.hasOwn(data.beats, from)) return;
	for (const beat of Object.values(data.beats))
		for (const rule of beat.next) if (rule.goto === from) rule.goto = to;
	if (data.start === from) data.start = to;
	data.beats = Object.fromEntries(
		Object.entries(data.beats).map(([id, beat]) => [id === from ? to : id, beat])
	);
}

/**
 * Removes a beat. Rules that went to it keep their goto, so the checker and the form show them as
 * pointing nowhere until the trainer picks another beat: nothing is rerouted silently.
 */
export function removeBeat(data: ScenarioDraft, id: string): void {
	delete data.beats[id];
}

/** Moves a beat by `by` places (−1: up), kept within the list. */
export function moveBeat(data: ScenarioDraft, id: string, by: number): void {
	const entries = Object.entries(data.beats);
	const from = entries.findIndex(([key]) => key === id);
	const to = Math.max(0, Math.min(entries.length - 1, from + by));
	if (from < 0 || to === from) return;
	const [entry] = entries.splice(from, 1);
	entries.splice(to, 0, entry!);
	data.beats = Object.fromEntries(entries);
}

/**
 * The rules a trainer writes for most beats: a good reply moves on, a weak one gets one more try
 * with the customer pushing back, and anything else loses the call. Points at the first won and
 * lost endings, if there are any, for the trainer to change.
 */
export function usualRules(data: ScenarioDraft, id: string): BeatDraft['next'] {
	const endingOf = (end: string) =>
		Object.entries(data.beats).find(([, beat]) => beat.end === end)?.[0] ?? '';
	return [
		{ minScore: 0.7, goto: endingOf('won') },
		{ maxTries: 2, goto: id },
		{ goto: endingOf('lost') }
	];
}

/** What a rule waits for, as the form offers it: one condition, none, or (from a file) several. */
export type RuleCondition = 'always' | 'score' | 'tries' | 'choice' | 'several';

const CONDITION_FIELDS = { score: 'minScore', tries: 'maxTries', choice: 'choice' } as const;
const isSet = (value: number | null | undefined): boolean => value !== undefined && value !== null;

export function ruleCondition(rule: RuleDraft): RuleCondition {
	const set = (Object.keys(CONDITION_FIELDS) as (keyof typeof CONDITION_FIELDS)[]).filter((kind) =>
		isSet(rule[CONDITION_FIELDS[kind]])
	);
	return set.length === 0 ? 'always' : set.length === 1 ? set[0]! : 'several';
}

/**
 * Gives a rule one kind of condition with a usual value (a reply scoring 60 of 100, a second
 * try, the first choice), clearing the others; 'several' keeps what is there.
 */
export function setRuleCondition(rule: RuleDraft, condition: RuleCondition): void {
	if (condition === 'several' || condition === ruleCondition(rule)) return;
	delete rule.minScore;
	delete rule.maxTries;
	delete rule.choice;
	if (condition === 'score') rule.minScore = 0.7;
	if (condition === 'tries') rule.maxTries = 2;
	if (condition === 'choice') rule.choice = 1;
}

/** The first words of a customer line, for a beat's summary and for pickers. */
export function firstWords(text: string, length = 40): string {
	const line = text.trim().replace(/\s+/g, ' ');
	return line.length <= length ? line : `${line.slice(0, length - 1).trimEnd()}…`;
}
