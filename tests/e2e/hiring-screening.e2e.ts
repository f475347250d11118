import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

const BRIEF =
	'**Product:** MetalHub Gold membership, NT$26,800 a year.\n\n- Two-year offer: 10% off the second year';

interface Screened {
	name: string;
	years: string;
	kinds: string[];
	education: string;
	languages: string;
}

async function addCandidate(page: Page, position: string, who: Screened): Promise<void> {
	await page.goto('/hiring/candidates');
	await page.getByLabel('Name').fill(who.name);
	await page.getByLabel('Position applied for').fill(position);
	await page.getByLabel('Years of sales experience').fill(who.years);
	for (const kind of who.kinds) await page.getByRole('checkbox', { name: kind }).check();
	await page.getByLabel('Highest education').selectOption({ label: who.education });
	await page.getByLabel('Languages').fill(who.languages);
	await page.getByLabel('Manner (speech, attitude)').fill('Clear, friendly');
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(page.getByRole('status')).toContainText(`${who.name} added`);
}

/** The rows of this test's candidates, in the order the list shows them. */
async function ourRows(page: Page, tag: string): Promise<string[]> {
	const names = await page
		.getByRole('row')
		.filter({ hasText: tag })
		.getByRole('link')
		.allTextContents();
	return names.map((name) => name.replace(` ${tag}`, '').trim());
}

test('a manager screens three candidates, filters the list and sends a briefed online interview', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const tag = Date.now().toString(36);
	const position = `Phone sales ${tag}`;
	await signInAs(page, 'manager');

	// The position's knock-out rules, as the handbook has them.
	await page.goto('/hiring/positions');
	await page.getByLabel('Position (as written on the candidates)').fill(position);
	await page.getByLabel('Minimum years of sales experience').fill('1');
	await page.getByLabel('Minimum education').selectOption({ label: 'High school or vocational' });
	await page.getByRole('button', { name: 'Save rules' }).click();
	await expect(page.getByRole('status')).toHaveText(`Rules saved for ${position}.`);
	await expect(page.getByRole('row').filter({ hasText: position })).toContainText(
		'at least 1 yr of sales and at least High school or vocational'
	);

	// A form with a wrong number says so and keeps what was typed.
	await page.goto('/hiring/candidates');
	await page.getByLabel('Name').fill(`Typo ${tag}`);
	await page.getByLabel('Position applied for').fill(position);
	await page.getByLabel('Years of sales experience').fill('two');
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Years of sales experience: a number from 0 to 60 (for example 1 or 1.5), or blank if not asked yet.'
	);
	await expect(page.getByLabel('Years of sales experience')).toHaveValue('two');

	await addCandidate(page, position, {
		name: `Chen ${tag}`,
		years: '3',
		kinds: ['Phone', 'Store'],
		education: 'University',
		languages: '國語、台語、English'
	});
	await addCandidate(page, position, {
		name: `Lin ${tag}`,
		years: '0.5',
		kinds: ['Door-to-door'],
		education: 'High school or vocational',
		languages: '國語'
	});
	await addCandidate(page, position, {
		name: `Wang ${tag}`,
		years: '2',
		kinds: ['Phone'],
		education: 'High school or vocational',
		languages: '台語'
	});

	// The one under a year of sales is flagged with the reason, and stays in the list.
	await page.goto('/hiring/candidates');
	expect(await ourRows(page, tag)).toEqual(['Chen', 'Lin', 'Wang']);
	const lin = page.getByRole('row').filter({ hasText: `Lin ${tag}` });
	await expect(lin).toContainText('Flagged');
	await expect(lin).toContainText('Under the sales experience asked: 0.5 yr of 1 yr');
	await expect(page.getByRole('row').filter({ hasText: `Chen ${tag}` })).not.toContainText(
		'Flagged'
	);

	// Filters and sorts, by the form (no JavaScript needed: a GET).
	await page.getByLabel('Screening result').selectOption({ label: 'Flagged only' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/flagged=flagged&kind=&sort=name/);
	expect(await ourRows(page, tag)).toEqual(['Lin']);
	await page.getByLabel('Screening result').selectOption({ label: 'Not flagged only' });
	await page
		.getByRole('combobox', { name: 'Kind of sales experience' })
		.selectOption({ label: 'Phone' });
	await page.getByLabel('Sort by').selectOption({ label: 'Years of sales, most first' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/flagged=clear&kind=phone&sort=years/);
	expect(await ourRows(page, tag)).toEqual(['Chen', 'Wang']);
	await page.getByLabel('Screening result').selectOption({ label: 'All' });
	await page
		.getByRole('combobox', { name: 'Kind of sales experience' })
		.selectOption({ label: 'Any kind' });
	await page.getByLabel('Sort by').selectOption({ label: 'Education, highest first' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/flagged=all&kind=&sort=education/);
	expect(await ourRows(page, tag)).toEqual(['Chen', 'Lin', 'Wang']);

	// The flag on the candidate's page, with the position's rules.
	await page.getByRole('link', { name: `Lin ${tag}` }).click();
	await expect(page.getByText('Under the sales experience asked: 0.5 yr of 1 yr')).toBeVisible();

	// A briefed online interview, in English, for the candidate who meets the rules.
	await page.goto('/hiring/interviews/new');
	await page
		.getByLabel('Candidate', { exact: true })
		.selectOption({ label: `Chen ${tag} · ${position}` });
	// The brief starts from the scenario's customer; the manager writes the product and prices.
	await expect(page.getByLabel('Brief for the candidate (Markdown)')).toHaveValue(
		/^\*\*Customer:\*\* /
	);
	await page.getByLabel('Brief for the candidate (Markdown)').fill(BRIEF);
	await page.getByRole('radio', { name: /^Online/ }).check();
	await page.getByRole('button', { name: 'Schedule' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Interview: Chen ${tag}`);
	await expect(page.getByRole('region', { name: 'The brief' })).toContainText(
		'MetalHub Gold membership, NT$26,800 a year.'
	);
	await page.getByRole('button', { name: 'Create a candidate link' }).click();
	const link = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue();

	// The candidate reads the brief before the role-play starts, and nothing else of the interview.
	const context = await browser.newContext();
	const candidate = await context.newPage();
	await candidate.goto(link);
	const brief = candidate.getByRole('region', { name: 'Your brief' });
	await expect(brief).toContainText('MetalHub Gold membership, NT$26,800 a year.');
	await expect(brief.locator('strong')).toHaveText('Product:');
	await expect(brief.getByRole('listitem')).toHaveText('Two-year offer: 10% off the second year');
	const html = await candidate.content();
	expect(html).not.toMatch(/rubric|\bcues\b|Flagged|Clear, friendly|Lin \w+|Wang \w+/i);
	await candidate.getByRole('checkbox').check();
	await candidate.getByRole('button', { name: 'Start' }).click();
	await expect(candidate.getByLabel('Your reply')).toBeVisible();
	await candidate.getByText('The brief', { exact: true }).click();
	await expect(candidate.getByText('MetalHub Gold membership, NT$26,800 a year.')).toBeVisible();
	await context.close();
});
