import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { createStudioItem, signInAs } from './helpers';

const id = `xusheng-three-${Date.now().toString(36)}`;

/** One entry of a list in the form (a call, a promise…), by its heading, e.g. "call 2". */
const entry = (page: Page, name: string): Locator =>
	page.getByRole('group', { name: new RegExp(`^${name}\\b`, 'i') });

/** The notes each fact of the three published Xusheng calls needs (the checker wants every one worded). */
const NOTES: Record<string, string> = {
	'material-promised': 'Promised to email the material by 5 pm.',
	'callback-booked': 'Call him back on Wednesday at 2 pm.',
	'decision-maker': 'Fees are decided by {value}.',
	products: 'They make {value}.',
	'material-read': 'He read the material.',
	'summary-promised': 'Promised the chairman a one-page summary.',
	'trial-started': 'Free 14-day trial agreed.',
	'review-booked': 'Day-10 review booked with the chairman.'
};

test('a trainer writes a three-call series in the form, the checker catches a fact read before it is set, reordering fixes it, and it publishes', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signInAs(page, 'trainer');
	await createStudioItem(page, 'series', 'en', id, `Xusheng in three calls ${id}`);

	// A new series opens in the form, from a template of two calls whose scenarios are still to pick.
	await expect(page.getByRole('button', { name: 'Form' })).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('heading', { name: 'Series and customer' })).toBeVisible();
	await page.getByLabel(/^Name/).fill('Manager Tsai');
	await page.getByLabel('Job title').fill('Sales manager');
	await page.getByLabel('Company').fill('Xusheng Packaging Machinery');

	// Three published scenarios, the day-3 check (which reads the trial) before the call that starts it.
	await entry(page, 'call 1').getByLabel('Scenario').selectOption('xusheng-first-call');
	await entry(page, 'call 2').getByLabel('Scenario').selectOption('xusheng-day-3-check');
	await entry(page, 'call 2').getByLabel('Days after the call before').fill('7');
	await page.getByRole('button', { name: 'Add a call' }).click();
	const third = entry(page, 'call 3');
	await third.getByLabel('Scenario').selectOption('xusheng-material-follow-up');
	await third.getByLabel('Days after the call before').fill('2');
	await third
		.getByLabel('What happened meanwhile (optional)')
		.fill('Manager Tsai forwarded your email to Chairman Hsu.');

	// The checker names the fact and the call, with the line of that call in the file.
	const problems = page.getByRole('region', { name: 'Checks and details' });
	const unset = problems
		.getByRole('listitem')
		.filter({ hasText: 'reads the fact “trial-started”' });
	await expect(unset).toContainText('Call 2 (“xusheng-day-3-check”)');
	await page.getByRole('button', { name: 'File', exact: true }).click();
	const file = (await page.getByLabel('File', { exact: true }).inputValue()).split('\n');
	const line = file.findIndex((text) => text.includes('xusheng-day-3-check')) + 1;
	expect(line).toBeGreaterThan(0);
	await expect(unset).toContainText(`Line ${line}`);
	await page.getByRole('button', { name: 'Form', exact: true }).click();
	// The drawing says it in words too.
	const drawing = page.getByRole('region', { name: 'Calls and facts' });
	await expect(drawing.getByText('read before set', { exact: true }).first()).toBeVisible();

	// The call notes list the facts the chosen calls set; each is worded.
	const notes = page.getByRole('region', { name: 'Call notes' });
	for (const [fact, note] of Object.entries(NOTES))
		await notes
			.getByRole('group', { name: new RegExp(`^${fact}\\b`) })
			.getByLabel('Note')
			.fill(note);

	// A promise made in the first call and kept in the follow-up.
	await page.getByRole('button', { name: 'Add a promise' }).click();
	const promise = entry(page, 'promise 1');
	await promise.getByLabel('What the journey page says').fill('Email the material by 5 pm');
	await promise.getByLabel('Id in files').fill('send-material');
	await promise
		.getByRole('group', { name: 'Made when' })
		.getByLabel('Fact', { exact: true })
		.selectOption('material-promised');
	await promise
		.getByRole('group', { name: 'Kept when' })
		.getByLabel('Fact', { exact: true })
		.selectOption('material-read');

	// Reordering fixes it: the follow-up, which starts the trial, moves before the day-3 check.
	await page.getByRole('button', { name: 'Move call 3 up' }).click();
	await expect(entry(page, 'call 2').getByLabel('Scenario')).toHaveValue(
		'xusheng-material-follow-up'
	);
	await expect(
		problems.getByRole('heading', { name: 'No problems: ready to publish.' })
	).toBeVisible({
		timeout: 15_000
	});
	// The playtest bots played the series: the good replies win it, the bad ones do not.
	await expect(problems.getByText(/^Good examples:\s*won the series/)).toBeVisible();

	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Published as revision' })).toBeVisible();

	// The drawing shows the three calls in their new order, and says so in words.
	await drawing.getByText('The drawing in words').click();
	const calls = drawing.getByRole('listitem').filter({ hasText: /^Call \d:/ });
	await expect(calls).toHaveText([
		/^Call 1: Xusheng Packaging \(1\)/,
		/^Call 2: Xusheng Packaging \(2\)/,
		/^Call 3: Xusheng Packaging \(3\)/
	]);
	await expect(drawing.getByText('read before set', { exact: true })).toHaveCount(0);
	await expect(
		drawing.getByText('Promise “Email the material by 5 pm”: made in call 1, kept in call 2.')
	).toBeVisible();

	// The trainer plays the series as a rep would: call 1 to its end, its notes, then call 2 with the facts carried.
	await page.getByRole('link', { name: 'Play the series yourself' }).click();
	await expect(
		page.getByRole('heading', { name: /^Call 1 of 3: Xusheng Packaging \(1\)/ })
	).toBeVisible();
	const firstCall = parse(readFileSync('content/en/scenarios/xusheng-first-call.yaml', 'utf8')) as {
		examples: { good: string[] };
	};
	for (const reply of firstCall.examples.good) {
		await page.getByLabel('Your reply').fill(reply);
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page.getByText(reply)).toBeVisible();
	}
	const callNotes = page.getByRole('region', { name: 'Your call notes' });
	await expect(callNotes.getByText('Promised to email the material by 5 pm.')).toBeVisible();
	await page.getByRole('button', { name: 'Go on to call 2' }).click();
	await expect(
		page.getByRole('heading', { name: /^Call 2 of 3: Xusheng Packaging \(2\)/ })
	).toBeVisible();
	await expect(page.getByText('2 days later')).toBeVisible();
	await expect(page.getByText('Manager Tsai forwarded your email to Chairman Hsu.')).toBeVisible();
	// The facts of call 1 came along: the customer remembers the call-back that was booked.
	await expect(
		page.getByText("Tsai speaking. Oh, MetalHub: two o'clock, right on time.")
	).toBeVisible();
});
