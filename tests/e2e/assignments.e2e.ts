import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { acceptInvite, createInvite, signInAs, uniqueEmail } from './helpers';

// A manager assigns a rep a scenario (multiple choice, a pass mark) and a script entry; the rep finds
// both on their home, plays the scenario under the pass mark (still due) and over it (done), opens
// the entry (done); the manager sees each done, with the role-play that did it. A new rep of the demo
// manager's team, so that no other test's practice can complete their assignments. Overdue needs a
// clock the browser cannot move: a due date in the past is refused, and overdue is unit-tested.
const SCENARIO = 'renewal-price-objection';
type Beat = { choices?: { text: string; quality: 'good' | 'bad' | 'ok' }[] };
const beats = Object.values(
	(
		parse(readFileSync(`content/en/scenarios/${SCENARIO}.yaml`, 'utf8')) as {
			beats: Record<string, Beat>;
		}
	).beats
);
const choicesOf = (quality: 'good' | 'bad') =>
	beats.flatMap((beat) =>
		(beat.choices ?? []).filter((c) => c.quality === quality).map((c) => c.text)
	);

/** A new rep, in the demo manager's team, signed in on a page of their own. */
async function newRepInTeam(
	browser: Browser,
	name: string
): Promise<{ rep: Page; close: () => Promise<void> }> {
	const email = uniqueEmail('assigned');
	const link = await createInvite(browser, email);
	const context = await browser.newContext();
	const rep = await context.newPage();
	await acceptInvite(rep, link, name, 'a-long-enough-password');
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	await admin.goto('/admin/teams');
	await admin.getByRole('link', { name: '台北一組 Taipei 1' }).click();
	await admin.getByLabel('Person').selectOption({ label: `${name} (${email})` });
	await admin.getByRole('button', { name: 'Add a member' }).click();
	await expect(admin.getByText(`${name} added.`)).toBeVisible();
	await adminContext.close();
	return { rep, close: () => context.close() };
}

/** From the rep's home, starts the assigned practice and picks `quality` choices until the call ends. */
async function playAssigned(rep: Page, quality: 'good' | 'bad'): Promise<string> {
	await rep.goto('/');
	await rep.getByRole('button', { name: /^Start practice/ }).click();
	await expect(rep).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	const wanted = choicesOf(quality);
	for (let turn = 0; turn < 20; turn++) {
		if (await rep.getByRole('heading', { name: 'Result' }).isVisible()) break;
		const buttons = rep.locator('fieldset.choices button');
		await expect(buttons.first()).toBeVisible();
		const texts = await buttons.allTextContents();
		const pick = texts.find((text) => wanted.includes(text.trim())) ?? texts[0]!;
		const answered = await rep.locator('.line.rep').count();
		await rep.getByRole('button', { name: pick.trim(), exact: true }).click();
		await expect(rep.locator('.line.rep')).toHaveCount(answered + 1);
	}
	await expect(rep.getByRole('heading', { name: 'Result' })).toBeVisible();
	return rep.url().split('/').pop()!;
}

