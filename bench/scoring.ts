// Scoring speed: every example reply of the demo scenarios, scored against its beat, many times.
import { performance } from 'node:perf_hooks';
import type { ContentItem } from '../src/lib/engine/content';
import { compileScenario, startRolePlay, step } from '../src/lib/engine/scenario';
import { scoreReply, type Phrasebook } from '../src/lib/engine/scoring/score';
import { phrasebookAmong } from '../src/lib/engine/scoring/lexicon';
import type { ModelAnswers } from '../src/lib/engine/scoring/closeness';
import { below, measured, percentile, type BenchRow } from './table';

interface Case {
	reply: string;
	beat: Parameters<typeof scoreReply>[1];
	phrasebook: Phrasebook;
	modelAnswers: ModelAnswers | undefined;
}

/** The (reply, beat) pairs the playtest bots meet, per language. */
function casesFor(items: readonly ContentItem[], locale: 'en' | 'zh-TW'): Case[] {
	const cases: Case[] = [];
	const phrasebook = phrasebookAmong(items, locale);
	for (const item of items) {
		if (item.kind !== 'scenario' || item.locale !== locale) continue;
		const compiled = compileScenario(item.data, phrasebook);
		for (const replies of [item.data.examples.good, item.data.examples.bad]) {
			let { snapshot, state } = startRolePlay(compiled);
			for (const reply of replies) {
				if (state.ended) break;
				cases.push({
					reply,
					beat: item.data.beats[state.beat]!,
					phrasebook,
					modelAnswers: compiled.modelAnswers.get(state.beat)
				});
				({ snapshot, state } = step(compiled, snapshot, { mode: 'text', reply }));
			}
		}
	}
	return cases;
}

/** Speed rows per language, over the checked demo content (`checkContentFiles`). */
export function benchScoring(items: readonly ContentItem[], rounds: number): BenchRow[] {
	const rows: BenchRow[] = [];
	for (const locale of ['zh-TW', 'en'] as const) {
		const cases = casesFor(items, locale);
		for (const c of cases) scoreReply(c.reply, c.beat, [], c.phrasebook, c.modelAnswers); // warm up
		const timings: number[] = [];
		const started = performance.now();
		for (let round = 0; round < rounds; round++) {
			for (const c of cases) {
				const t = performance.now();
				scoreReply(c.reply, c.beat, [c.reply.slice(0, 20)], c.phrasebook, c.modelAnswers);
				timings.push(performance.now() - t);
			}
		}
		const seconds = (performance.now() - started) / 1000;
		timings.sort((a, b) => a - b);
		const p99 = percentile(timings, 99);
		rows.push(
			measured(
				`scoring ${locale}: replies per second (${cases.length} replies × ${rounds})`,
				timings.length / seconds
			),
			below(`scoring ${locale}: p99 per reply`, p99, 1, 'ms', 3)
		);
	}
	return rows;
}
