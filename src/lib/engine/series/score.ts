import type { FactValue, Series } from '../content/schemas';
import { EVIDENCE_STRENGTHS, STRENGTH_MEANING, type EvidenceStrength } from '../coaching/evidence';
import { holds } from './check';

type Facts = Readonly<Record<string, FactValue>>;

/** How a call of a run ended: a scenario's ending, or its time box running out. */
export type CallEnding = 'won' | 'lost' | 'neutral' | 'timeout';

/** One call of a run as it stands: its role-play's score and ending, and the facts after it. */
export interface PlayedCall {
	/** 0–100; final once the call has ended. */
	score: number;
	/** Null while the call is not over (being played, or hung up to be played again). */
	ending: CallEnding | null;
	/** The facts after the call; null until it has ended. */
	facts: Facts | null;
}

export type PromiseState = 'kept' | 'broken' | 'open';

export interface PromiseResult {
	id: string;
	label: string;
	/** The call it was made in and the one by whose end it must be kept, counting from 1. */
	madeIn: number;
	due: number;
	state: PromiseState;
	/** The call it was kept in, counting from 1. */
	keptIn: number | null;
}

/** How many steps the evidence scale has. */
export const EVIDENCE_STEPS = EVIDENCE_STRENGTHS.length;

export interface EvidenceAfter {
	/** The strongest evidence held after the call, or null: none yet. */
	strength: EvidenceStrength | null;
	/** Its step on the scale: 0 for none, 1 (weak) to 4 (very strong). */
	rank: number;
	/** What each evidence item held then says, strongest first. */
	held: { label: string; strength: EvidenceStrength }[];
}

export interface CallResult {
	/** Counting from 1. */
	call: number;
	score: number;
	ending: CallEnding;
	evidence: EvidenceAfter;
	/** The promises made in this call, kept in it, or broken at its end (by id). */
	made: string[];
	kept: string[];
	broken: string[];
}

export type SeriesOutcome = CallEnding | 'in-progress';

/**
 * The parts of the series score, each with what it is made of, so that a page can say why. A
 * part that does not apply (no promise decided yet; the outcome while the run goes on) has a
 * null score and no weight.
 */
export interface SeriesScoreParts {
	calls: { score: number; weight: number; played: number; of: number };
	promises: { score: number | null; weight: number; kept: number; broken: number; open: number };
	outcome: { score: number | null; weight: number; outcome: SeriesOutcome };
}

export interface SeriesScore {
	calls: CallResult[];
	promises: PromiseResult[];
	outcome: SeriesOutcome;
	/** 0–100, rounded; provisional while the outcome is in progress. */
	score: number;
	parts: SeriesScoreParts;
}

/**
 * How the series score weighs its parts: the calls as each was scored, then the cadence (promises
 * kept) and how the sale ended. When a part does not apply the others share its weight.
 */
export const SERIES_WEIGHTS = { calls: 0.5, promises: 0.25, outcome: 0.25 } as const;

/** What an ending is worth to the sale: a won sale all of it, a door left open half, a lost one nothing. */
export const OUTCOME_SCORES: Readonly<Record<CallEnding, number>> = {
	won: 100,
	neutral: 50,
	lost: 0,
	timeout: 0
};

function evidenceAfter(series: Series, facts: Facts): EvidenceAfter {
	const held = (series.evidence ?? [])
		.filter((item) => holds(item.fact, facts))
		.map(({ label, strength }) => ({ label, strength }))
		.sort((a, b) => STRENGTH_MEANING[b.strength].rank - STRENGTH_MEANING[a.strength].rank);
	const strength = held[0]?.strength ?? null;
	return { strength, rank: strength ? STRENGTH_MEANING[strength].rank : 0, held };
}

/**
 * The promises of a run: each is made in the first ended call after which its `made` holds, and
 * is due by the call its `by` names (by default the next one; never past the last call). It is
 * kept when `kept` holds after a call from the one it was made in up to its due call; broken when
 * that call has ended without it, or the run is over before it; open until then. A promise never
 * made is not listed.
 */
