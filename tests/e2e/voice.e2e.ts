import { expect, test, type Browser } from '@playwright/test';
import { acceptInvite, createInvite, signInAs, uniqueEmail } from './helpers';
import { fixtureTexts } from './fake-transcriber';
import { speakingSuite } from './speaking';

// A call-mode turn spoken, not typed (issue #21): Chromium's fake microphone plays an espeak-ng
// fixture, the page records it, the app sends it to a transcription server of the organisation
// (here a fake one that knows the fixtures' words), and the words are scored as the reply, with how
// they sounded. The recording plays back for the rep and their manager (on the transcript and
// from weak spots), and is a 404 to another rep.
const suite = speakingSuite('voice', 5, 6, 'zh-reply.wav');

async function signedIn(browser: Browser, role: 'rep' | 'manager') {
	// In Chinese: the fake microphone speaks the zh-TW fixture, and the scenario follows the UI's language.
	const context = await browser.newContext({ baseURL: suite.server.url, locale: 'zh-TW' });
	const page = await context.newPage();
	await signInAs(page, role);
	return { context, page };
}

test('a spoken reply is recorded, transcribed on the server, scored, and played back to those who may', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { context, page } = await signedIn(browser, 'rep');
	await page.goto('/practice/renewal-price-objection');
	await page.getByRole('radio', { name: /^(模擬通話|Call)/ }).check();
	await page.getByRole('button', { name: /^(開始演練|Start the role-play)$/ }).click();
	await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	const attemptPath = new URL(page.url()).pathname;

	// Nothing is recorded before the rep agrees; the browser's recognition is not offered.
	await expect(page.getByRole('button', { name: /^⏺/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /用說的|Speak/ })).toHaveCount(0);
	await page.getByRole('button', { name: /我同意錄下我的回答|I agree: record my replies/ }).click();
	await page.getByRole('radio', { name: /先錄音，確認後再送出|Record, check, then send/ }).check();

	await page.getByRole('button', { name: /錄下回答|Record reply/ }).click();
	await expect(page.getByRole('timer', { name: /錄音時間|Recording time/ })).toBeVisible();
	await page.waitForTimeout(3000);
	await page.getByRole('button', { name: /停止錄音|Stop recording/ }).click();
	await expect(page.getByText(/錄好了|Recording ready/)).toBeVisible();

	// Nothing typed: the words come from the transcription server.
	await page.getByRole('button', { name: /^(送出|Send)$/ }).click();
	const spoken = fixtureTexts['zh-reply.wav']!.text;
	const repLine = page.locator('li.line.rep').first();
	await expect(repLine).toContainText(spoken);
	// Scored like a typed reply: the greeting named the rep and the company and asked for time,
	// so the customer moves on to the price.
	await expect(repLine).toContainText(/100/);
	await expect(page.locator('li.line.customer').nth(1)).toContainText('續約');
	// How it sounded, from the voice the page found in its recording: a pace in characters a minute.
	await expect(repLine.locator('.sounded')).toContainText(/每分鐘 \d+ 字/);
	expect(suite.transcriber.received).toHaveLength(1);
	expect(suite.transcriber.received[0]).toMatchObject({ language: 'zh', type: 'audio/webm' });
	expect(suite.transcriber.received[0]!.bytes).toBeGreaterThan(1000);

	const audio = repLine.locator('audio');
	await expect(audio).toHaveAttribute('src', `${attemptPath}/recordings/0`);
	const readyState = await audio.evaluate(
		(element: HTMLAudioElement) =>
			new Promise<number>((resolve) => {
				if (element.readyState >= 1) resolve(element.readyState);
				element.addEventListener('loadedmetadata', () => resolve(element.readyState));
				element.addEventListener('error', () => resolve(-1));
				element.preload = 'metadata';
				element.load();
			})
	);
	expect(readyState, 'the browser decodes the stored recording').toBeGreaterThanOrEqual(1);
	const own = await context.request.get(`${attemptPath}/recordings/0`);
	expect(own.status()).toBe(200);
	expect(own.headers()['content-type']).toBe('audio/webm');
	expect(own.headers()['cache-control']).toBe('private, no-store');
	expect((await own.body()).length).toBe(suite.transcriber.received[0]!.bytes);

	// The customer's price objection, answered by voice too: a reply in the price category.
	await page.getByRole('button', { name: /錄下回答|Record reply/ }).click();
	await page.waitForTimeout(2000);
	await page.getByRole('button', { name: /停止錄音|Stop recording/ }).click();
	await expect(page.getByText(/錄好了|Recording ready/)).toBeVisible();
	await page.getByRole('button', { name: /^(送出|Send)$/ }).click();
	await expect(page.locator('li.line.rep audio')).toHaveCount(2);

	// The rep's manager hears it on the transcript, and plays it back from weak spots.
	const manager = await signedIn(browser, 'manager');
	await manager.page.goto(attemptPath);
	await expect(manager.page.locator('li.line.rep audio')).toHaveCount(2);
	expect((await manager.context.request.get(`${attemptPath}/recordings/0`)).status()).toBe(200);
	await manager.page.goto('/team/weak-spots');
	const repHref = await manager.page
		.getByRole('link', { name: /張小雯/ })
		.first()
		.getAttribute('href');
	const repId = repHref!.split('/').at(-1)!;
	await manager.page.goto(`/team/weak-spots/${repId}/price`);
	const spoken2 = manager.page.getByRole('region', { name: '用說的回答' });
	const player = spoken2.locator(`audio[src="${attemptPath}/recordings/1"]`);
	await expect(player).toHaveCount(1);
	await expect(player).toHaveAccessibleName('這句回答的錄音');
	await expect(spoken2).toContainText(/每分鐘 \d+ 字/);
	expect((await manager.context.request.get(`${attemptPath}/recordings/1`)).status()).toBe(200);

	// Once the call is over, how it sounded as a whole, against the trainer's ranges.
	await page.getByText('掛斷', { exact: true }).click();
	await page.getByRole('button', { name: '確定掛斷' }).click();
	const whole = page.getByRole('region', { name: '整通電話聽起來如何' });
	await expect(whole).toContainText(/語速\s*每分鐘 \d+ 字/);
	await expect(whole).toContainText(/業務說話時間占比\s*\d+%/);
	await expect(whole).toContainText(/最長一次沒讓客戶開口\s*[\d.]+ 秒/);
	await expect(whole).toContainText('一般範圍：200–300');
	await context.close();
	await manager.page.goto(attemptPath);
	await expect(manager.page.getByRole('region', { name: '整通電話聽起來如何' })).toBeVisible();
	await manager.context.close();

	// Another rep gets the same 404 as for a recording that does not exist.
	const email = uniqueEmail('voice-other');
	const link = await createInvite(browser, email, ['rep'], suite.server.url);
	const otherContext = await browser.newContext({ baseURL: suite.server.url });
	const other = await otherContext.newPage();
	await acceptInvite(other, link, 'Other Rep', 'a-long-enough-password-1');
	expect((await otherContext.request.get(`${attemptPath}/recordings/0`)).status()).toBe(404);
	expect((await otherContext.request.get(`${attemptPath}/recordings/9`)).status()).toBe(404);
	await otherContext.close();
});

