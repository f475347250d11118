// For tests only: a transcription server on loopback, answering as a test says.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A transcription server on loopback that answers each post as `answer` says, after reading the
 * body as such a server does (a multipart form); what it was sent is kept.
 */
export async function transcriptionServerAnswering(
	answer: (response: ServerResponse) => void
): Promise<{ url: string; forms: FormData[]; stop: () => Promise<void> }> {
	const forms: FormData[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', async () => {
			const body = Buffer.concat(chunks);
			forms.push(
				await new Response(body, {
					headers: { 'content-type': request.headers['content-type']! }
				}).formData()
			);
			answer(response);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1/audio/transcriptions`,
		forms,
		stop: () => {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
}

/** An answer of JSON. */
export const answeringWith = (value: unknown) => (response: ServerResponse) =>
	response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
