import { expect, test, type Page } from '@playwright/test';
import { acceptInvite, createInvite, dayFrom, signInAs, uniqueEmail } from './helpers';

// On a slow phone a page shows before its scripts have run, and people start typing. Hydration
// then writes the server's values back over every field, so what they typed, picked or opened
// went back without a word: a future date the manager had typed became today's and was saved.
// Here the page's scripts are held back until the fields are filled, as a slow connection would.

/** Holds the page's scripts until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

/** Until the page is hydrated and what was typed before it has been put back. */
async function hydrated(page: Page): Promise<void> {
	await page.waitForFunction(() => window.rehearseEarlyInput?.restored === true);
}

test('a reply typed and the hang-up question opened before the role-play page has its scripts are kept', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('early-input-rep');
	await acceptInvite(
		page,
		await createInvite(browser, email),
		'Early Input Rep',
		'early input password'
	);
	await page.goto('/practice/renewal-price-objection');
	await page.getByRole('radio', { name: /^Free text/ }).check();
	await page.getByRole('button', { name: 'Start the role-play' }).click();
	await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);

	const release = await holdScripts(page);
	await page.reload({ waitUntil: 'domcontentloaded' });
	const reply = 'I hear you, the price is a real cost. May I ask what last year brought in?';
	await page.getByRole('textbox', { name: 'Your reply' }).fill(reply);
	await page.getByText('Hang up', { exact: true }).click();
	await expect(page.getByRole('button', { name: 'Yes, hang up' })).toBeVisible();
	release();
	await hydrated(page);
	await expect(page.getByRole('textbox', { name: 'Your reply' })).toHaveValue(reply);
	await expect(page.getByRole('button', { name: 'Yes, hang up' })).toBeVisible();
});

test('a one-to-one typed before the page has its scripts is sent as typed', async ({ page }) => {
	await signInAs(page, 'manager');
	await page.goto('/team');
	const repPage = (await page
		.locator('a[href^="/team/reps/"]')
		.first()
		.getAttribute('href'))!.replace(/#.*$/, '');

	const release = await holdScripts(page);
	await page.goto(`${repPage}/one-to-ones/new`, { waitUntil: 'domcontentloaded' });
	const notes = 'Talked about the Tuesday calls before the page had loaded.';
	await page.getByLabel('Date of the talk').fill(dayFrom(1));
	await page.getByLabel('Notes').fill(notes);
	const first = page.getByRole('group', { name: 'Action 1' });
	await first.getByLabel('What').fill('Call back the two open leads');
	await first.getByLabel('Who does it').selectOption({ label: 'The manager' });
	release();
	await hydrated(page);
	await expect(page.getByLabel('Date of the talk')).toHaveValue(dayFrom(1));
	await expect(page.getByLabel('Notes')).toHaveValue(notes);
	await expect(first.getByLabel('What')).toHaveValue('Call back the two open leads');
	await expect(first.getByLabel('Who does it')).toHaveValue('manager');

	// Sent as typed: the future date is refused, nothing is saved.
	await page.getByRole('button', { name: 'Save the one-to-one' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'The one-to-one was not saved: see the marked fields.'
	);
	await expect(page.getByLabel('Notes')).toHaveValue(notes);
});
