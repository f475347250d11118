import { expect, test, type Page } from '@playwright/test';
import { acceptInvite, createInvite, signInAs, uniqueEmail } from './helpers';

// A trainer writes a rubric, a quiz and a plan through the forms only (never the file view),
// publishes each, and a manager and a new rep then meet them: the plan in the cohort, the quiz
// with its new questions, the rubric on the sign-off. New items, so other tests' content stays put.
test.describe.configure({ mode: 'serial' });

const suffix = Date.now().toString(36);
const rubric = { id: `cert-${suffix}`, title: `Certification ${suffix}` };
const quiz = { id: `tiers-${suffix}`, title: `Tier check ${suffix}` };
const plan = { id: `plan-${suffix}`, title: `Plan ${suffix}` };

async function createInForm(page: Page, kind: string, id: string): Promise<void> {
	await page.goto('/studio');
	await page.getByLabel('Kind').selectOption(kind);
	await page.getByLabel('Language').selectOption('en');
	await page.getByLabel('Title').fill(`New ${kind}`);
	await page.getByLabel(/^Id/).fill(id);
	await page.getByRole('button', { name: 'Create' }).click();
	await expect(page).toHaveURL(new RegExp(`/studio/${kind}/en/${id}$`));
	await expect(page.getByRole('button', { name: 'Form', pressed: true })).toBeVisible();
}

async function publish(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { name: 'No problems: ready to publish.' })).toBeVisible();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toHaveText('Published as revision 1.');
	// The form view never showed the file: it was written from the form.
	await expect(page.getByLabel('File', { exact: true })).toHaveCount(0);
}

test('a trainer writes a rubric in the form: criteria with weights and anchors', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	await createInForm(page, 'rubric', rubric.id);
	await page.getByRole('textbox', { name: 'Title', exact: true }).first().fill(rubric.title);

	const first = page.getByRole('group', { name: /^Criterion 1/ });
	await first.getByRole('textbox', { name: 'Title', exact: true }).fill('Opening the call');
	await first.getByLabel('Weight').fill('2');

	await page.getByRole('button', { name: 'Add a criterion' }).click();
	// Focus moves to the new criterion, so a keyboard user carries on from there.
	await expect(page.getByRole('heading', { name: 'Criterion 2' })).toBeFocused();
	const second = page.getByRole('group', { name: /^Criterion 2/ });
	await second.getByRole('textbox', { name: 'Title', exact: true }).fill('Listening');
	await second.getByLabel('Short name').fill('Listening');
	await expect(second.getByText('Use only lower-case letters')).toBeVisible();
	await second.getByLabel('Short name').fill('listening');
	await expect(second.getByText('Use only lower-case letters')).toHaveCount(0);
	await second.getByLabel('Weight').fill('1');
	await expect(second.getByText('Counts for 33.3% of the total score.')).toBeVisible();
	await expect(first.getByText('Counts for 66.7% of the total score.')).toBeVisible();
	const anchors = [
		'Talks over the customer',
		'Misses what was said',
		'Hears the words',
		'Repeats back the concern',
		'Repeats back and builds on it'
	];
	for (const [i, text] of anchors.entries()) await second.getByLabel(`Score ${i + 1}`).fill(text);

	// Listening matters first: move it up; its heading and buttons follow it.
	await page.getByRole('button', { name: 'Move Criterion 2 up' }).click();
	await expect(page.getByRole('heading', { name: 'Criterion 1: Listening' })).toBeFocused();
	await publish(page);
});

