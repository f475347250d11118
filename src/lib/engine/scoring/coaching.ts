import {
	NO_PHRASEBOOK,
	scoreReply,
	type Flag,
	type Phrasebook,
	type KeyPoint,
	type ReplyScore,
	type Signal
} from './score';

/*
 * What a rep should do differently, read from a finished role-play: for each customer line they
 * answered, the model answer and, for each key point they never made there, the sentence of the
 * model answer that makes it; the rules and pitfalls they fell into; and the one habit to practise
 * next. Pure: the result page shows it as it comes.
 */

export interface CoachedBeat {
	beat: string;
	customer: string;
	/** The beat's first good answer, as the trainer wrote it; null when the beat has none. */
	model: string | null;
	/** Key points no reply to this line made, each with the model answer's sentence that makes it. */
	missed: { point: string; sentence: string | null }[];
}

/** The one thing to practise next, most telling first: speaking rather than notes, then a habit, then a criterion. */
export type Habit =
	| { kind: 'speak' }
	| { kind: 'signal'; signal: Extract<Signal, 'question' | 'acknowledge'> }
	| { kind: 'criterion'; criterion: string };

export interface Coaching {
	beats: CoachedBeat[];
	/** Pitfalls and company rules fallen into, each once, in the order they happened. */
	broken: string[];
	habit: Habit | null;
}

interface CoachedTurn {
	beat: string;
	customer: string;
	result: ReplyScore;
}

interface CoachedScenario {
	beats: Record<
		string,
		{ expect?: readonly KeyPoint[]; choices?: readonly { text: string; quality: string }[] }
	>;
}

const NOT_SPEECH: readonly Flag[] = ['notes', 'stage-directions', 'cue-list'];
/** A criterion under this share of its key points' weight is worth practising. */
const WEAK_CRITERION = 60;

// A full stop ends a sentence unless it closes a title (Mr. Wang) or sits inside a number (3.5).
const SENTENCE =
	/(?:[^。！？!?.]|\.(?=\d)|(?<=\b(?:Mr|Ms|Mrs|Dr|St|No|vs|etc))\.)+(?:[。！？!?]+|\.|$)/g;

/** The sentences of an answer, each with its closing mark. */
function sentencesOf(text: string): string[] {
	return (text.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean);
}

/*
 * Which sentence of a model answer makes a key point depends on the content alone (the answer, the
 * point, the lexicons), never on the rep, and finding it scores every sentence: kept per phrasebook
 * and key point, which live as long as their content (a compiled scenario, the lexicons), so that a
 * result page viewed again, or another rep's result of the same content, scores nothing.
 */
const sentencesMaking = new WeakMap<Phrasebook, WeakMap<KeyPoint, Map<string, string | null>>>();

/** The first sentence of `answer` that makes `point` (by the same matching as a reply). */
function sentenceMaking(answer: string, point: KeyPoint, phrasebook: Phrasebook): string | null {
	let byPoint = sentencesMaking.get(phrasebook);
	if (!byPoint) sentencesMaking.set(phrasebook, (byPoint = new WeakMap()));
	let byAnswer = byPoint.get(point);
	if (!byAnswer) byPoint.set(point, (byAnswer = new Map()));
	if (byAnswer.has(answer)) return byAnswer.get(answer)!;
	// Only whether the point is made matters here: the company rules need not be read.
	const intentsOnly = { intents: phrasebook.intents, rules: [] };
	const sentence =
		sentencesOf(answer).find(
			(candidate) =>
				scoreReply(candidate, { expect: [point], avoid: [] }, [], intentsOnly).points[0]!.hit
		) ?? null;
	byAnswer.set(answer, sentence);
	return sentence;
}

/** `phrasebook`: the scenario's language's lexicons, as the replies were scored with. */
export function coachingFor(
	scenario: CoachedScenario,
	turns: readonly CoachedTurn[],
	criterionScores: readonly { criterion: string; score: number }[],
	phrasebook: Phrasebook = NO_PHRASEBOOK
): Coaching {
	const order = [...new Set(turns.map((t) => t.beat))];
	const beats = order.map((id): CoachedBeat => {
		const tries = turns.filter((t) => t.beat === id);
		const beat = scenario.beats[id];
		const model = beat?.choices?.find((c) => c.quality === 'good')?.text ?? null;
		const made = new Set(
			tries.flatMap((t) => t.result.points.filter((p) => p.hit).map((p) => p.point))
		);
		const missed = (beat?.expect ?? [])
			.filter((point) => !made.has(point.point))
			.map((point) => ({
				point: point.point,
				sentence: model ? sentenceMaking(model, point, phrasebook) : null
			}));
		return { beat: id, customer: tries[0]!.customer, model, missed };
	});
	const broken = [
		...new Set(turns.flatMap((t) => t.result.pitfalls.filter((p) => p.hit).map((p) => p.point)))
	];
	return { beats, broken, habit: habitFor(turns, criterionScores) };
}

function habitFor(
	turns: readonly CoachedTurn[],
	criterionScores: readonly { criterion: string; score: number }[]
): Habit | null {
	if (turns.length === 0) return null;
	if (turns.some((t) => t.result.flags.some((f) => NOT_SPEECH.includes(f))))
		return { kind: 'speak' };
	for (const signal of ['question', 'acknowledge'] as const) {
		if (turns.filter((t) => !t.result.signals.includes(signal)).length * 2 > turns.length)
			return { kind: 'signal', signal };
	}
	const weakest = [...criterionScores].sort((a, b) => a.score - b.score)[0];
	return weakest && weakest.score < WEAK_CRITERION
		? { kind: 'criterion', criterion: weakest.criterion }
		: null;
}
