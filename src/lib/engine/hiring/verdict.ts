import { isOneOf } from '../one-of';

/**
 * A live interviewer's verdict on how the candidate handled the customer's line. It is the
 * judged score the role-play moves on (`step` with `mode: 'judged'`): handled moves the customer on,
 * partly makes them push back (or take a middle path where the scenario has one), and not handled
 * makes them put the same difficulty again, never a line written for something the candidate said.
 */
export const VERDICTS = ['handled', 'partly', 'not'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_SCORES: Readonly<Record<Verdict, number>> = {
	handled: 1,
	partly: 0.5,
	not: 0
};

export function isVerdict(value: string): value is Verdict {
	return isOneOf(VERDICTS, value);
}

/** The verdict a judged score stands for (scores between the three round down). */
export function verdictOf(score: number): Verdict {
	return score >= VERDICT_SCORES.handled
		? 'handled'
		: score >= VERDICT_SCORES.partly
			? 'partly'
			: 'not';
}

/** What the cue card tells the interviewer after their last verdict. */
export type CueAfterVerdict = {
	verdict: Verdict;
	customer: 'moved-on' | 'pushes-back' | 'asks-again' | 'changes-course' | 'picked';
} | null;

/**
 * After a verdict the customer either raises the difficulty the interviewer picked, moved on to
 * another line, or stayed on the beat: pushing back with the scenario's re-ask line (partly
 * handled) or putting the same line again (not handled).
 */
export function cueAfterVerdict(
	last: { score: number; beat: string; next: string; picked?: boolean } | null
): CueAfterVerdict {
	if (!last) return null;
	const verdict = verdictOf(last.score);
	if (last.picked) return { verdict, customer: 'picked' };
	if (last.next !== last.beat)
		return { verdict, customer: verdict === 'handled' ? 'moved-on' : 'changes-course' };
	return { verdict, customer: verdict === 'not' ? 'asks-again' : 'pushes-back' };
}
