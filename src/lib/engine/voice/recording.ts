/*
 * What a recorded reply may be (issue #21 items 1 and 6): the audio types kept, told by the file's
 * first bytes rather than by the label the browser gave it, the size and length limits, and which
 * recordings the organisation's retention setting has expired. Pure: the caller reads the bytes,
 * the clock and the setting.
 */

import type { ReplyMeasures } from './measures';
import type { Span } from './voiced';

export const RECORDING_TYPES = ['audio/webm', 'audio/ogg', 'audio/wav', 'audio/mp4'] as const;
export type RecordingType = (typeof RECORDING_TYPES)[number];

/**
 * The largest recording kept: two minutes of Opus at the 24 kbit/s the page asks for take ~360 kB.
 * With the rest of the form it stays under adapter-node's default BODY_SIZE_LIMIT (512 kB).
 */
export const RECORDING_MAX_BYTES = 480 * 1024;
/** The longest reply recorded, in milliseconds: a reply on a call, not a monologue. */
export const RECORDING_MAX_MS = 120_000;
/** The retention setting's bounds and default, in days. */
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;
export const RETENTION_DEFAULT_DAYS = 90;

const DAY_MS = 86_400_000;
/** More stretches of voice than a two-minute reply can hold (each is at least 100 ms, gaps 300 ms). */
const MOST_SPANS = 400;

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
	if (bytes.length < at + text.length) return false;
	for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
	return true;
}

/**
 * The audio type the bytes are, by their signature: WebM (EBML header), Ogg, WAV (RIFF…WAVE) or
 * MP4 (an `ftyp` box). Null for anything else, whatever it was labelled. WebM and Matroska share
 * the EBML header; a browser's recording is WebM, and the file is only ever served as audio.
 */
export function sniffRecordingType(bytes: Uint8Array): RecordingType | null {
	if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)
		return 'audio/webm';
	if (startsWith(bytes, 0, 'OggS')) return 'audio/ogg';
	if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WAVE')) return 'audio/wav';
	if (startsWith(bytes, 4, 'ftyp')) return 'audio/mp4';
	return null;
}

export type RecordingProblem = 'recording-type' | 'recording-too-large' | 'recording-too-long';

/**
 * Whether a posted recording may be kept: its bytes must be one of the audio types, its size and
 * the length the browser measured within the limits. The label the browser gave is ignored: the
 * bytes say what it is. `durationMs` is the browser's word; a missing or odd one counts as 0.
 */
export function checkRecording(
	bytes: Uint8Array,
	durationMs: number
):
	{ ok: true; type: RecordingType; durationMs: number } | { ok: false; problem: RecordingProblem } {
	if (bytes.length > RECORDING_MAX_BYTES) return { ok: false, problem: 'recording-too-large' };
	const type = sniffRecordingType(bytes);
	if (!type) return { ok: false, problem: 'recording-type' };
	const duration = Number.isFinite(durationMs) && durationMs > 0 ? Math.round(durationMs) : 0;
	if (duration > RECORDING_MAX_MS) return { ok: false, problem: 'recording-too-long' };
	return { ok: true, type, durationMs: duration };
}

/** A retention setting as posted: whole days within the bounds, or null. */
export function parseRetentionDays(text: string): number | null {
	if (!/^\d{1,4}$/.test(text.trim())) return null;
	const days = Number(text.trim());
	return days >= RETENTION_MIN_DAYS && days <= RETENTION_MAX_DAYS ? days : null;
}

/** Recordings made before this moment have outlived a retention of `days` at `now`. */
export function retentionCutoff(now: Date, days: number): Date {
	return new Date(now.getTime() - days * DAY_MS);
}

/**
 * The voiced stretches the browser found in a recording (posted as JSON), if they could be: whole
 * milliseconds, each starting before it ends, in order without overlapping, within the recording's
 * length. Anything else is null: the reply is kept, only without how it sounded.
 */
export function parseVoicedSpans(text: string, durationMs: number): Span[] | null {
	if (text === '' || text.length > 20_000) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (!Array.isArray(value) || value.length > MOST_SPANS) return null;
	const limit = durationMs > 0 ? durationMs : RECORDING_MAX_MS;
	const spans: Span[] = [];
	for (const item of value as unknown[]) {
		const { start, end } = (item ?? {}) as { start?: unknown; end?: unknown };
		if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
		const span = { start: start as number, end: end as number };
		const previousEnd = spans.at(-1)?.end ?? 0;
		if (span.start < previousEnd || span.end <= span.start || span.end > limit) return null;
		spans.push(span);
	}
	return spans;
}

/** A recorded reply as a transcript shows it beside the words. */
export interface TurnRecording {
	/** Where it plays back, for whoever may read the transcript. */
	audio: string;
	/** How it sounded, from where the recording holds voice and the words of the reply. */
	sounded: ReplyMeasures | null;
}
