import type { Span } from '$lib/engine/voice/measures';

/** A spoken reply recorded in call mode, ready to go with the turn. */
export interface RecordedReply {
	file: File;
	durationMs: number;
	/** Where it holds voice (`voicedSpans`); null when the browser could not decode it. */
	voiced: Span[] | null;
}
