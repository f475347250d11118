// A newcomer's first start, as README gives it: `npm start` builds, then runs `node build` with
// no configuration at all. Every other end-to-end test sets ORIGIN; this one must not, because a
// first start that refused every sign-in went unseen that way. The server runs on README's port
// 3000, in a folder of its own (the build, content and migrations linked in) so that its
// `./data/rehearse.db` is new and never a developer's own database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoAccount } from './helpers';

const PORT = 3000;
let server: ChildProcess;
let folder: string;
let console_ = '';

/** The machine's own non-loopback IPv4 addresses: a colleague on the LAN opens one of these. */
function lanAddresses(): string[] {
	return Object.values(networkInterfaces())
		.flat()
		.filter((net) => net && net.family === 'IPv4' && !net.internal)
		.map((net) => net!.address);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	folder = mkdtempSync(join(tmpdir(), 'rehearse-first-start-'));
	for (const name of ['build', 'content', 'drizzle'])
		symlinkSync(resolve(name), join(folder, name));
	// Only what any shell has: no ORIGIN, PORT, HOST, DATABASE_URL or DEMO.
	server = spawn(process.execPath, ['build'], {
		cwd: folder,
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? folder },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout!.on('data', (chunk) => (console_ += chunk));
	server.stderr!.on('data', (chunk) => (console_ += chunk));
	// A readiness wait, not a speed check: a first start on a busy machine seeds the demo slowly.
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (server.exitCode !== null)
			throw new Error(`the server stopped (is port ${PORT} taken?):\n${console_}`);
		if (
			await fetch(`http://localhost:${PORT}/health`).then(
				(r) => r.ok,
				() => false
			)
		)
			break;
		if (Date.now() > deadline) throw new Error(`the server did not start:\n${console_}`);
		await new Promise((done) => setTimeout(done, 200));
	}
});

test.afterAll(async () => {
	if (server && server.exitCode === null) {
		const exited = new Promise((done) => server.once('exit', done));
		server.kill('SIGTERM');
		await exited;
	}
	rmSync(folder, { recursive: true, force: true });
});

async function signInAt(page: Page, base: string, role: 'manager' | 'admin'): Promise<void> {
	const account = demoAccount(role);
	await page.goto(`${base}/login`);
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/);
	expect(new URL(page.url()).origin).toBe(base);
}

async function makeCandidateLink(page: Page, base: string): Promise<string> {
	const name = `First start ${Date.now().toString(36)}`;
	await page.goto(`${base}/hiring/candidates`);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Position applied for').fill('Phone sales');
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(page.getByRole('status')).toContainText('added');
	await page.goto(`${base}/hiring/interviews/new`);
	await page
		.getByLabel('Candidate', { exact: true })
		.selectOption({ label: `${name} · Phone sales` });
	await page.getByRole('radio', { name: /^Online/ }).check();
	await page.getByRole('button', { name: 'Schedule' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Interview: ${name}`);
	await page.getByRole('button', { name: 'Create a candidate link' }).click();
	return page.getByRole('textbox', { name: 'Candidate link' }).inputValue();
}

async function openAsCandidate(browser: Browser, link: string): Promise<void> {
	const context = await browser.newContext();
	const candidate = await context.newPage();
	await candidate.goto(link);
	await candidate.getByRole('checkbox').check();
	await candidate.getByRole('button', { name: 'Start' }).click();
	await expect(candidate.getByLabel('Your reply')).toBeVisible();
	await context.close();
}

test('the console names the address and the demo accounts', async () => {
	expect(console_).toContain(`http://localhost:${PORT}`);
	for (const role of ['admin', 'trainer', 'manager', 'rep'] as const)
		expect(console_).toContain(demoAccount(role).password);
});

// localhost and 127.0.0.1 on this machine, and the machine's LAN addresses as a colleague opens them.
for (const host of ['localhost', '127.0.0.1', ...lanAddresses()]) {
	test(`with no configuration a manager signs in at http://${host}:${PORT} and a candidate link made there opens`, async ({
		page,
		browser
	}) => {
		const base = `http://${host}:${PORT}`;
		// The language buttons are a form post too.
		await page.goto(`${base}/login`);
		await page.getByRole('button', { name: '繁體中文' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入');
		await page.getByRole('button', { name: 'English' }).click();
		await signInAt(page, base, 'manager');
		const link = await makeCandidateLink(page, base);
		expect(link.startsWith(`${base}/try/`), link).toBe(true);
		await openAsCandidate(browser, link);
	});
}

test('an invitation made with no configuration points to the address it was made at, and opens', async ({
	page
}) => {
	const base = `http://127.0.0.1:${PORT}`;
	await signInAt(page, base, 'admin');
	await page.goto(`${base}/admin/invites`);
	await page.getByLabel('Email').fill(`first-start-${Date.now().toString(36)}@example.com`);
	await page.getByRole('button', { name: 'Create invitation' }).click();
	const link = await page.getByRole('textbox', { name: /^Invitation for/ }).inputValue();
	expect(link.startsWith(`${base}/invite/`), link).toBe(true);
	await page.context().clearCookies();
	await page.goto(link);
	await expect(page.getByRole('button', { name: 'Create my account' })).toBeVisible();
});

test('a form posted from another site is still refused', async () => {
	const response = await fetch(`http://localhost:${PORT}/login`, {
		method: 'POST',
		headers: {
			origin: 'http://evil.example',
			'content-type': 'application/x-www-form-urlencoded',
			'x-rehearse-scheme': 'https'
		},
		body: new URLSearchParams({
			email: demoAccount('admin').email,
			password: demoAccount('admin').password
		})
	});
	expect(response.status).toBe(403);
	expect(response.headers.get('set-cookie')).toBeNull();
});
