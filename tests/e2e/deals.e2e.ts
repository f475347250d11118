import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { acceptInvite, createInvite, signInAs, uniqueEmail } from './helpers';

// The deal review (抓單): the demo rep (張小雯) keeps a deal, adds a feeling and then a fact the
// customer said, and watches the flags change; their manager (王建國) reads it in the weekly review,
// with the objection's script entry, and downloads the table; another rep finds nothing.

/** The flags a deal page lists, in words. */
async function flagsOn(page: Page): Promise<string[]> {
	const list = page.getByRole('list', { name: 'Flags' });
	if ((await list.count()) === 0) return [];
	return (await list.getByRole('listitem').allInnerTexts()).map((text) =>
		text.replace(/^⚠\s*/, '').trim()
	);
}

test('a rep keeps a deal with evidence and sees its flags change; the manager reviews it and downloads the CSV; another rep gets 404', async ({
	page,
	browser
}) => {
	// Three people sign in (argon2 each) and a dozen forms are posted: on a busy 2-core machine, over a minute.
	test.setTimeout(150_000);
	const company = `Dacheng Hardware ${Date.now().toString(36)}`;

	// The rep adds a deal from the navigation: on the 11th call, with an overdue next step.
	await signInAs(page, 'rep');
	await page.getByRole('navigation').getByRole('link', { name: 'Deals' }).click();
	await expect(page).toHaveURL(/\/deals$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My deals');
	await expect(
		page.getByText(/A coaching tool, not a CRM: keep at most 30 open deals/)
	).toBeVisible();
	await page.getByLabel('Company').fill(company);
	await page.getByLabel('Contact', { exact: true }).fill('Mr Wang');
	await page.getByLabel('Contact’s title').fill('Owner');
	await page.getByLabel('Follow-up call').fill('11');
	await page.getByLabel('Next step', { exact: true }).fill('Send the two-year quote');
	await page.getByLabel('Next step’s date').fill('2026-01-05');
	await page.getByLabel('Help you need').fill('Team lead on the next call');
	await page.getByLabel('Objection that stalls it').selectOption('price');
	await page.getByRole('button', { name: 'Add the deal' }).click();
	await expect(page).toHaveURL(/\/deals\/[a-z0-9]+\?created$/);
	const dealPath = new URL(page.url()).pathname;
	await expect(page.getByRole('status')).toHaveText(/^Deal added\./);
	expect(await flagsOn(page)).toEqual([
		'Feelings only: no evidence of what the customer said or did',
		'11 calls or more without strong evidence: propose moving it to nurture',
		'Next step overdue'
	]);

	// A feeling: the app proposes no strength and says which words made it a feeling.
	await page
		.getByLabel('What the customer said or did')
		.fill('I feel the boss is really interested, he was very friendly.');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	const proposal = page.getByRole('status');
	await expect(proposal).toContainText('A feeling');
	await expect(proposal).toContainText(/Reads as a feeling.*“feel”/);
	await expect(proposal).toContainText('it has no strength');
	await expect(page.getByLabel('What the customer said or did')).toHaveValue(
		'I feel the boss is really interested, he was very friendly.'
	);
	// Nothing is saved before the rep picks a strength.
	await expect(page.getByText('No evidence yet.')).toBeVisible();
	await page.getByLabel('Strength').selectOption('weak');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.getByRole('status')).toHaveText('Evidence saved.');
	const evidence = page.getByRole('region', { name: 'Evidence' });
	await expect(evidence.getByRole('listitem')).toHaveCount(1);
	await expect(evidence).toContainText('Reads as a feeling');
	expect(await flagsOn(page)).toContain(
		'Feelings only: no evidence of what the customer said or did'
	);

	// What the customer said: the app proposes "very strong", the rep confirms, and the flags change.
	await page
		.getByLabel('What the customer said or did')
		.fill('The boss asked for the two-year price and wants the quote by Wednesday.');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.getByRole('status')).toContainText('Objective evidence');
	await expect(page.getByRole('status')).toContainText(
		'The app proposes Very strong (money and paperwork).'
	);
	await expect(page.getByLabel('Strength')).toHaveValue('very-strong');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.getByRole('status')).toHaveText('Evidence saved.');
	await expect(evidence.getByRole('listitem')).toHaveCount(2);
	expect(await flagsOn(page)).toEqual(['Next step overdue']);

	// The manager's weekly review: the rep's deal with its flag, the objection's script entry, the CSV.
	const managerContext = await browser.newContext();
	const manager = await managerContext.newPage();
	await signInAs(manager, 'manager');
	// The review opens from the team page, beside the dashboard and weak spots.
	await manager.getByRole('navigation').getByRole('link', { name: 'My team' }).click();
	await manager.getByRole('link', { name: 'Deal review' }).click();
	await expect(manager).toHaveURL(/\/team\/deals$/);
	const repSection = manager.getByRole('region', { name: '張小雯' });
	const card = repSection.getByRole('article', { name: company });
	await expect(card).toBeVisible();
	await expect(card.getByRole('list', { name: 'Flags' })).toHaveText(/Next step overdue/);
	await expect(card).toContainText('The boss asked for the two-year price');
	await expect(card).toContainText('Team lead on the next call');
	await expect(card.locator('a[href^="/library/"]')).toHaveCount(1);
	await expect(card.locator('a[href^="/practice/"]')).toHaveCount(1);
	// Read only: nothing on the review changes a deal.
	await expect(manager.getByRole('button', { name: /Save|Close the deal|Remove/ })).toHaveCount(0);
	const [download] = await Promise.all([
		manager.waitForEvent('download'),
		manager.getByRole('link', { name: 'Download CSV' }).click()
	]);
	expect(download.suggestedFilename()).toBe('deal-review.csv');
	const csv = readFileSync(await download.path(), 'utf8');
	expect(csv).toContain(company);
	expect(csv).toMatch(new RegExp(`張小雯[^,]*,[^\\r\\n]*${company}[^\\r\\n]*Next step overdue`));
	// The rep's page carries the same deal in its Deals block.
	await repSection.getByRole('heading', { level: 2 }).getByRole('link').click();
	await expect(
		manager.getByRole('region', { name: 'Deals' }).getByRole('article', { name: company })
	).toBeVisible();
	// The manager may not open the rep's own page of the deal.
	expect((await manager.goto(dealPath))?.status()).toBe(403);
	await managerContext.close();

	// Another rep: the deal does not exist for them, to read or to change.
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await acceptInvite(
		other,
		await createInvite(browser, uniqueEmail('deals-other-rep')),
		'Other Rep',
		'another-rep-password-1'
	);
	expect((await other.goto(dealPath))?.status()).toBe(404);
	await other.goto('/deals');
	await expect(other.getByText(company)).toHaveCount(0);
	const origin = new URL(page.url()).origin;
	for (const action of ['update', 'evidence', 'close']) {
		const response = await other.request.post(`${dealPath}?/${action}`, {
			form: {
				company: 'Hijacked',
				text: 'Hijacked',
				date: '2026-01-01',
				strength: 'weak',
				outcome: 'lost',
				callNumber: '1',
				lastContact: '2026-01-01'
			},
			headers: { origin, accept: 'text/html' }
		});
		expect(response.status(), action).toBe(404);
	}
	await otherContext.close();

	// The deal is unchanged, and the rep closes it as moved to nurture.
	await page.goto(dealPath);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
	await page.getByRole('radio', { name: 'Moved to nurture' }).check();
	await page.getByRole('button', { name: 'Close the deal' }).click();
	await expect(page.getByRole('status')).toHaveText('Deal closed.');
	await page.goto('/deals');
	await expect(
		page.getByRole('region', { name: 'Closed deals' }).getByRole('article', { name: company })
	).toContainText('Moved to nurture');
});
