import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs } from './helpers';
import { fixtureTexts } from './fake-transcriber';
import { speakingSuite } from './speaking';

// "It feels like a call" (issue #21 item 4): a call timer, answering by holding a button or by
// talking until a pause, and replaying the whole call afterwards. Chromium's fake microphone plays
// a short spoken reply followed by four seconds of silence, over and over; the transcription server
// is the fake one, which answers any Chinese recording with the Chinese fixture's words.
const suite = speakingSuite('call-feel', 7, 8, 'zh-reply-pause.wav');

/** What the transcription server answers for the rep's recordings (zh-TW). */
const HEARD = fixtureTexts['zh-reply.wav']!.text;

/** What axe-core finds serious or critical against WCAG 2.1 AA (and 2.2's target size on a phone). */
async function seriousAxeFindings(page: Page, phone = false): Promise<string[]> {
	const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...(phone ? ['wcag22aa'] : [])];
	const results = await new AxeBuilder({ page }).withTags(tags).setLegacyMode().analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(', ')}`);
}

async function repInCall(browser: Browser, phone = false): Promise<Page> {
	// In Chinese: the fake microphone speaks Chinese, and the scenario follows the UI's language.
	const context = await browser.newContext({
		baseURL: suite.server.url,
		locale: 'zh-TW',
		...(phone ? { viewport: { width: 390, height: 844 }, hasTouch: true } : {})
	});
	const page = await context.newPage();
	await signInAs(page, 'rep');
	await page.goto('/practice/renewal-price-objection');
	await page.getByRole('radio', { name: /^模擬通話/ }).check();
	await page.getByRole('button', { name: '開始演練' }).click();
	await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	return page;
}

async function agreeToRecording(page: Page): Promise<void> {
	// The call controls load after the page: the consent question is asked once they are there.
	await expect(page.getByRole('button', { name: /再聽一次客戶的話/ })).toBeVisible();
	const agree = page.getByRole('button', { name: '我同意錄下我的回答' });
	if (await agree.isVisible()) await agree.click();
	await expect(agree).toHaveCount(0);
}

test('the call timer runs from the start of the call, survives a reload, and stops at the end', async ({
	browser
}) => {
	const page = await repInCall(browser);
	const timer = page.getByRole('timer', { name: '通話時間' });
	await expect(timer).toHaveText(/^\d\d:\d\d$/);
	const first = await timer.textContent();
	await expect.poll(() => timer.textContent(), { timeout: 5000 }).not.toBe(first);

	// Counted from when the call began, which the server knows: a reload does not start it again.
	await page.waitForTimeout(1000);
	await page.reload();
	await expect(timer).not.toHaveText('00:00');
	await expect(timer).not.toHaveText('00:01');

	await page.getByText('掛斷', { exact: true }).click();
	await page.getByRole('button', { name: '確定掛斷' }).click();
	await expect(page.getByRole('timer')).toHaveCount(0);
	const length = page.getByText('通話長度').locator('..').locator('time');
	await expect(length).toHaveText(/^00:0[2-9]$/);
	const ended = await length.textContent();
	await page.waitForTimeout(1500);
	await expect(length).toHaveText(ended!);
	await page.context().close();
});

test('holding Space on the talk button records a reply that is sent, transcribed and scored; a tap records nothing; a screen reader clicks twice', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const page = await repInCall(browser);
	await agreeToRecording(page);
	await expect(page.getByRole('radio', { name: '按住說話' })).toBeChecked();
	const talk = page.getByRole('button', { name: /^🎙 按住說話/ });
	const heard = suite.transcriber.received.length;

	await talk.focus();
	await page.keyboard.down('Space');
	await expect(page.getByRole('button', { name: /放開就送出/ })).toBeVisible();
	await expect(page.getByRole('timer', { name: '錄音時間' })).toBeVisible();
	await page.waitForTimeout(3000);
	await page.keyboard.up('Space');

	// Nothing typed and no Send pressed: letting go sent it, and the server's words were scored.
	const repLine = page.locator('li.line.rep').first();
	await expect(repLine).toContainText(HEARD);
	await expect(repLine).toContainText(/100/);
	await expect(page.locator('li.line.customer').nth(1)).toContainText('續約');
	expect(suite.transcriber.received.slice(heard)).toMatchObject([{ language: 'zh' }]);

	// A tap is not a reply: nothing is recorded or sent, and the page says how to hold it.
	await talk.focus();
	await page.keyboard.down('Space');
	await page.keyboard.up('Space');
	await expect(page.getByRole('alert')).toContainText('按得太短了');
	await page.waitForTimeout(1000);
	await expect(page.locator('li.line.rep')).toHaveCount(1);
	expect(suite.transcriber.received).toHaveLength(heard + 1);
	await expect(talk).toHaveAttribute('aria-pressed', 'false');

	// A screen reader clicks without pressing: one click starts the recording, the next sends it.
	await talk.dispatchEvent('click');
	const latched = page.getByRole('button', { name: /錄音中：再按一次就送出/ });
	await expect(latched).toHaveAttribute('aria-pressed', 'true');
	await page.waitForTimeout(2500);
	await latched.dispatchEvent('click');
	await expect(page.locator('li.line.rep')).toHaveCount(2);
	expect(suite.transcriber.received).toHaveLength(heard + 2);
	await page.context().close();
});

test('talking and then pausing sends the reply on its own, and the choice is remembered', async ({
	browser
}) => {
	test.setTimeout(90_000);
	// At a phone's width, with touch.
	const page = await repInCall(browser, true);
	await agreeToRecording(page);
	const heard = suite.transcriber.received.length;
	await page.getByRole('radio', { name: '說完停一下就送出' }).check();
	const status = page.getByRole('status').filter({ hasText: /聆聽中|正在聽你說|正在送出/ });
	await expect(status).toBeVisible();
	await expect(page.getByRole('button', { name: /現在送出/ })).toBeVisible();
	expect(await seriousAxeFindings(page, true)).toEqual([]);
	// The fake microphone speaks, then falls silent: speech is heard, and the pause sends it.
	await expect(status).toContainText('正在聽你說', { timeout: 15_000 });
	await expect(page.locator('li.line.rep').first()).toContainText(HEARD, { timeout: 15_000 });
	expect(suite.transcriber.received.slice(heard)).toMatchObject([{ language: 'zh' }]);
	// Once the customer's next line is over, it listens again by itself, and the next pause sends.
	await expect(page.locator('li.line.rep')).toHaveCount(2, { timeout: 30_000 });
	expect(suite.transcriber.received).toHaveLength(heard + 2);

	await page.reload();
	await expect(page.getByRole('radio', { name: '說完停一下就送出' })).toBeChecked();
	await page.context().close();
});

test('a finished call replays line by line, highlighting the line playing, with pause, resume and stop', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const page = await repInCall(browser);
	await agreeToRecording(page);
	await page.getByRole('radio', { name: '按住說話' }).check();
	await page.getByRole('button', { name: /^🎙 按住說話/ }).focus();
	await page.keyboard.down('Space');
	// Long enough a recording for the replay to be paused while it plays, on a busy machine too
	// (with 4 s, a clean-clone run once saw the pause land as the line ended).
	await page.waitForTimeout(8000);
	await page.keyboard.up('Space');
	await expect(page.locator('li.line.rep').first()).toContainText(HEARD);
	await page.getByText('掛斷', { exact: true }).click();
	await page.getByRole('button', { name: '確定掛斷' }).click();

	// The customer's greeting, the rep's recorded reply, and the line the rep hung up on; all by keyboard.
	const playing = page.locator('li[aria-current="true"]');
	await page.getByRole('button', { name: /重播這通電話/ }).focus();
	await page.keyboard.press('Enter');
	await expect(playing).toHaveAttribute('id', 'line-c0');
	await expect(page.getByRole('status').filter({ hasText: '第 1 句，共 3 句' })).toBeVisible();
	await expect(playing).toHaveAttribute('id', 'line-r0', { timeout: 15_000 });

	// Paused, it stays on the line; resumed, it moves on.
	await expect(page.getByRole('button', { name: /暫停/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: /繼續/ })).toBeFocused();
	expect(await seriousAxeFindings(page)).toEqual([]);
	await page.waitForTimeout(4000);
	await expect(playing).toHaveAttribute('id', 'line-r0');
	await page.keyboard.press('Enter');
	await expect(playing).toHaveAttribute('id', 'line-end', { timeout: 15_000 });

	await page.getByRole('button', { name: /停止/ }).click();
	await expect(playing).toHaveCount(0);
	await expect(page.getByRole('button', { name: /重播這通電話/ })).toBeFocused();
	await page.context().close();
});
