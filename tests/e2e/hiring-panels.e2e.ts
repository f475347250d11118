import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoAccount, signInAs } from './helpers';

/** A manager's page in zh-TW (the browser asks for it; the demo manager has no language of their own). */
async function zhManager(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext({
		locale: 'zh-TW',
		extraHTTPHeaders: { 'accept-language': 'zh-TW,zh;q=0.9' }
	});
	const page = await context.newPage();
	await signInAs(page, 'manager');
	return { page, close: () => context.close() };
}

test('a live interview in zh-TW: the cue card follows the verdicts and shows notes as notes', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { page, close } = await zhManager(browser);
	const name = `現場應徵者 ${Date.now().toString(36)}`;
	await page.goto('/hiring/candidates');
	await page.getByLabel('姓名').fill(name);
	await page.getByLabel('應徵職位').fill('電話業務');
	await page.getByRole('button', { name: '新增應徵者' }).click();
	await expect(page.getByRole('status')).toContainText(name);
	await page.goto('/hiring/interviews/new');
	await page.getByLabel('應徵者', { exact: true }).selectOption({ label: `${name} · 電話業務` });
	await page
		.getByLabel('情境', { exact: true })
		.selectOption({ label: '「太貴了，算便宜一點」：金牌會員續約殺價' });
	await page.getByRole('radio', { name: /^現場/ }).check();
	await page.getByRole('button', { name: '安排', exact: true }).click();
	await page.getByRole('button', { name: '開始現場角色扮演' }).click();
	const say = page.locator('.say');
	await expect(say).toHaveText('喂，永鑫採購部，我姓王。');
	const after = page.locator('.after');

	// Opening, price and value handled: the customer reaches the discount.
	for (let turn = 0; turn < 3; turn++) {
		const before = await say.textContent();
		await page.getByRole('button', { name: '✓ 處理得好' }).click();
		await expect(say).not.toHaveText(before!);
	}
	await expect(after).toHaveText('你判定「✓ 處理得好」：客戶往下一個話題走。');
	const discount = /你算我兩萬就好，零頭去掉/;
	await expect(say).toHaveText(discount);

	// Not handled, with a note: the customer asks again the same way, presuming no offer.
	await page.getByLabel('筆記（選填）').fill('有先認同，但沒有提出任何方案');
	await page.getByRole('button', { name: '✗ 沒有處理' }).click();
	await expect(after).toContainText('你判定「✗ 沒有處理」：客戶把同一個難題再丟一次');
	await expect(say).toHaveText(discount);
	await expect(page.getByText(/兩年？|拜託，別家業務都會給一點/)).toHaveCount(0);
	// The note is the interviewer's, labelled so; nobody typed a reply, so no score is shown.
	await expect(page.locator('.transcript .note')).toHaveText(
		/^面試官筆記.有先認同，但沒有提出任何方案$/
	);
	await expect(page.locator('.transcript .rep')).toHaveCount(0);
	await expect(page.getByText(/這句回答的分數/)).toHaveCount(0);
	await expect(page.getByText('面試官的判斷')).toHaveCount(4);

	// Handled this time: on to the two-year figures.
	await page.getByRole('button', { name: '✓ 處理得好' }).click();
	await expect(say).toHaveText(/那算下來到底是多少/);
	await page.screenshot({ path: '/tmp/shots-hiring-panels/e2e-live-zh.png', fullPage: true });
	await close();
});

