import type { RecordingType } from '$lib/engine/voice/recording';

/*
 * Speech to text on the organisation's own server (issue #21 item 2): a recorded reply is posted
 * to a server that speaks the OpenAI-style transcription API (multipart `file`, `model`,
 * `language`; JSON `{ text }` back), such as whisper.cpp's `whisper-server` or a faster-whisper
 * server, so no voice leaves the organisation. Configured in the environment; without it the page
 * falls back to the browser's recognition, or typing.
 */

export interface TranscriptionServer {
	/** The full URL posted to: `STT_URL` and `STT_PATH`. */
	url: string;
	model: string;
	timeoutMs: number;
}

/** whisper.cpp's server answers at `/inference` unless started with `--inference-path`. */
export const DEFAULT_STT_PATH = '/v1/audio/transcriptions';
const DEFAULT_TIMEOUT_MS = 30_000;

type Env = Record<string, string | undefined>;

/** The transcription server the environment names, or null: `STT_URL` unset. */
export function transcriptionServer(env: Env = process.env): TranscriptionServer | null {
	const base = env.STT_URL?.trim();
	if (!base) return null;
	const path = env.STT_PATH?.trim() || DEFAULT_STT_PATH;
	const timeout = Number(env.STT_TIMEOUT_MS);
	return {
		url: `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`,
		model: env.STT_MODEL?.trim() || 'whisper-1',
		timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS
	};
}

const EXTENSIONS: Record<RecordingType, string> = {
	'audio/webm': 'webm',
	'audio/ogg': 'ogg',
	'audio/wav': 'wav',
	'audio/mp4': 'm4a'
};

/**
 * The words of a recording, or null when the server could not say them in time (down, slow, an
 * error, an answer without text): the caller then keeps what the rep typed, if anything.
 * `locale` is the scenario's; the server is told its language (`zh` for zh-TW).
 */
export async function transcribe(
	server: TranscriptionServer,
	audio: Uint8Array<ArrayBuffer>,
	type: RecordingType,
	locale: string,
	fetcher: typeof fetch = fetch
): Promise<string | null> {
	const form = new FormData();
	form.set('file', new Blob([audio], { type }), `reply.${EXTENSIONS[type]}`);
	form.set('model', server.model);
	form.set('language', locale.split('-')[0]!.toLowerCase());
	form.set('response_format', 'json');
	try {
		const response = await fetcher(server.url, {
			method: 'POST',
			body: form,
			signal: AbortSignal.timeout(server.timeoutMs)
		});
		if (!response.ok) {
			console.warn(`Rehearse: the transcription server answered ${response.status}.`);
			return null;
		}
		const body = (await response.json()) as { text?: unknown };
		return typeof body.text === 'string' && body.text.trim() !== '' ? body.text.trim() : null;
	} catch (cause) {
		console.warn(`Rehearse: the transcription server could not be reached: ${String(cause)}`);
		return null;
	}
}
