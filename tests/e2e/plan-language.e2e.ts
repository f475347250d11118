import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { acceptInvite, createInvite, signIn, signInAs, uniqueEmail } from './helpers';

interface Plan {
	title: string;
	days: { title: string; modules: { type: string; title: string; items: string[] }[] }[];
}
const plan = (locale: string) =>
	parse(readFileSync(`content/${locale}/curricula/new-rep-onboarding.yaml`, 'utf8')) as Plan;
const [english, chinese] = [plan('en'), plan('zh-TW')];
const modulesOf = (p: Plan) => p.days.flatMap((day) => day.modules);

/** A Saturday at least two days from now (YYYY-MM-DD): the plan has not begun, on any day this runs. */
function comingSaturday(): string {
	const date = new Date();
	date.setUTCDate(date.getUTCDate() + 2);
	while (date.getUTCDay() !== 6) date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

test('a manager in English starts a cohort for a zh-TW rep: the rep reads the plan in Chinese, and their progress is the manager’s too', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('zhrep');
	const password = 'zh rep password 1';
	const name = `林業務 ${Date.now().toString(36)}`;
	const link = await createInvite(browser, email, ['rep']);
	// The rep chooses 繁體中文 before creating the account, which keeps it as the account's language.
	const joining = await browser.newContext();
	const join = await joining.newPage();
	await join.goto('/login');
	await join.getByRole('button', { name: '繁體中文' }).click();
	await acceptInvite(join, link, name, password);
	await joining.close();

	await signInAs(page, 'manager');
	await page.goto('/team/cohorts');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onboarding cohorts');
	await page.getByLabel('Cohort name').fill(`Cohort ${name}`);
	await page.getByLabel('Start date').fill(comingSaturday());
	await page.getByRole('checkbox', { name }).check();
	await page.getByRole('button', { name: 'Start a cohort' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cohort ${name}`);
	const cohortUrl = page.url();
	await expect(page.getByText(`${english.title} ·`)).toBeVisible();

	// The rep signs in on an English browser: the account's language wins, and the plan follows it.
	const repContext = await browser.newContext({ locale: 'en-US' });
	const rep = await repContext.newPage();
	await signIn(rep, email, password);
	const first = chinese.days[0]!.modules[0]!;
	await expect(rep.getByText(`下一步：閱讀 · ${first.title}`)).toBeVisible();
	await expect(rep.getByText(english.days[0]!.modules[0]!.title)).toHaveCount(0);

	await rep.goto('/onboarding');
	await expect(rep.getByRole('heading', { level: 1 })).toHaveText('我的到職訓練');
	await expect(rep.getByText(`${chinese.title} · Cohort ${name}`)).toBeVisible();
	for (const [d, day] of chinese.days.entries())
		await expect(
			rep.getByRole('heading', {
				level: 2,
				name: new RegExp(`^第 ${d + 1} 天 · .*：${day.title}$`)
			})
		).toBeVisible();
	for (const module of modulesOf(english))
		await expect(rep.getByText(module.title, { exact: true })).toHaveCount(0);

	// Progress: an article read from the plan's link, and an entry list marked as studied (kept by the module's place).
	const dayOne = rep
		.getByRole('listitem')
		.filter({ has: rep.getByRole('heading', { name: /^第 1 天 ·/ }) });
	await dayOne
		.getByRole('listitem')
		.filter({ hasText: first.title })
		.getByRole('link')
		.first()
		.click();
	await expect(rep).toHaveURL(new RegExp(`/knowledge/${first.items[0]}$`));
	await rep.goto('/onboarding');
	const scripts = chinese.days[2]!.modules[0]!;
	expect(scripts.type).toBe('scripts');
	await rep
		.locator('li.module')
		.filter({ hasText: scripts.title })
		.getByRole('button', { name: '我已研讀完畢' })
		.click();
	await expect(
		rep
			.locator('li.module')
			.filter({ hasText: scripts.title })
			.getByRole('button', { name: '我已研讀完畢' })
	).toHaveCount(0);
	const total = modulesOf(chinese).length;
	const percent = Math.round((2 / total) * 100);
	await expect(rep.getByText(`已完成 2 / ${total}（${percent}%）`)).toBeVisible();
	await rep.goto('/');
	await expect(rep.getByText(`下一步：閱讀 · ${chinese.days[0]!.modules[1]!.title}`)).toBeVisible();

	// The manager, in English, sees the same two modules done, in the same columns, and the same share.
	await page.goto(cohortUrl);
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row.getByText(`${percent}%`)).toBeVisible();
	const cells = row.locator('td.cell');
	await expect(cells).toHaveCount(total);
	const done = await cells.evaluateAll((tds) =>
		tds.flatMap((td, i) => (td.classList.contains('done') ? [i] : []))
	);
	const places = modulesOf(english).map((module) => module.title);
	expect(done).toEqual([
		places.indexOf(english.days[0]!.modules[0]!.title),
		places.indexOf(english.days[2]!.modules[0]!.title)
	]);
	await expect(
		page.getByRole('columnheader', { name: `Read ${english.days[0]!.modules[0]!.title}` })
	).toBeVisible();
	const csv = await (await page.request.get(`${cohortUrl}/csv`)).text();
	expect(csv).toContain(`Day 1 · ${english.days[0]!.modules[0]!.title}`);
	expect(csv).toContain(`${name},${percent},,Done,Upcoming,`);
	await repContext.close();
});
