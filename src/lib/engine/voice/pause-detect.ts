import { ABOVE_ROOM, SILENCE_FLOOR } from './voiced';

/*
 * "Talk, and a pause sends" (issue #21 item 4): while the rep answers, the browser measures the
 * microphone's level every few tens of milliseconds (Web Audio's AnalyserNode) and feeds it here,
 * one frame at a time. The rule decides when the rep has started to speak and when they have
 * stopped long enough for the reply to go: voice is a level above both an absolute floor and a
 * multiple of the room's own noise (the same test as `voicedSpans`), speech is voice held for a
 * while (a cough or a click is not), and the reply is over after a silence longer than a breath.
 */

export interface PauseRule {
	/** How often a level is measured. */
	frameMs: number;
	/** Voice held this long is speech; anything shorter (a cough, a knock) is not. */
	speechMs: number;
	/** Silence this long after speech ends the reply; a shorter one is a breath mid-sentence. */
	pauseMs: number;
}

export const PAUSE_RULE: PauseRule = { frameMs: 50, speechMs: 250, pauseMs: 1200 };

/** How fast the room's level may rise (per frame, as a share of the gap): slowly, so speech does not become "room". */
const ROOM_RISE = 0.02;

export type PausePhase = 'listening' | 'hearing' | 'paused';

export interface PauseState {
	/** Waiting for speech, hearing it, or the pause after it came: time to send. */
	phase: PausePhase;
	/** The room's noise level as learned so far; null before the first frame. */
	room: number | null;
	/** How long the current run of voice (or of silence, once hearing) has lasted. */
	voicedMs: number;
	silentMs: number;
}

export const LISTENING: PauseState = { phase: 'listening', room: null, voicedMs: 0, silentMs: 0 };

/**
 * The state after one more frame of level (RMS of full scale, 0–1). The room's level follows
 * quieter frames at once and louder ones slowly, so listening may start in noise or mid-word.
 */
export function nextPauseState(
	state: PauseState,
	level: number,
	rule: PauseRule = PAUSE_RULE
): PauseState {
	if (state.phase === 'paused') return state;
	const room =
		state.room === null || level < state.room
			? level
			: state.room + (level - state.room) * ROOM_RISE;
	const voiced = level >= Math.max(SILENCE_FLOOR, (state.room ?? level) * ABOVE_ROOM);
	if (state.phase === 'listening') {
		const voicedMs = voiced ? state.voicedMs + rule.frameMs : 0;
		// The room is not learned from voice: a long reply would otherwise become the room's level.
		const learned = voiced ? state.room : room;
		return voicedMs >= rule.speechMs
			? { phase: 'hearing', room: learned, voicedMs, silentMs: 0 }
			: { phase: 'listening', room: learned, voicedMs, silentMs: 0 };
	}
	const silentMs = voiced ? 0 : state.silentMs + rule.frameMs;
	return {
		phase: silentMs >= rule.pauseMs ? 'paused' : 'hearing',
		room: voiced ? state.room : room,
		voicedMs: voiced ? state.voicedMs + rule.frameMs : state.voicedMs,
		silentMs
	};
}
