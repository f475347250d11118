import type { Scenario, Series } from '../content/schemas';
import { compileScenario, type CompiledScenario, type Outcome } from '../scenario/machine';
import { playReplies } from '../scenario/playtest';
import type { Facts } from '../scenario/facts';
import { NO_PHRASEBOOK, type Phrasebook } from '../scoring/score';
import type { SeriesProblem } from './check';
import { scoreSeries, wonSeries, type PlayedCall, type SeriesScore } from './score';

export interface SeriesPlaytestCall {
	scenario: string;
	path: string[];
	ended: Outcome | null;
	score: number;
}

export interface SeriesPlaytestRun {
	kind: 'good' | 'bad';
	calls: SeriesPlaytestCall[];
	result: SeriesScore;
	won: boolean;
}

/**
 * Plays the series call by call with each call's examples of one kind (the series' own for the
 * call, else the scenario's), each call starting with
 * the facts the ones before it left, as a rep's run does. It stops at a call that does not end won
 * or neutral (or whose replies run out first).
 */
export function playSeries(
	series: Series,
	scenarios: ReadonlyMap<string, Scenario>,
	kind: 'good' | 'bad',
	phrasebook: Phrasebook = NO_PHRASEBOOK,
	compiled = new Map<string, CompiledScenario>()
): SeriesPlaytestRun | null {
	const repliesOf = (call: Series['calls'][number]) =>
		call.examples?.[kind] ?? scenarios.get(call.scenario)?.examples[kind] ?? [];
	// As for a single scenario, a kind of replies the content does not give is not played.
	if (series.calls.some((call) => repliesOf(call).length === 0)) return null;
	const calls: SeriesPlaytestCall[] = [];
	const played: PlayedCall[] = [];
	let facts: Facts = {};
	for (const call of series.calls) {
		const scenario = scenarios.get(call.scenario);
		if (!scenario) break;
		// Compiling is the costly part (the model answers are read then): once per scenario.
		let machine = compiled.get(call.scenario);
		if (!machine) compiled.set(call.scenario, (machine = compileScenario(scenario, phrasebook)));
		const run = playReplies(machine, repliesOf(call), facts);
		calls.push({ scenario: call.scenario, path: run.path, ended: run.ended, score: run.score });
		played.push({ score: run.score, ending: run.ended, facts: run.ended ? run.facts : null });
		facts = run.facts;
		if (run.ended !== 'won' && run.ended !== 'neutral') break;
	}
	const result = scoreSeries(series, played, true);
	return { kind, calls, result, won: wonSeries(series, result) };
}

/**
 * The playtest bots for a series: its calls' good examples, played in order, must win the series
 * (every call won, no promise broken); their bad examples must not. Problems point at the call
 * where the good run stopped winning, and at the series' first call for a bad run that wins. A
 * kind some call has no replies of is not played.
 */
export function playtestSeries(
	series: Series,
	scenarios: ReadonlyMap<string, Scenario>,
	phrasebook: Phrasebook = NO_PHRASEBOOK
): { runs: SeriesPlaytestRun[]; problems: SeriesProblem[] } {
	const compiled = new Map<string, CompiledScenario>();
	const good = playSeries(series, scenarios, 'good', phrasebook, compiled);
	const bad = playSeries(series, scenarios, 'bad', phrasebook, compiled);
	const problems: SeriesProblem[] = [];
	if (good && !good.won) {
		const failed = good.calls.findIndex((call) => call.ended !== 'won');
		const at = failed < 0 ? good.calls.length - 1 : failed;
		const call = good.calls[at]!;
		const broken = good.result.promises.filter((p) => p.state === 'broken').map((p) => p.id);
		problems.push({
			path: ['calls', at, 'scenario'],
			message:
				failed < 0
					? `playtest: the good examples must win the series, but they broke the promises ${broken.join(', ')}`
					: `playtest: the good examples must win every call, but call ${at + 1} ("${call.scenario}") ${call.ended ? `ended ${call.ended}` : 'ran out of replies'} at "${call.path.at(-1)}" (path: ${call.path.join(' → ')})`,
			code: 'series-good-fails',
			values: {
				call: at + 1,
				scenario: call.scenario,
				ended: call.ended,
				beats: call.path,
				broken
			}
		});
	}
	if (bad?.won)
		problems.push({
			path: ['calls', 0, 'scenario'],
			message: 'playtest: the bad examples must not win the series, but they won every call',
			code: 'series-bad-wins',
			values: { calls: bad.calls.length }
		});
	return { runs: [good, bad].filter((run) => run !== null), problems };
}