function promisesOf(series: Series, ended: readonly PlayedCall[], runOver: boolean) {
	const results: PromiseResult[] = [];
	for (const promise of series.promises ?? []) {
		const madeAt = ended.findIndex((call) => holds(promise.made, call.facts!));
		if (madeAt < 0) continue;
		const due = Math.min(promise.by ?? madeAt + 2, series.calls.length);
		let keptIn: number | null = null;
		for (let i = madeAt; i < Math.min(due, ended.length); i++) {
			if (holds(promise.kept, ended[i]!.facts!)) {
				keptIn = i + 1;
				break;
			}
		}
		const state: PromiseState =
			keptIn !== null ? 'kept' : ended.length >= due || runOver ? 'broken' : 'open';
		results.push({ id: promise.id, label: promise.label, madeIn: madeAt + 1, due, state, keptIn });
	}
	return results;
}

/**
 * Scores a run of a series from its calls so far (in order; a run stops at its first call not
 * ended). `runOver`: the run has ended (a call lost or out of time, or the last call played).
 */
export function scoreSeries(
	series: Series,
	calls: readonly PlayedCall[],
	runOver: boolean
): SeriesScore {
	const firstOpen = calls.findIndex((call) => call.ending === null || call.facts === null);
	const ended = firstOpen < 0 ? calls : calls.slice(0, firstOpen);
	const promises = promisesOf(series, ended, runOver);
	const callResults = ended.map((call, i): CallResult => ({
		call: i + 1,
		score: call.score,
		ending: call.ending!,
		evidence: evidenceAfter(series, call.facts!),
		made: promises.filter((p) => p.madeIn === i + 1).map((p) => p.id),
		kept: promises.filter((p) => p.keptIn === i + 1).map((p) => p.id),
		broken: promises
			.filter((p) => p.state === 'broken' && Math.min(p.due, ended.length) === i + 1)
			.map((p) => p.id)
	}));
	const last = ended.at(-1);
	const outcome: SeriesOutcome = runOver && last ? last.ending! : 'in-progress';
	const kept = promises.filter((p) => p.state === 'kept').length;
	const broken = promises.filter((p) => p.state === 'broken').length;
	const open = promises.length - kept - broken;
	const callsScore = ended.length ? ended.reduce((sum, c) => sum + c.score, 0) / ended.length : 0;
	const promisesScore = kept + broken > 0 ? (100 * kept) / (kept + broken) : null;
	const outcomeScore = outcome === 'in-progress' ? null : OUTCOME_SCORES[outcome];
	const weights = {
		calls: SERIES_WEIGHTS.calls,
		promises: promisesScore === null ? 0 : SERIES_WEIGHTS.promises,
		outcome: outcomeScore === null ? 0 : SERIES_WEIGHTS.outcome
	};
	const total = weights.calls + weights.promises + weights.outcome;
	const share = (w: number) => w / total;
	const score =
		share(weights.calls) * callsScore +
		share(weights.promises) * (promisesScore ?? 0) +
		share(weights.outcome) * (outcomeScore ?? 0);
	return {
		calls: callResults,
		promises,
		outcome,
		score: Math.round(score),
		parts: {
			calls: {
				score: Math.round(callsScore),
				weight: share(weights.calls),
				played: ended.length,
				of: series.calls.length
			},
			promises: {
				score: promisesScore === null ? null : Math.round(promisesScore),
				weight: share(weights.promises),
				kept,
				broken,
				open
			},
			outcome: { score: outcomeScore, weight: share(weights.outcome), outcome }
		}
	};
}

/**
 * Whether the run won the series: every call of it won, and no promise broken. This is what the
 * playtest bots ask of a series' good examples, and what its bad examples must not reach.
 */
export function wonSeries(series: Series, result: SeriesScore): boolean {
	return (
		result.calls.length === series.calls.length &&
		result.calls.every((call) => call.ending === 'won') &&
		result.promises.every((p) => p.state !== 'broken')
	);
}
