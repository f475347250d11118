import { expect, test } from '@playwright/test';
import { acceptInvite, createInvite, uniqueEmail } from './helpers';

test('the language follows the browser at first', async ({ browser }) => {
	const context = await browser.newContext({
		locale: 'zh-TW',
		extraHTTPHeaders: { 'accept-language': 'zh-TW,zh;q=0.9' }
	});
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
	await context.close();
});

test('a language chosen on the sign-in page stays across pages and sign-in, and is remembered on the account', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('bilingual');
	const link = await createInvite(browser, email);

	await page.goto('/login');
	await page.getByRole('button', { name: '繁體中文' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入');
	await acceptInvite(page, link, '雙語 Bilingual', 'bilingual password 1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('歡迎，雙語 Bilingual');
	await page
		.getByRole('navigation', { name: '主選單' })
		.getByRole('link', { name: '個人設定' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人設定');
	await page.getByRole('button', { name: '登出' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入');

	// A new device with an English browser: the account's choice wins once signed in.
	const other = await browser.newContext({ locale: 'en-US' });
	const fresh = await other.newPage();
	await fresh.goto('/login');
	await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await fresh.getByLabel('Email').fill(email);
	await fresh.getByLabel('Password').fill('bilingual password 1');
	await fresh.getByRole('button', { name: 'Sign in' }).click();
	await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('歡迎，雙語 Bilingual');

	// Switching back while signed in saves the new choice.
	await fresh.getByRole('button', { name: 'English' }).click();
	await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Welcome, 雙語 Bilingual');
	await other.close();
});
