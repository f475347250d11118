/**
 * Reads a checker's message about a scenario as one of the problems a form can explain in the
 * trainer's words and language ("no rule leads to this beat yet") instead of the file's ("beat
 * "x" cannot be reached"). The checker's messages stay the reference (the side panel and
 * `content:check` print them); a message this does not know is shown as it is. The tests build
 * every message with the checker itself, so a change of wording there fails here.
 */

export type ProblemCode =
	| 'start-missing'
	| 'ending-extras'
	| 'no-rules'
	| 'goto-missing'
	| 'no-goto'
	| 'choice-missing'
	| 'last-rule'
	| 'criterion'
	| 'unreachable'
	| 'dead-end'
	| 'no-won'
	| 'good-fails'
	| 'bad-passes'
	| 'empty'
	| 'no-cue';

export interface ProblemReading {
	code: ProblemCode;
	values: Record<string, string>;
}

const PATTERNS: [ProblemCode, RegExp][] = [
	['start-missing', /^the start beat "(?<id>[^"]*)" does not exist$/],
	['ending-extras', /^beat "[^"]+" is an ending: it cannot have/],
	['no-rules', /^beat "[^"]+" has no next rules/],
	['goto-missing', /^beat "[^"]+" goes to "(?<goto>[^"]*)", which is not a beat$/],
	['choice-missing', /^beat "[^"]+" has (?<count>\d+) choices; choice (?<choice>\d+) does not exist$/],
	['last-rule', /^beat "[^"]+": the last rule must have no condition/],
	['criterion', /^beat "[^"]+": criterion "(?<criterion>[^"]+)" is not in the scenario's criteria/],
	['unreachable', /^beat "[^"]+" cannot be reached from the start beat/],
	['dead-end', /^beat "[^"]+" is a dead end/],
	['no-won', /^no won ending can be reached$/],
	['good-fails', /^playtest: the good examples must win with at least (?<pass>[\d.]+), but .* scoring (?<score>[\d.]+) \(path: (?<path>.*)\)$/],
	['bad-passes', /^playtest: the bad examples must not pass, but they won scoring (?<score>[\d.]+) \(path: (?<path>.*)\)$/],
	['no-goto', /^beats\.[^.]+\.next\[\d+\]\.goto: must be kebab-case/],
	['no-cue', /\.cues: needs at least one cue$/],
	// A field left empty in the form: `persona.name: must not be empty`, `minutes: must be a number`.
	['empty', /^(?<field>[\w.[\]]+): (must not be empty|is required|must be a number)$/]
];

/** The field a dotted path ends with, skipping list positions: `beats.a.expect[0].cues[1]` → `cues`. */
function lastField(path: string): string {
	return path.replace(/\[\d+\]/g, '').split('.').at(-1) ?? path;
}

export function readProblem(message: string): ProblemReading | null {
	for (const [code, pattern] of PATTERNS) {
		const match = pattern.exec(message);
		if (!match) continue;
		const values = { ...match.groups };
		if (code === 'empty') values.field = lastField(values.field ?? '');
		return { code, values };
	}
	return null;
}