test('a trainer writes a quiz in the form and picks the right option among the options', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	await createInForm(page, 'quiz', quiz.id);
	await page.getByRole('textbox', { name: 'Title', exact: true }).first().fill(quiz.title);

	const first = page.getByRole('group', { name: /^Question 1/ });
	await first
		.getByRole('textbox', { name: 'Question', exact: true })
		.fill(`Which tier lists the most products (${suffix})?`);
	await first.getByLabel('Option 1', { exact: true }).fill('Basic');
	await first.getByLabel('Option 2', { exact: true }).fill('Platinum');
	await first.getByRole('button', { name: 'Add an option' }).click();
	await first.getByLabel('Option 3', { exact: true }).fill('Gold');
	await first.getByRole('radio', { name: 'Platinum' }).check();
	// Moving and removing options keeps the right answer on Platinum.
	await first.getByRole('button', { name: 'Move Option 2 down' }).click();
	await expect(first.getByLabel('Option 3', { exact: true })).toHaveValue('Platinum');
	await expect(first.getByLabel('Option 3', { exact: true })).toBeFocused();
	await expect(first.getByRole('radio', { name: 'Platinum' })).toBeChecked();
	await first.getByRole('button', { name: 'Remove Option 1' }).click();
	await expect(first.getByRole('radio', { name: 'Platinum' })).toBeChecked();
	await first.getByLabel('Explanation').fill('Platinum lists the most products.');

	await page.getByRole('button', { name: 'Add a question: Put in order' }).click();
	const second = page.getByRole('group', { name: /^Question 2/ });
	await second
		.getByRole('textbox', { name: 'Question', exact: true })
		.fill(`Put the trial steps in order (${suffix}).`);
	await second.getByLabel('Item 1', { exact: true }).fill('Offer the trial');
	await second.getByLabel('Item 2', { exact: true }).fill('Review the figures');
	await second.getByLabel('Explanation').fill('The review comes after the trial.');
	await publish(page);
});

test('a trainer builds a plan in the form; a manager starts it, the rep takes the new quiz, the manager scores the sign-off on the new rubric', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	await signInAs(page, 'trainer');
	await createInForm(page, 'curriculum', plan.id);
	await page.getByRole('textbox', { name: 'Title', exact: true }).first().fill(plan.title);

	const day1 = page.getByRole('group', { name: /^Day 1/ });
	await day1.getByLabel('What the day is about').fill('Tiers');
	const quizModule = day1.getByRole('group', { name: /^Module 1/ });
	await quizModule.getByLabel('Kind of module').selectOption('quiz');
	await quizModule.getByLabel('Module title').fill(`Pass the tier check ${suffix}`);
	await quizModule.getByRole('checkbox', { name: new RegExp(quiz.title) }).check();

	const day2 = page.getByRole('group', { name: /^Day 2/ });
	await day2.getByLabel('What the day is about').fill('Reading');
	const readModule = day2.getByRole('group', { name: /^Module 1/ });
	await readModule.getByLabel('Module title').fill('Know each membership tier');
	await readModule.getByRole('checkbox', { name: /Membership Tiers and Benefits/ }).check();

	const day3 = page.getByRole('group', { name: /^Day 3/ });
	await day3.getByLabel('What the day is about').fill('Certification');
	const signoff = day3.getByRole('group', { name: /^Module 1/ });
	await signoff.getByLabel('Kind of module').selectOption('signoff');
	await signoff.getByLabel('Module title').fill('Certification call');
	await signoff.getByRole('checkbox', { name: /Too expensive, knock a bit off/ }).check();
	await signoff.getByLabel('Rubric').selectOption({ label: rubric.title });
	// A plan has at most five days: the sixth cannot be added.
	await page.getByRole('button', { name: 'Add a day' }).click();
	await page.getByRole('button', { name: 'Add a day' }).click();
	await expect(page.getByRole('button', { name: 'Add a day' })).toBeDisabled();
	await page.getByRole('button', { name: 'Remove Day 5' }).click();
	await page.getByRole('button', { name: 'Remove Day 4' }).click();
	await publish(page);

	// A manager starts a cohort on the new plan for a new rep.
	const name = `Plan Rep ${suffix}`;
	const link = await createInvite(browser, uniqueEmail('planrep'), ['rep']);
	const repContext = await browser.newContext();
	const rep = await repContext.newPage();
	await acceptInvite(rep, link, name, 'plan rep password 1');
	const managerContext = await browser.newContext();
	const manager = await managerContext.newPage();
	await signInAs(manager, 'manager');
	await manager.goto('/team/cohorts');
	await manager.getByLabel('Cohort name').fill(`Cohort ${suffix}`);
	await manager.getByLabel('Plan', { exact: true }).selectOption({ label: plan.title });
	await manager.getByRole('checkbox', { name }).check();
	await manager.getByRole('button', { name: 'Start a cohort' }).click();
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`Cohort ${suffix}`);
	const cohortUrl = manager.url();

	// The rep sees the plan's modules and takes the quiz with its two new questions.
	await rep.goto('/onboarding');
	await expect(rep.getByText(`Next: Quiz · Pass the tier check ${suffix}`)).toBeVisible();
	await expect(rep.getByText('Know each membership tier')).toBeVisible();
	await rep.goto(`/quizzes/${quiz.id}`);
	const choice = rep.getByRole('group', {
		name: `1. Which tier lists the most products (${suffix})?`
	});
	await expect(choice.getByRole('radio')).toHaveCount(2);
	await choice.getByRole('radio', { name: 'Platinum' }).check();
	await rep.getByLabel('Position of “Offer the trial”').selectOption('1');
	await rep.getByLabel('Position of “Review the figures”').selectOption('2');
	await rep.getByRole('button', { name: 'Check my answers' }).click();
	await expect(rep.getByRole('status')).toContainText('Score 100');
	await repContext.close();

	// The manager scores the sign-off on the new rubric: its criteria, in the order the trainer gave.
	await manager.goto(cohortUrl);
	await manager.getByRole('link', { name: `Score the sign-off: ${name}` }).click();
	const legends = manager.locator('fieldset.criterion legend');
	await expect(legends).toHaveCount(2);
	await expect(legends.first()).toContainText('Listening');
	await expect(legends.nth(1)).toContainText('Opening the call');
	await expect(manager.getByText('Repeats back and builds on it')).toBeVisible();
	await managerContext.close();
});

