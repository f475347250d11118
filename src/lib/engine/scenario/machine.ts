import { assign, initialTransition, setup, transition } from 'xstate';
import type { Scenario } from '../content/schemas';
import {
	NO_PHRASEBOOK,
	forAnyProduct,
	meaningOf,
	scoreReply,
	type Phrasebook,
	type ReplyScore
} from '../scoring/score';
import { isEnding, type Beat } from './validate';
import { modelAnswer, type ModelAnswers } from '../scoring/closeness';
import { customerLine, factsHold, withFacts, type Facts } from './facts';
import { difficultiesOf, isDifficultyPick, pickFacts, type DifficultyPick } from './difficulties';

export type Outcome = 'won' | 'lost' | 'neutral' | 'timeout';

export interface RolePlayContext {
	/** The beat the customer is on. */
	beat: string;
	/** How many times each beat has been entered (a re-asked beat counts again). */
	visits: Record<string, number>;
	/** The customer's line instead of the beat's own, when a rule re-asked with `say`. */
	say: string | null;
	/** Σ beat score × beat weight and Σ beat weight, over the turns so far. */
	scoreSum: number;
	weightSum: number;
	turns: number;
	/**
	 * What the series has recorded: the facts the call started with and those its rules set since.
	 * Missing in snapshots stored before series existed: read it as none.
	 */
	facts?: Facts;
	/** Whether the customer's line is a difficulty the interviewer picked (missing: it is not). */
	picked?: boolean;
}

/**
 * `unanswered`: the reply did nothing with the customer's line (a live interviewer's "not handled").
 * A re-ask then puts the beat's own line again: its `say` is written for a weak answer and may take
 * up what the answer said (an offer, a figure), which this one did not say.
 */
/** What a role-play starts with: the facts of the series' earlier calls (none for a single call). */
export interface RolePlayInput {
	facts?: Facts;
}

/**
 * `pick`: a live interviewer's choice of the next difficulty and its level, which goes before the
 * beat's rules: the customer raises it whatever the verdict (its line is general, so it never
 * presumes anything the candidate said).
 */
export type RolePlayEvent =
	| {
			type: 'rep.reply';
			score: number;
			weight: number;
			choice?: number;
			unanswered?: boolean;
			pick?: DifficultyPick;
	  }
	| { type: 'time.up' };

/** A snapshot as stored: plain JSON. */
export type PersistedRolePlay = ReturnType<CompiledScenario['machine']['getPersistedSnapshot']>;

const TIMEOUT_STATE = '_timeout';

export interface CompiledScenario {
	scenario: Scenario;
	machine: ReturnType<typeof compileMachine>;
	/** The intents its cues cite and the company rules: its language's lexicons. */
	phrasebook: Phrasebook;
	/** Each beat's model answers, by beat id: see modelAnswersOf. */
	modelAnswers: ReadonlyMap<string, ModelAnswers>;
}

