import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { acceptInvite, createInvite, uniqueEmail } from './helpers';

const quiz = parse(readFileSync('content/en/quizzes/product-and-rules.yaml', 'utf8')) as {
	items: { question: string; options: string[]; answer: number; explanation: string }[];
};

/** A new rep of their own, so that no other test's attempts count. */
async function newRep(browser: Browser, page: Page): Promise<void> {
	const email = uniqueEmail('quiz');
	await acceptInvite(
		page,
		await createInvite(browser, email),
		'Quiz Taker',
		'a fine long password'
	);
}

async function answer(
	page: Page,
	pick: (item: (typeof quiz.items)[number]) => number
): Promise<void> {
	await page.goto('/quizzes/product-and-rules');
	await expect(page.getByText(/When you pass, you see every answer explained/)).toBeVisible();
	for (const item of quiz.items) {
		const group = page.getByRole('group', { name: item.question.trim() });
		await group
			.getByRole('radio', { name: item.options[pick(item) - 1]!.trim(), exact: true })
			.check();
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
}

/** The radio of option `option` (1 first) of an item, whatever marks its label carries after a pass. */
function optionOf(page: Page, item: (typeof quiz.items)[number], option: number) {
	return page
		.getByRole('group', { name: item.question.trim() })
		.locator('label.option')
		.nth(option - 1);
}

const wrongOf = (item: (typeof quiz.items)[number]) => (item.answer === 1 ? 2 : 1);

test('a failed quiz shows only the score, and cannot be taken again for 10 minutes', async ({
	browser,
	page
}) => {
	await newRep(browser, page);
	await answer(page, wrongOf);
	await expect(page.getByRole('status')).toHaveText(
		'Score 0 · pass mark 80 — Not passed yet. Which answers were right is shown once you pass.'
	);
	await expect(page.getByText(/^(Correct|Not quite)$/)).toHaveCount(0);
	await expect(page.getByText(quiz.items[0]!.explanation.trim().slice(0, 40))).toHaveCount(0);
	await expect(page.getByText(/You can take this quiz again from/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Try again' })).toBeDisabled();
	// The rep's own choices stay selected, and nothing says which were right or wrong.
	await expect(page.getByText('Your answers stay below')).toBeVisible();
	for (const item of quiz.items)
		await expect(optionOf(page, item, wrongOf(item)).getByRole('radio')).toBeChecked();
	await expect(page.getByText(/\b(Right answer|Your answer)\b/)).toHaveCount(0);
	await expect(page.locator('.marks, label.option.right, label.option.wrong')).toHaveCount(0);
	// Still waiting after a reload (the choices still there), and a post sent anyway is refused and not graded.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Check my answers' })).toBeDisabled();
	for (const item of quiz.items)
		await expect(optionOf(page, item, wrongOf(item)).getByRole('radio')).toBeChecked();
	const posted = await page.request.post('/quizzes/product-and-rules', {
		form: { q0: '1' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(posted.status()).toBe(429);
	expect(await posted.text()).not.toContain('Score ');
});

test('a passed quiz shows every answer right with its explanation, and may be taken again', async ({
	browser,
	page
}) => {
	await newRep(browser, page);
	await answer(page, (item) => item.answer);
	await expect(page.getByRole('status')).toContainText('Score 100 · pass mark 80 — Passed.');
	await expect(page.getByText('Correct', { exact: true })).toHaveCount(quiz.items.length);
	await expect(page.getByText(quiz.items[0]!.explanation.trim().slice(0, 40))).toBeVisible();
	await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled();
});

test('a passed quiz keeps the rep’s choices and marks the right option of each item in words, not colour alone', async ({
	browser,
	page
}) => {
	await newRep(browser, page);
	// Every item right but the first: 7 of 8 passes the mark of 80.
	const [first, ...rest] = quiz.items;
	await answer(page, (item) => (item === first ? wrongOf(item) : item.answer));
	await expect(page.getByRole('status')).toContainText('— Passed.');
	await expect(page.getByText('Correct', { exact: true })).toHaveCount(rest.length);
	await expect(page.getByText('Not quite', { exact: true })).toHaveCount(1);
	// The first item: the rep's wrong choice, checked and marked theirs; the right option marked right.
	const mine = optionOf(page, first!, wrongOf(first!));
	await expect(mine.getByRole('radio')).toBeChecked();
	await expect(mine).toContainText('Your answer');
	await expect(mine).not.toContainText('Right answer');
	const rightOne = optionOf(page, first!, first!.answer);
	await expect(rightOne.getByRole('radio')).not.toBeChecked();
	await expect(rightOne).toContainText('Right answer');
	await expect(rightOne.getByRole('radio')).toHaveAccessibleName(/Right answer/);
	// Every other item: the rep's choice is the right one, marked both.
	for (const item of rest) {
		const option = optionOf(page, item, item.answer);
		await expect(option.getByRole('radio')).toBeChecked();
		await expect(option).toContainText('Right answer');
		await expect(option).toContainText('Your answer');
	}
	await expect(page.locator('.mark', { hasText: 'Right answer' })).toHaveCount(quiz.items.length);
	await expect(page.locator('.mark', { hasText: 'Your answer' })).toHaveCount(quiz.items.length);
});

test('quizzes can be found in the library, and open there', async ({ browser, page }) => {
	await newRep(browser, page);
	await page.goto('/library');
	await page
		.getByRole('navigation', { name: 'Category' })
		.getByRole('link', { name: /^Quizzes/ })
		.click();
	await expect(page).toHaveURL(/\/library\?category=quizzes$/);
	await page.getByRole('link', { name: 'Product and Rules Check' }).click();
	await expect(page).toHaveURL(/\/quizzes\/product-and-rules$/);
	await expect(page.getByRole('group', { name: quiz.items[0]!.question.trim() })).toBeVisible();
});
