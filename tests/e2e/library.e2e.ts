import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

test('a rep searches 太貴 and opens the price entry, with its answers and mistakes', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'zh-TW' });
	const page = await context.newPage();
	await signInAs(page, 'rep');
	await page.getByRole('link', { name: '話術庫' }).first().click();
	await page.getByLabel('搜尋話術與文章').fill('太貴');
	await page.getByRole('button', { name: '搜尋' }).click();
	await expect(page).toHaveURL(/\/search\?q=/);
	const first = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading') })
		.first();
	await expect(first.locator('mark').first()).toHaveText('太貴');
	await first.getByRole('link').click();
	await expect(page).toHaveURL(/\/library\/price-too-high$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('太貴了');
	await expect(page.getByRole('heading', { name: /回答 \d/ })).toHaveCount(3);
	await expect(page.getByRole('heading', { name: '要避免的錯誤' })).toBeVisible();
	await context.close();
});

test('a Simplified Chinese query finds the Traditional entry', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'zh-TW' });
	const page = await context.newPage();
	await signInAs(page, 'rep');
	await page.goto(`/search?q=${encodeURIComponent('太贵了')}`);
	await expect(page.getByRole('link', { name: /太貴了/ }).first()).toBeVisible();
	await context.close();
});

test('a rep searches "competitor" and opens the entry about a competitor', async ({ page }) => {
	await signInAs(page, 'rep');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Knowledge' })
		.click();
	await page.getByLabel('Search scripts and articles').fill('competitor');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('status')).toContainText('results for “competitor”');
	await page.getByRole('link', { name: /already use another platform/i }).click();
	await expect(page).toHaveURL(/\/library\/already-use-another-platform$/);
	await expect(page.getByRole('heading', { name: 'Mistakes to avoid' })).toBeVisible();
	await page
		.getByRole('link', { name: /BaiYeTong/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/knowledge\/competitor-/);
});

test('search treats quotes and operators as text and says when nothing is found', async ({
	page
}) => {
	await signInAs(page, 'rep');
	const response = await page.goto(`/search?q=${encodeURIComponent('"NEAR( OR ;-- %')}`);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('status')).toContainText('Nothing found');
});

test('browse by category, bookmark an entry and find it under Bookmarked', async ({ page }) => {
	await signInAs(page, 'trainer');
	await page.goto('/library');
	await page
		.getByRole('navigation', { name: 'Category' })
		.getByRole('link', { name: /^Timing/ })
		.click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(2);
	await page.getByRole('link', { name: /call me next month/i }).click();
	await page.getByRole('button', { name: '☆ Bookmark' }).click();
	await expect(page.getByRole('button', { name: '★ Remove bookmark' })).toBeVisible();
	await page.goto('/library?category=bookmarked');
	await expect(page.getByRole('link', { name: /call me next month/i })).toBeVisible();
	await page.getByRole('link', { name: /call me next month/i }).click();
	await page.getByRole('button', { name: '★ Remove bookmark' }).click();
	await page.goto('/library?category=bookmarked');
	await expect(page.getByText('You have not bookmarked any entry yet.')).toBeVisible();
});

test('an opened article is marked read, with a table of contents that jumps to its sections', async ({
	page
}) => {
	await signInAs(page, 'manager');
	await page.goto('/knowledge');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: /Deal Coaching/i }) });
	await expect(card.getByText('Not read yet')).toBeVisible();
	await card.getByRole('link').click();
	const toc = page.getByRole('navigation', { name: 'Contents' });
	await expect(toc.getByRole('link').first()).toBeVisible();
	await toc.getByRole('link').first().click();
	await expect(page).toHaveURL(/#section-1$/);
	await page.goto('/knowledge');
	await expect(card.getByText('✓ Read')).toBeVisible();
});

test('an unknown entry is a 404', async ({ page }) => {
	await signInAs(page, 'rep');
	const response = await page.goto('/library/no-such-entry');
	expect(response?.status()).toBe(404);
});
