import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { acceptInvite, createInvite, demoAccount, signIn, uniqueEmail } from './helpers';
import { startOwnServer, type OwnServer } from './own-server';

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const FORM_HEADERS = { origin: ORIGIN, accept: 'text/html' };

function sessionCookieHeader(setCookie: string | undefined): string {
	const cookie = (setCookie ?? '').split('\n').find((line) => line.startsWith('rehearse_session='));
	expect(cookie, 'a session cookie is set').toBeDefined();
	return cookie!;
}

test('over http the session cookie is HttpOnly, SameSite=Lax, for the whole site, and not Secure', async () => {
	const client = await request.newContext({ baseURL: ORIGIN, maxRedirects: 0 });
	const account = demoAccount('trainer');
	const response = await client.post('/login', {
		form: { email: account.email, password: account.password },
		headers: FORM_HEADERS
	});
	const cookie = sessionCookieHeader(response.headers()['set-cookie']);
	expect(cookie).toMatch(/; HttpOnly/i);
	expect(cookie).toMatch(/; SameSite=Lax/i);
	expect(cookie).toMatch(/; Path=\/(;|$)/);
	expect(cookie).not.toMatch(/; Secure/i);
	await client.dispose();
});

test('signing in through an invitation ends the session the browser had and starts a new one', async ({
	page,
	browser
}) => {
	const first = uniqueEmail('rotate-a');
	await acceptInvite(page, await createInvite(browser, first), 'Rotate A', 'rotation password a');
	const before = (await page.context().cookies()).find((c) => c.name === 'rehearse_session')!;
	// In the same browser, someone accepts another invitation.
	await acceptInvite(
		page,
		await createInvite(browser, uniqueEmail('rotate-b')),
		'Rotate B',
		'rotation password b'
	);
	const after = (await page.context().cookies()).find((c) => c.name === 'rehearse_session')!;
	expect(after.value).not.toBe(before.value);
	expect(after.value.split('.')[0]).not.toBe(before.value.split('.')[0]);
	// The earlier session is gone, not merely replaced in this browser.
	const other = await browser.newContext();
	await other.addCookies([before]);
	const stale = await other.newPage();
	await stale.goto('/profile');
	await expect(stale).toHaveURL(/\/login/);
	await other.close();
});

test('a password change signs the other devices out and keeps this one', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('two-devices');
	await acceptInvite(
		page,
		await createInvite(browser, email),
		'Two Devices',
		'first device password'
	);
	const laptop = await browser.newContext();
	const other = await laptop.newPage();
	await signIn(other, email, 'first device password');

	await page.goto('/profile');
	await page.getByLabel('Current password').fill('first device password');
	await page.getByLabel('New password', { exact: true }).fill('second device password');
	await page.getByLabel('Repeat the new password').fill('second device password');
	await page.getByRole('button', { name: 'Save' }).nth(1).click();
	await expect(page.getByRole('status')).toHaveText(
		'Password changed. Your other devices have been signed out.'
	);

	await other.goto('/profile');
	await expect(other).toHaveURL(/\/login/);
	await page.goto('/profile');
	await expect(page).toHaveURL(/\/profile$/);
	await laptop.close();
});

test('an unknown email and a wrong password get the same status and the same page', async () => {
	const client = await request.newContext({ baseURL: ORIGIN, maxRedirects: 0 });
	const unknown = await client.post('/login', {
		form: { email: 'nobody-at-all@rehearse.test', password: 'some long password' },
		headers: FORM_HEADERS
	});
	const wrong = await client.post('/login', {
		form: { email: demoAccount('manager').email, password: 'some long password' },
		headers: FORM_HEADERS
	});
	expect(unknown.status()).toBe(400);
	expect(wrong.status()).toBe(400);
	const message = (html: string) => html.match(/role="alert"[^>]*>([^<]*)</)?.[1];
	expect(message(await unknown.text())).toBe(
		'That email and password do not match an active account.'
	);
	expect(message(await wrong.text())).toBe(message(await unknown.text()));
	await client.dispose();
});

test('a form post larger than the server accepts gets a clear, translated page', async ({
	page
}) => {
	const big = 'x'.repeat(600 * 1024);
	for (const [locale, heading] of [
		['en', 'Too much to send'],
		['zh-TW', '傳送的內容太大']
	] as const) {
		const client = await request.newContext({
			baseURL: ORIGIN,
			maxRedirects: 0,
			extraHTTPHeaders: { cookie: `PARAGLIDE_LOCALE=${locale}` }
		});
		const response = await client.post('/login', {
			form: { email: 'a@example.com', password: big },
			headers: FORM_HEADERS
		});
		expect(response.status()).toBe(413);
		expect(await response.text()).toContain(heading);
		await client.dispose();
	}
	// In the browser too: the visitor sees the page, not a bare error.
	await page.goto('/login');
	await page.getByLabel('Email').fill('someone@example.com');
	await page
		.getByLabel('Password')
		.evaluate((input, value) => ((input as HTMLInputElement).value = value), big);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Too much to send' })).toBeVisible();
});

test.describe('on a server whose public address is https', () => {
	test.describe.configure({ mode: 'serial' });
	let server: OwnServer;
	test.beforeAll(async () => {
		const port = Number(process.env.E2E_PORT ?? 4173) + 2;
		server = await startOwnServer('https-server', 2, { ORIGIN: `https://localhost:${port}` });
	});
	test.afterAll(async () => server.stop());

	/** Posts as a browser on the https address would; cookies are passed by hand (they are Secure). */
	async function client(): Promise<APIRequestContext> {
		return request.newContext({
			baseURL: server.url,
			maxRedirects: 0,
			extraHTTPHeaders: { origin: server.origin, accept: 'text/html' }
		});
	}

	test('the session cookie is also Secure', async () => {
		const anonymous = await client();
		const account = demoAccount('admin');
		const response = await anonymous.post('/login', {
			form: { email: account.email, password: account.password }
		});
		expect(response.status()).toBe(303);
		const cookie = sessionCookieHeader(response.headers()['set-cookie']);
		expect(cookie).toMatch(/; Secure/i);
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		await anonymous.dispose();
	});

	test('after 30 wrong links from one address, every link page refuses it, a right link too', async () => {
		const admin = await client();
		const account = demoAccount('admin');
		const signedIn = await admin.post('/login', {
			form: { email: account.email, password: account.password }
		});
		const session = sessionCookieHeader(signedIn.headers()['set-cookie']).split(';')[0]!;
		const created = await admin.post('/admin/invites?/create', {
			form: { email: 'guessed@example.com', roles: 'rep' },
			headers: { cookie: session }
		});
		const link = (await created.text()).match(/\/invite\/[a-z0-9]+\.[a-z0-9]+/)![0];
		await admin.dispose();

		const guesser = await client();
		for (let i = 0; i < 30; i++) {
			const kind = ['invite', 'reset', 'try'][i % 3];
			expect(await (await guesser.get(`/${kind}/guess${i}.wrongsecret`)).text()).toContain(
				'This link is not valid'
			);
		}
		const limited =
			'Too many attempts with wrong links from your connection. Wait a few minutes, then try again.';
		expect(await (await guesser.get(link)).text()).toContain(limited);
		for (const kind of ['reset', 'try'])
			expect(await (await guesser.get(`/${kind}/another.guess`)).text()).toContain(limited);
		const accepted = await guesser.post(link, {
			form: {
				name: 'Guesser',
				password: 'a long enough password',
				confirm: 'a long enough password'
			}
		});
		expect(accepted.status()).toBe(429);
		await guesser.dispose();
	});
});
