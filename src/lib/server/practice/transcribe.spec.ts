import { describe, expect, it, vi } from 'vitest';
import { transcribe, transcriptionServer } from './transcribe';

const AUDIO = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 1, 2, 3]);

describe('the transcription server in the environment', () => {
	it('is none without STT_URL', () => {
		expect(transcriptionServer({})).toBeNull();
		expect(transcriptionServer({ STT_URL: '  ' })).toBeNull();
	});

	it('is posted to at the OpenAI-style path, or at STT_PATH (whisper.cpp answers at /inference)', () => {
		expect(transcriptionServer({ STT_URL: 'http://127.0.0.1:8080/' })).toEqual({
			url: 'http://127.0.0.1:8080/v1/audio/transcriptions',
			model: 'whisper-1',
			timeoutMs: 30_000
		});
		expect(
			transcriptionServer({
				STT_URL: 'http://stt.local',
				STT_PATH: 'inference',
				STT_MODEL: 'large-v3',
				STT_TIMEOUT_MS: '5000'
			})
		).toEqual({ url: 'http://stt.local/inference', model: 'large-v3', timeoutMs: 5000 });
	});
});

describe('transcribing a recording', () => {
	const server = { url: 'http://stt.local/v1/audio/transcriptions', model: 'm', timeoutMs: 1000 };

	it('posts the file, model and language, and gives the text back', async () => {
		const fetcher = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
			const form = init!.body as FormData;
			expect(form.get('model')).toBe('m');
			expect(form.get('language')).toBe('zh');
			const file = form.get('file') as File;
			expect(file.type).toBe('audio/ogg');
			expect(new Uint8Array(await file.arrayBuffer())).toEqual(AUDIO);
			return Response.json({ text: ' 您好，我是小陳。 ' });
		});
		expect(await transcribe(server, AUDIO, 'audio/ogg', 'zh-TW', fetcher as typeof fetch)).toBe(
			'您好，我是小陳。'
		);
		expect(fetcher).toHaveBeenCalledWith(server.url, expect.objectContaining({ method: 'POST' }));
	});

	it('is null when the server fails, answers without text, or does not answer in time', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const answers: (typeof fetch)[] = [
			async () => new Response('busy', { status: 503 }),
			async () => Response.json({ text: '   ' }),
			async () => Response.json({ error: 'no model' }),
			async () => {
				throw new TypeError('fetch failed');
			},
			(_url, init) =>
				new Promise((_resolve, reject) =>
					init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))
				)
		];
		for (const fetcher of answers)
			expect(
				await transcribe({ ...server, timeoutMs: 50 }, AUDIO, 'audio/ogg', 'en', fetcher)
			).toBeNull();
	});
});