async function scheduleOnline(page: Page, name: string, position: string): Promise<string> {
	await page.goto('/hiring/candidates');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Position applied for').fill(position);
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await page.goto('/hiring/interviews/new');
	await page
		.getByLabel('Candidate', { exact: true })
		.selectOption({ label: `${name} · ${position}` });
	await page.getByRole('radio', { name: /^Online/ }).check();
	await page.getByRole('checkbox', { name: demoAccount('admin').name }).check();
	await page.getByRole('button', { name: 'Schedule' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Interview: ${name}`);
	return page.url().split('?')[0]!;
}

async function rate(
	page: Page,
	interviewUrl: string,
	score: number,
	recommendation: string
): Promise<void> {
	await page.goto(interviewUrl);
	for (const group of await page
		.getByRole('group')
		.filter({ has: page.getByRole('radio', { name: / 1$/ }) })
		.all()) {
		await group.getByRole('radio', { name: new RegExp(` ${score}$`) }).check();
	}
	await page.getByRole('radio', { name: recommendation, exact: true }).check();
	await page.getByLabel('Notes').fill(`Rated ${recommendation}`);
	await page.getByRole('button', { name: 'Submit my scores' }).click();
	// The confirm step: the whole scorecard, said to be final once confirmed, and nothing submitted yet.
	await expect(
		page.getByRole('heading', { name: 'Check your scorecard before you submit' })
	).toBeVisible();
	await expect(
		page.getByText(
			'Once submitted, your rating cannot be changed: not the scores, the recommendation or the notes.'
		)
	).toBeVisible();
	await expect(page.locator('.scorecard dd strong').first()).toHaveText(String(score));
	await expect(page.locator('.scorecard')).toContainText(recommendation);
	await expect(page.locator('.scorecard')).toContainText(`Rated ${recommendation}`);
	await expect(
		page.getByText(/0 of 2 interviewers have submitted|1 of 2 interviewers have submitted/)
	).toBeVisible();
	await page.getByRole('button', { name: 'Confirm and submit' }).click();
	await expect(page.getByRole('status')).toHaveText('Your scores are submitted.');
}

test('panels: a confirm step that works without JavaScript, links that tell the truth, disagreement flagged, small samples warned', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signInAs(page, 'manager');
	const position = `Panel test ${Date.now().toString(36)}`;
	const split = await scheduleOnline(page, 'Split Decision', position);
	const agreed = await scheduleOnline(page, 'Agreed Upon', position);

	// The link, as it stands: active, then withdrawn.
	await page.goto(split);
	await expect(page.getByText('No link made yet.')).toBeVisible();
	await page.getByRole('button', { name: 'Create a candidate link' }).click();
	await expect(page.getByText(/^Link active until /)).toBeVisible();
	await page.getByRole('button', { name: 'Withdraw the link' }).click();
	await expect(page.getByText(/^Link withdrawn on /)).toBeVisible();
	await page.goto('/hiring');
	await expect(page.getByRole('row').filter({ hasText: 'Split Decision' })).toContainText(
		'Link withdrawn on'
	);
	await expect(page.getByRole('row').filter({ hasText: 'Agreed Upon' })).toContainText(
		'No link made yet.'
	);

	// The manager rates with JavaScript; the admin without: the confirm step is a plain form.
	const admin = await browser.newContext({ javaScriptEnabled: false });
	const adminPage = await admin.newPage();
	await signInAs(adminPage, 'admin');
	await rate(page, split, 5, 'Strong yes');
	// Blind until the admin submits: the manager sees only their own.
	await expect(page.getByText('1 of 2 interviewers have submitted.')).toBeVisible();
	await adminPage.goto(split);
	await expect(adminPage.getByText('Submit your own scores to see the panel’s.')).toBeVisible();
	await expect(adminPage.getByRole('cell', { name: 'Strong yes' })).toHaveCount(0);
	await rate(adminPage, split, 4, 'No');
	await rate(page, agreed, 4, 'Yes');
	await rate(adminPage, agreed, 4, 'Yes');
	await adminPage.screenshot({
		path: '/tmp/shots-hiring-panels/e2e-panel-nojs.png',
		fullPage: true
	});
	await admin.close();

	// The interview's panel summary flags the recommendations like a rubric row.
	await page.goto(split);
	const row = page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Recommendations' }) });
	await expect(row).toContainText('Strong yes');
	await expect(row).toContainText('No');
	await expect(row).toContainText('Disagreement: talk it over');
	// The rubric rows agree (5 against 4): only the recommendations are flagged.
	await expect(page.getByText('Disagreement: talk it over')).toHaveCount(1);
	// A submitted rating stays as it was: no form to change it.
	await expect(page.getByRole('button', { name: 'Submit my scores' })).toHaveCount(0);

	// The comparison flags the one candidate the panel disagrees on.
	await page.goto(`/hiring/compare?position=${encodeURIComponent(position)}`);
	await expect(page.getByRole('row').filter({ hasText: 'Split Decision' })).toContainText(
		'Recommendations disagree'
	);
	await expect(page.getByRole('row').filter({ hasText: 'Agreed Upon' })).not.toContainText(
		'disagree'
	);

	// Calibration names how many interviews each figure rests on, and warns below five.
	await page.goto('/hiring/calibration');
	const mine = page.getByRole('row').filter({ hasText: demoAccount('manager').name });
	const basis = (await mine.getByRole('cell').nth(2).textContent()) ?? '';
	const interviews = Number(basis.match(/(\d+) interviews?/)![1]);
	if (interviews < 5)
		await expect(mine).toContainText(
			`Based on ${interviews} interview${interviews === 1 ? '' : 's'}: too few to rely on.`
		);
	else await expect(mine).not.toContainText('too few to rely on');
});
