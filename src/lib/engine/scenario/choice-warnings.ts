import type { Scenario } from '../content/schemas';

/** Lines of a multiple-choice scenario where the good choice is also the longest one. */
export interface LongestChoiceWarning {
	/** The lines (beat ids) whose good choice is the longest, in the scenario's order. */
	beats: string[];
	/** The lines that offer a good choice beside weaker ones. */
	outOf: number;
}

// Fewer lines than this say little about a habit: one long good answer is just a long answer.
const FEWEST_LINES = 3;

const lengthOf = (text: string) => [...text.trim()].length;

/**
 * A rep who notices that the good choice is usually the longest can pass the multiple-choice mode
 * without reading: warn when it is the longest in more than half the lines (at least three) that
 * offer a good choice beside weaker ones. A tie for longest does not count.
 */
export function goodChoiceUsuallyLongest(scenario: Scenario): LongestChoiceWarning | null {
	let outOf = 0;
	const beats: string[] = [];
	for (const [id, beat] of Object.entries(scenario.beats)) {
		const choices = beat.choices ?? [];
		if (
			!choices.some((choice) => choice.quality === 'good') ||
			!choices.some((choice) => choice.quality !== 'good')
		)
			continue;
		outOf++;
		const longest = Math.max(...choices.map((choice) => lengthOf(choice.text)));
		const atLongest = choices.filter((choice) => lengthOf(choice.text) === longest);
		if (atLongest.length === 1 && atLongest[0]!.quality === 'good') beats.push(id);
	}
	return outOf >= FEWEST_LINES && beats.length * 2 > outOf ? { beats, outOf } : null;
}
