import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { acceptInvite, createInvite, dayFrom, signInAs, uniqueEmail } from './helpers';

// One-to-ones (談心): the demo manager records a talk with a rep of their team, with actions and a
// role-play discussed; the rep sees the actions on their home, overdue said in words; the next
// one-to-one opens with them and closes one; the team page lists the reps without a one-to-one.
// A new rep of the demo team each run, so that nothing else (the demo's history, other tests)
// has talked with them.

const DEMO_TEAM = /台北一組/;

/** A new rep, in the demo team, signed in in a context of their own, who has played one role-play. */
async function newRepOfTheDemoTeam(
	browser: Browser,
	name: string,
	locale: 'en' | 'zh-TW' = 'en'
): Promise<{ rep: Page; id: string; attemptId: string }> {
	const email = uniqueEmail('one-to-one-rep');
	const link = await createInvite(browser, email, ['rep']);
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	await admin.goto('/admin/teams');
	await admin.getByRole('link', { name: DEMO_TEAM }).click();
	const context = await browser.newContext({
		locale,
		extraHTTPHeaders: { 'accept-language': locale === 'en' ? 'en-US,en;q=0.9' : 'zh-TW,zh;q=0.9' }
	});
	const rep = await context.newPage();
	await acceptInvite(rep, link, name, 'one to one rep password');
	await admin.reload();
	await admin.getByLabel('Person').selectOption({ label: `${name} (${email})` });
	await admin.getByRole('radio', { name: 'Rep', exact: true }).check();
	await admin.getByRole('button', { name: 'Add a member' }).click();
	await expect(admin.getByRole('status')).toHaveText(`${name} added.`);
	const id = (await admin.getByRole('link', { name }).getAttribute('href'))!.split('/').pop()!;
	await adminContext.close();
	// One role-play of theirs to talk about.
	await rep.goto('/practice/renewal-price-objection');
	await rep.getByRole('radio', { name: locale === 'en' ? /^Free text/ : /^自由作答/ }).check();
	await rep
		.getByRole('button', { name: locale === 'en' ? 'Start the role-play' : '開始演練' })
		.click();
	await expect(rep).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	return { rep, id, attemptId: rep.url().split('/').pop()! };
}

