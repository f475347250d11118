import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { readForm } from './forms';
import { isContentKind } from './studio';

async function statusOf(request: Request): Promise<number> {
	try {
		await readForm({ request });
		return 200;
	} catch (cause) {
		if (isHttpError(cause)) return cause.status;
		throw cause;
	}
}

const post = (body: string, contentType?: string) =>
	new Request('http://localhost/x', {
		method: 'POST',
		body,
		headers: contentType ? { 'content-type': contentType } : {}
	});

describe('reading a posted form', () => {
	it('reads url-encoded and multipart forms', async () => {
		expect(
			(await readForm({ request: post('kind=script', 'application/x-www-form-urlencoded') })).get(
				'kind'
			)
		).toBe('script');
		const multipart = new FormData();
		multipart.set('kind', 'article');
		expect(
			(
				await readForm({
					request: new Request('http://localhost/x', { method: 'POST', body: multipart })
				})
			).get('kind')
		).toBe('article');
	});

	it('answers 415 to a post that is not a form and 400 to a form that cannot be read, never a server error', async () => {
		const withoutType = new Request('http://localhost/x', {
			method: 'POST',
			body: new Uint8Array([1, 2, 3])
		});
		expect(await statusOf(withoutType)).toBe(415);
		expect(await statusOf(post('kind=script', 'text/plain'))).toBe(415);
		expect(await statusOf(post('{"kind":"script"}', 'application/json'))).toBe(415);
		expect(
			await statusOf(
				post(
					'--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscript',
					'multipart/form-data; boundary=x'
				)
			)
		).toBe(400);
		expect(await statusOf(post('no boundary', 'multipart/form-data'))).toBe(400);
	});

	it('every action and form endpoint reads its form through readForm', () => {
		const files = readdirSync('src/routes', { recursive: true, encoding: 'utf8' }).filter((file) =>
			/\+(page\.server|server)\.ts$/.test(file)
		);
		const direct = files.filter((file) =>
			readFileSync(join('src/routes', file), 'utf8').includes('.formData()')
		);
		expect(files.length).toBeGreaterThan(30);
		expect(direct).toEqual([]);
	});
});

describe('looking up a kind named in a request', () => {
	it('knows only the content kinds, not the names every object inherits', () => {
		expect(isContentKind('scenario')).toBe(true);
		for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
			expect(isContentKind(name), name).toBe(false);
	});
});
