import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { signInAs } from './helpers';

type SoldBefore = {
	title: string;
	beats: Record<
		string,
		{ customer: string; variants?: { line: string }[]; expect?: { point: string }[] }
	>;
	examples: { good: string[] };
};
const read = (locale: string) =>
	parse(
		readFileSync(`content/${locale}/scenarios/sell-what-you-sold-before.yaml`, 'utf8')
	) as SoldBefore;
const zh = read('zh-TW');
const en = read('en');
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** The manager adds a candidate and schedules their "sell what you sold before" interview. */
async function scheduleSoldBefore(
	page: Page,
	labels: {
		name: string;
		position: string;
		add: string;
		candidate: string;
		scenario: string;
		mode: RegExp;
		schedule: string;
	},
	candidate: string,
	position: string,
	title: string
): Promise<void> {
	await page.goto('/hiring/candidates');
	await page.getByLabel(labels.name, { exact: true }).fill(candidate);
	await page.getByLabel(labels.position, { exact: true }).fill(position);
	await page.getByRole('button', { name: labels.add }).click();
	await expect(page.getByRole('status').first()).toBeVisible();
	await page.goto('/hiring/interviews/new');
	await page
		.getByLabel(labels.candidate, { exact: true })
		.selectOption({ label: `${candidate} · ${position}` });
	await page.getByLabel(labels.scenario, { exact: true }).selectOption({ label: title });
	await page.getByRole('radio', { name: labels.mode }).check();
	await page.getByRole('button', { name: labels.schedule }).click();
}

test('a live "sell what you sold before" interview in zh-TW: the cue card follows the difficulties and levels the interviewer picks', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAs(page, 'manager');
	// Chinese from here on by the cookie alone: signed in with it, the demo manager, who has never
	// chosen a language, would keep Chinese on the account, and the other tests read their pages.
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-TW', url: ORIGIN }]);
	const position = `電話業務 ${Date.now().toString(36)}`;
	await scheduleSoldBefore(
		page,
		{
			name: '姓名',
			position: '應徵職位',
			add: '新增應徵者',
			candidate: '應徵者',
			scenario: '情境',
			mode: /^現場/,
			schedule: '安排'
		},
		'張小姐',
		position,
		zh.title
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('面試：張小姐');

	// The interviewer types the product the candidate sold before; it stays text, never markup.
	await page.getByLabel('應徵者以前賣的產品').fill('辦公室淨水器 <b>租賃</b>');
	await page.getByRole('button', { name: '開始現場角色扮演' }).click();
	await expect(page.getByRole('heading', { name: '以客戶身分說' })).toBeVisible();
	await expect(page.getByText('賣以前賣過的產品：辦公室淨水器 <b>租賃</b>')).toBeVisible();
	const say = page.locator('.say');
	await expect(say).toHaveText(zh.beats.open!.customer);

	// A hard "are you a scam?", whatever the scenario's order.
	const next = page.getByRole('group', { name: '客戶接下來丟的刁難' });
	const level = page.getByRole('group', { name: '強度' });
	await next.getByRole('radio', { name: '你們是不是詐騙' }).check();
	await level.getByRole('radio', { name: '強硬' }).check();
	await page.getByRole('button', { name: '✓ 處理得好' }).click();
	await expect(say).toHaveText(zh.beats.scam!.variants!.at(-1)!.line);
	await expect(page.getByRole('status')).toHaveText(
		'你判定「✓ 處理得好」：客戶接著丟出你選的刁難。'
	);
	await expect(page.getByText('目前強度：強硬')).toBeVisible();
	// After a verdict, the choices are back to the scenario's order at the level in force.
	await expect(next.getByRole('radio', { name: '照劇本順序' })).toBeChecked();
	await expect(level.getByRole('radio', { name: '強硬' })).toBeChecked();

	// Then a mild "too expensive", partly handled.
	await next.getByRole('radio', { name: '太貴了' }).check();
	await level.getByRole('radio', { name: '溫和' }).check();
	await page.getByRole('button', { name: '~ 部分做到' }).click();
	await expect(say).toHaveText(zh.beats.price!.variants![0]!.line);
	await expect(page.getByText('目前強度：溫和')).toBeVisible();

	// Not handled, with no pick: the same difficulty again at the same level, nothing presumed.
	await page.getByRole('button', { name: '✗ 沒有處理' }).click();
	await expect(page.getByRole('status')).toContainText('客戶把同一個難題再丟一次');
	await expect(say).toHaveText(zh.beats.price!.variants![0]!.line);
	await expect(page.getByText('面試官的判斷')).toHaveCount(3);

	// The product is on the scorecard and the comparison too.
	const interviewUrl = page.url().replace(/\/live.*$/, '');
	await page.goto(`${interviewUrl}/scorecard`);
	await expect(page.getByText('賣以前賣過的產品：辦公室淨水器 <b>租賃</b>')).toBeVisible();
	await page.goto(`/hiring/compare?position=${encodeURIComponent(position)}`);
	await expect(page.getByRole('row').filter({ hasText: '張小姐' })).toContainText(
		'以前賣的：辦公室淨水器 <b>租賃</b>'
	);
	const csv = await (
		await page.request.get(`/hiring/compare/csv?position=${encodeURIComponent(position)}`)
	).text();
	expect(csv).toContain('辦公室淨水器 <b>租賃</b>');
	await context.close();
});

