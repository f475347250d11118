import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boundaryOf, multipartParts } from '../../src/lib/server/multipart';

/*
 * A transcription server without a speech model, for the call-mode tests: it speaks the
 * OpenAI-style API (`POST /v1/audio/transcriptions`, multipart `file`, `model`, `language`; JSON
 * `{ text }`) and knows the fixtures in tests/fixtures/audio by the SHA-256 of their bytes. A
 * browser's own recording of a fixture (Chromium's fake microphone playing it, then Opus) differs
 * at every run, so audio it does not know gets the fixture text of the language it was asked for.
 */

const FOLDER = 'tests/fixtures/audio';

interface Fixture {
	language: string;
	text: string;
}

export interface Received {
	bytes: number;
	language: string;
	model: string;
	/** The type of the file part, as the app labelled it. */
	type: string;
}

export interface FakeTranscriber {
	url: string;
	received: Received[];
	stop(): Promise<void>;
}

export const fixtureTexts: Record<string, Fixture> = JSON.parse(
	readFileSync(join(FOLDER, 'transcripts.json'), 'utf8')
);

export function fixturePath(file: string): string {
	return join(process.cwd(), FOLDER, file);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function startFakeTranscriber(port: number): Promise<FakeTranscriber> {
	const known = new Map(
		Object.entries(fixtureTexts).map(([file, fixture]) => [
			sha256(readFileSync(join(FOLDER, file))),
			fixture.text
		])
	);
	const received: Received[] = [];
	const server: Server = createServer(async (req, res) => {
		if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
			res.writeHead(404).end();
			return;
		}
		// Read as the app reads its own reply forms (multipart.ts): the bench's load and this
		// server share a process, and the fetch implementation's parser costs it more than the turn.
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const boundary = boundaryOf(req.headers['content-type'] ?? '');
		const parts = boundary ? multipartParts(Buffer.concat(chunks), boundary) : null;
		const field = (name: string) => parts?.find((part) => part.name === name);
		const file = field('file');
		const language = field('language')?.content.toString('utf8') ?? '';
		if (!file || file.filename === null) {
			res.writeHead(400, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: 'no file' }));
			return;
		}
		const bytes = file.content;
		received.push({
			bytes: bytes.length,
			language,
			model: field('model')?.content.toString('utf8') ?? '',
			type: file.type
		});
		const text =
			known.get(sha256(bytes)) ??
			Object.values(fixtureTexts).find((fixture) => fixture.language === language)?.text ??
			'';
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ text }));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
