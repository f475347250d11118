import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { demoAccount, signInAs } from './helpers';

const scenario = parse(
	readFileSync('content/en/scenarios/renewal-price-objection.yaml', 'utf8')
) as { title: string; examples: { good: string[] } };

async function scoreEverything(page: Page, score: number, recommendation: string): Promise<void> {
	for (const group of await page
		.getByRole('group')
		.filter({ has: page.getByRole('radio', { name: / 1$/ }) })
		.all()) {
		await group.getByRole('radio', { name: new RegExp(` ${score}$`) }).check();
	}
	await page.getByRole('radio', { name: recommendation, exact: true }).check();
	await page.getByRole('button', { name: 'Submit my scores' }).click();
	// The whole scorecard to look over first: nothing is final until it is confirmed.
	await expect(
		page.getByRole('heading', { name: 'Check your scorecard before you submit' })
	).toBeVisible();
	await expect(page.getByText('Once submitted, your rating cannot be changed')).toBeVisible();
	await page.getByRole('button', { name: 'Confirm and submit' }).click();
	await expect(page.getByRole('status')).toHaveText('Your scores are submitted.');
}

/** The manager signs in and adds a candidate. */
async function addCandidateAsManager(page: Page, name: string, position: string): Promise<void> {
	await signInAs(page, 'manager');
	await page.goto('/hiring/candidates');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Position applied for').fill(position);
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(page.getByRole('status')).toContainText('added');
}