test('an online "sell what you sold before" interview in English: the candidate names their product, hears the difficulties in order, and sees no rubric or cue', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	await signInAs(page, 'manager');
	const position = `Phone sales ${Date.now().toString(36)}`;
	await scheduleSoldBefore(
		page,
		{
			name: 'Name',
			position: 'Position applied for',
			add: 'Add candidate',
			candidate: 'Candidate',
			scenario: 'Scenario',
			mode: /^Online/,
			schedule: 'Schedule'
		},
		'Amy Online',
		position,
		en.title
	);
	await expect(page.getByText('Sells what they sold before: not named yet')).toBeVisible();
	await page.getByRole('button', { name: 'Create a candidate link' }).click();
	const link = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue();

	const candidateContext = await browser.newContext();
	const candidate = await candidateContext.newPage();
	await candidate.goto(link);
	await candidate.getByRole('checkbox').check();
	// Refused until the product is named (the browser's own check is bypassed to reach the server's).
	await candidate
		.locator('form[action="?/start"]')
		.evaluate((form) => form.setAttribute('novalidate', ''));
	await candidate.getByRole('button', { name: 'Start' }).click();
	await expect(candidate.getByRole('alert')).toHaveText('Name the product first.');
	await candidate.getByLabel('The product you sold in your last job').fill('Office water filters');
	await candidate.getByRole('checkbox').check();
	await candidate.getByRole('button', { name: 'Start' }).click();

	// The difficulties come in the scenario's order, at the firm level (each beat's own line).
	const order = ['open', 'bad-timing', 'not-interested', 'scam'];
	for (const [i, reply] of en.examples.good.slice(0, 3).entries()) {
		await expect(candidate.getByText(en.beats[order[i]!]!.customer).last()).toBeVisible();
		await candidate.getByLabel('Your reply').fill(reply);
		await candidate.getByRole('button', { name: 'Send' }).click();
	}
	await expect(candidate.getByText(en.beats.scam!.customer)).toBeVisible();
	const html = await candidate.content();
	expect(html).not.toMatch(/Score for this reply|Points made|\bcues\b|rubric|Listen for|How hard/i);
	for (const beat of Object.values(en.beats))
		for (const point of beat.expect ?? []) expect(html).not.toContain(point.point);
	await candidateContext.close();

	await page.reload();
	await expect(page.getByText('Sells what they sold before: Office water filters')).toBeVisible();
	// Nothing about our product is assessed: the pinned rubric has no such row.
	await expect(page.getByText(/Composure under rejection/).first()).toBeVisible();
	await expect(page.getByText(/Product and industry knowledge|Product knowledge/)).toHaveCount(0);
});
