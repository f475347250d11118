import type { Scenario } from '../content/schemas';
import type { DescribedProblem } from '../content/problems';

export type Beat = Scenario['beats'][string];
export type Rule = Beat['next'][number];

export type ScenarioProblem = {
	/** Where in the file: a path of keys, e.g. ['beats', 'price', 'next', 1, 'goto']. */
	path: (string | number)[];
} & DescribedProblem;

export function isEnding(beat: Beat): boolean {
	return beat.end !== undefined;
}

export function hasCondition(rule: Rule): boolean {
	return (
		rule.minScore !== undefined ||
		rule.maxTries !== undefined ||
		rule.choice !== undefined ||
		Object.keys(rule.when ?? {}).length > 0
	);
}

/** Beats reachable from `from` by following rules (including `from`). */
function reachableFrom(scenario: Scenario, from: string): Set<string> {
	const seen = new Set<string>();
	const queue = [from];
	while (queue.length > 0) {
		const id = queue.pop()!;
		if (seen.has(id) || !scenario.beats[id]) continue;
		seen.add(id);
		for (const rule of scenario.beats[id]!.next) queue.push(rule.goto);
	}
	return seen;
}

/**
 * Checks the scenario as a graph: every beat reachable, every rule pointing at a beat, every
 * non-ending beat with a fallback rule and a way to some ending, key points feeding the scenario's
 * criteria, choice rules naming a choice that exists.
 */
export function validateScenario(scenario: Scenario): ScenarioProblem[] {
	const problems: ScenarioProblem[] = [];
	const beats = scenario.beats;
	if (!beats[scenario.start])
		problems.push({
			path: ['start'],
			message: `the start beat "${scenario.start}" does not exist`,
			code: 'start-missing',
			values: { start: scenario.start }
		});
	const criteria = new Set(scenario.criteria);
	for (const [id, beat] of Object.entries(beats)) {
		if (isEnding(beat)) {
			if (beat.next.length > 0 || beat.expect.length > 0 || beat.choices.length > 0) {
				problems.push({
					path: ['beats', id, 'end'],
					message: `beat "${id}" is an ending: it cannot have next rules, key points or choices`,
					code: 'ending-extras',
					values: { beat: id }
				});
			}
			continue;
		}
		if (beat.next.length === 0) {
			problems.push({
				path: ['beats', id],
				message: `beat "${id}" has no next rules: add them, or make it an ending with end: won, lost or neutral`,
				code: 'no-rules',
				values: { beat: id }
			});
			continue;
		}
		beat.next.forEach((rule, i) => {
			if (!beats[rule.goto])
				problems.push({
					path: ['beats', id, 'next', i, 'goto'],
					message: `beat "${id}" goes to "${rule.goto}", which is not a beat`,
					code: 'goto-missing',
					values: { beat: id, rule: i + 1, goto: rule.goto }
				});
			if (rule.choice !== undefined && rule.choice > beat.choices.length) {
				problems.push({
					path: ['beats', id, 'next', i, 'choice'],
					message: `beat "${id}" has ${beat.choices.length} choices; choice ${rule.choice} does not exist`,
					code: 'choice-missing',
					values: { beat: id, rule: i + 1, choice: rule.choice, count: beat.choices.length }
				});
			}
		});
		const last = beat.next[beat.next.length - 1]!;
		if (hasCondition(last)) {
			problems.push({
				path: ['beats', id, 'next', beat.next.length - 1],
				message: `beat "${id}": the last rule must have no condition, so that every reply leads somewhere`,
				code: 'last-rule',
				values: { beat: id, rule: beat.next.length }
			});
		}
		beat.expect.forEach((point, i) => {
			if (criteria.size > 0 && point.criterion && !criteria.has(point.criterion)) {
				problems.push({
					path: ['beats', id, 'expect', i, 'criterion'],
					message: `beat "${id}": criterion "${point.criterion}" is not in the scenario's criteria (${[...criteria].join(', ')})`,
					code: 'criterion',
					values: { beat: id, point: i + 1, criterion: point.criterion, criteria: [...criteria] }
				});
			}
		});
	}
	if (problems.length > 0) return problems;

	const reachable = reachableFrom(scenario, scenario.start);
	for (const id of Object.keys(beats)) {
		if (!reachable.has(id))
			problems.push({
				path: ['beats', id],
				message: `beat "${id}" cannot be reached from the start beat "${scenario.start}"`,
				code: 'unreachable',
				values: { beat: id, start: scenario.start }
			});
	}
	for (const id of reachable) {
		const beat = beats[id]!;
		if (isEnding(beat)) continue;
		const ahead = reachableFrom(scenario, id);
		if (![...ahead].some((other) => isEnding(beats[other]!))) {
			problems.push({
				path: ['beats', id],
				message: `beat "${id}" is a dead end: no ending can be reached from it`,
				code: 'dead-end',
				values: { beat: id }
			});
		}
	}
	if (![...reachable].some((id) => beats[id]!.end === 'won'))
		problems.push({
			path: ['beats'],
			message: 'no won ending can be reached',
			code: 'no-won',
			values: {}
		});
	return problems;
}
