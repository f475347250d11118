import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { acceptInvite, createInvite, signInAs, uniqueEmail } from './helpers';

// A manager coaching a rep: from the dashboard to the rep's page, into a finished role-play of theirs,
// a comment on a turn; the rep then finds it on their home and beside the turn; another team's
// manager finds nothing. The demo rep (張小雯) is in the demo manager's (王建國) team.
const REP_NAME = /張小雯/;
const badReplies = (locale: 'en' | 'zh-TW'): string[] =>
	(
		parse(readFileSync(`content/${locale}/scenarios/renewal-price-objection.yaml`, 'utf8')) as {
			examples: { bad: string[] };
		}
	).examples.bad;

const WORDS = {
	en: {
		mode: /^Free text/,
		start: 'Start the role-play',
		reply: 'Your reply',
		send: 'Send',
		result: 'Result'
	},
	'zh-TW': {
		mode: /^自由作答/,
		start: '開始演練',
		reply: '你的回答',
		send: '送出',
		result: '演練結果'
	}
} as const;

/** The demo rep plays the price scenario with its bad examples until the customer hangs up; the role-play's id. */
async function finishedRolePlay(browser: Browser, locale: 'en' | 'zh-TW'): Promise<string> {
	const context = await browser.newContext({
		locale,
		extraHTTPHeaders: { 'accept-language': locale === 'en' ? 'en-US,en;q=0.9' : 'zh-TW,zh;q=0.9' }
	});
	const rep = await context.newPage();
	const words = WORDS[locale];
	await signInAs(rep, 'rep');
	await rep.goto('/practice/renewal-price-objection');
	await rep.getByRole('radio', { name: words.mode }).check();
	await rep.getByRole('button', { name: words.start }).click();
	await expect(rep).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	for (const reply of badReplies(locale)) {
		if (!(await rep.getByLabel(words.reply).isVisible())) break;
		const answered = await rep.locator('.line.rep').count();
		await rep.getByLabel(words.reply).fill(reply);
		await rep.getByRole('button', { name: words.send }).click();
		await expect(rep.locator('.line.rep')).toHaveCount(answered + 1);
	}
	await expect(rep.getByRole('heading', { name: words.result })).toBeVisible();
	const id = rep.url().split('/').pop()!;
	await context.close();
	return id;
}

