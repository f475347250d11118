/*
 * Where a recording holds voice, from its samples: what the browser works out before it sends a
 * spoken reply. Kept apart from the measures of the words (measures.ts), which need the Chinese
 * folding tables: the practice room must not download a megabyte of them to find the voice.
 */

/** A stretch of a recording, in milliseconds from the start of the recording. */
export interface Span {
	start: number;
	end: number;
}

/** Analysis frames: 20 ms, as speech is measured in. */
const FRAME_MS = 20;
/** Quiet shorter than this inside a reply is a breath between words, not a pause. */
const BRIDGE_MS = 300;
/** Voice shorter than this is a click or a cough, not speech. */
const SHORTEST_VOICE_MS = 100;
/** Below this level (RMS of full scale) nothing counts as voice, however quiet the room. */
export const SILENCE_FLOOR = 0.01;
/** Voice is this many times the room's own level (the quietest tenth of the frames). */
export const ABOVE_ROOM = 3;

/**
 * Where the samples hold voice: frames of 20 ms louder than both an absolute floor and three times
 * the room's noise, joined across gaps under 300 ms, keeping stretches of at least 100 ms. Mono
 * samples from −1 to 1, as the Web Audio API gives them.
 */
export function voicedSpans(samples: ArrayLike<number>, sampleRate: number): Span[] {
	const frameLength = Math.max(1, Math.round((sampleRate * FRAME_MS) / 1000));
	const levels: number[] = [];
	for (let start = 0; start + frameLength <= samples.length; start += frameLength) {
		let sum = 0;
		for (let i = start; i < start + frameLength; i++) sum += samples[i]! * samples[i]!;
		levels.push(Math.sqrt(sum / frameLength));
	}
	if (levels.length === 0) return [];
	const sorted = [...levels].sort((a, b) => a - b);
	const room = sorted[Math.floor((sorted.length - 1) / 10)]!;
	const threshold = Math.max(SILENCE_FLOOR, room * ABOVE_ROOM);
	const spans: Span[] = [];
	levels.forEach((level, i) => {
		if (level < threshold) return;
		const start = i * FRAME_MS;
		const last = spans.at(-1);
		if (last && start - last.end < BRIDGE_MS) last.end = start + FRAME_MS;
		else spans.push({ start, end: start + FRAME_MS });
	});
	return spans.filter((span) => span.end - span.start >= SHORTEST_VOICE_MS);
}
