import type { Scenario } from '../content/schemas';
import { wholeIntent } from '../scoring/lexicon';
import { NO_PHRASEBOOK, scoreReply, type Phrasebook } from '../scoring/score';
import { compileScenario } from './machine';
import { playReplies } from './playtest';

/** A key point's cue that a bad answer to the same line also contains: it gives that answer the point. */
export interface CueWarning {
	beat: string;
	point: string;
	cue: string;
	/** When the cue cites an intent: its phrase that matches. */
	phrase?: string;
	/** The bad answer it matches: a bad choice of the line, or a bad example the playtest gave there. */
	reply: string;
}

/**
 * Cues so general that the bad answers hit them: each key point's cues are tried, one at a time,
 * against the line's bad choices and the bad examples the playtest answers that line with, where
 * no pitfall catches the answer. A warning, not a problem: the trainer decides.
 */
export function cuesHitByBadAnswers(scenario: Scenario, phrasebook: Phrasebook = NO_PHRASEBOOK): CueWarning[] {
	const badAnswers = new Map<string, string[]>();
	const add = (beat: string, reply: string) => badAnswers.set(beat, [...(badAnswers.get(beat) ?? []), reply]);
	for (const [id, beat] of Object.entries(scenario.beats)) for (const choice of beat.choices) if (choice.quality === 'bad') add(id, choice.text);
	if (scenario.examples.bad.length > 0) {
		const { path } = playReplies(compileScenario(scenario, phrasebook), scenario.examples.bad);
		// path[i] is the line the i-th reply answered (the last entry is where the call stood after).
		scenario.examples.bad.forEach((reply, i) => path[i + 1] !== undefined && add(path[i]!, reply));
	}
	const warnings: CueWarning[] = [];
	for (const [id, beat] of Object.entries(scenario.beats)) {
		// A bad answer that falls into a pitfall is bad for that reason, and may rightly make a point
		// on the way ("this is Kevin from MetalHub, and we have a special offer"): only the bad answers
		// no pitfall catches are scored by their points alone.
		const replies = (badAnswers.get(id) ?? []).filter((reply) => !scoreReply(reply, beat, [], phrasebook).pitfalls.some((p) => p.hit));
		const hitBy = (phrase: string) => replies.find((r) => scoreReply(r, { expect: [{ point: '', weight: 1, cues: [phrase] }], avoid: [] }).points[0]!.hit);
		for (const point of beat.expect) {
			for (const cue of point.cues) {
				// An intent is told phrase by phrase: the trainer needs to know which one is too general.
				const intent = wholeIntent(cue);
				const phrases = intent === null ? [cue] : (phrasebook.intents.get(intent) ?? []);
				for (const phrase of phrases) {
					const reply = hitBy(phrase);
					if (!reply) continue;
					warnings.push({ beat: id, point: point.point, cue, ...(phrase === cue ? {} : { phrase }), reply });
					break;
				}
			}
		}
	}
	return warnings;
}