function compileMachine(scenario: Scenario) {
	const states: Record<string, object> = {};
	const picks = difficultiesOf(scenario).map(({ beat: goto }) => ({
		guard: { type: 'picked', params: { beat: goto } },
		target: goto,
		reenter: true,
		actions: { type: 'recordPick', params: { goto } }
	}));
	for (const [id, beat] of Object.entries(scenario.beats)) {
		if (isEnding(beat)) {
			states[id] = { type: 'final' };
			continue;
		}
		states[id] = {
			on: {
				'rep.reply': [
					...picks,
					...beat.next.map((rule) => ({
						guard: {
							type: 'ruleHolds',
							params: {
								minScore: rule.minScore,
								maxTries: rule.maxTries,
								choice: rule.choice,
								when: rule.when
							}
						},
						target: rule.goto,
						reenter: true,
						actions: {
							type: 'recordReply',
							params: { goto: rule.goto, say: rule.say ?? null, set: rule.set }
						}
					}))
				],
				'time.up': { target: TIMEOUT_STATE }
			}
		};
	}
	states[TIMEOUT_STATE] = { type: 'final' };
	return setup({
		types: {
			context: {} as RolePlayContext,
			events: {} as RolePlayEvent,
			input: {} as RolePlayInput | undefined
		},
		guards: {
			ruleHolds: (
				{ context, event },
				params: { minScore?: number; maxTries?: number; choice?: number; when?: Facts }
			) => {
				if (event.type !== 'rep.reply') return false;
				if (params.minScore !== undefined && event.score < params.minScore) return false;
				if (params.maxTries !== undefined && (context.visits[context.beat] ?? 0) >= params.maxTries)
					return false;
				if (params.choice !== undefined && event.choice !== params.choice) return false;
				return factsHold(params.when, context.facts ?? {});
			},
			picked: ({ event }, params: { beat: string }) =>
				event.type === 'rep.reply' && event.pick?.beat === params.beat
		},
		actions: {
			recordReply: assign(
				({ context, event }, params: { goto: string; say: string | null; set?: Facts }) => {
					if (event.type !== 'rep.reply') return {};
					return {
						facts: withFacts(context.facts ?? {}, params.set),
						beat: params.goto,
						visits: { ...context.visits, [params.goto]: (context.visits[params.goto] ?? 0) + 1 },
						say: event.unanswered && params.goto === context.beat ? null : params.say,
						scoreSum: context.scoreSum + event.score * event.weight,
						weightSum: context.weightSum + event.weight,
						turns: context.turns + 1,
						picked: false
					};
				}
			),
			recordPick: assign(({ context, event }, params: { goto: string }) => {
				if (event.type !== 'rep.reply' || !event.pick) return {};
				return {
					facts: withFacts(context.facts ?? {}, pickFacts(event.pick)),
					beat: params.goto,
					visits: { ...context.visits, [params.goto]: (context.visits[params.goto] ?? 0) + 1 },
					say: null,
					scoreSum: context.scoreSum + event.score * event.weight,
					weightSum: context.weightSum + event.weight,
					turns: context.turns + 1,
					picked: true
				};
			})
		}
	}).createMachine({
		id: scenario.id,
		initial: scenario.start,
		context: ({ input }: { input: RolePlayInput | undefined }) => ({
			beat: scenario.start,
			visits: { [scenario.start]: 1 },
			say: null,
			scoreSum: 0,
			weightSum: 0,
			turns: 0,
			facts: input?.facts ?? {}
		}),
		states
	} as never);
}

/**
 * Compiles a validated scenario to its XState machine, with its language's phrasebook (the intents
 * its cues may cite, the company rules): replies are scored with it.
 */
export function compileScenario(
	scenario: Scenario,
	phrasebook: Phrasebook = NO_PHRASEBOOK
): CompiledScenario {
	const machine = compileMachine(scenario);
	const byChoices = {
		scenario,
		machine,
		// Our offer's rules and facts do not apply to a candidate's own product.
		phrasebook: scenario.formerProduct ? forAnyProduct(phrasebook) : phrasebook,
		modelAnswers: modelAnswersOf(scenario, new Map())
	};
	return {
		...byChoices,
		modelAnswers: modelAnswersOf(scenario, examplesByBeat(byChoices), byChoices.phrasebook)
	};
}

/**
 * The beat each of the scenario's examples answers, as the playtest plays them (good and bad apart,
 * each list from the start), scored against the beats' choices alone.
 */
function examplesByBeat(
	compiled: CompiledScenario
): Map<string, { good: string[]; bad: string[] }> {
	const byBeat = new Map<string, { good: string[]; bad: string[] }>();
	for (const quality of ['good', 'bad'] as const) {
		let { snapshot, state } = startRolePlay(compiled);
		const said: string[] = [];
		for (const reply of compiled.scenario.examples[quality]) {
			if (state.ended) break;
			const beat = state.beat;
			({ snapshot, state } = step(compiled, snapshot, { mode: 'text', reply }, said));
			said.push(reply);
			if (!byBeat.has(beat)) byBeat.set(beat, { good: [], bad: [] });
			byBeat.get(beat)![quality].push(reply);
		}
	}
	return byBeat;
}

