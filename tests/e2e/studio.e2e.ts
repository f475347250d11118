import { expect, test, type Page } from '@playwright/test';
import { createStudioItem, signInAs, startAsRep } from './helpers';

// One after another: the zip import republishes every item, which would shift the revision numbers
// the first test reads.
test.describe.configure({ mode: 'serial' });

const id = `first-call-${Date.now().toString(36)}`;
const scenario = (greeting: string, extra = '') => `id: ${id}
title: My first call ${id}
persona: { name: Mr Lee, role: Owner, company: Lee Hardware }
minutes: 8
pass: 70
criteria: [opening]
start: greet
beats:
  greet:
    customer: ${greeting}
    expect:
      - { point: Says who they are, criterion: opening, weight: 1, cues: [my name] }
    choices:
      - { text: "Hello, my name is Kevin from MetalHub. Have you got a minute?", quality: good }
      - { text: "Buy now.", quality: bad }
    next:
      - { minScore: 0.6, goto: won }
      - { goto: lost }
${extra}  won: { end: won, customer: All right. }
  lost: { end: lost, customer: No thanks. }
examples:
  good:
    - Hello, my name is Kevin from MetalHub. Have you got a minute?
  bad:
    - Buy now.
`;

/** Scenarios open in the form once the page is interactive; these tests type the file itself. */
async function showFile(page: Page): Promise<void> {
	await expect(page.getByRole('button', { name: 'Form' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'File', exact: true }).click();
}

test('a trainer writes a scenario, fixes an unreachable beat, playtests, publishes; a rep plays it and keeps the old revision through a change', async ({
	page,
	browser
}) => {
	await signInAs(page, 'trainer');
	await createStudioItem(page, 'scenario', 'en', id);
	await showFile(page);
	const editor = page.getByLabel('File');
	await editor.fill(scenario('Hello?', '  orphan: { customer: Hm?, next: [{ goto: lost }] }\n'));
	await expect(
		page.getByText(
			'No rule leads to the beat “orphan” yet: choose it under “Go to” in a rule of another beat, or remove it.'
		)
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();

	await editor.fill(scenario('Hello?'));
	await expect(page.getByRole('heading', { name: 'No problems: ready to publish.' })).toBeVisible();
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('status')).toHaveText('Draft saved.');
	await expect(page.getByRole('heading', { name: 'Playtest' })).toBeVisible();
	await expect(page.getByText(/Good examples: Won with 100/)).toBeVisible();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toHaveText('Published as revision 1.');

	// Playtest the published version as a rep would, with the scoring explained.
	await page.getByRole('link', { name: 'Playtest as a rep' }).click();
	await page
		.getByLabel('Your reply')
		.fill('Hello, my name is Kevin from MetalHub. Have you got a minute?');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByText('Points made:')).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Won');
	await page.goBack();
	await page.goBack();

	// A rep plays it.
	const { rep, close } = await startAsRep(browser, id);
	await expect(rep.locator('li.current')).toContainText('Hello?');

	// The trainer changes the customer's line; the rep's running attempt keeps the old one.
	await page.reload();
	await showFile(page);
	await page.getByLabel('File').fill(scenario('Yes? Who is calling?'));
	await expect(page.getByRole('heading', { name: 'No problems: ready to publish.' })).toBeVisible();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toHaveText('Published as revision 2.');
	await expect(
		page.getByText('- customer: Hello?').or(page.getByText('-     customer: Hello?')).first()
	).toBeVisible();

	await rep.reload();
	await expect(rep.locator('li.current')).toContainText('Hello?');
	await rep
		.getByLabel('Your reply')
		.fill('Hello, my name is Kevin from MetalHub. Have you got a minute?');
	await rep.getByRole('button', { name: 'Send' }).click();
	await expect(rep.getByRole('heading', { name: 'Result' })).toBeVisible();
	await close();
});

test('two people editing one item: the later publish is refused with a clear message, keeps the typed text, and goes through once they have seen the change', async ({
	page,
	browser
}) => {
	const itemId = `two-editors-${Date.now().toString(36)}`;
	await signInAs(page, 'trainer');
	// A lexicon: its template has no placeholders, so it publishes as it is.
	await createStudioItem(page, 'lexicon', 'en', itemId, 'Two editors');
	await showFile(page);
	const template = await page.getByLabel('File').inputValue();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toHaveText('Published as revision 1.');

	// The admin opens the item; then the trainer publishes a change.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	await admin.goto(`/studio/lexicon/en/${itemId}`);
	await showFile(admin);
	await page
		.getByLabel('File')
		.fill(template.replace('title: "Two editors"', 'title: Changed by the trainer'));
	await expect(page.getByRole('heading', { name: 'No problems: ready to publish.' })).toBeVisible();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toHaveText('Published as revision 2.');

	// The admin, still looking at revision 1, publishes theirs: refused, nothing lost, nothing overwritten.
	const adminText = template.replace('title: "Two editors"', 'title: Changed by the admin');
	await admin.getByLabel('File').fill(adminText);
	await expect(
		admin.getByRole('heading', { name: 'No problems: ready to publish.' })
	).toBeVisible();
	await admin.getByRole('button', { name: 'Publish' }).click();
	await expect(admin.getByRole('alert')).toHaveText(
		/^Someone else saved or published this item after you opened it, so nothing was saved\./
	);
	await expect(admin.getByLabel('File')).toHaveValue(adminText);
	await expect(admin.getByText(/^Revision 2 · /)).toBeVisible();

	// Having seen it, the admin publishes again, and it goes through.
	await admin.getByRole('button', { name: 'Publish' }).click();
	await expect(admin.getByRole('status')).toHaveText('Published as revision 3.');
	await adminContext.close();
});

test('a rep cannot open the studio', async ({ page }) => {
	await signInAs(page, 'rep');
	expect((await page.goto('/studio'))?.status()).toBe(403);
	const check = await page.request.post('/studio/check', {
		data: { kind: 'script', locale: 'en', id: 'x', text: '' }
	});
	expect(check.status()).toBe(403);
});

test('the trainer downloads the content as a zip and imports it back', async ({ page }) => {
	await signInAs(page, 'trainer');
	await page.goto('/studio');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download all content (zip)' }).click();
	const zipPath = await (await download).path();
	await page.getByLabel('Zip file').setInputFiles(zipPath);
	await page.getByRole('button', { name: 'Check and import' }).click();
	await expect(page.getByRole('status')).toContainText('items imported and published');
});
