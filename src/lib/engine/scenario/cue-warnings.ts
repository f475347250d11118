import type { Scenario } from '../content/schemas';
import { wholeIntent } from '../scoring/lexicon';
import { NO_PHRASEBOOK, scoreReply, type Phrasebook } from '../scoring/score';
import { compileScenario, type CompiledScenario } from './machine';
import { passLineOf } from '../scoring/agreement';

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
 * against the line's counter-examples (its bad choices and examples, and the scenario's bad
 * examples the playtest answers it with), where no pitfall catches the answer. A warning, not a problem: the trainer decides.
 */
export function cuesHitByBadAnswers(
	scenario: Scenario,
	phrasebook: Phrasebook = NO_PHRASEBOOK,
	{ modelAnswers }: CompiledScenario = compileScenario(scenario, phrasebook)
): CueWarning[] {
	// The counter-examples of each line: its bad choices and examples, and the bad examples the playtest answers it with.
	const warnings: CueWarning[] = [];
	for (const [id, beat] of Object.entries(scenario.beats)) {
		const bad = modelAnswers.get(id)?.bad.map((answer) => answer.text) ?? [];
		// A bad answer that falls into a pitfall, or states a wrong fact, is bad for that reason, and
		// may rightly make a point on the way ("this is Kevin from MetalHub, and we have a special
		// offer"; "Basic now has keyword ads too"): only the bad answers nothing else catches are
		// scored by their points alone.
		const replies = bad.filter((reply) => {
			const { pitfalls, flags } = scoreReply(reply, beat, [], phrasebook);
			return !pitfalls.some((p) => p.hit) && !flags.includes('wrong-fact');
		});
		const hitBy = (phrase: string) =>
			replies.find(
				(r) =>
					scoreReply(r, { expect: [{ point: '', weight: 1, cues: [phrase] }], avoid: [] })
						.points[0]!.hit
			);
		for (const point of beat.expect) {
			for (const cue of point.cues) {
				// An intent is told phrase by phrase: the trainer needs to know which one is too general.
				const intent = wholeIntent(cue);
				const phrases = intent === null ? [cue] : (phrasebook.intents.get(intent) ?? []);
				for (const phrase of phrases) {
					const reply = hitBy(phrase);
					if (!reply) continue;
					warnings.push({
						beat: id,
						point: point.point,
						cue,
						...(phrase === cue ? {} : { phrase }),
						reply
					});
					break;
				}
			}
		}
	}
	return warnings;
}

/** A line's own example that the score misjudges: a good one under the pass line, a bad one at or over it. */
export interface ExampleWarning {
	beat: string;
	quality: 'good' | 'bad';
	index: number;
	reply: string;
	score: number;
	passLine: number;
}

/**
 * The lines' own examples (often replies a trainer graded from a score mark) that the score still
 * gets wrong, scored as a rep typing them would be. A warning: the cues or pitfalls need a look.
 */
export function examplesMisjudged(
	scenario: Scenario,
	phrasebook: Phrasebook = NO_PHRASEBOOK,
	compiled: CompiledScenario = compileScenario(scenario, phrasebook)
): ExampleWarning[] {
	const warnings: ExampleWarning[] = [];
	for (const [id, beat] of Object.entries(scenario.beats)) {
		const passLine = passLineOf(beat);
		if (passLine === null) continue;
		for (const quality of ['good', 'bad'] as const) {
			beat.examples[quality].forEach((reply, index) => {
				const { score } = scoreReply(reply, beat, [], phrasebook, compiled.modelAnswers.get(id));
				if (quality === 'good' ? score < passLine : score >= passLine)
					warnings.push({ beat: id, quality, index, reply, score, passLine });
			});
		}
	}
	return warnings;
}