/**
 * Each beat's model answers: its good choices, its own good examples and the scenario's good
 * examples that answer it; the bad ones as counter-examples. The "ok" choices are neither. With a
 * phrasebook, each is read for what it says (meaningOf), against its beat, to compare replies by
 * meaning as well as words.
 */
function modelAnswersOf(
	scenario: Scenario,
	examples: ReadonlyMap<string, { good: string[]; bad: string[] }>,
	phrasebook?: Phrasebook
): Map<string, ModelAnswers> {
	const answers = new Map<string, ModelAnswers>();
	for (const [id, beat] of Object.entries(scenario.beats)) {
		// A revision published before lines had examples of their own is stored without them.
		const own = (beat as { examples?: Beat['examples'] }).examples ?? { good: [], bad: [] };
		const texts = (quality: 'good' | 'bad') => [
			...new Set([
				...beat.choices.filter((c) => c.quality === quality).map((c) => c.text),
				...own[quality],
				...(examples.get(id)?.[quality] ?? [])
			])
		];
		const answer = (text: string) =>
			modelAnswer(text, phrasebook && !beat.end ? meaningOf(text, beat, phrasebook) : []);
		answers.set(id, { good: texts('good').map(answer), bad: texts('bad').map(answer) });
	}
	return answers;
}

export interface RolePlayState {
	beat: string;
	/** What the customer says now. */
	customer: string;
	ended: Outcome | null;
	/** 0–100 over the turns so far. */
	score: number;
	context: RolePlayContext;
}

function stateOf(
	compiled: CompiledScenario,
	snapshot: { value: unknown; context: RolePlayContext }
): RolePlayState {
	const context = snapshot.context;
	const timedOut = snapshot.value === TIMEOUT_STATE;
	const beat = compiled.scenario.beats[context.beat]!;
	return {
		beat: context.beat,
		customer: context.say ?? customerLine(beat, context.facts ?? {}),
		ended: timedOut ? 'timeout' : (beat.end ?? null),
		score:
			context.weightSum > 0 ? Math.round((context.scoreSum / context.weightSum) * 1000) / 10 : 0,
		context
	};
}

export function startRolePlay(
	compiled: CompiledScenario,
	input: RolePlayInput = {}
): {
	snapshot: PersistedRolePlay;
	state: RolePlayState;
} {
	const [snapshot] = initialTransition(compiled.machine, input);
	return {
		snapshot: compiled.machine.getPersistedSnapshot(snapshot),
		state: stateOf(compiled, snapshot)
	};
}

export function readRolePlay(
	compiled: CompiledScenario,
	persisted: PersistedRolePlay
): RolePlayState {
	return stateOf(compiled, resume(compiled, persisted));
}

/**
 * The machine's state from a stored snapshot. XState types a persisted snapshot loosely
 * (`Snapshot<unknown>`) and resolveState strictly; the one cast between them is here.
 */
function resume(
	compiled: CompiledScenario,
	persisted: PersistedRolePlay
): ReturnType<CompiledScenario['machine']['resolveState']> {
	return compiled.machine.resolveState(
		persisted as Parameters<CompiledScenario['machine']['resolveState']>[0]
	);
}

/** The weight a beat's score carries in the overall score: its key points' total weight. */
export function beatWeight(beat: Beat): number {
	return beat.expect.reduce((sum, point) => sum + point.weight, 0) || 1;
}

const CHOICE_SCORE = { good: 1, ok: 0.5, bad: 0 } as const;

export interface Turn {
	beat: string;
	customer: string;
	reply: string;
	choice: number | null;
	result: ReplyScore;
	/** The score that moved the customer: the reply's score, or the chosen option's quality. */
	score: number;
	next: string;
}

/**
 * A reply: typed text, a multiple-choice option, or (live interviews) the interviewer's judgement
 * of how the candidate handled the customer's line, 0 to 1 (0: not handled, see `unanswered`), with
 * an optional note: the interviewer's, not the candidate's words.
 */
