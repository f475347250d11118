import { expect, test, type Browser, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { startOwnServer, type OwnServer } from './own-server';
import { signInAs } from './helpers';
import { fixturePath, startFakeTranscriber, type FakeTranscriber } from './fake-transcriber';

// "It feels like a call" (issue #21 item 4): a call timer, answering by holding a button or by
// talking until a pause, and replaying the whole call afterwards. Chromium's fake microphone plays
// a short spoken reply followed by four seconds of silence, over and over; the transcription server
// is the fake one, which answers any Chinese recording with the Chinese fixture's words.
const launch = config.use!.launchOptions!;
test.use({
	launchOptions: {
		...launch,
		args: [
			...(launch.args ?? []),
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-audio-capture=${fixturePath('zh-reply-pause.wav')}`
		]
	}
});
test.describe.configure({ mode: 'serial' });

const PORT = Number(process.env.E2E_PORT ?? 4173);
let server: OwnServer;
let transcriber: FakeTranscriber;

test.beforeAll(async () => {
	transcriber = await startFakeTranscriber(PORT + 8);
	server = await startOwnServer('call-feel', 7, { STT_URL: transcriber.url });
});
test.afterAll(async () => {
	await server?.stop();
	await transcriber?.stop();
});

async function repInCall(browser: Browser): Promise<Page> {
	// In Chinese: the fake microphone speaks Chinese, and the scenario follows the UI's language.
	const context = await browser.newContext({ baseURL: server.url, locale: 'zh-TW' });
	const page = await context.newPage();
	await signInAs(page, 'rep');
	await page.goto('/practice/renewal-price-objection');
	await page.getByRole('radio', { name: /^模擬通話/ }).check();
	await page.getByRole('button', { name: '開始演練' }).click();
	await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	return page;
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
