import type { FactValue, Scenario } from '../content/schemas';
import type { CodedProblem } from '../content/problems';
import { factsOfTest, factsReadBy, factsSetBy } from '../series/check';

/**
 * What the studio draws of a series, and what its form's fact pickers offer: the calls in order,
 * each fact with the calls that set it (and to what) and the calls that read it, each promise with
 * the calls that can make and keep it, and the checker's two series problems placed on the drawing
 * (a fact read before any call can set it, a call no path reaches).
 *
 * It reads the series loosely (a half-written one, whose calls are only scenario ids), so the
 * pickers keep their facts while the trainer types; the problems come from the checker, when the
 * series parses.
 */

/** A series as the form holds it: only what the drawing needs, of any shape the form allows. */
export interface LooseSeries {
	calls: readonly { scenario: string }[];
	promises?: readonly { id: string; made: unknown; kept: unknown; label: string }[];
}

export interface SeriesMapCall {
	scenario: string;
	/** The scenario's title, or null when no published scenario of the language has that id. */
	title: string | null;
	/** The call before it always ends lost: no rep reaches this call (its number, from 1). */
	unreachableAfter: number | null;
}

export interface SeriesMapFact {
	fact: string;
	/** The values the calls' rules give it, in the order first met. */
	values: FactValue[];
	/** The calls (0-based) whose rules can set it. */
	setBy: number[];
	/** The calls (0-based) that read it, in a line or a rule. */
	readBy: number[];
	/** Where a call reads it before any call can set it (0-based call, beat id). */
	readUnset: { call: number; beat: string }[];
	/** The drawing's arrows: to each call that reads it, from the last call before that sets it. */
	arrows: Arrow[];
}

/** From one call to a later one (0-based). */
export interface Arrow {
	from: number;
	to: number;
}

export interface SeriesMapPromise {
	id: string;
	label: string;
	/** The calls (0-based) that can set the facts `made` and `kept` name. */
	madeBy: number[];
	keptBy: number[];
	/** From the first call that can make it to the first after that can keep it; null if none can. */
	arrow: Arrow | null;
}

export interface SeriesMap {
	calls: SeriesMapCall[];
	facts: SeriesMapFact[];
	promises: SeriesMapPromise[];
}

/** The fact ids a promise's `made` or `kept` names, read loosely (a fact id, or facts with values). */
function factsNamed(test: unknown): string[] {
	if (typeof test === 'string') return test ? [test] : [];
	if (typeof test === 'object' && test !== null && !Array.isArray(test))
		return factsOfTest(test as Record<string, FactValue>).map(({ fact }) => fact);
	return [];
}

export function seriesMap(
	series: LooseSeries,
	scenarios: ReadonlyMap<string, Scenario>,
	problems: readonly CodedProblem[] = []
): SeriesMap {
	const facts = new Map<string, SeriesMapFact>();
	const factOf = (fact: string): SeriesMapFact => {
		let entry = facts.get(fact);
		if (!entry)
			facts.set(
				fact,
				(entry = { fact, values: [], setBy: [], readBy: [], readUnset: [], arrows: [] })
			);
		return entry;
	};
	const add = (list: number[], call: number) => {
		if (!list.includes(call)) list.push(call);
	};
	for (const [i, call] of series.calls.entries()) {
		const scenario = scenarios.get(call.scenario);
		if (!scenario) continue;
		for (const { fact, value } of factsSetBy(scenario)) {
			const entry = factOf(fact);
			add(entry.setBy, i);
			if (!entry.values.includes(value)) entry.values.push(value);
		}
		for (const fact of factsReadBy(scenario)) add(factOf(fact).readBy, i);
	}
	const unreachable = new Map<number, number>();
	for (const problem of problems) {
		if (problem.code === 'series-fact-unset') {
			const { call, fact, beat } = problem.values;
			factOf(fact).readUnset.push({ call: call - 1, beat });
		}
		if (problem.code === 'series-call-unreachable')
			unreachable.set(problem.values.call - 1, problem.values.blocking);
	}
	for (const entry of facts.values()) {
		for (const reader of entry.readBy) {
			const setter = entry.setBy.filter((call) => call < reader).at(-1);
			if (setter !== undefined) entry.arrows.push({ from: setter, to: reader });
		}
	}
	const callsSetting = (test: unknown) =>
		[...new Set(factsNamed(test).flatMap((fact) => facts.get(fact)?.setBy ?? []))].sort(
			(a, b) => a - b
		);
	return {
		calls: series.calls.map((call, i) => ({
			scenario: call.scenario,
			title: scenarios.get(call.scenario)?.title ?? null,
			unreachableAfter: unreachable.get(i) ?? null
		})),
		facts: [...facts.values()].sort((a, b) => firstCall(a) - firstCall(b)),
		promises: (series.promises ?? []).map((promise) => {
			const madeBy = callsSetting(promise.made);
			const keptBy = callsSetting(promise.kept);
			const from = madeBy[0];
			const to = keptBy.find((call) => from !== undefined && call > from);
			return {
				id: promise.id,
				label: promise.label,
				madeBy,
				keptBy,
				arrow: from !== undefined && to !== undefined ? { from, to } : null
			};
		})
	};
}

/** A fact's place in the drawing: by the first call that sets it, else the first that reads it. */
const firstCall = (fact: SeriesMapFact): number =>
	Math.min(...fact.setBy, ...fact.readBy, Number.MAX_SAFE_INTEGER);
