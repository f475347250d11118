import type { ContentLocale } from '../content/kinds';
import { foldText } from '../text/fold';
import { spokenUnits } from './pace';
import type { Span } from './voiced';

/*
 * How a rep sounded on a call (issue #21 item 3), worked out deterministically from what the
 * browser recorded and the transcript of it: where in each reply there was voice (`voicedSpans`
 * in voiced.ts, from the samples), and from those and the words, the speaking rate, the filler words, the pause
 * before answering, the longest stretch without letting the customer speak and the rep's share of
 * the talk. Nothing here judges: the ranges a trainer sets say what is usual (`inRange`), and a
 * panel reads the figures as evidence for composure, advisory only.
 */

// ——————————————————————————————————————————————————————— the words

/**
 * Filler words, as the issue lists them. In Chinese 那個、就是、然後 are also ordinary words; in a
 * transcript of a phone call they are almost always fillers, and the figure is a count for a
 * coach to read, not a penalty.
 */
export const FILLERS: Readonly<Record<ContentLocale, readonly string[]>> = {
	'zh-TW': ['嗯', '呃', '那個', '就是', '然後'],
	en: ['um', 'uh', 'er', 'like', 'you know', 'i mean']
};

// "like" and "you know" are fillers only where they are not part of the sentence: "like" set off
// by a pause mark ("it's, like, cheap"; "like, we"), "you know" not asked ("do you know").
const EN_FILLER =
	/\b(?:umm?|uhm?|erm?|i mean)\b|(?:^|[,.!?;]\s*)like\b|\blike(?=\s*,)|(?<!\b(?:do|did|don't|dont|would|if)\s+)\byou\s+know\b/g;
const ZH_FILLER = new RegExp(FILLERS['zh-TW'].join('|'), 'g');

/** The filler words in a transcript, each as it stands in the folded text. */
export function fillersIn(transcript: string, locale: ContentLocale): string[] {
	const folded = foldText(transcript);
	return [...folded.matchAll(locale === 'en' ? EN_FILLER : ZH_FILLER)].map((m) =>
		m[0].replace(/^[,.!?;]\s*/, '').replace(/\s+/g, ' ')
	);
}

// ——————————————————————————————————————————————————————— one reply, one call

export interface ReplyRecording {
	transcript: string;
	/** The voice found in the recording (`voicedSpans`); the recording starts as the customer stops. */
	voiced: readonly Span[];
}

export interface ReplyMeasures {
	/** From the end of the customer's line to the first voice; null when no voice was found. */
	pauseBeforeMs: number | null;
	/** From the first voice to the last. */
	speakingMs: number;
	/** Characters (Chinese) or words (English) a minute of speaking; null for under a second of it. */
	rate: number | null;
	fillers: string[];
}

export function measureReply(reply: ReplyRecording, locale: ContentLocale): ReplyMeasures {
	const first = reply.voiced[0];
	const last = reply.voiced.at(-1);
	const speakingMs = first && last ? last.end - first.start : 0;
	const units = spokenUnits(reply.transcript, locale);
	return {
		pauseBeforeMs: first ? first.start : null,
		speakingMs,
		rate: speakingMs >= 1000 ? Math.round((units * 60_000) / speakingMs) : null,
		fillers: fillersIn(reply.transcript, locale)
	};
}

export interface CallMeasures {
	/** Over every reply's speaking time together. */
	rate: number | null;
	fillers: number;
	/** Fillers per minute of the rep speaking; null for under a second of it. */
	fillersPerMinute: number | null;
	/** The middle value of the pauses before answering. */
	medianPauseMs: number | null;
	/** The longest reply: the longest the rep talked without letting the customer speak. */
	longestStretchMs: number;
	/** The rep's share of the talk: their speaking over theirs and the customer's, 0 to 1. */
	talkShare: number | null;
}

/**
 * A whole call: the rep's replies measured one by one, and how long the customer's lines took
 * (spoken by the browser, so their length is what was played).
 */
export function measureCall(
	replies: readonly ReplyMeasures[],
	locale: ContentLocale,
	transcripts: readonly string[],
	customerMs: number
): CallMeasures {
	const speakingMs = replies.reduce((sum, reply) => sum + reply.speakingMs, 0);
	const units = transcripts.reduce((sum, text) => sum + spokenUnits(text, locale), 0);
	const fillers = replies.reduce((sum, reply) => sum + reply.fillers.length, 0);
	const pauses = replies
		.flatMap((reply) => (reply.pauseBeforeMs === null ? [] : [reply.pauseBeforeMs]))
		.sort((a, b) => a - b);
	const middle =
		pauses.length === 0
			? null
			: pauses.length % 2 === 1
				? pauses[(pauses.length - 1) / 2]!
				: (pauses[pauses.length / 2 - 1]! + pauses[pauses.length / 2]!) / 2;
	const talk = speakingMs + customerMs;
	return {
		rate: speakingMs >= 1000 ? Math.round((units * 60_000) / speakingMs) : null,
		fillers,
		fillersPerMinute:
			speakingMs >= 1000 ? Math.round(((fillers * 60_000) / speakingMs) * 10) / 10 : null,
		medianPauseMs: middle,
		longestStretchMs: Math.max(0, ...replies.map((reply) => reply.speakingMs)),
		talkShare: talk > 0 ? Math.round((speakingMs / talk) * 100) / 100 : null
	};
}

/** A range a trainer sets for a measure; either end may be open. */
export interface MeasureRange {
	min: number | null;
	max: number | null;
}

/** Where a figure stands against its range: under it, within it or over it (a missing figure is within). */
export function inRange(value: number | null, range: MeasureRange): 'under' | 'within' | 'over' {
	if (value === null) return 'within';
	if (range.min !== null && value < range.min) return 'under';
	if (range.max !== null && value > range.max) return 'over';
	return 'within';
}