export type ReplyInput =
	| { mode: 'text'; reply: string }
	| { mode: 'choice'; choice: number }
	| { mode: 'judged'; score: number; note?: string; pick?: DifficultyPick };

/**
 * A choice-mode reply naming an option the current beat does not have, or a pick naming no
 * difficulty of the scenario (choice 0): the one error a caller expects of `step` (a stale or
 * edited form).
 */
export class BadChoiceError extends Error {
	constructor(
		readonly beat: string,
		readonly choice: number
	) {
		super(`Beat "${beat}" has no choice ${choice}.`);
		this.name = 'BadChoiceError';
	}
}

/**
 * One turn: scores the reply against the current beat and moves the customer on. Pure: the same
 * snapshot and reply always give the same result. Throws BadChoiceError on a choice the beat does
 * not have; anything else it throws (an ended role-play, a judgement out of range) is a bug of the caller's.
 */
export function step(
	compiled: CompiledScenario,
	persisted: PersistedRolePlay,
	input: ReplyInput,
	earlierReplies: readonly string[] = []
): { snapshot: PersistedRolePlay; state: RolePlayState; turn: Turn } {
	const { machine, scenario } = compiled;
	const current = resume(compiled, persisted);
	const before = stateOf(compiled, current);
	if (before.ended) throw new Error('This role-play has ended.');
	const beat = scenario.beats[before.beat]!;
	// The reply answers the line the rep heard: a variant the facts chose, or a re-ask's words.
	const heard = { ...beat, customer: before.customer };
	let reply: string;
	let score: number;
	let choice: number | null = null;
	let result: ReplyScore;
	if (input.mode === 'choice') {
		const picked = beat.choices[input.choice - 1];
		if (!picked) throw new BadChoiceError(before.beat, input.choice);
		choice = input.choice;
		reply = picked.text;
		result = scoreReply(
			reply,
			heard,
			earlierReplies,
			compiled.phrasebook,
			compiled.modelAnswers.get(before.beat)
		);
		score = CHOICE_SCORE[picked.quality];
	} else if (input.mode === 'judged') {
		if (!(input.score >= 0 && input.score <= 1))
			throw new Error('A judgement is a score from 0 to 1.');
		if (input.pick && !isDifficultyPick(scenario, input.pick))
			throw new BadChoiceError(before.beat, 0);
		reply = input.note ?? '';
		score = input.score;
		result = { score, points: [], pitfalls: [], signals: [], flags: [] };
	} else {
		reply = input.reply;
		result = scoreReply(
			reply,
			heard,
			earlierReplies,
			compiled.phrasebook,
			compiled.modelAnswers.get(before.beat)
		);
		score = result.score;
	}
	// XState's documented pure transition. Each call builds a throwaway actor (its system and its
	// initial snapshot): about 35 µs and 33 kB of garbage a turn in-process on the bench's scenario
	// (the whole step 99 → 135 µs against the hand-built actor scope this replaced, scoring ~76 µs
	// in both). That is 2–3 % of a turn's request at 734/s: under the 10 % at which issue #18 would
	// keep a fast path on XState's internals.
	const unanswered = input.mode === 'judged' && score === 0;
	const [next] = transition(machine, current, {
		type: 'rep.reply',
		score,
		weight: beatWeight(beat),
		choice: choice ?? undefined,
		unanswered,
		pick: input.mode === 'judged' ? input.pick : undefined
	});
	const state = stateOf(compiled, next);
	return {
		snapshot: machine.getPersistedSnapshot(next),
		state,
		turn: {
			beat: before.beat,
			customer: before.customer,
			reply,
			choice,
			result,
			score,
			next: state.beat
		}
	};
}

/** Ends the role-play because its time box ran out. */
export function timeOut(
	compiled: CompiledScenario,
	persisted: PersistedRolePlay
): { snapshot: PersistedRolePlay; state: RolePlayState } {
	const [next] = transition(compiled.machine, resume(compiled, persisted), { type: 'time.up' });
	return { snapshot: compiled.machine.getPersistedSnapshot(next), state: stateOf(compiled, next) };
}
