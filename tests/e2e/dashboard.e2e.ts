import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';
import { localIsoDate } from '../../src/lib/calendar';

test('a manager reads the dashboard, follows a heatmap cell to a transcript, and the CSV has the same numbers', async ({
	page,
	browser
}) => {
	// The demo rep (in the demo manager's team) practises once and misses the price objection.
	const repContext = await browser.newContext();
	const rep = await repContext.newPage();
	await signInAs(rep, 'rep');
	const practisedOn = localIsoDate(new Date());
	await rep.goto('/practice/renewal-price-objection');
	await rep.getByRole('radio', { name: /^Free text/ }).check();
	await rep.getByRole('button', { name: 'Start the role-play' }).click();
	await expect(rep).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	const attemptId = rep.url().split('/').pop()!;
	await rep
		.getByLabel('Your reply')
		.fill('Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?');
	await rep.getByRole('button', { name: 'Send' }).click();
	await expect(rep.getByText(/Score for this reply/)).toHaveCount(1);
	await rep.getByLabel('Your reply').fill('It is not expensive at all, everybody pays that much.');
	await rep.getByRole('button', { name: 'Send' }).click();
	await expect(rep.getByText(/Score for this reply/)).toHaveCount(2);
	await repContext.close();

	await signInAs(page, 'manager');
	await page.goto('/team/dashboard');
	const row = page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: /張小雯/ }) });
	// The page and its CSV give the same count; other tests practise as the demo rep at the same
	// time, so both are read again until they agree.
	let thisWeek = '';
	await expect(async () => {
		await page.reload();
		thisWeek = (await row.getByRole('cell').nth(1).textContent())!.trim();
		const csv = await (await page.request.get('/team/dashboard/csv')).text();
		expect(
			csv
				.split('\r\n')
				.find((l) => l.includes('張小雯'))!
				.split(',')[4]
		).toBe(thisWeek);
	}).toPass({ timeout: 10_000 });
	// The role-play counts this week, unless midnight passed since (a week may have begun; the server runs in this TZ).
	expect(Number(thisWeek)).toBeGreaterThanOrEqual(localIsoDate(new Date()) === practisedOn ? 1 : 0);
	// The trend's text alternative says which way it went, then the weeks' numbers.
	await expect(
		row.getByRole('img', {
			name: /^(Rising|Falling|Steady|Scores in one week only|No scored role-plays)\b.*\. Weekly average scores, oldest first: /
		})
	).toBeVisible();

	await page.goto('/team/weak-spots');
	await page.getByRole('link', { name: /張小雯.*, Price:/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Price');
	// This test's role-play among the rep's others (the demo's history has one of the same scenario, and
	// other tests practise as the demo rep too).
	await page
		.locator(`a[href="/attempts/${attemptId}"]`)
		.filter({ hasText: /Gold member haggles/ })
		.click();
	await expect(
		page.getByText('It is not expensive at all, everybody pays that much.').first()
	).toBeVisible();
	await expect(page.getByText('Points missed:').first()).toBeVisible();
	// The manager reads; only the rep can answer.
	await expect(page.getByLabel('Your reply')).toHaveCount(0);
});
