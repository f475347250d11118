import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

test('a manager reads the dashboard, follows a heatmap cell to a transcript, and the CSV has the same numbers', async ({ page, browser }) => {
	// The demo rep (in the demo manager's team) practises once and misses the price objection.
	const repContext = await browser.newContext();
	const rep = await repContext.newPage();
	await signInAs(rep, 'rep');
	await rep.goto('/practice/renewal-price-objection');
	await rep.getByRole('radio', { name: /^Free text/ }).check();
	await rep.getByRole('button', { name: 'Start the role-play' }).click();
	await rep.getByLabel('Your reply').fill('Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?');
	await rep.getByRole('button', { name: 'Send' }).click();
	await expect(rep.getByText(/Score for this reply/)).toHaveCount(1);
	await rep.getByLabel('Your reply').fill('It is not expensive at all, everybody pays that much.');
	await rep.getByRole('button', { name: 'Send' }).click();
	await expect(rep.getByText(/Score for this reply/)).toHaveCount(2);
	await repContext.close();

	await signInAs(page, 'manager');
	await page.goto('/team/dashboard');
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /張小雯/ }) });
	await expect(row).toBeVisible();
	const thisWeek = (await row.getByRole('cell').nth(1).textContent())!.trim();
	expect(Number(thisWeek)).toBeGreaterThanOrEqual(1);
	await expect(row.getByRole('img', { name: /Weekly average scores/ })).toBeVisible();

	const csv = await (await page.request.get('/team/dashboard/csv')).text();
	const line = csv.split('\r\n').find((l) => l.includes('張小雯'))!;
	expect(line.split(',')[4]).toBe(thisWeek);

	await page.goto('/team/weak-spots');
	await page.getByRole('link', { name: /張小雯.*, Price:/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Price');
	await page.getByRole('link', { name: /Gold member haggles/ }).first().click();
	await expect(page.getByText('It is not expensive at all, everybody pays that much.').first()).toBeVisible();
	await expect(page.getByText('Points missed:').first()).toBeVisible();
	// The manager reads; only the rep can answer.
	await expect(page.getByLabel('Your reply')).toHaveCount(0);
});