test('an online interview: scheduled, taken through the link, scored blind by two, compared and printed', async ({
	page,
	browser
}) => {
	// A whole hiring round: a candidate's role-play, two interviewers, and what each may see on the way.
	test.setTimeout(90_000);
	const position = `Phone sales ${Date.now().toString(36)}`;
	await addCandidateAsManager(page, '林小姐 Ms. Lin', position);

	await page.goto('/hiring/interviews/new');
	await page
		.getByLabel('Candidate', { exact: true })
		.selectOption({ label: `林小姐 Ms. Lin · ${position}` });
	await page.getByLabel('Scenario', { exact: true }).selectOption({ label: scenario.title });
	await page.getByRole('radio', { name: /^Online/ }).check();
	await page.getByRole('checkbox', { name: /陳志明/ }).check();
	await page.getByRole('button', { name: 'Schedule' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interview: 林小姐 Ms. Lin');
	await page.getByRole('button', { name: 'Create a candidate link' }).click();
	const link = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue();

	// The candidate, in a browser with no account.
	const candidateContext = await browser.newContext();
	const candidate = await candidateContext.newPage();
	expect((await candidate.goto(link))?.headers()['cache-control']).toContain('no-store');
	await candidate.getByRole('checkbox').check();
	// The action's own answer too (the form posts with fetch): no cache keeps the candidate's page.
	const [started] = await Promise.all([
		candidate.waitForResponse((r) => r.request().method() === 'POST'),
		candidate.getByRole('button', { name: 'Start' }).click()
	]);
	expect(started.headers()['cache-control']).toContain('no-store');
	for (const reply of scenario.examples.good) {
		if (!(await candidate.getByLabel('Your reply').isVisible())) break;
		await candidate.getByLabel('Your reply').fill(reply);
		await candidate.getByRole('button', { name: 'Send' }).click();
		await expect(
			candidate.getByText(reply).or(candidate.getByRole('heading', { name: 'Thank you' }))
		).toBeVisible();
	}
	await expect(candidate.getByRole('heading', { name: 'Thank you' })).toBeVisible();
	// Nothing about scoring ever reached the candidate.
	const html = await candidate.content();
	expect(html).not.toMatch(/Score for this reply|Points made|\bcues\b|\bexpect\b|rubric/i);
	await candidate.goto(link);
	await expect(candidate.getByRole('heading', { name: 'Thank you' })).toBeVisible();
	await candidateContext.close();

	// The manager reads the transcript with its highlights and scores blind; the link says it was used.
	await page.reload();
	await expect(page.getByText(/^Link used: the candidate finished on /)).toBeVisible();
	await expect(page.getByText(/A link is active|Link active until/)).toHaveCount(0);
	await expect(page.getByText(/Automatic score \(advisory\): \d+/)).toBeVisible();
	await expect(page.locator('mark').first()).toBeVisible();
	await expect(page.getByText('Submit your own scores to see the panel’s.')).toBeVisible();
	await scoreEverything(page, 4, 'Yes');
	await expect(page.getByText('1 of 2 interviewers have submitted.')).toBeVisible();
	const interviewUrl = page.url().split('?')[0]!;

	// The second interviewer cannot see the first one's scores before submitting.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	await admin.goto(interviewUrl);
	await expect(admin.getByText('Submit your own scores to see the panel’s.')).toBeVisible();
	await expect(admin.getByRole('cell', { name: '4', exact: true })).toHaveCount(0);
	// Nor anywhere else: the comparison and its CSV hide the panel's figures, the candidate's data download waits.
	await admin.goto(`/hiring/compare?position=${encodeURIComponent(position)}`);
	await expect(admin.getByRole('row').filter({ hasText: '林小姐 Ms. Lin' })).toContainText(
		'Hidden (blind scoring)'
	);
	await expect(
		admin.getByRole('row').filter({ hasText: '林小姐 Ms. Lin' }).getByText('75')
	).toHaveCount(0);
	const hiddenCsv = await (
		await admin.request.get(`/hiring/compare/csv?position=${encodeURIComponent(position)}`)
	).text();
	expect(hiddenCsv).toContain('Hidden (blind scoring)');
	expect(hiddenCsv).not.toContain(',75,');
	await admin.goto('/hiring/candidates');
	await admin.getByRole('link', { name: '林小姐 Ms. Lin' }).click();
	await expect(admin.getByText(/The download waits for blind scoring/)).toBeVisible();
	expect((await admin.request.get(`${admin.url()}/export`)).status()).toBe(409);
	await admin.goto(interviewUrl);
	await scoreEverything(admin, 2, 'No');
	await expect(admin.getByText('2 of 2 interviewers have submitted.')).toBeVisible();
	await expect(admin.getByText('Disagreement: talk it over').first()).toBeVisible();
	await adminContext.close();

	// Compare and print.
	await page.goto(`/hiring/compare?position=${encodeURIComponent(position)}`);
	await expect(page.getByText(/^1 interview for this position$/)).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: '林小姐 Ms. Lin' });
	await expect(row.getByText('50')).toBeVisible(); // (75 + 25) ÷ 2
	await expect(row).toContainText('Scored (2/2)');
	const csv = await page.request.get(
		`/hiring/compare/csv?position=${encodeURIComponent(position)}`
	);
	expect(await csv.text()).toContain('林小姐 Ms. Lin');
	await page.goto(`${interviewUrl}/scorecard`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('林小姐 Ms. Lin');
	await expect(page.getByText('Weighted score 50')).toBeVisible();
});

test('a rep never reaches hiring, and a wrong candidate link gives a clear page', async ({
	page,
	browser
}) => {
	await signInAs(page, 'rep');
	expect((await page.goto('/hiring'))?.status()).toBe(403);
	const anonymous = await browser.newContext();
	const visitor = await anonymous.newPage();
	const response = await visitor.goto('/try/not.arealtoken');
	expect(response?.status()).toBe(200);
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	await expect(visitor.getByRole('alert')).toHaveText(/This link is not valid/);
	await anonymous.close();
});

test('a new interview offers only managers and admins for the panel, and refuses a team that is not the manager’s', async ({
	page
}) => {
	await addCandidateAsManager(page, 'Team Check', 'Team test');
	await page.goto('/hiring/interviews/new');
	const panel = page.getByRole('group', { name: 'Panel (interviewers)' });
	await expect(panel.getByRole('checkbox', { name: demoAccount('admin').name })).toBeVisible();
	for (const role of ['rep', 'trainer'] as const)
		await expect(panel.getByRole('checkbox', { name: demoAccount(role).name })).toHaveCount(0);
	await page
		.getByLabel('Candidate', { exact: true })
		.selectOption({ label: 'Team Check · Team test' });
	// A team the form does not offer (here one that does not exist) is refused with a message, not a crash.
	await page
		.getByLabel('Team (optional)')
		.evaluate((select) => ((select as HTMLSelectElement).options[0]!.value = 'no-such-team'));
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Schedule' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.getByRole('alert')).toHaveText('Choose one of your own teams, or none.');
});

test('a live interview: the cue card moves on with the interviewer’s verdicts', async ({
	page
}) => {
	await addCandidateAsManager(page, 'Live Candidate', 'Live test');
	await page.goto('/hiring/interviews/new');
	await page
		.getByLabel('Candidate', { exact: true })
		.selectOption({ label: 'Live Candidate · Live test' });
	await page.getByRole('radio', { name: /^Live/ }).check();
	await page.getByRole('button', { name: 'Schedule' }).click();
	await page.getByRole('button', { name: 'Start the live role-play' }).click();
	await expect(page.getByRole('heading', { name: 'Say this as the customer' })).toBeVisible();
	const first = await page.locator('.say').textContent();
	await page.getByRole('button', { name: '✓ Handled' }).click();
	await expect(page.locator('.say')).not.toHaveText(first!);
	const ended = page.getByText('The role-play has ended. Score the rubric now.');
	for (let turns = 2; turns < 14 && !(await ended.isVisible()); turns++) {
		await page.getByRole('button', { name: '✗ Not handled' }).click();
		// Each turn is the interviewer's verdict, with no score for a reply nobody typed.
		await expect(page.getByText('Interviewer’s verdict')).toHaveCount(turns);
		await expect(page.getByText(/Score for this reply/)).toHaveCount(0);
	}
	await expect(page.getByText('The role-play has ended. Score the rubric now.')).toBeVisible();
});
