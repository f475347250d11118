import type { Scenario } from '../content/schemas';
import { isOneOf } from '../one-of';
import type { Facts } from './facts';

/**
 * How hard a live interviewer puts a difficulty. A difficulty beat's own `customer` line is the
 * firm one (what an online candidate hears: the scenario's order at one level); its `variants`
 * with `when: { level: mild }` or `{ level: hard }` are the others, so the levels are data of the
 * scenario and the customer's line is worked out as any other variant is (`customerLine`).
 */
export const DIFFICULTY_LEVELS = ['mild', 'firm', 'hard'] as const;
export type DifficultyLevel = (typeof DIFFICULTY_LEVELS)[number];

/** The fact a pick records: the level every later line is said at, until the next pick. */
export const LEVEL_FACT = 'level';

/** What the interviewer picks with their verdict: the next difficulty and how hard. */
export interface DifficultyPick {
	beat: string;
	level: DifficultyLevel;
}

export function isDifficultyLevel(value: string): value is DifficultyLevel {
	return isOneOf(DIFFICULTY_LEVELS, value);
}

export interface Difficulty {
	beat: string;
	/** The beat's name as the trainer wrote it, else its id. */
	label: string;
	category: NonNullable<Scenario['beats'][string]['difficulty']>;
}

/** The beats an interviewer may pick next, in the scenario's order (endings never). */
export function difficultiesOf(scenario: Pick<Scenario, 'beats'>): Difficulty[] {
	return Object.entries(scenario.beats).flatMap(([beat, { difficulty, name, end }]) =>
		difficulty && end === undefined
			? [{ beat, label: name?.trim() || beat, category: difficulty }]
			: []
	);
}

export function isDifficultyPick(scenario: Pick<Scenario, 'beats'>, pick: DifficultyPick): boolean {
	const beat = scenario.beats[pick.beat];
	return (
		Object.hasOwn(scenario.beats, pick.beat) &&
		beat?.difficulty !== undefined &&
		beat.end === undefined &&
		isDifficultyLevel(pick.level)
	);
}

/** The facts a pick records. */
export function pickFacts(pick: DifficultyPick): Facts {
	return { [LEVEL_FACT]: pick.level };
}
