import { expect, test } from '@playwright/test';
import { acceptInvite, createInvite, demoAccount, signIn, signInAs, uniqueEmail } from './helpers';

test('a first visit lands on the sign-in page, which lists the demo accounts', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await expect(page.getByText('Demo installation')).toBeVisible();
	await expect(page.getByText('admin@rehearse.test')).toBeVisible();
});

const expectedNavigation = {
	admin: [
		'Home',
		'My plan',
		'Practice',
		'Review',
		'Script library',
		'Knowledge',
		'My team',
		'Hiring',
		'Studio',
		'Admin',
		'Profile'
	],
	trainer: [
		'Home',
		'My plan',
		'Practice',
		'Review',
		'Script library',
		'Knowledge',
		'Studio',
		'Profile'
	],
	manager: [
		'Home',
		'My plan',
		'Practice',
		'Review',
		'Script library',
		'Knowledge',
		'My team',
		'Hiring',
		'Profile'
	],
	rep: ['Home', 'My plan', 'Practice', 'Review', 'Script library', 'Knowledge', 'Deals', 'Profile']
} as const;

for (const [role, links] of Object.entries(expectedNavigation)) {
	test(`the demo ${role} signs in and sees their own navigation`, async ({ page }) => {
		await signInAs(page, role as keyof typeof expectedNavigation);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			demoAccount(role as 'rep').name
		);
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav.getByRole('link')).toHaveText([...links]);
	});
}

test('a manager’s header fits on one row at 1280 px, and on a phone every link is on screen', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signInAs(page, 'manager');
	const nav = page.getByRole('navigation', { name: 'Main' });
	const rowOf = async (): Promise<number[]> =>
		nav
			.getByRole('listitem')
			.evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
	expect(new Set(await rowOf()).size).toBe(1);
	const bar = (await page.locator('.site-header .bar').boundingBox())!;
	const signOut = (await page.getByRole('button', { name: 'Sign out' }).boundingBox())!;
	expect(signOut.y + signOut.height).toBeLessThanOrEqual(bar.y + bar.height);
	expect(bar.height).toBeLessThan(70);
	// The header offers the other language; the page is written in its own.
	await expect(page.getByRole('button', { name: '繁體中文' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'English' })).toHaveCount(0);

	await page.setViewportSize({ width: 390, height: 844 });
	for (const link of await nav.getByRole('link').all()) await expect(link).toBeInViewport();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a wrong password and an unknown email get the same message', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill('rep@rehearse.test');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const message = page.getByRole('alert');
	await expect(message).toHaveText('That email and password do not match an active account.');
	await expect(page.getByLabel('Email')).toHaveValue('rep@rehearse.test');

	await page.getByLabel('Email').fill('nobody@rehearse.test');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'That email and password do not match an active account.'
	);
});

test('signing out ends the session', async ({ page }) => {
	await signInAs(page, 'rep');
	const cookie = (await page.context().cookies()).find((c) => c.name === 'rehearse_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
	// The old cookie value no longer opens anything.
	await page.context().addCookies([{ ...cookie!, expires: -1 }]);
	await page.goto('/profile');
	await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
});

test('signing in sends the user back to the page they asked for', async ({ page }) => {
	await page.goto('/profile');
	await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
	const account = demoAccount('trainer');
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/profile$/);
});

test('a rep who opens an admin page gets a translated 403 page; unknown pages get 404', async ({
	page
}) => {
	await signInAs(page, 'rep');
	const response = await page.goto('/admin/users');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
	const missing = await page.goto('/no-such-page');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('sign-in refuses a client after 5 failures on an account with a clear message', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('locked');
	const link = await createInvite(browser, email);
	const other = await browser.newContext();
	await acceptInvite(await other.newPage(), link, 'Locked Out', 'a fine long password');
	await other.close();

	for (let i = 0; i < 5; i++) {
		await page.goto('/login');
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(`wrong guess ${i}`);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText(/do not match/);
	}
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a fine long password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Too many failed attempts\. Wait 15 minutes/);
	// Other accounts from the same address are unaffected.
	await signIn(page, demoAccount('rep').email, demoAccount('rep').password);
});

test('a next= that leaves the site once its dot segments are removed brings the browser home', async ({
	page,
	request,
	baseURL
}) => {
	// Posted from a cookie jar of its own: a language cookie in the page's would be stored on the
	// shared demo rep's account at sign-in, and change the language other tests see.
	for (const next of ['/..//evil.example', '/%2e%2e//evil.example', '/a/..//evil.example']) {
		const response = await request.post('/locale', {
			form: { locale: 'en', next },
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/');
	}
	await page.goto(`/login?next=${encodeURIComponent('/..//evil.example')}`);
	await page.getByLabel('Email').fill(demoAccount('rep').email);
	await page.getByLabel('Password').fill(demoAccount('rep').password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(`${baseURL}/`);
});
