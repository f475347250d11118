import type { ContentLocale } from '../content/kinds';
import { customerSpeechMs } from './pace';

/** A length of time as a call shows it, minutes and seconds ("03:07"; "75:00" past an hour). */
export function callClock(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The same length for a `<time datetime>`: an ISO 8601 duration ("PT3M7S"). */
export function callDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	return `PT${Math.floor(seconds / 60)}M${seconds % 60}S`;
}

/**
 * How long the call has run: from its start to its end, or to now while it runs. `now` is the
 * server's clock as the page reckons it, so a browser whose clock is off still counts right.
 */
export function callElapsedMs(startedAt: number, endedAt: number | null, now: number): number {
	return Math.max(0, (endedAt ?? now) - startedAt);
}

/** The shortest time a line is shown for when nobody reads it aloud: long enough to be read. */
const SHORTEST_LINE_MS = 1500;

/**
 * How long a customer's line takes, for the page to wait on when the browser cannot read it aloud
 * (or does not say when it has finished): its length at speech synthesis's usual pace.
 */
export function lineSpeakingMs(line: string, locale: ContentLocale): number {
	return Math.max(SHORTEST_LINE_MS, customerSpeechMs([line], locale));
}