test('a manager opens a rep’s page and role-play, comments on a turn; the rep sees it; another team’s manager cannot', async ({
	page,
	browser
}) => {
	// A role-play played, then three people's pages: slow on a busy 2-core machine.
	test.setTimeout(120_000);
	const attemptId = await finishedRolePlay(browser, 'en');
	const tag = Date.now().toString(36);
	const onTurn = `Good that you asked for a minute (${tag}). <b>Next</b>: ask about results before the price.`;
	const onWhole = `Overall (${tag}): stay on the line when he pushes back.\nLet's role-play it on Friday.`;

	// The dashboard names each rep as a link to their page.
	await signInAs(page, 'manager');
	await page.goto('/team/dashboard');
	await page.getByRole('rowheader', { name: REP_NAME }).getByRole('link').click();
	await expect(page).toHaveURL(/\/team\/reps\/[a-z0-9]+$/);
	const repPage = page.url();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('張小雯');
	for (const heading of [
		'Onboarding',
		'Practice history',
		'Weak spots',
		'Comments on their role-plays'
	])
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	// The role-play is in the practice history, with its status, and opens the transcript.
	const row = page
		.getByRole('row')
		.filter({ has: page.locator(`a[href="/attempts/${attemptId}"]`) });
	await expect(row).toContainText('Lost');
	await row.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}$`));

	// Read as the rep's call: named, "Rep" and "Customer", nothing to try again.
	await expect(page.getByText(/^Role-play by 張小雯/)).toBeVisible();
	await expect(page.getByRole('link', { name: /← 張小雯/ })).toHaveAttribute(
		'href',
		repPage.replace(/^https?:\/\/[^/]+/, '')
	);
	const chat = page.locator('section[aria-labelledby=chat-title]');
	await expect(chat.locator('.line.rep .who').first()).toHaveText('Rep');
	await expect(chat.locator('.line.customer .who').first()).toHaveText('Customer');
	await expect(chat.locator('.who', { hasText: /^You$/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
	await expect(page.getByLabel('Your reply')).toHaveCount(0);

	// A comment on the first reply, and one on the whole role-play.
	await chat.getByText('Comment on this reply').first().click();
	await page.getByLabel('Your comment on reply 1').fill(onTurn);
	await page
		.getByLabel('Your comment on reply 1')
		.locator('..')
		.getByRole('button', { name: 'Save comment' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Comment saved. The rep sees it on this page.');
	// Shown as the text typed: the markup in it is not markup.
	await expect(chat.getByText(onTurn)).toBeVisible();
	await expect(chat.locator('.comment b')).toHaveCount(0);
	await page.getByLabel('Your comment on the whole role-play').fill(onWhole);
	await page
		.getByRole('region', { name: 'Comments on the whole role-play' })
		.getByRole('button', { name: 'Save comment' })
		.click();
	await expect(
		page.getByRole('region', { name: 'Comments on the whole role-play' }).getByRole('status')
	).toHaveText('Comment saved. The rep sees it on this page.');
	await expect(
		page.getByRole('region', { name: 'Comments on the whole role-play' }).locator('.body')
	).toHaveText(onWhole);
	await expect(page.getByText('Not seen yet')).toHaveCount(2);
	// The rep's page lists both.
	await page.goto(repPage);
	await expect(
		page.getByRole('region', { name: 'Comments on their role-plays' }).getByText(onTurn)
	).toBeVisible();
	await expect(
		page.getByRole('row').filter({ has: page.locator(`a[href="/attempts/${attemptId}"]`) })
	).toContainText('2 comments');

	// The rep finds the feedback on their home, then beside the turn.
	const repContext = await browser.newContext();
	const rep = await repContext.newPage();
	await signInAs(rep, 'rep');
	const feedback = rep.getByRole('region', { name: 'New feedback' });
	await expect(feedback).toBeVisible();
	const item = feedback
		.getByRole('listitem')
		.filter({ has: rep.locator(`a[href="/attempts/${attemptId}"]`) });
	await expect(item).toContainText('2 comments from 王建國');
	await item.getByRole('link').click();
	await expect(rep).toHaveURL(new RegExp(`/attempts/${attemptId}$`));
	await expect(rep.getByText(/^Your manager left 2 comments on this role-play/)).toBeVisible();
	const repChat = rep.locator('section[aria-labelledby=chat-title]');
	await expect(repChat.locator('.line.rep .who').first()).toHaveText('You');
	// Beside the first reply: the comment with the manager's name and the date.
	const besideFirst = repChat
		.locator('.line.rep')
		.first()
		.locator('xpath=following-sibling::li[1]');
	await expect(besideFirst).toContainText(onTurn);
	await expect(besideFirst.locator('.meta')).toContainText('王建國');
	await expect(besideFirst.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
	await expect(rep.getByRole('region', { name: 'Comments on the whole role-play' })).toContainText(
		"Let's role-play it on Friday."
	);
	// The rep reads; only the manager may comment or delete.
	await expect(rep.getByText('Comment on this reply')).toHaveCount(0);
	await expect(rep.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
	await expect(rep.getByRole('button', { name: 'Try again' })).toBeVisible();
	// Opened: no longer new.
	await rep.goto('/');
	await expect(rep.locator(`a[href="/attempts/${attemptId}"]`)).toHaveCount(0);
	await repContext.close();

	// The manager sees that the rep has read them, and deletes the comment on the whole.
	await page.goto(`/attempts/${attemptId}`);
	await expect(page.getByText('Seen by the rep')).toHaveCount(2);
	const whole = page.getByRole('region', { name: 'Comments on the whole role-play' });
	await whole.getByRole('button', { name: /^Delete your comment of / }).click();
	await expect(whole.getByRole('status')).toHaveText('Comment deleted.');
	await expect(page.getByText(onWhole)).toHaveCount(0);
	await expect(chat.getByText(onTurn)).toBeVisible();

	// Another team's manager: neither the rep's page nor the role-play exist for them.
	const outsiderContext = await browser.newContext();
	const outsider = await outsiderContext.newPage();
	await acceptInvite(
		outsider,
		await createInvite(browser, uniqueEmail('coach-outsider'), ['manager']),
		'Outsider Lead',
		'outsider lead password'
	);
	expect((await outsider.goto(repPage))!.status()).toBe(404);
	expect((await outsider.goto(`/attempts/${attemptId}`))!.status()).toBe(404);
	const commented = await outsider.request.post(`/attempts/${attemptId}?/comment`, {
		form: { turn: '', body: 'Hijack' },
		headers: { origin: new URL(repPage).origin, accept: 'text/html' }
	});
	expect(commented.status()).toBe(404);
	await outsiderContext.close();
	await page.reload();
	await expect(page.getByText('Hijack')).toHaveCount(0);

	// The comment is in the rep's data, as an admin downloads it for them.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	const download = await admin.request.get(`/admin/users/${repPage.split('/').pop()}/export`);
	expect(download.status()).toBe(200);
	const data = (await download.json()) as {
		comments: { received: { attemptId: string; body: string }[] };
	};
	expect(data.comments.received).toContainEqual(
		expect.objectContaining({ attemptId, body: onTurn })
	);
	await adminContext.close();
});

test('weak spots, the team page and a cohort link a rep’s name to their page', async ({ page }) => {
	await signInAs(page, 'manager');
	await page.goto('/team/weak-spots');
	// Before anyone has practised, the page has no table; the suggestions name each rep otherwise.
	const rows = page.getByRole('rowheader', { name: REP_NAME });
	if ((await rows.count()) > 0)
		await expect(rows.first().getByRole('link')).toHaveAttribute(
			'href',
			/^\/team\/reps\/[a-z0-9]+$/
		);
	// One of the demo team's other reps (nobody signs in as them), so that the demo rep's plan stays as it is.
	const other = /黃怡君/;
	await page.goto('/team');
	// The members table's link (the rep is also listed among those due a one-to-one).
	await page.getByRole('table').getByRole('link', { name: other }).click();
	await expect(page).toHaveURL(/\/team\/reps\/[a-z0-9]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('黃怡君');
	const repPath = new URL(page.url()).pathname;
	const started = await page.request.post('/team/cohorts?/create', {
		form: {
			name: `Coaching ${Date.now().toString(36)}`,
			curriculumId: 'new-rep-onboarding',
			startDate: '2026-11-02',
			reps: repPath.split('/').pop()!
		},
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(started.status()).toBe(303);
	await page.goto(started.headers()['location']!);
	await page.getByRole('rowheader', { name: other }).getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`${repPath}$`));
	// Their page shows the plan they are on.
	await expect(page.getByRole('region', { name: 'Onboarding' })).toContainText(
		'New Rep Onboarding'
	);
});

/** Screenshots of what reads differently in Chinese, on a phone and a desk: test-results/coaching/. */
test('in Chinese, on a phone and on a desktop, the rep’s page and a commented role-play read well', async ({
	browser
}) => {
	const attemptId = await finishedRolePlay(browser, 'zh-TW');
	const dir = 'test-results/coaching';
	mkdirSync(dir, { recursive: true });
	const context = await browser.newContext({
		locale: 'zh-TW',
		extraHTTPHeaders: { 'accept-language': 'zh-TW,zh;q=0.9' },
		viewport: { width: 390, height: 844 }
	});
	const page: Page = await context.newPage();
	await signInAs(page, 'manager');
	// Chinese by the cookie, whatever language another test may have left on the demo manager's account.
	await context.addCookies([
		{ name: 'PARAGLIDE_LOCALE', value: 'zh-TW', url: new URL(page.url()).origin }
	]);
	const opened = await page.goto(`/attempts/${attemptId}`);
	expect(opened?.status(), 'the rep’s manager opens the role-play').toBe(200);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
	await expect(page.getByText(/^張小雯.*的角色扮演/)).toBeVisible();
	await expect(page.locator('.line.rep .who').first()).toHaveText('業務');
	await expect(page.locator('.line.customer .who').first()).toHaveText('客戶');
	await page.getByText('評論這句回答').first().click();
	await page
		.getByLabel('你對第 1 句回答的評語')
		.fill('開場有先問對方方不方便，很好。下次一開口就報優惠前，先問他去年的效果。');
	await page
		.getByLabel('你對第 1 句回答的評語')
		.locator('..')
		.getByRole('button', { name: '儲存評語' })
		.click();
	await expect(page.getByRole('status')).toHaveText('評語已儲存，業務會在這一頁看到。');
	await page
		.getByLabel('你對整通角色扮演的評語')
		.fill('整體：客戶一殺價就降價，要先問需求、再談價值。週五我們再演練一次。');
	await page
		.getByRole('region', { name: '整體評語' })
		.getByRole('button', { name: '儲存評語' })
		.click();
	await expect(page.getByRole('region', { name: '整體評語' }).getByRole('status')).toBeVisible();
	const repPath = await page.getByRole('link', { name: /← 張小雯/ }).getAttribute('href');

	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
		await page.goto(`/attempts/${attemptId}`);
		await page.screenshot({ path: `${dir}/result-zh-${width}.png`, fullPage: true });
		await page.goto(repPath!);
		await expect(page.getByRole('heading', { level: 2, name: '練習紀錄' })).toBeVisible();
		await page.screenshot({ path: `${dir}/rep-page-zh-${width}.png`, fullPage: true });
		// Nothing scrolls sideways on a phone.
		if (width === 390)
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
	}

	const repContext = await browser.newContext({
		locale: 'zh-TW',
		extraHTTPHeaders: { 'accept-language': 'zh-TW,zh;q=0.9' },
		viewport: { width: 390, height: 844 }
	});
	const rep = await repContext.newPage();
	await signInAs(rep, 'rep');
	await expect(rep.getByRole('region', { name: '新的回饋' })).toContainText('王建國');
	await rep.screenshot({ path: `${dir}/home-zh-390.png`, fullPage: true });
	await rep.goto(`/attempts/${attemptId}`);
	await expect(rep.locator('.line.rep .who').first()).toHaveText('你');
	await rep.screenshot({ path: `${dir}/result-rep-zh-390.png`, fullPage: true });
	await repContext.close();
	await context.close();
});
