import { describe, expect, it, vi } from 'vitest';
import type { ServerResponse } from 'node:http';
import { transcribe, transcriptionServer } from './transcribe';
import { answeringWith, transcriptionServerAnswering } from '../testing/transcription-server';

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
	// Bytes a multipart body must carry as they are: line breaks, dashes, every byte value.
	const AUDIO = new Uint8Array([
		...Buffer.from('OggS\r\n--\r\n'),
		...Array.from({ length: 256 }, (_, i) => i)
	]);

	it('posts the file, model and language, and gives the text back', async () => {
		const stt = await transcriptionServerAnswering(answeringWith({ text: ' 您好，我是小陳。 ' }));
		try {
			const server = { url: stt.url, model: 'm', timeoutMs: 1000 };
			expect(await transcribe(server, AUDIO, 'audio/ogg', 'zh-TW')).toBe('您好，我是小陳。');
			// Again, on the connection kept open.
			expect(await transcribe(server, AUDIO, 'audio/ogg', 'zh-TW')).toBe('您好，我是小陳。');
			expect(stt.forms).toHaveLength(2);
			const form = stt.forms[0]!;
			expect(form.get('model')).toBe('m');
			expect(form.get('language')).toBe('zh');
			expect(form.get('response_format')).toBe('json');
			const file = form.get('file') as File;
			expect(file.type).toBe('audio/ogg');
			expect(file.name).toBe('reply.ogg');
			expect(new Uint8Array(await file.arrayBuffer())).toEqual(AUDIO);
		} finally {
			await stt.stop();
		}
	});

	it('is null when the server fails, answers without text, or does not answer in time', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const answers: ((response: ServerResponse) => void)[] = [
			(response) => response.writeHead(503).end('busy'),
			answeringWith({ text: '   ' }),
			answeringWith({ error: 'no model' }),
			answeringWith(null),
			(response) => response.writeHead(200).end('not json'),
			(response) => response.socket!.destroy(),
			// Never answers: the timeout ends the wait.
			() => {}
		];
		for (const answer of answers) {
			const stt = await transcriptionServerAnswering(answer);
			try {
				const server = { url: stt.url, model: 'm', timeoutMs: 200 };
				expect(await transcribe(server, AUDIO, 'audio/ogg', 'en')).toBeNull();
			} finally {
				await stt.stop();
			}
		}
		// Nobody listening at all.
		const gone = { url: 'http://127.0.0.1:9/v1/audio/transcriptions', model: 'm', timeoutMs: 200 };
		expect(await transcribe(gone, AUDIO, 'audio/ogg', 'en')).toBeNull();
	});
});