test('a trainer writes a script entry in the form with its Markdown preview; reps read it in the library', async ({
	page,
	browser
}) => {
	const id = `discount-${suffix}`;
	await signInAs(page, 'trainer');
	await createInForm(page, 'script', id);
	await page
		.getByRole('textbox', { name: 'Title', exact: true })
		.fill(`Can you do better (${suffix})?`);
	await page.getByLabel('Category').selectOption('price');
	await page.getByRole('textbox', { name: 'The objection' }).fill('Can you do a better price?');
	await page.getByLabel('Phrasing 1', { exact: true }).fill('Any discount if I sign today?');
	// The template's answers and mistake are placeholders: published as they are, they would be refused.
	for (const [n, answer] of [
		'I understand, it is real money. What did last year bring you?',
		'Members in your line get about forty inquiries a year.'
	].entries()) {
		const group = page.getByRole('group', { name: new RegExp(`^Answer ${n + 1}`) });
		await group.getByRole('textbox', { name: 'What the rep says' }).fill(answer);
		await group
			.getByRole('textbox', { name: 'Why it works' })
			.fill('It moves the talk from price to value.');
	}
	await page
		.getByLabel('Mistake 1', { exact: true })
		.fill('Cutting the price at once: it says the list price was never real.');

	await page.getByRole('button', { name: 'Add an answer' }).click();
	const third = page.getByRole('group', { name: /^Answer 3/ });
	await third
		.getByRole('textbox', { name: 'What the rep says' })
		.fill('What would make this worth it for you at the list price?');
	await third.getByRole('checkbox', { name: 'Ask' }).check();
	await third.getByRole('checkbox', { name: 'Reframe' }).check();
	await third.getByRole('textbox', { name: 'Why it works' }).fill('It turns price into value.');
	await page.getByRole('checkbox', { name: /Membership Tiers and Benefits/ }).check();
	await page
		.getByRole('textbox', { name: 'Text (Markdown)' })
		.fill('## Notes\n\nNever **cut the list price** on the first call.');
	await expect(page.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText(
		'cut the list price'
	);
	await publish(page);

	const context = await browser.newContext();
	const rep = await context.newPage();
	await signInAs(rep, 'rep');
	await rep.goto(`/library/${id}`);
	const answer = rep
		.getByRole('listitem')
		.filter({ has: rep.getByRole('heading', { name: 'Answer 3' }) });
	await expect(answer).toContainText('What would make this worth it for you at the list price?');
	await expect(answer).toContainText('Reframe');
	await expect(rep.getByText('Any discount if I sign today?')).toBeVisible();
	await context.close();
});
