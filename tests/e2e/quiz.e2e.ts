import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { acceptInvite, createInvite, uniqueEmail } from './helpers';

const quiz = parse(readFileSync('content/en/quizzes/product-and-rules.yaml', 'utf8')) as { items: { question: string; options: string[]; answer: number; explanation: string }[] };

/** A new rep of their own, so that no other test's attempts count. */
async function newRep(browser: Browser, page: Page): Promise<void> {
	const email = uniqueEmail('quiz');
	await acceptInvite(page, await createInvite(browser, email), 'Quiz Taker', 'a fine long password');
}

async function answer(page: Page, pick: (item: (typeof quiz.items)[number]) => number): Promise<void> {
	await page.goto('/quizzes/product-and-rules');
	await expect(page.getByText(/When you pass, you see every answer explained/)).toBeVisible();
	for (const item of quiz.items) {
		const group = page.getByRole('group', { name: item.question.trim() });
		await group.getByRole('radio', { name: item.options[pick(item) - 1]!.trim(), exact: true }).check();
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
}

test('a failed quiz shows only the score, and cannot be taken again for 10 minutes', async ({ browser, page }) => {
	await newRep(browser, page);
	await answer(page, (item) => (item.answer === 1 ? 2 : 1));
	await expect(page.getByRole('status')).toHaveText('Score 0 · pass mark 80 — Not passed yet. Which answers were right is shown once you pass.');
	await expect(page.getByText(/^(Correct|Not quite)$/)).toHaveCount(0);
	await expect(page.getByText(quiz.items[0]!.explanation.trim().slice(0, 40))).toHaveCount(0);
	await expect(page.getByText(/You can take this quiz again from/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Try again' })).toBeDisabled();
	// Still waiting after a reload, and a post sent anyway is refused and not graded.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Check my answers' })).toBeDisabled();
	const posted = await page.request.post('/quizzes/product-and-rules', { form: { q0: '1' }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
	expect(posted.status()).toBe(429);
	expect(await posted.text()).not.toContain('Score ');
});

test('a passed quiz shows every answer right with its explanation, and may be taken again', async ({ browser, page }) => {
	await newRep(browser, page);
	await answer(page, (item) => item.answer);
	await expect(page.getByRole('status')).toContainText('Score 100 · pass mark 80 — Passed.');
	await expect(page.getByText('Correct', { exact: true })).toHaveCount(quiz.items.length);
	await expect(page.getByText(quiz.items[0]!.explanation.trim().slice(0, 40))).toBeVisible();
	await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled();
});
