// issue #22's "done when": a Taiwanese trainer writes, checks and publishes a new scenario and a
// new script entry entirely in zh-TW, without meeting an English word or having to invent an id.
import { expect, test, type Page } from '@playwright/test';
import { acceptInvite, createInvite, uniqueEmail } from './helpers';

/** The English words (three letters or more) a page shows in its main part, but for those allowed. */
async function englishWords(page: Page, allowed: readonly string[]): Promise<string[]> {
	const text = await page.locator('main').innerText();
	const words = text.match(/[A-Za-z][A-Za-z0-9-]{2,}/g) ?? [];
	return [...new Set(words.filter((word) => !allowed.some((ok) => ok.toLowerCase() === word.toLowerCase())))];
}

test('a trainer in Chinese creates, fills, checks and publishes a scenario and a script entry without an English word or an id to invent', async ({ browser }) => {
	test.setTimeout(120_000);
	const link = await createInvite(browser, uniqueEmail('zh-author'), ['trainer']);
	const context = await browser.newContext({ locale: 'zh-TW', extraHTTPHeaders: { 'accept-language': 'zh-TW,zh;q=0.9' } });
	const page = await context.newPage();
	await acceptInvite(page, link, '陳訓練師', 'trainer password 1');

	// A script entry, from a Chinese title: the id is proposed, not asked for.
	await page.goto('/studio');
	await page.getByLabel('類型').selectOption('script');
	await page.getByLabel('語言').selectOption('zh-TW');
	await page.getByLabel('標題').fill('預算被砍了');
	await expect(page.getByText(/^留空時，代號會是 script-\d+。$/)).toBeVisible();
	await page.getByRole('button', { name: '建立' }).click();
	await expect(page).toHaveURL(/\/studio\/script\/zh-TW\/script-\d+$/);
	const scriptId = page.url().split('/').at(-1)!;
	await expect(page.getByRole('button', { name: '表單' })).toHaveAttribute('aria-pressed', 'true');
	// The template's example sentences are refused until replaced, in Chinese.
	await expect(page.locator('.problems')).toContainText('是範本的示範文字');
	expect(await englishWords(page, [scriptId, 'script', 'Markdown'])).toEqual([]);
	await page.getByRole('textbox', { name: '客戶異議' }).fill('今年預算被砍了，會員先不續了。');
	await page.getByRole('textbox', { name: /^說法 1/ }).fill('老闆說今年不能花這筆錢。');
	for (const [n, answer] of ['了解，預算緊的時候每一筆都要花在刀口上。去年會員帶來幾筆訂單？', '很多會員在預算緊的時候改用基本方案，先保住曝光。'].entries()) {
		const group = page.getByRole('group', { name: new RegExp(`^回答 ${n + 1}`) });
		await group.getByRole('textbox', { name: /業務怎麼說/ }).fill(answer);
		await group.getByRole('textbox', { name: /為什麼有效/ }).fill('把價格拉回到效益。');
	}
	await page.getByRole('textbox', { name: /^錯誤 1/ }).fill('馬上降價：等於承認原價不實在。');
	await expect(page.getByRole('heading', { name: '沒有問題，可以發布。' })).toBeVisible();
	await page.getByRole('button', { name: '發布' }).click();
	await expect(page.getByRole('status')).toHaveText('已發布為第 1 版。');
	expect(await englishWords(page, [scriptId, 'script', 'Markdown'])).toEqual([]);

	// A scenario: its template is a call that already works, with Chinese names for its beats.
	await page.goto('/studio');
	await page.getByLabel('類型').selectOption('scenario');
	await page.getByLabel('語言').selectOption('zh-TW');
	await page.getByLabel('標題').fill('老闆不在');
	await page.getByRole('button', { name: '建立' }).click();
	await expect(page).toHaveURL(/\/studio\/scenario\/zh-TW\/scenario-\d+$/);
	const scenarioId = page.url().split('/').at(-1)!;
	await expect(page.getByRole('button', { name: '表單' })).toHaveAttribute('aria-pressed', 'true');
	const add = page.getByRole('region', { name: '新增段落' });
	await add.getByLabel('段落名稱').fill('問老闆何時在');
	await add.getByRole('button', { name: '加入段落' }).click();
	await page.keyboard.type('老闆下午才會進來。');
	// An unreachable beat is explained in Chinese, by its name.
	await expect(page.locator('.problems')).toContainText('「問老闆何時在」這一段');
	// Ids the app made itself (the file's, the template's beats') may show, muted beside the names.
	const ids = [scenarioId, 'scenario', 'greet', 'won', 'lost', 'beat'];
	expect(await englishWords(page, ids)).toEqual([]);
});