test('a manager records a one-to-one with actions and a role-play; the rep sees them; the next one closes one; the team page lists who is due', async ({
	page,
	browser
}) => {
	// Five people, two one-to-ones and some twenty pages: on a busy 2-core machine this takes minutes.
	test.setTimeout(300_000);
	const tag = Date.now().toString(36);
	const name = `Talk Rep ${tag}`;
	const { rep, id, attemptId } = await newRepOfTheDemoTeam(browser, name);
	const practise = `Role-play the price objection twice (${tag})`;
	const listen = `Listen to one of the calls together (${tag})`;
	const notes = `Three hang-ups on Tuesday (${tag}); we went through what the customer said.\n<b>Next</b>: ask about last year's results before the price.`;

	// The team page lists the new rep: no one-to-one yet.
	await signInAs(page, 'manager');
	await page.goto('/team');
	const due = page.getByRole('group', { name: 'One-to-ones' });
	await expect(due).toContainText('Reps without a one-to-one for 2 weeks or more');
	const listed = due.getByRole('listitem').filter({ hasText: name });
	await expect(listed).toContainText('No one-to-one yet');
	await listed.getByRole('link', { name }).click();
	await expect(page).toHaveURL(new RegExp(`/team/reps/${id}#one-to-ones$`));
	const section = page.getByRole('region', { name: 'One-to-ones' });
	await expect(section).toContainText('No one-to-one recorded yet.');
	await section.getByRole('link', { name: 'Record a one-to-one' }).click();
	await expect(page).toHaveURL(new RegExp(`/team/reps/${id}/one-to-ones/new$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`One-to-one with ${name}`);
	await expect(page.getByLabel('Date of the talk')).toHaveValue(dayFrom(0));

	// A date in the future is refused with a message, and nothing is saved.
	await page.getByLabel('Date of the talk').fill(dayFrom(1));
	await page.getByLabel('Notes').fill(notes);
	await page.getByRole('button', { name: 'Save the one-to-one' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'The one-to-one was not saved: see the marked fields.'
	);
	await expect(
		page.getByText('The date cannot be in the future: record a one-to-one once it has taken place.')
	).toBeVisible();
	await expect(page.getByLabel('Notes')).toHaveValue(notes);

	// Held ten days ago: the rep's action was due three days ago, the manager's is due in four.
	await page.getByLabel('Date of the talk').fill(dayFrom(-10));
	const first = page.getByRole('group', { name: 'Action 1' });
	await first.getByLabel('What').fill(practise);
	await first.getByLabel('Who does it').selectOption({ label: 'The rep' });
	await first.getByLabel('Due').fill(dayFrom(-3));
	const second = page.getByRole('group', { name: 'Action 2' });
	await second.getByLabel('What').fill(listen);
	await second.getByLabel('Who does it').selectOption({ label: 'The manager' });
	await second.getByLabel('Due').fill(dayFrom(4));
	await page.locator(`input[name=rolePlay][value="${attemptId}"]`).check();
	await page.getByRole('button', { name: 'Save the one-to-one' }).click();
	await expect(page).toHaveURL(new RegExp(`/team/reps/${id}/one-to-ones/[a-z0-9]+\\?saved=1$`));
	await expect(page.getByRole('status')).toHaveText(
		'Saved. The rep sees this one-to-one and its actions.'
	);
	const card = page.locator('article.one-to-one');
	// The notes are the text typed: the markup in them is not markup.
	await expect(card.locator('.notes')).toHaveText(notes);
	await expect(card.locator('.notes b')).toHaveCount(0);
	await expect(card).toContainText(/Recorded by 王建國/);
	await expect(card.getByRole('listitem').filter({ hasText: practise })).toContainText(
		'The rep does it · ! Overdue by 3 days'
	);
	await expect(card.getByRole('listitem').filter({ hasText: listen })).toContainText(
		'The manager does it · Due in 4 days'
	);
	await expect(card.getByRole('link', { name: /Renewal|renewal|price/i })).toHaveAttribute(
		'href',
		`/attempts/${attemptId}`
	);
	// Its recorder may still change it.
	await expect(page.getByRole('heading', { name: 'Change this one-to-one' })).toBeVisible();

	// Held ten days ago with a two-week rule: no longer listed.
	await page.goto('/team');
	await expect(page.getByRole('group', { name: 'One-to-ones' }).getByText(name)).toHaveCount(0);

	// The rep sees the open actions on their home, overdue said in words, and the whole one-to-one.
	await rep.goto('/');
	const agreed = rep.getByRole('region', { name: 'Agreed in your one-to-ones' });
	await expect(agreed.getByRole('listitem').filter({ hasText: practise })).toContainText(
		'You do it · ! Overdue by 3 days'
	);
	await expect(agreed.getByRole('listitem').filter({ hasText: listen })).toContainText(
		'Your manager does it · Due in 4 days'
	);
	await agreed.getByRole('link', { name: 'Your one-to-ones' }).click();
	await expect(rep).toHaveURL(/\/one-to-ones$/);
	await expect(rep.locator('article.one-to-one .notes')).toHaveText(notes);
	await expect(
		rep.locator('article.one-to-one').getByRole('link', { name: /Renewal|renewal|price/i })
	).toHaveAttribute('href', `/attempts/${attemptId}`);
	// Read only: nothing to record, change or delete.
	await expect(rep.locator('main form')).toHaveCount(0);
	await expect(rep.locator('main').getByRole('button')).toHaveCount(0);
	expect((await rep.goto(`/team/reps/${id}/one-to-ones/new`))!.status()).toBe(403);

	// The next one-to-one opens with the open actions: one done, the other carried over.
	await page.goto(`/team/reps/${id}`);
	await page
		.getByRole('region', { name: 'One-to-ones' })
		.getByRole('link', { name: 'Record a one-to-one' })
		.click();
	const open = page.getByRole('group', { name: 'Open actions from earlier one-to-ones' });
	await expect(open).toContainText(practise);
	await expect(open).toContainText(listen);
	await open
		.getByRole('group', { name: new RegExp(practise.replace(/[()]/g, '\\$&')) })
		.getByRole('radio', { name: 'Done' })
		.check();
	await expect(
		open
			.getByRole('group', { name: new RegExp(listen.replace(/[()]/g, '\\$&')) })
			.getByRole('radio', { name: 'Carry over' })
	).toBeChecked();
	await page.getByLabel('Notes').fill(`Better week (${tag}).`);
	await page.getByRole('button', { name: 'Save the one-to-one' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Saved. The rep sees this one-to-one and its actions.'
	);
	const closed = page.locator('article.one-to-one');
	await expect(
		closed.getByRole('heading', { name: 'Marked done in this one-to-one' })
	).toBeVisible();
	await expect(closed.getByRole('listitem').filter({ hasText: practise })).toContainText(/Done on/);
	// The rep's page: only the carried-over action is open.
	await page.goto(`/team/reps/${id}`);
	const openNow = page.getByRole('group', { name: 'Open actions' });
	await expect(openNow.getByRole('listitem')).toHaveCount(1);
	await expect(openNow).toContainText(listen);

	// On the rep's home: the done action is gone, the carried one is still there.
	await rep.goto('/');
	await expect(agreed.getByRole('listitem')).toHaveCount(1);
	await expect(agreed).toContainText(listen);

	// The team's setting: a whole number of weeks, from 1 to 12.
	await page.goto('/team');
	const setting = page.getByRole('group', { name: 'One-to-ones' });
	await setting.getByLabel('Weeks without a one-to-one before a rep is listed').fill('0');
	await setting.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('alert')).toHaveText('Enter a whole number of weeks from 1 to 12.');
	await page
		.getByRole('group', { name: 'One-to-ones' })
		.getByLabel('Weeks without a one-to-one before a rep is listed')
		.fill('3');
	await page
		.getByRole('group', { name: 'One-to-ones' })
		.getByRole('button', { name: 'Save' })
		.click();
	await expect(page.getByRole('status')).toHaveText(
		'Saved: a rep is listed after 3 weeks without a one-to-one.'
	);
	await expect(page.getByRole('group', { name: 'One-to-ones' })).toContainText(
		'Reps without a one-to-one for 3 weeks or more'
	);
	await page
		.getByRole('group', { name: 'One-to-ones' })
		.getByLabel('Weeks without a one-to-one before a rep is listed')
		.fill('2');
	await page
		.getByRole('group', { name: 'One-to-ones' })
		.getByRole('button', { name: 'Save' })
		.click();
	await expect(page.getByRole('status')).toHaveText(
		'Saved: a rep is listed after 2 weeks without a one-to-one.'
	);

	// Another team's manager: neither the rep's one-to-ones nor the form exist for them.
	const outsiderContext = await browser.newContext();
	const outsider = await outsiderContext.newPage();
	await acceptInvite(
		outsider,
		await createInvite(browser, uniqueEmail('one-to-one-outsider'), ['manager']),
		'Outsider Lead',
		'outsider lead password'
	);
	expect((await outsider.goto(`/team/reps/${id}/one-to-ones`))!.status()).toBe(404);
	expect((await outsider.goto(`/team/reps/${id}/one-to-ones/new`))!.status()).toBe(404);
	const posted = await outsider.request.post(`/team/reps/${id}/one-to-ones/new`, {
		form: { heldOn: dayFrom(0), notes: 'Hijack' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(posted.status()).toBe(404);
	await outsiderContext.close();
	await rep.goto('/one-to-ones');
	await expect(rep.getByText('Hijack')).toHaveCount(0);

	// The one-to-ones are in the rep's data, as an admin downloads it for them.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	const download = await admin.request.get(`/admin/users/${id}/export`);
	const data = (await download.json()) as {
		oneToOnes: {
			received: {
				notes: string;
				links: { kind: string; id: string }[];
				actions: { text: string; doneOn: string | null }[];
			}[];
		};
	};
	expect(data.oneToOnes.received).toHaveLength(2);
	expect(data.oneToOnes.received[0]).toMatchObject({
		notes,
		links: [{ kind: 'attempt', id: attemptId }]
	});
	expect(data.oneToOnes.received[0]!.actions.map((a) => [a.text, a.doneOn])).toEqual([
		[practise, dayFrom(0)],
		[listen, null]
	]);
	await adminContext.close();
	await rep.context().close();
});

/** Screenshots in both languages, on a phone and a desk: test-results/one-to-ones/. */
test('in Chinese and English, on a phone and on a desktop, the one-to-one pages read well', async ({
	browser
}) => {
	test.slow();
	const dir = 'test-results/one-to-ones';
	mkdirSync(dir, { recursive: true });
	const { rep, id, attemptId } = await newRepOfTheDemoTeam(
		browser,
		`面談業務 ${Date.now().toString(36)}`,
		'zh-TW'
	);
	for (const locale of ['zh-TW', 'en'] as const) {
		const context = await browser.newContext({
			locale,
			extraHTTPHeaders: {
				'accept-language': locale === 'en' ? 'en-US,en;q=0.9' : 'zh-TW,zh;q=0.9'
			},
			viewport: { width: 375, height: 812 }
		});
		const page = await context.newPage();
		await signInAs(page, 'manager');
		await page.goto(`/team/reps/${id}/one-to-ones/new`);
		if (locale === 'zh-TW') {
			await page.getByLabel('面談日期').fill(dayFrom(-2));
			await page
				.getByLabel('筆記')
				.fill(
					'這週被掛了好幾通電話，心情有點低落。我們一起聽了週二那通：客戶說「太貴了」時先別急著降價，先問他去年的效果。'
				);
			const row = page.getByRole('group', { name: '事項 1' });
			await row.getByLabel('內容').fill('把「太貴了」的情境再演練兩次');
			await row.getByLabel('期限').fill(dayFrom(-1));
			const other = page.getByRole('group', { name: '事項 2' });
			await other.getByLabel('內容').fill('下週一陪聽一通電話');
			await other.getByLabel('由誰負責').selectOption({ label: '主管' });
			await other.getByLabel('期限').fill(dayFrom(2));
			await page.locator(`input[name=rolePlay][value="${attemptId}"]`).check();
			await page.getByRole('button', { name: '儲存面談紀錄' }).click();
			await expect(page.getByRole('status')).toBeVisible();
		}
		for (const width of [375, 1280]) {
			await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
			const shots: [string, string][] = [
				[`/team/reps/${id}/one-to-ones/new`, 'form'],
				[`/team/reps/${id}#one-to-ones`, 'rep-page'],
				['/team', 'team']
			];
			for (const [path, label] of shots) {
				await page.goto(path);
				await page.screenshot({ path: `${dir}/${label}-${locale}-${width}.png`, fullPage: true });
				if (width === 375)
					expect(
						await page.evaluate(() => document.documentElement.scrollWidth),
						`${label} at 375 px`
					).toBeLessThanOrEqual(375);
			}
		}
		await context.close();
	}
	await rep.setViewportSize({ width: 375, height: 812 });
	await rep.goto('/');
	await expect(rep.getByRole('region', { name: '面談約定的事項' })).toContainText('已逾期 1 天');
	await rep.screenshot({ path: `${dir}/home-zh-TW-375.png`, fullPage: true });
	await rep.goto('/one-to-ones');
	await rep.screenshot({ path: `${dir}/mine-zh-TW-375.png`, fullPage: true });
	expect(await rep.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await rep.context().close();
});
