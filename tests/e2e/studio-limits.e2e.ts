import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { signInAs } from './helpers';

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

test.use({ javaScriptEnabled: false });

test('a zip bomb uploaded in the studio is refused with a message, before it is unpacked', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	const bomb = join(tmpdir(), `bomb-${process.pid}-${Date.now()}.zip`);
	writeFileSync(
		bomb,
		zipSync({ 'content/en/knowledge/membership-tiers.md': new Uint8Array(2_000_000) }, { level: 1 })
	);
	await page.goto('/studio');
	await page.getByLabel('Zip file').setInputFiles(bomb);
	const answer = page.waitForResponse((response) => response.url().includes('/studio?/import'));
	await page.getByRole('button', { name: 'Check and import' }).click();
	expect((await answer).status()).toBe(413);
	await expect(page.getByRole('alert')).toHaveText(
		'Nothing was imported: content/en/knowledge/membership-tiers.md unpacks to more than 800 kB, larger than any content file may be.'
	);
});

test('posts that are not forms, unreadable forms and inherited names as kinds get 400 or 415, never a server error', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	const headers = { origin: ORIGIN, accept: 'text/html' };
	for (const kind of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
		const response = await page.request.post('/studio?/create', {
			form: { kind, locale: 'en', id: 'proto-test' },
			headers,
			maxRedirects: 0
		});
		expect(response.status(), kind).toBe(400);
	}
	for (const path of ['/studio?/import', '/studio?/create', '/status?/ping', '/locale']) {
		const plain = await page.request.post(path, {
			data: 'kind=script',
			headers: { ...headers, 'content-type': 'text/plain' },
			maxRedirects: 0
		});
		expect(plain.status(), `${path} text/plain`).toBe(415);
		const broken = await page.request.post(path, {
			data: '--x\r\nContent-Disposition: form-data; name="zip"\r\n\r\nno end',
			headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
			maxRedirects: 0
		});
		expect(broken.status(), `${path} malformed multipart`).toBe(400);
	}
	const untyped = await page.request.fetch('/studio?/import', {
		method: 'POST',
		data: Buffer.from([1, 2, 3]),
		headers: { ...headers, 'content-type': '' },
		maxRedirects: 0
	});
	expect(untyped.status()).toBe(415);
});

test('the live check refuses 8,000 examples at once, naming the line, instead of playing them', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	const text = `id: looping\ntitle: Loop\npersona: { name: A, role: B, company: C }\nminutes: 8\npass: 70\nstart: greet\nbeats:\n  greet:\n    customer: Hello?\n    expect:\n      - { point: Says who, weight: 1, cues: [my name] }\n    next:\n      - { minScore: 0.9, goto: won }\n      - { maxTries: 1000000000, goto: greet }\n      - { goto: won }\n  won: { end: won, customer: OK. }\nexamples:\n  good:\n${'    - Hi.\n'.repeat(8_000)}`;
	const response = await page.request.post('/studio/check', {
		data: { kind: 'scenario', locale: 'en', id: 'looping', text },
		headers: { origin: ORIGIN }
	});
	expect(response.status()).toBe(200);
	const { problems } = (await response.json()) as {
		problems: { line: number; message: string; code: string }[];
	};
	expect(problems).toEqual([
		expect.objectContaining({
			line: 14,
			message: 'beats.greet.next[1].maxTries: must be at most 10',
			code: 'too-large'
		}),
		expect.objectContaining({
			line: 18,
			message: 'examples.good: has more than 30 examples',
			code: 'too-many'
		})
	]);
});
