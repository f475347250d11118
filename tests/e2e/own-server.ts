import { spawn, type ChildProcess } from 'node:child_process';
import { expect, request, type APIRequestContext, type APIResponse } from '@playwright/test';

/**
 * A second server of the production build, on its own fresh database and port, for tests that
 * would disturb the shared one: payloads in every content field, an address locked out by rate
 * limits, a public address on https. Ports: E2E_PORT + offset (offsets 2 to 9 are for these).
 */
export interface OwnServer {
	/** Where to connect: plain http on localhost. */
	url: string;
	/** The public address the server believes it has (its ORIGIN). */
	origin: string;
	stop(): Promise<void>;
}

export async function startOwnServer(
	name: string,
	offset: number,
	env: Record<string, string> = {}
): Promise<OwnServer> {
	const port = Number(process.env.E2E_PORT ?? 4173) + offset;
	const url = `http://localhost:${port}`;
	const origin = env.ORIGIN ?? url;
	const child: ChildProcess = spawn(process.execPath, ['scripts/e2e-server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: `test-results/${name}/rehearse.db`,
			DEMO: '1',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the ${name} server stopped:\n${output}`);
		const ready = await fetch(`${url}/health`).then(
			(r) => r.ok,
			() => false
		);
		if (ready) break;
		if (Date.now() > deadline) throw new Error(`the ${name} server did not start:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return {
		url,
		origin,
		stop: () =>
			new Promise((resolve) => {
				child.once('exit', () => resolve());
				child.kill();
			})
	};
}

/** A client of an own server that posts forms as a browser would, from the server's own origin. */
export async function ownClient(server: OwnServer): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: server.url,
		maxRedirects: 0,
		extraHTTPHeaders: { origin: server.origin, accept: 'text/html' }
	});
}

export async function signInTo(
	client: APIRequestContext,
	email: string,
	password: string
): Promise<APIResponse> {
	const response = await client.post('/login', { form: { email, password } });
	expect(response.status(), `${email} signs in`).toBe(303);
	return response;
}
