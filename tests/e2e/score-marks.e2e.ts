import { expect, test } from '@playwright/test';
import { signInAs, startAsRep } from './helpers';

test('a manager marks where the score was wrong, and a trainer grades it into the corpus', async ({
	page,
	browser
}) => {
	// The demo rep answers in their own words; the reply is unique to this run.
	const tag = `run ${Date.now()}`;
	const reply = `Morning Mr. Wang, Kevin here with MetalHub (${tag}). Two minutes of your time, would that be all right?`;
	const { rep, close } = await startAsRep(browser, 'renewal-price-objection');
	await rep.getByLabel('Your reply').fill(reply);
	await rep.getByRole('button', { name: 'Send' }).click();
	await expect(rep.getByText(/Score for this reply/)).toHaveCount(1);
	const attemptUrl = rep.url();
	// The rep reads their own turn without a way to mark it.
	await expect(rep.getByText('Is the score wrong here?')).toHaveCount(0);
	await close();

	await signInAs(page, 'manager');
	await page.goto(attemptUrl);
	const missed = page.getByRole('radio', { name: 'The score missed something the reply did' });
	await page.getByText('Is the score wrong here?').click();
	await missed.check();
	await page
		.getByLabel('What the score should have seen')
		.fill('He asked for two minutes: that is asking permission.');
	await page.getByRole('button', { name: 'Send to the trainers' }).click();
	await expect(page.getByRole('status')).toHaveText('Sent: trainers see it in the studio.');
	await expect(page.getByText('You marked this score; it waits for a trainer.')).toBeVisible();

	const trainerContext = await browser.newContext();
	const trainer = await trainerContext.newPage();
	await signInAs(trainer, 'trainer');
	await trainer.goto('/studio');
	await trainer.getByRole('link', { name: /Score marks: \d+ open/ }).click();
	const mark = trainer.getByRole('listitem').filter({ hasText: tag });
	await expect(mark).toContainText('He asked for two minutes');
	// Accepting needs a grade and a reason.
	await mark.getByLabel('Your grade (1–5)').selectOption('4');
	await mark
		.getByLabel('Why, in one line')
		.fill('Name, company and permission in his own words; no question about his needs yet.');
	// The phrasing the score did not know goes into the lexicon's draft.
	await mark.getByText('The score did not know a phrasing?').click();
	await mark.getByLabel('Intent').selectOption('ask-good-time-now');
	await mark.getByLabel('Phrasing').fill('two minutes of your time');
	await mark.getByRole('button', { name: 'Accept with this grade' }).click();
	await expect(trainer.getByRole('status')).toContainText(
		'“two minutes of your time” is added to @ask-good-time-now'
	);
	await expect(trainer.getByRole('listitem').filter({ hasText: tag })).toHaveCount(0);
	await trainer.getByRole('link', { name: 'sales-phrasebook' }).click();
	// The lexicon's editor checks its 2,300 phrasings before it answers: seconds on a busy CI machine.
	await expect(trainer).toHaveURL(/\/studio\/lexicon\/en\/sales-phrasebook$/, { timeout: 20_000 });
	const corpus = await (await trainer.request.get('/studio/score-marks/corpus.jsonl')).text();
	const line = corpus.split('\n').find((l) => l.includes(tag));
	expect(JSON.parse(line!)).toMatchObject({
		locale: 'en',
		scenario: 'renewal-price-objection',
		beat: 'greet',
		reply,
		grade: 4,
		part: 'tuning'
	});
	await trainerContext.close();

	// The manager sees the outcome on the turn.
	await page.reload();
	await expect(page.getByText('You marked this score; a trainer accepted the mark.')).toBeVisible();
});
