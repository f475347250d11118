import type { Scenario } from '../content/schemas';
import {
	compileScenario,
	startRolePlay,
	step,
	type CompiledScenario,
	type Outcome
} from './machine';
import { NO_PHRASEBOOK, type Phrasebook } from '../scoring/score';
import { beatWeight } from './machine';
import { hasCondition, type ScenarioProblem } from './validate';
import type { Facts } from './facts';

export interface PlaytestRun {
	kind: 'good' | 'bad';
	path: string[];
	ended: Outcome | null;
	score: number;
	passed: boolean;
}

/**
 * Plays a list of replies, one per turn, until the role-play ends or the replies run out; a call
 * of a series starts with the facts of the calls before it, and ends with those it holds then.
 */
export function playReplies(
	compiled: CompiledScenario,
	replies: readonly string[],
	facts: Facts = {}
): { path: string[]; ended: Outcome | null; score: number; facts: Facts } {
	let { snapshot, state } = startRolePlay(compiled, { facts });
	const path = [state.beat];
	const said: string[] = [];
	for (const reply of replies) {
		if (state.ended) break;
		({ snapshot, state } = step(compiled, snapshot, { mode: 'text', reply }, said));
		said.push(reply);
		path.push(state.beat);
	}
	return { path, ended: state.ended, score: state.score, facts: state.context.facts ?? facts };
}

/**
 * The playtest bots: the good examples must reach a won ending with a passing score; the bad ones
 * must not pass. Problems point at the examples.
 */
export function playtestScenario(
	scenario: Scenario,
	phrasebook: Phrasebook = NO_PHRASEBOOK,
	compiled: CompiledScenario = compileScenario(scenario, phrasebook)
): { runs: PlaytestRun[]; problems: ScenarioProblem[] } {
	const runs: PlaytestRun[] = [];
	const problems: ScenarioProblem[] = [];
	if (scenario.examples.good.length > 0) {
		const run = playReplies(compiled, scenario.examples.good);
		const passed = run.ended === 'won' && run.score >= scenario.pass;
		runs.push({ kind: 'good', ...run, passed });
		if (!passed) {
			const how = run.ended
				? `ended ${run.ended} at "${run.path[run.path.length - 1]}"`
				: `ran out of replies at beat "${run.path[run.path.length - 1]}"`;
			problems.push({
				path: ['examples', 'good'],
				message: `playtest: the good examples must win with at least ${scenario.pass}, but ${how} scoring ${run.score} (path: ${run.path.join(' → ')})`,
				code: 'good-fails',
				values: { pass: scenario.pass, score: run.score, beats: run.path, ended: run.ended }
			});
		}
	}
	if (scenario.examples.bad.length > 0) {
		const run = playReplies(compiled, scenario.examples.bad);
		const passed = run.ended === 'won' && run.score >= scenario.pass;
		runs.push({ kind: 'bad', ...run, passed });
		if (passed)
			problems.push({
				path: ['examples', 'bad'],
				message: `playtest: the bad examples must not pass, but they won scoring ${run.score} (path: ${run.path.join(' → ')})`,
				code: 'bad-passes',
				values: { score: run.score, beats: run.path }
			});
	}
	return { runs, problems };
}

export interface EndingRange {
	beat: string;
	outcome: Exclude<Outcome, 'timeout'>;
	min: number;
	max: number;
}

/**
 * The lowest and highest overall score (0–100) with which each ending can be reached. Each rule
 * taken bounds the score of that turn (a `minScore` rule needs at least that score; passing over
 * one needs less), and the overall score is the weighted mean of the turns. Loops are followed up
 * to `maxTurns` turns.
 */
export function endingScoreRanges(scenario: Scenario, maxTurns = 20): EndingRange[] {
	const ranges = new Map<string, { min: number; max: number }>();
	interface Path {
		beat: string;
		visits: Record<string, number>;
		low: number;
		high: number;
		weight: number;
		turns: number;
	}
	const stack: Path[] = [
		{ beat: scenario.start, visits: { [scenario.start]: 1 }, low: 0, high: 0, weight: 0, turns: 0 }
	];
	let explored = 0;
	while (stack.length > 0 && explored < 50_000) {
		explored++;
		const path = stack.pop()!;
		// The studio asks for ranges while a scenario is half written: a rule to a beat that is not
		// there (yet) leads nowhere.
		const beat = scenario.beats[path.beat];
		if (!beat) continue;
		if (beat.end) {
			const min = path.weight > 0 ? (path.low / path.weight) * 100 : 0;
			const max = path.weight > 0 ? (path.high / path.weight) * 100 : 0;
			const known = ranges.get(path.beat);
			ranges.set(path.beat, {
				min: Math.min(known?.min ?? Infinity, min),
				max: Math.max(known?.max ?? -Infinity, max)
			});
			continue;
		}
		if (path.turns >= maxTurns) continue;
		const weight = beatWeight(beat);
		// The score interval a turn needs to take each rule, given the rules before it did not hold.
		let ceiling = 1;
		for (const rule of beat.next) {
			if (rule.maxTries !== undefined && (path.visits[path.beat] ?? 0) >= rule.maxTries) continue;
			const floor = rule.minScore ?? 0;
			if (floor <= ceiling) {
				stack.push({
					beat: rule.goto,
					visits: { ...path.visits, [rule.goto]: (path.visits[rule.goto] ?? 0) + 1 },
					low: path.low + floor * weight,
					high: path.high + ceiling * weight,
					weight: path.weight + weight,
					turns: path.turns + 1
				});
			}
			// A rule without a score condition catches every score that reaches it.
			if (rule.minScore !== undefined && rule.maxTries === undefined && rule.choice === undefined)
				ceiling = Math.min(ceiling, rule.minScore);
			if (!hasCondition(rule)) break;
		}
	}
	return Object.entries(scenario.beats)
		.filter(([id, beat]) => beat.end && ranges.has(id))
		.map(([id, beat]) => ({
			beat: id,
			outcome: beat.end!,
			min: Math.round(ranges.get(id)!.min),
			max: Math.round(ranges.get(id)!.max)
		}));
}
