import type { Span } from '$lib/engine/voice/voiced';

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
