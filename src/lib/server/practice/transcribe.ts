import { randomBytes } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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
 * The transcription request's multipart body, made in one piece: the recording is copied once, into
 * the body, and goes out in one write with its length, rather than through a FormData of a Blob,
 * which the fetch implementation streams out chunk by chunk. The boundary is random, as a
 * browser's is, so no recording can contain it by chance.
 */
export function transcriptionBody(
	fields: Record<string, string>,
	audio: Uint8Array,
	type: RecordingType
): { body: Uint8Array; contentType: string } {
	const boundary = `----rehearse-${randomBytes(12).toString('hex')}`;
	const head =
		Object.entries(fields)
			.map(
				([name, value]) =>
					`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
			)
			.join('') +
		`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="reply.${EXTENSIONS[type]}"\r\ncontent-type: ${type}\r\n\r\n`;
	const tail = `\r\n--${boundary}--\r\n`;
	const headBytes = Buffer.from(head, 'utf8');
	const body = new Uint8Array(headBytes.length + audio.length + tail.length);
	body.set(headBytes, 0);
	body.set(audio, headBytes.length);
	Buffer.from(body.buffer, body.byteOffset + headBytes.length + audio.length).write(tail, 'latin1');
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The most an answer may hold: a transcription's JSON is a few kilobytes. */
const ANSWER_MAX_BYTES = 1024 * 1024;

/**
 * Connections kept open between turns, as fetch keeps them, closed after 4 s idle: before the 5 s
 * after which whisper.cpp's server closes an idle one itself.
 */
const agents = {
	'http:': new HttpAgent({ keepAlive: true, timeout: 4000 }),
	'https:': new HttpsAgent({ keepAlive: true, timeout: 4000 })
};

interface Answer {
	status: number;
	text: string;
}

/**
 * Posts a body to the transcription server with node:http rather than fetch: one write of the body
 * and a small answer read, without the web streams fetch puts around both, which cost a spoken
 * turn more CPU than the rest of its upload. The whole exchange is bounded by `timeoutMs`; a
 * kept-open connection the server closed just as it was reused is tried once more on a new one.
 */
function post(
	url: string,
	body: Uint8Array,
	contentType: string,
	timeoutMs: number
): Promise<Answer> {
	const target = new URL(url);
	const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
	const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
	const attempt = (retried: boolean): Promise<Answer> =>
		new Promise<Answer>((resolve, reject) => {
			const request = send(target, {
				method: 'POST',
				agent,
				headers: {
					'content-type': contentType,
					'content-length': body.length,
					accept: 'application/json'
				}
			});
			const timer = setTimeout(
				() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)),
				timeoutMs
			);
			request.on('response', (response) => {
				const chunks: Buffer[] = [];
				let size = 0;
				response.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > ANSWER_MAX_BYTES) request.destroy(new Error('the answer is too large'));
					else chunks.push(chunk);
				});
				response.on('end', () => {
					clearTimeout(timer);
					resolve({
						status: response.statusCode ?? 0,
						text: Buffer.concat(chunks).toString('utf8')
					});
				});
				response.on('error', (cause) => {
					clearTimeout(timer);
					reject(cause);
				});
			});
			request.on('error', (cause: NodeJS.ErrnoException) => {
				clearTimeout(timer);
				if (!retried && request.reusedSocket && cause.code === 'ECONNRESET') resolve(attempt(true));
				else reject(cause);
			});
			request.end(body);
		});
	return attempt(false);
}

/**
 * The words of a recording, or null when the server could not say them in time (down, slow, an
 * error, an answer without text): the caller then keeps what the rep typed, if anything.
 * `locale` is the scenario's; the server is told its language (`zh` for zh-TW).
 */
export async function transcribe(
	server: TranscriptionServer,
	audio: Uint8Array,
	type: RecordingType,
	locale: string
): Promise<string | null> {
	const { body, contentType } = transcriptionBody(
		{
			model: server.model,
			language: locale.split('-')[0]!.toLowerCase(),
			response_format: 'json'
		},
		audio,
		type
	);
	try {
		const answer = await post(server.url, body, contentType, server.timeoutMs);
		if (answer.status < 200 || answer.status > 299) {
			console.warn(`Rehearse: the transcription server answered ${answer.status}.`);
			return null;
		}
		const text = (JSON.parse(answer.text) as { text?: unknown } | null)?.text;
		return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
	} catch (cause) {
		console.warn(`Rehearse: the transcription server could not be reached: ${String(cause)}`);
		return null;
	}
}
