import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transport } from '../hooks';
import { SERVER_RENDERED_ROUTES, serverRendered } from './server-rendered';

describe('data rendered on the server only', () => {
	it('is written as a marker in place of the data, and refuses to be read in the browser', () => {
		const { encode, decode } = transport.ServerRendered!;
		expect(encode(serverRendered({ reps: ['a secret name'] }))).toBe(1);
		// Everything else is left to Kit's own serialisation.
		for (const other of [{ reps: [] }, [], 'text', 0, null, new Date()])
			expect(encode(other)).toBe(false);
		expect(() => decode(1)).toThrow(/csr = false/);
	});
});

describe('the routes rendered on the server only', () => {
	it('are every route whose page data uses serverRendered(), and each has csr = false', () => {
		const files = readdirSync('src/routes', { recursive: true, encoding: 'utf8' }).filter((file) =>
			file.endsWith('+page.server.ts')
		);
		const using = files.filter((file) =>
			readFileSync(join('src/routes', file), 'utf8').includes('serverRendered(')
		);
		for (const file of using)
			expect(readFileSync(join('src/routes', file), 'utf8'), file).toMatch(
				/export const csr = false;/
			);
		const routeIds = using.map((file) => `/${dirname(file).split(sep).join('/')}`);
		expect(new Set(routeIds)).toEqual(SERVER_RENDERED_ROUTES);
	});
});
