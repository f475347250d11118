import { partsFromSpans, type TextPart } from '../../highlight-spans';
import type { Flag, ReplyScore, Signal } from './score';

/** What a scored reply is shown with: the reply with what scoring found marked, and what it made and missed. */
export interface ReplyExplanation {
	reply: TextPart[];
	made: string[];
	missed: string[];
	pitfalls: string[];
	signals: Signal[];
	flags: Flag[];
	/** The words of the reply that state a wrong fact (flag `wrong-fact`). */
	wrongFacts: string[];
}

/** A scored reply as a transcript shows it: to the rep, to interviewers, to a trainer playtesting. */
export function explainReply(reply: string, result: ReplyScore): ReplyExplanation {
	return {
		reply: partsFromSpans(
			reply,
			result.points.flatMap((p) => p.spans)
		),
		made: result.points.filter((p) => p.hit).map((p) => p.point),
		missed: result.points.filter((p) => !p.hit).map((p) => p.point),
		pitfalls: result.pitfalls.filter((p) => p.hit).map((p) => p.point),
		signals: result.signals,
		flags: result.flags,
		wrongFacts: (result.wrongFacts ?? []).map(([start, end]) => reply.slice(start, end))
	};
}

export interface TurnFeedback extends ReplyExplanation {
	/** The good model answer nearest the reply; null while the role-play runs. */
	nearest: string | null;
	closeness: number;
}

/**
 * A turn's feedback in a rep's role-play. The model answer nearest the reply only once the
 * role-play is over, so that it cannot be pasted back in as the next reply.
 */
export function turnFeedback(reply: string, result: ReplyScore, over: boolean): TurnFeedback {
	return {
		nearest: over ? (result.nearest?.text ?? null) : null,
		closeness: result.closeness ?? 0,
		...explainReply(reply, result)
	};
}
