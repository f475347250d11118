import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { acceptInvite, createInvite, signInAs, uniqueEmail } from './helpers';

const quiz = parse(readFileSync('content/en/quizzes/product-and-rules.yaml', 'utf8')) as {
	items: { question: string; options: string[]; answer: number }[];
};
const gatekeeper = parse(
	readFileSync('content/en/scenarios/gatekeeper-boss-not-in.yaml', 'utf8')
) as { beats: Record<string, { choices?: { text: string; quality: string }[] }> };
const goodChoices = Object.values(gatekeeper.beats).flatMap((beat) =>
	(beat.choices ?? []).filter((c) => c.quality === 'good').map((c) => c.text.trim())
);
const curriculum = parse(readFileSync('content/en/curricula/new-rep-onboarding.yaml', 'utf8')) as {
	days: { title: string; modules: { type: string; title: string; items: string[] }[] }[];
};

/** A Saturday at least two days from now (YYYY-MM-DD), and the Monday after it: the same on any day this runs. */
function comingSaturday(): { saturday: string; monday: Date } {
	const date = new Date();
	date.setUTCDate(date.getUTCDate() + 2);
	while (date.getUTCDay() !== 6) date.setUTCDate(date.getUTCDate() + 1);
	const monday = new Date(date);
	monday.setUTCDate(monday.getUTCDate() + 2);
	return { saturday: date.toISOString().slice(0, 10), monday };
}

test('a manager enrols a rep in a cohort starting on a Saturday; the rep begins day 1 early, and the manager sees it', async ({
	page,
	browser
}) => {
	const { saturday, monday } = comingSaturday();
	const mondayText = new Intl.DateTimeFormat('en-US', {
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		timeZone: 'UTC'
	}).format(monday);
	const name = `New Rep ${Date.now().toString(36)}`;
	const link = await createInvite(browser, uniqueEmail('newrep'), ['rep']);
	const repContext = await browser.newContext();
	const rep = await repContext.newPage();
	await acceptInvite(rep, link, name, 'new rep password 1');

	await signInAs(page, 'manager');
	await page.goto('/team/cohorts');
	await page.getByLabel('Cohort name').fill(`Cohort ${name}`);
	await page.getByLabel('Start date').fill(saturday);
	await page.getByRole('checkbox', { name }).check();
	await page.getByRole('button', { name: 'Start a cohort' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cohort ${name}`);
	const cohortUrl = page.url();

	// The rep's home says when the plan starts, that day 1 may begin now, and what to do first.
	await rep.goto('/');
	await expect(
		rep.getByRole('heading', { name: `Your plan starts on ${mondayText}: day 1 of 5` })
	).toBeVisible();
	await expect(rep.getByText('You can begin day 1 now')).toBeVisible();
	await expect(rep.getByRole('link', { name: 'Go' })).toBeVisible();
	for (const id of curriculum.days[0]!.modules.filter((m) => m.type === 'read').flatMap(
		(m) => m.items
	)) {
		await rep.goto(`/knowledge/${id}`);
		await expect(rep.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await rep.goto('/quizzes/product-and-rules');
	for (const item of quiz.items) {
		const group = rep.getByRole('group', { name: item.question.trim() });
		await group
			.getByRole('radio', { name: item.options[item.answer - 1]!.trim(), exact: true })
			.check();
	}
	await rep.getByRole('button', { name: 'Check my answers' }).click();
	await expect(rep.getByRole('status')).toContainText('Score 100');
	await rep.goto('/onboarding');
	const dayOne = rep
		.getByRole('listitem')
		.filter({ has: rep.getByRole('heading', { name: /^Day 1 ·/ }) });
	await expect(dayOne.getByText('Done', { exact: true })).toHaveCount(4);
	await expect(rep.getByText(/^4 of \d+ done/)).toBeVisible();

	// A drill: the plan's multiple-choice drill on the gatekeeper, won with the good answers.
	await rep.goto('/practice/gatekeeper-boss-not-in');
	await rep.getByRole('radio', { name: /^Multiple choice/ }).check();
	await rep.getByRole('button', { name: 'Start the role-play' }).click();
	for (
		let turn = 1;
		turn < 12 && !(await rep.getByRole('heading', { name: 'Result' }).isVisible());
		turn++
	) {
		const buttons = rep.getByRole('group', { name: 'Choose your reply' }).getByRole('button');
		const texts = (await buttons.allTextContents()).map((t) => t.trim());
		await buttons.nth(texts.findIndex((t) => goodChoices.includes(t))).click();
		await expect(rep.getByText(/Score for this reply/)).toHaveCount(turn);
	}
	await expect(rep.getByText(/^Passed \(pass mark/)).toBeVisible();

	// The manager sees day 1 and the drill done for this rep.
	await page.goto(cohortUrl);
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row.locator('td.cell.done')).toHaveCount(5);
	// Columns are named by day and module, not numbered; the sign-off stays in view when the grid scrolls.
	const first = curriculum.days[0]!.modules[0]!;
	await expect(
		page.getByRole('columnheader', { name: `Day 1 ${curriculum.days[0]!.title}` })
	).toBeVisible();
	await expect(page.getByRole('columnheader', { name: `Read ${first.title}` })).toBeVisible();
	const signOff = row.getByRole('link', { name: `Score the sign-off: ${name}` });
	await page.locator('.table-wrap').evaluate((wrap) => wrap.scrollTo({ left: 0 }));
	await expect(signOff).toBeInViewport();
	await page
		.locator('.table-wrap')
		.evaluate((wrap) => wrap.scrollTo({ left: wrap.scrollWidth / 2 }));
	await expect(signOff).toBeInViewport();
	expect(await (await page.request.get(`${cohortUrl}/csv`)).text()).toContain(
		`Day 1 · ${first.title}`
	);
	await repContext.close();
});

test('a practice reply that misses key points puts the script entry due for review', async ({
	page,
	browser
}) => {
	// An invitation, a role-play and the review pages: near a minute on a busy 2-core machine.
	test.setTimeout(120_000);
	const link = await createInvite(browser, uniqueEmail('reviewer'), ['rep']);
	await acceptInvite(page, link, 'Reviewer', 'reviewer password 1');
	// Clear the queue: every entry added starts due; rate them all Easy.
	await page.goto('/review');
	await page.getByRole('button', { name: 'Add them to my review' }).click();
	for (
		let i = 0;
		i < 30 && (await page.getByRole('button', { name: 'Show the model answers' }).isVisible());
		i++
	) {
		await page.getByRole('button', { name: 'Show the model answers' }).click();
		await page.getByRole('button', { name: 'Easy' }).click();
	}
	await expect(page.getByText(/Nothing to review right now/)).toBeVisible();

	await page.goto('/practice/renewal-price-objection');
	await page.getByRole('radio', { name: /^Free text/ }).check();
	await page.getByRole('button', { name: 'Start the role-play' }).click();
	await page
		.getByLabel('Your reply')
		.fill('Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByText(/Score for this reply/)).toHaveCount(1);
	await page.getByLabel('Your reply').fill('It is not expensive, everybody pays that much.');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByText(/Score for this reply/)).toHaveCount(2);

	await page.goto('/');
	await expect(page.getByRole('link', { name: /review cards? due/ })).toBeVisible();
	await page.goto('/review');
	await expect(page.getByText(/Too expensive|too expensive/).first()).toBeVisible();
});
