import type { FactTest, FactValue, Scenario, Series } from '../content/schemas';
import type { DescribedProblem } from '../content/problems';
import { isEnding, type Rule } from '../scenario/validate';

export type SeriesProblem = {
	/** Where in the series file: ['calls', 1, 'scenario'], ['notes']. */
	path: (string | number)[];
} & DescribedProblem;

/**
 * What a fact may hold at a point of the series, as a static analysis sees it: for each fact the
 * values it can have there, `UNSET` among them while some path reaches the point without setting it.
 * Facts nobody mentions hold only `UNSET`.
 */
type MayHold = ReadonlyMap<string, ReadonlySet<string>>;
const UNSET = '';
const keyOf = (value: FactValue): string => JSON.stringify(value);
const valuesAt = (state: MayHold, fact: string): ReadonlySet<string> =>
	state.get(fact) ?? new Set([UNSET]);

function join(a: MayHold | undefined, b: MayHold): { state: MayHold; changed: boolean } {
	if (!a) return { state: b, changed: true };
	const out = new Map(a);
	let changed = false;
	for (const fact of new Set([...a.keys(), ...b.keys()])) {
		const before = valuesAt(a, fact);
		const merged = new Set([...before, ...valuesAt(b, fact)]);
		if (merged.size !== before.size) changed = true;
		out.set(fact, merged);
	}
	return { state: out, changed };
}

/** The state after facts are known to hold (a `when` passed) or were set (a `set`). */
function fix(state: MayHold, facts: Record<string, FactValue> | undefined): MayHold {
	if (!facts || Object.keys(facts).length === 0) return state;
	const out = new Map(state);
	for (const [fact, value] of Object.entries(facts)) out.set(fact, new Set([keyOf(value)]));
	return out;
}

const mayHold = (state: MayHold, when: Record<string, FactValue> | undefined) =>
	Object.entries(when ?? {}).every(([fact, value]) => valuesAt(state, fact).has(keyOf(value)));

/** Whether a rule holds whatever the reply: no score, tries or choice, and facts that can only be as it says. */
const mustHold = (state: MayHold, rule: Rule) =>
	rule.minScore === undefined &&
	rule.maxTries === undefined &&
	rule.choice === undefined &&
	Object.entries(rule.when ?? {}).every(([fact, value]) => {
		const values = valuesAt(state, fact);
		return values.size === 1 && values.has(keyOf(value));
	});

export interface FactRead {
	fact: string;
	beat: string;
}

/**
 * Plays a scenario through in the abstract, from what the facts may hold at its start: which beats
 * can be reached (following only rules whose facts may hold), the facts read there that no path
 * has set, and what the facts may hold when the call ends won or neutral (null: it cannot).
 */
export function flowOfCall(
	scenario: Scenario,
	entry: MayHold
): { readsUnset: FactRead[]; exit: MayHold | null } {
	const at = new Map<string, MayHold>();
	const queue = [scenario.start];
	if (!scenario.beats[scenario.start]) return { readsUnset: [], exit: null };
	at.set(scenario.start, entry);
	while (queue.length > 0) {
		const id = queue.pop()!;
		const beat = scenario.beats[id]!;
		const state = at.get(id)!;
		if (isEnding(beat)) continue;
		for (const rule of beat.next) {
			if (!scenario.beats[rule.goto] || !mayHold(state, rule.when)) continue;
			const { state: joined, changed } = join(
				at.get(rule.goto),
				fix(fix(state, rule.when), rule.set)
			);
			if (changed) {
				at.set(rule.goto, joined);
				queue.push(rule.goto);
			}
			// The first rule that holds wins: none after one that always holds here is ever taken.
			if (mustHold(state, rule)) break;
		}
	}
	const readsUnset: FactRead[] = [];
	let exit: MayHold | null = null;
	for (const [id, state] of at) {
		const beat = scenario.beats[id]!;
		const read = [
			...(beat.variants ?? []).map((v) => v.when),
			...beat.next.map((rule) => rule.when)
		];
		for (const fact of new Set(read.flatMap((when) => Object.keys(when ?? {})))) {
			if ([...valuesAt(state, fact)].every((value) => value === UNSET))
				readsUnset.push({ fact, beat: id });
		}
		if (beat.end === 'won' || beat.end === 'neutral') exit = join(exit ?? undefined, state).state;
	}
	return { readsUnset, exit };
}

/** Every fact a scenario's rules can set, with each value. */
export function factsSetBy(scenario: Scenario): { fact: string; value: FactValue }[] {
	return Object.values(scenario.beats).flatMap((beat) =>
		beat.next.flatMap((rule) =>
			Object.entries(rule.set ?? {}).map(([fact, value]) => ({ fact, value }))
		)
	);
}

/** Every fact a scenario reads: in a line's variants or a rule's `when`. */
export function factsReadBy(scenario: Scenario): string[] {
	const tests = Object.values(scenario.beats).flatMap((beat) => [
		...(beat.variants ?? []).map((variant) => variant.when),
		...beat.next.map((rule) => rule.when)
	]);
	return [...new Set(tests.flatMap((when) => Object.keys(when ?? {})))];
}

/** Whether the series has a note for a fact holding a value. */
export function hasNote(series: Series, fact: string, value: FactValue): boolean {
	const note = series.notes[fact];
	return typeof note === 'string' || (note !== undefined && Object.hasOwn(note, String(value)));
}

/**
 * Checks a series against the scenarios of its calls (all of them given, in its language): a fact
 * a call reads before any earlier call (or the same call, before the read) can set it; a call no
 * path reaches, because an earlier call cannot end won or neutral with the facts it may start
 * with; a fact some call sets that the call notes do not word. A missing scenario is the
 * checker's `missing-reference`, reported before this runs.
 */
