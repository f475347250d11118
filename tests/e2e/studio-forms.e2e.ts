import { expect, test, type Locator, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { checkContentFiles } from '../../src/lib/engine/content/check';
import { createStudioItem, signInAs, startAsRep } from './helpers';

const id = `price-call-${Date.now().toString(36)}`;
const goodReplies = [
	'Hello Mr. Lee, my name is Kevin from MetalHub. Do you have a minute?',
	'I understand. What do you compare it with? Most members compare it with one trade fair.'
];

/** A beat's section in the form, by its id. */
const beat = (page: Page, beatId: string): Locator => page.locator(`details#beat-${beatId}`);
/** One entry of a list in the form (a key point, a rule…), by its heading, e.g. "rule 1". */
const entry = (scope: Locator, name: string): Locator =>
	scope.getByRole('group', { name: new RegExp(`^${name}$`, 'i') });

test('a trainer writes a scenario in the form only, fixes an unreachable beat, publishes; a rep plays it; the export passes content:check', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	await signInAs(page, 'trainer');
	await createStudioItem(page, 'scenario', 'en', id);

	// A new scenario opens in the form, as a call that already works: an opening beat and two endings.
	await expect(page.getByRole('button', { name: 'Form' })).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('heading', { name: 'Customer and settings' })).toBeVisible();
	await expect(page.getByLabel('File', { exact: true })).toHaveCount(0);
	await page.getByLabel(/^Title/).fill(`Too expensive ${id}`);
	await page
		.getByLabel(/^Objective/)
		.fill('Keep the price and book a time to go through the figures.');
	await page.getByLabel(/^Name/).fill('Mrs. Chen');
	await page.getByLabel('Job title').fill('Purchasing manager');
	await page.getByLabel('Company').fill('Chen Tools');
	await page.getByLabel('Mood (optional)').fill('Busy, counts every dollar');

	// A new beat, named as a trainer would name it.
	const add = page.getByRole('region', { name: 'Add a beat' });
	await add.getByLabel('Beat name').fill('Price objection');
	await expect(add.getByText('Its id in the file: price-objection')).toBeVisible();
	await add.getByRole('button', { name: 'Add beat' }).click();
	const price = beat(page, 'price-objection');
	await expect(price).toHaveAttribute('open', '');
	await expect(price.getByLabel('The customer says')).toBeFocused();
	await page.keyboard.type('Your membership is too expensive.');
	await price.getByRole('button', { name: 'Add key point' }).click();
	// Focus lands on the new entry's heading, as in every list of the studio's forms.
	await expect(price.getByRole('heading', { name: 'key point 1', exact: true })).toBeFocused();
	const point = entry(price, 'key point 1');
	await point.getByLabel('What the rep should do').fill('Asks what they compare the price with');
	await point.getByRole('textbox', { name: 'cue 1', exact: true }).fill('compare');
	await point.getByRole('button', { name: 'Add cue' }).click();
	await point.getByRole('textbox', { name: 'cue 2', exact: true }).fill('compared');
	await price.getByRole('button', { name: 'Add the usual rules' }).click();
	await expect(entry(price, 'rule 1').getByLabel('Go to')).toHaveValue('won');
	// Each rule reads in a few words beside its heading, which keeps its plain name.
	const rules = price.getByRole('region', { name: 'Where the call goes next' });
	await expect(
		rules
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: 'rule 1', exact: true }) })
	).toContainText('→ won');

	// Nothing goes to the new beat yet: the checker says so, and the beat says it in the trainer's words.
	const unreachable =
		'No rule leads to the beat “Price objection” yet: choose it under “Go to” in a rule of another beat, or remove it.';
	await expect(page.locator('.problems').getByText(unreachable)).toBeVisible();
	await expect(price.getByText(unreachable)).toBeVisible();
	await expect(price.locator('summary')).toContainText('1 to fix');
	await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();

	// A good opening now leads to the price objection.
	const greet = beat(page, 'greet');
	await entry(greet, 'rule 1').getByLabel('Go to').selectOption('price-objection');
	await expect(page.getByText(unreachable)).toHaveCount(0);
	await expect(price.locator('summary .badge.off')).toHaveCount(0);
	// The good examples must now get through two beats: the playtest says they stop early.
	await expect(page.locator('.problems')).toContainText(
		'The good replies must win with at least 70'
	);
	const good = page.getByRole('group', { name: 'Good replies' });
	await good.getByRole('textbox', { name: 'good reply 1', exact: true }).fill(goodReplies[0]!);
	await good.getByRole('button', { name: 'Add good reply' }).click();
	await good.getByRole('textbox', { name: 'good reply 2', exact: true }).fill(goodReplies[1]!);

	// Changing a beat's id follows it everywhere it is used; its name stays.
	await price.getByLabel('Id in the file').fill('price');
	await price.getByRole('button', { name: 'Change id' }).click();
	await expect(entry(beat(page, 'greet'), 'rule 1').getByLabel('Go to')).toHaveValue('price');
	await expect(beat(page, 'price').getByLabel('Beat name')).toHaveValue('Price objection');

	await expect(page.getByRole('heading', { name: 'No problems: ready to publish.' })).toBeVisible();
	await expect(
		page.getByText(/Good examples: Won with \d+ · path greet → Price objection → won/)
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Score ranges of the endings' })).toBeVisible();
	await expect(page.getByText(/^won \(Won\): \d+–100$/)).toBeVisible();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toHaveText('Published as revision 1.');
	// After publishing, the form shows the published scenario again.
	await expect(beat(page, 'price').locator('summary')).toContainText(
		'Your membership is too expensive.'
	);

	// A rep plays it.
	const { rep, close } = await startAsRep(browser, id);
	await expect(rep.getByText('Hello?')).toBeVisible();
	for (const [i, reply] of goodReplies.entries()) {
		await rep.getByLabel('Your reply').fill(reply);
		await rep.getByRole('button', { name: 'Send' }).click();
		await expect(rep.getByText(/Score for this reply: \d+/)).toHaveCount(i + 1);
	}
	await expect(rep.getByRole('heading', { name: 'Result' })).toBeVisible();
	await expect(rep.getByText(/^Passed \(pass mark 70\)/)).toBeVisible();
	await close();

	// The export holds the new scenario as a file, and the whole export passes content:check.
	const response = await page.request.get('/studio/export');
	expect(response.status()).toBe(200);
	const files = Object.entries(unzipSync(new Uint8Array(await response.body()))).map(
		([path, bytes]) => ({ path: path.replace(/^content\//, ''), text: strFromU8(bytes) })
	);
	const mine = files.find((file) => file.path === `en/scenarios/${id}.yaml`);
	expect(mine?.text).toContain('start: greet');
	expect(mine?.text).toContain('goto: price');
	expect(mine?.text).toContain('  price:\n    name: Price objection\n');
	expect(mine?.text).toContain('name: Mrs. Chen');
	expect(mine?.text).toContain(
		`title: Too expensive ${id}\nobjective: Keep the price and book a time to go through the figures.\n`
	);
	const checked = checkContentFiles(files);
	expect(checked.problems).toEqual([]);
	expect(checked.items.some((item) => item.kind === 'scenario' && item.id === id)).toBe(true);
});

test('a beat is removed only after saying which rules go to it', async ({ page }) => {
	await signInAs(page, 'trainer');
	await createStudioItem(page, 'scenario', 'en', `${id}-remove`);
	await expect(page.getByRole('heading', { name: 'Customer and settings' })).toBeVisible();

	// Moving a beat changes its place, and the keyboard stays on it.
	const lost = beat(page, 'lost');
	await lost.getByRole('button', { name: 'Move beat lost up' }).press('Enter');
	await expect
		.poll(() => page.locator('details.beat').evaluateAll((sections) => sections.map((s) => s.id)))
		.toEqual(['beat-greet', 'beat-lost', 'beat-won']);
	await expect(lost.getByRole('button', { name: 'Move beat lost up' })).toBeFocused();

	await lost.getByRole('button', { name: 'Remove beat lost' }).click();
	const confirm = lost.getByRole('group', { name: /^Remove beat lost\?/ });
	await expect(confirm).toBeFocused();
	await expect(confirm).toContainText('rule 3 of greet');
	await confirm.getByRole('button', { name: 'Keep it' }).click();
	await expect(lost).toBeVisible();

	await lost.getByRole('button', { name: 'Remove beat lost' }).click();
	await lost.getByRole('button', { name: 'Remove it' }).click();
	await expect(beat(page, 'lost')).toHaveCount(0);
	const gone =
		'In the beat “greet”, rule 3 has “lost” under “Go to”, which is not a beat: choose another.';
	await expect(page.locator('.problems').getByText(gone)).toBeVisible();
	await expect(beat(page, 'greet').getByText(gone)).toBeVisible();
	await expect(entry(beat(page, 'greet'), 'rule 3').getByLabel('Go to')).toHaveValue('lost');
	await expect(
		entry(beat(page, 'greet'), 'rule 3').getByRole('option', { name: 'lost (not found)' })
	).toHaveCount(1);
});

test('the rubric chosen in the form stays chosen after saving the draft and after a reload', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	await createStudioItem(page, 'scenario', 'en', `${id}-rubric`);
	const rubric = page.getByLabel('Rubric (optional)');
	await rubric.selectOption({ label: 'Phone Sales Role-Play Scorecard (Hiring)' });
	const chosen = await rubric.inputValue();
	expect(chosen).not.toBe('');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('status')).toHaveText('Draft saved.');
	await expect(rubric).toHaveValue(chosen);
	await expect(rubric.locator('option:checked')).toHaveText(
		'Phone Sales Role-Play Scorecard (Hiring)'
	);
	await page.reload();
	await expect(rubric).toHaveValue(chosen);
});
