import type { BeatDraft, DraftData, RuleDraft } from '../content/draft';

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
export function beatIdProblem(beats: Record<string, unknown>, id: string, renaming?: string): BeatIdProblem | null {
	if (id === '') return 'empty';
	if (!ID_PATTERN.test(id)) return 'format';
	if (/^\d+$/.test(id)) return 'digits';
	if (id.length > 80) return 'long';
	if (id !== renaming && Object.hasOwn(beats, id)) return 'taken';
	return null;
}

/**
 * What a typed beat name becomes, and why it cannot be used. A name with no usable character
 * ("太貴了") is a wrong format, not a missing name.
 */
export function checkBeatName(beats: Record<string, unknown>, typed: string, renaming?: string): { id: string; problem: BeatIdProblem | null } {
	const id = toBeatId(typed);
	return { id, problem: id === '' && typed.trim() !== '' ? 'format' : beatIdProblem(beats, id, renaming) };
}

export function newBeat(end: EndKind): BeatDraft {
	const beat: BeatDraft = { customer: '', expect: [], avoid: [], choices: [], next: [] };
	if (end) beat.end = end;
	return beat;
}

/** Adds a beat at the end. */
export function addBeat(data: ScenarioDraft, id: string, end: EndKind): void {
	data.beats[id] = newBeat(end);
}

/** Where a beat is pointed at: by the start, and by the rules of beats (1-based rule numbers). */
export interface BeatReferences {
	start: boolean;
	rules: { beat: string; rule: number }[];
}

export function referencesTo(data: ScenarioDraft, id: string): BeatReferences {
	const rules = Object.entries(data.beats).flatMap(([beat, { next }]) => next.flatMap((rule, i) => (rule.goto === id ? [{ beat, rule: i + 1 }] : [])));
	return { start: data.start === id, rules };
}

/**
 * Renames a beat where it stands, and points the start and every rule that went to the old id at
 * the new one.
 */
export function renameBeat(data: ScenarioDraft, from: string, to: string): void {
	if (from === to || !Object.hasOwn(data.beats, from)) return;
	for (const beat of Object.values(data.beats)) for (const rule of beat.next) if (rule.goto === from) rule.goto = to;
	if (data.start === from) data.start = to;
	data.beats = Object.fromEntries(Object.entries(data.beats).map(([id, beat]) => [id === from ? to : id, beat]));
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
	const endingOf = (end: string) => Object.entries(data.beats).find(([, beat]) => beat.end === end)?.[0] ?? '';
	return [{ minScore: 0.7, goto: endingOf('won') }, { maxTries: 2, goto: id }, { goto: endingOf('lost') }];
}

/** What a rule waits for, as the form offers it: one condition, none, or (from a file) several. */
export type RuleCondition = 'always' | 'score' | 'tries' | 'choice' | 'several';

const CONDITION_FIELDS = { score: 'minScore', tries: 'maxTries', choice: 'choice' } as const;
const isSet = (value: number | null | undefined): boolean => value !== undefined && value !== null;

export function ruleCondition(rule: RuleDraft): RuleCondition {
	const set = (Object.keys(CONDITION_FIELDS) as (keyof typeof CONDITION_FIELDS)[]).filter((kind) => isSet(rule[CONDITION_FIELDS[kind]]));
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