export function validateSeries(
	series: Series,
	scenarios: ReadonlyMap<string, Scenario>
): SeriesProblem[] {
	const problems: SeriesProblem[] = [];
	let state: MayHold = new Map();
	for (const [i, call] of series.calls.entries()) {
		const scenario = scenarios.get(call.scenario);
		if (!scenario) return problems;
		const { readsUnset, exit } = flowOfCall(scenario, state);
		for (const { fact, beat } of readsUnset) {
			problems.push({
				path: ['calls', i, 'scenario'],
				message: `call ${i + 1} ("${call.scenario}") reads the fact "${fact}" at beat "${beat}", which no earlier call, nor this one before it, can set`,
				code: 'series-fact-unset',
				values: { call: i + 1, scenario: call.scenario, fact, beat }
			});
		}
		if (!exit) {
			if (i + 1 < series.calls.length) {
				problems.push({
					path: ['calls', i + 1],
					message: `call ${i + 2} cannot be reached: call ${i + 1} ("${call.scenario}") always ends lost, with the facts it may start with`,
					code: 'series-call-unreachable',
					values: { call: i + 2, blocking: i + 1, scenario: call.scenario }
				});
			}
			break;
		}
		state = exit;
	}
	const reported = new Set<string>();
	for (const [i, call] of series.calls.entries()) {
		const scenario = scenarios.get(call.scenario);
		if (!scenario) continue;
		for (const { fact, value } of factsSetBy(scenario)) {
			const key = `${fact}=${keyOf(value)}`;
			if (reported.has(key) || hasNote(series, fact, value)) continue;
			reported.add(key);
			problems.push({
				path: series.notes[fact] ? ['notes', fact] : ['calls', i, 'scenario'],
				message: `call ${i + 1} ("${call.scenario}") sets the fact "${fact}" to ${keyOf(value)}, which the call notes do not word: add it under notes`,
				code: 'series-fact-no-note',
				values: { call: i + 1, scenario: call.scenario, fact, value: String(value) }
			});
		}
	}
	problems.push(...checkPromisesAndEvidence(series, scenarios));
	return problems;
}

/** The facts a test names, each with the value it wants (null: any value but false). */
export function factsOfTest(test: FactTest): { fact: string; value: FactValue | null }[] {
	return typeof test === 'string'
		? [{ fact: test, value: null }]
		: Object.entries(test).map(([fact, value]) => ({ fact, value }));
}

/** Whether the facts pass a test: a fact id is set to anything but false; facts with values hold each. */
export function holds(test: FactTest, facts: Readonly<Record<string, FactValue>>): boolean {
	return factsOfTest(test).every(({ fact, value }) =>
		value === null
			? Object.hasOwn(facts, fact) && facts[fact] !== false
			: Object.hasOwn(facts, fact) && facts[fact] === value
	);
}

/**
 * A promise or an evidence item naming a fact (or a value) no call of the series sets, so it could
 * never be made, kept or held; and a promise due by a call the series does not have.
 */
function checkPromisesAndEvidence(
	series: Series,
	scenarios: ReadonlyMap<string, Scenario>
): SeriesProblem[] {
	const set = series.calls.flatMap((call) => {
		const scenario = scenarios.get(call.scenario);
		return scenario ? factsSetBy(scenario) : [];
	});
	const canHold = ({ fact, value }: { fact: string; value: FactValue | null }) =>
		set.some((s) => s.fact === fact && (value === null ? s.value !== false : s.value === value));
	const problems: SeriesProblem[] = [];
	const tests = [
		...(series.promises ?? []).flatMap((promise, i) =>
			(['made', 'kept'] as const).map((field) => ({
				list: 'promises' as const,
				index: i,
				field,
				test: promise[field]
			}))
		),
		...(series.evidence ?? []).map((item, i) => ({
			list: 'evidence' as const,
			index: i,
			field: 'fact' as const,
			test: item.fact
		}))
	];
	for (const { list, index, field, test } of tests) {
		for (const wanted of factsOfTest(test)) {
			if (canHold(wanted)) continue;
			const value = wanted.value === null ? null : String(wanted.value);
			problems.push({
				path: [list, index, field],
				message: `${list} item ${index + 1} (${field}) names the fact "${wanted.fact}"${value === null ? '' : ` = ${keyOf(wanted.value!)}`}, which no call of the series sets${value === null ? ' to anything but false' : ' to that value'}`,
				code: 'series-unknown-fact',
				values: { list, item: index + 1, fact: wanted.fact, value }
			});
		}
	}
	for (const [i, promise] of (series.promises ?? []).entries()) {
		if (promise.by !== undefined && promise.by > series.calls.length)
			problems.push({
				path: ['promises', i, 'by'],
				message: `promise "${promise.id}" is due by call ${promise.by}, but the series has ${series.calls.length} calls`,
				code: 'series-promise-by',
				values: { promise: promise.id, by: promise.by, calls: series.calls.length }
			});
	}
	return problems;
}

/**
 * The call notes: each fact as the rep would have noted it, in the series' words, in the order the
 * notes are written. A fact the notes do not word is left out (the checker refuses that).
 */
export function callNotes(
	series: Series,
	facts: Readonly<Record<string, FactValue>>
): { fact: string; text: string }[] {
	return Object.entries(series.notes).flatMap(([fact, note]) => {
		if (!Object.hasOwn(facts, fact)) return [];
		const value = facts[fact]!;
		const text = typeof note === 'string' ? note : note[String(value)];
		return text === undefined ? [] : [{ fact, text: text.replaceAll('{value}', String(value)) }];
	});
}
