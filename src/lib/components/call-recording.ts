import type { Span } from '$lib/engine/voice/voiced';

/**
 * The bit rate call mode records at: Opus at 24 kbit/s is plenty for a voice, keeps a 20-second
 * reply near 60 kB and the longest (two minutes) well inside the upload limit. The benchmark's
 * WebM fixture is recorded at it too (scripts/bench-webm-fixture.ts).
 */
export const RECORDING_BITS_PER_SECOND = 24_000;

/** A spoken reply recorded in call mode, ready to go with the turn. */
export interface RecordedReply {
	file: File;
	durationMs: number;
	/** Where it holds voice (`voicedSpans`); null when the browser could not decode it. */
	voiced: Span[] | null;
}

/** Puts a recorded reply into the turn's form, as the reply actions read it (`readSpokenReply`). */
export function attachRecording(formData: FormData, recording: RecordedReply | null): void {
	if (!recording) return;
	formData.set('audio', recording.file);
	formData.set('durationMs', String(recording.durationMs));
	if (recording.voiced) formData.set('voiced', JSON.stringify(recording.voiced));
}