test('a manager assigns a scenario and a script entry; the rep does them; completion comes from what they did', async ({
	page,
	browser
}) => {
	// Two role-plays and a dozen pages across three people: slow on a busy 2-core machine.
	test.setTimeout(120_000);
	const tag = Date.now().toString(36);
	const name = `Assigned Rep ${tag}`;
	const { rep, close } = await newRepInTeam(browser, name);

	// The manager finds the rep on the dashboard and opens their page at the assignment forms.
	await signInAs(page, 'manager');
	await page.goto('/team/dashboard');
	await page.getByRole('rowheader', { name }).getByRole('link', { name }).click();
	await expect(page).toHaveURL(/\/team\/reps\/[a-z0-9]+$/);
	const repPage = new URL(page.url()).pathname;
	const assignments = page.getByRole('region', { name: 'Assignments' });
	await expect(assignments.getByText('Nothing assigned yet.')).toBeVisible();

	// Weak spots' "Assign" opens this page with its scenario chosen.
	await page.goto(`${repPage}?scenario=${SCENARIO}#assign-scenario`);
	const scenarioForm = page.locator('#assign-scenario');
	await expect(scenarioForm.getByLabel('Scenario')).toHaveValue(SCENARIO);

	// A pass mark outside 0–100 and a due date in the past are refused with a message (the browser's
	// own checks switched off, as a hand-made post would skip them), and what was typed stays.
	await scenarioForm.getByLabel('Mode').selectOption({ label: 'Multiple choice' });
	await scenarioForm.getByLabel('Pass mark (0–100)').fill('150');
	await scenarioForm
		.getByLabel('Note for the rep (optional)')
		.fill(`Nail the price line <b>${tag}</b>`);
	await scenarioForm.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await scenarioForm.getByRole('button', { name: 'Assign' }).click();
	await expect(page.locator('#assign-scenario').getByRole('alert')).toHaveText(
		'The pass mark is a whole number from 0 to 100.'
	);
	await expect(
		page.locator('#assign-scenario').getByLabel('Note for the rep (optional)')
	).toHaveValue(`Nail the price line <b>${tag}</b>`);
	await page.locator('#assign-scenario').getByLabel('Pass mark (0–100)').fill('60');
	await page.locator('#assign-scenario').getByLabel('Due by').fill('2020-01-31');
	await page
		.locator('#assign-scenario form')
		.evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await page.locator('#assign-scenario').getByRole('button', { name: 'Assign' }).click();
	await expect(page.locator('#assign-scenario').getByRole('alert')).toHaveText(
		'The due date cannot be in the past: choose today or a later day.'
	);

	// Due today (the earliest the form takes), it is assigned.
	const due = await page.locator('#assign-scenario').getByLabel('Due by').getAttribute('min');
	await page.locator('#assign-scenario').getByLabel('Due by').fill(due!);
	await page.locator('#assign-scenario').getByRole('button', { name: 'Assign' }).click();
	await expect(page.getByRole('status')).toHaveText('Assigned. The rep sees it on their home.');
	const scenarioItem = page
		.getByRole('region', { name: 'Assignments' })
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href="/practice/${SCENARIO}"]`) });
	await expect(scenarioItem).toContainText('Due');
	await expect(scenarioItem).toContainText('Multiple choice, pass mark 60');
	// The note is text: its markup is not markup.
	await expect(scenarioItem.getByText(`Nail the price line <b>${tag}</b>`)).toBeVisible();
	await expect(scenarioItem.locator('.note b')).toHaveCount(0);

	// A script entry to review, then a second one, cancelled.
	for (const entry of ['price-too-high', 'can-you-discount']) {
		await page.goto(`${repPage}?script=${entry}`);
		await page.locator('#assign-script').getByRole('button', { name: 'Assign' }).click();
		await expect(page.getByRole('status')).toHaveText('Assigned. The rep sees it on their home.');
	}
	const items = page.getByRole('region', { name: 'Assignments' }).getByRole('listitem');
	await expect(items).toHaveCount(3);
	const discount = items.filter({ has: page.locator('a[href="/library/can-you-discount"]') });
	await discount.getByRole('button', { name: /^Cancel/ }).click();
	await expect(page.getByRole('status')).toHaveText('The assignment was cancelled.');
	await expect(page.getByRole('region', { name: 'Assignments' }).getByRole('listitem')).toHaveCount(
		2
	);

	// The rep's home lists both, due, with the way to do each.
	await rep.goto('/');
	const home = rep.getByRole('region', { name: /^Assigned to you/ });
	await expect(home.getByRole('listitem')).toHaveCount(2);
	await expect(home).toContainText('Multiple choice, pass mark 60');
	await expect(home).toContainText(`Nail the price line <b>${tag}</b>`);
	const homeScenario = home
		.getByRole('listitem')
		.filter({ has: rep.locator(`a[href="/practice/${SCENARIO}"]`) });
	await expect(homeScenario).toContainText('Due');
	await expect(home.getByText('王建國')).toHaveCount(2);

	// Under the pass mark: the role-play ends, the assignment is still due.
	await playAssigned(rep, 'bad');
	await rep.goto('/');
	await expect(homeScenario.locator('.badge')).toHaveText('Due');
	// Over it: done, and the home says so (for a few days).
	const passed = await playAssigned(rep, 'good');
	await expect(rep.getByText(/^Passed/)).toBeVisible();
	await rep.goto('/');
	await expect(homeScenario.locator('.badge')).toHaveText('Done');
	await expect(home.getByRole('button', { name: /^Start practice/ })).toHaveCount(0);
	// Opening the entry reviews it.
	await home.getByRole('link', { name: /^Open the entry/ }).click();
	await expect(rep).toHaveURL(/\/library\/price-too-high$/);
	await rep.goto('/');
	await expect(home.locator('.badge', { hasText: 'Done' })).toHaveCount(2);
	await expect(home.getByRole('link', { name: /^Open the entry/ })).toHaveCount(0);

	// The manager sees both done, the scenario with the role-play that did it.
	await page.goto(repPage);
	const done = page.getByRole('region', { name: 'Assignments' }).getByRole('listitem');
	await expect(done.locator('.badge', { hasText: 'Done' })).toHaveCount(2);
	await expect(done.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
	const did = done.getByRole('link', { name: /^The role-play that did it/ });
	await expect(did).toHaveAttribute('href', `/attempts/${passed}`);
	await did.click();
	await expect(page).toHaveURL(new RegExp(`/attempts/${passed}$`));
	await close();
});

test('another team’s manager cannot assign the rep anything, nor see their assignments', async ({
	browser
}) => {
	const email = uniqueEmail('outside-lead');
	const link = await createInvite(browser, email, ['manager']);
	const context = await browser.newContext();
	const outsider = await context.newPage();
	await acceptInvite(outsider, link, 'Outside lead', 'a-long-enough-password');
	// The demo rep's page, as their own manager found it.
	const managerContext = await browser.newContext();
	const manager = await managerContext.newPage();
	await signInAs(manager, 'manager');
	await manager.goto('/team/dashboard');
	await manager
		.getByRole('rowheader', { name: /張小雯/ })
		.getByRole('link')
		.click();
	const repPage = new URL(manager.url()).pathname;
	await managerContext.close();
	const response = await outsider.goto(`${repPage}?scenario=${SCENARIO}`);
	expect(response?.status()).toBe(404);
	const posted = await outsider.request.post(`${repPage}?/assign`, {
		form: {
			kind: 'scenario',
			content: SCENARIO,
			mode: 'text',
			passMark: '50',
			due: '2099-01-01',
			note: 'x'
		},
		headers: { origin: new URL(outsider.url()).origin }
	});
	expect(posted.status()).toBe(404);
	await context.close();
});
