import { expect, test } from '@playwright/test';
import { acceptInvite, createInvite, uniqueEmail } from './helpers';

test('review keeps what the rep recalled beside the model answers, to compare', async ({
	page,
	browser
}) => {
	await acceptInvite(
		page,
		await createInvite(browser, uniqueEmail('recall')),
		'Recall Rep',
		'recall rep password'
	);
	await page.goto('/review');
	// A new rep starts reviewing the library with one click; looking at the page added nothing.
	await expect(
		page.getByText(/entries of the script library are not in your review yet/)
	).toBeVisible();
	await expect(page.locator('.objection')).toHaveCount(0);
	await page.getByRole('button', { name: 'Add them to my review' }).click();
	await expect(page.getByText(/not in your review yet/)).toHaveCount(0);
	const objection = (await page.locator('.objection').textContent())!;
	const recall = 'I would say I understand, then ask how many inquiries they got last year.';
	await page.getByLabel('Your answer (optional)').fill(recall);
	await page.getByRole('button', { name: 'Show the model answers' }).click();
	// The same card, now with both: what the rep wrote and the model answers.
	await expect(page.locator('.objection')).toHaveText(objection);
	const wrote = page.getByRole('region', { name: 'What you wrote' });
	await expect(wrote).toContainText(recall);
	const models = page.getByRole('region', { name: 'Model answers' });
	await expect(models.getByRole('listitem').first()).toBeVisible();
	// Nothing typed: the page says so rather than showing an empty box.
	await page.getByRole('button', { name: 'Easy' }).click();
	await page.getByRole('button', { name: 'Show the model answers' }).click();
	await expect(page.getByText('You did not write an answer this time.')).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Model answers' }).getByRole('listitem').first()
	).toBeVisible();
});