test('an online candidate answers by voice from their link, and the interview panel plays it back', async ({
	browser
}) => {
	test.setTimeout(120_000);
	// The manager schedules an online interview (in English) and makes the candidate's link.
	const managerContext = await browser.newContext({ baseURL: suite.server.url, locale: 'en-US' });
	const manager = await managerContext.newPage();
	await signInAs(manager, 'manager');
	const position = `Phone sales ${Date.now().toString(36)}`;
	await manager.goto('/hiring/candidates');
	await manager.getByLabel('Name').fill('王先生 Mr. Wong');
	await manager.getByLabel('Position applied for').fill(position);
	await manager.getByRole('button', { name: 'Add candidate' }).click();
	await expect(manager.getByRole('status')).toContainText('added');
	await manager.goto('/hiring/interviews/new');
	await manager
		.getByLabel('Candidate', { exact: true })
		.selectOption({ label: `王先生 Mr. Wong · ${position}` });
	await manager.getByLabel('Scenario', { exact: true }).selectOption('renewal-price-objection');
	await manager.getByRole('radio', { name: /^Online/ }).check();
	await manager.getByRole('button', { name: 'Schedule' }).click();
	await manager.getByRole('button', { name: 'Create a candidate link' }).click();
	const link = await manager.getByRole('textbox', { name: 'Candidate link' }).inputValue();
	const interviewPath = new URL(manager.url()).pathname;

	// The candidate, in Chinese and without an account, picks the spoken role-play.
	const candidateContext = await browser.newContext({ locale: 'zh-TW' });
	const candidate = await candidateContext.newPage();
	await candidate.goto(link);
	await candidate.getByRole('radio', { name: /用說的，像真的講電話/ }).check();
	await candidate.getByRole('checkbox').check();
	await candidate.getByRole('button', { name: '開始' }).click();
	// The call's timer runs on the candidate's page too.
	const callTime = candidate.getByRole('timer', { name: '通話時間' });
	await expect(callTime).toHaveText(/^\d\d:\d\d$/);
	const startedAt = await callTime.textContent();
	await expect.poll(() => callTime.textContent(), { timeout: 5000 }).not.toBe(startedAt);
	// Nothing is recorded before the consent line is agreed to, which names the interviewers.
	await expect(candidate.getByRole('button', { name: /^⏺/ })).toHaveCount(0);
	await expect(candidate.getByText(/讓公司的面試官聆聽/)).toBeVisible();
	await candidate.getByRole('button', { name: '我同意錄下我的回答' }).click();
	await candidate.getByRole('radio', { name: '先錄音，確認後再送出' }).check();
	await candidate.getByRole('button', { name: /錄下回答/ }).click();
	await expect(candidate.getByRole('timer', { name: '錄音時間' })).toBeVisible();
	await candidate.waitForTimeout(3000);
	await candidate.getByRole('button', { name: /停止錄音/ }).click();
	await expect(candidate.getByText(/錄好了/)).toBeVisible();
	const heard = suite.transcriber.received.length;
	await candidate.getByRole('button', { name: /^送出$/ }).click();
	// The words the organisation's server heard are the reply; the candidate sees no score.
	const spoken = fixtureTexts['en-reply.wav']!.text;
	await expect(candidate.locator('li.line.rep').first()).toContainText(spoken);
	expect(suite.transcriber.received.slice(heard)).toMatchObject([{ language: 'en' }]);
	expect(await candidate.content()).not.toMatch(/recordings\/|\bscore/i);
	await candidateContext.close();

	// The manager hears it on the interview's transcript.
	await manager.goto(interviewPath);
	const audio = manager.locator('li.line.rep audio');
	await expect(audio).toHaveCount(1);
	const src = (await audio.getAttribute('src'))!;
	expect(src).toMatch(/^\/attempts\/[a-z0-9]+\/recordings\/0$/);
	const played = await managerContext.request.get(src);
	expect(played.status()).toBe(200);
	expect(played.headers()['content-type']).toBe('audio/webm');
	await managerContext.close();

	// A rep, who may not see the interview, gets a 404.
	const rep = await signedIn(browser, 'rep');
	expect((await rep.context.request.get(src)).status()).toBe(404);
	await rep.context.close();
});
