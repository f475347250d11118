import { parse } from 'yaml';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createStudioItem, signInAs } from './helpers';

const id = `ask-boss-${Date.now().toString(36)}`;

/** A beat's section in the form, by its id. */
const beat = (page: Page, beatId: string): Locator => page.locator(`details#beat-${beatId}`);

test('a trainer working in Chinese names a beat 需要問老闆: the studio shows that name, the file gets an ASCII id and keeps the name', async ({
	page
}) => {
	test.setTimeout(90_000);
	// Signed in without a language cookie (the demo account's saved language stays as it is), then
	// the studio in Chinese for this browser only.
	await signInAs(page, 'trainer');
	await createStudioItem(page, 'scenario', 'zh-TW', id);
	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-TW', url: new URL(page.url()).origin }]);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
	await expect(page.getByRole('button', { name: '表單' })).toHaveAttribute('aria-pressed', 'true');

	// The name is typed as a trainer says it; the form proposes an id for the file.
	const add = page.getByRole('region', { name: '新增段落' });
	await add.getByLabel('段落名稱').fill('需要問老闆');
	const proposed = add.getByText(/^在檔案中的代號：beat-\d+$/);
	await expect(proposed).toBeVisible();
	const beatId = (await proposed.textContent())!.replace('在檔案中的代號：', '').trim();
	await add.getByRole('button', { name: '加入段落' }).click();
	const asked = beat(page, beatId);
	await expect(asked.locator('summary')).toContainText('需要問老闆');
	await expect(asked.locator('summary')).toContainText(beatId);
	await expect(asked.getByLabel('客戶說')).toBeFocused();
	await page.keyboard.type('這個我要先問老闆。');
	await asked.getByRole('button', { name: '加入常用規則' }).click();

	// The opening's good reply now goes to it, chosen by its name.
	const goTo = beat(page, 'greet')
		.getByRole('group', { name: /^規則 1$/ })
		.getByLabel('前往');
	const option = goTo.getByRole('option', { name: '需要問老闆 · 這個我要先問老闆。' });
	await expect(option).toHaveCount(1);
	await goTo.selectOption({ label: '需要問老闆 · 這個我要先問老闆。' });
	await expect(goTo).toHaveValue(beatId);
	await expect(beat(page, 'greet').getByRole('region', { name: '接下來往哪裡走' })).toContainText(
		'→ 需要問老闆'
	);

	// The call flow draws it by its name, and says it as text.
	const graph = page.getByRole('img', { name: /^由上（開始）到下的各段對話/ });
	await expect(graph.locator('text', { hasText: '需要問老闆' })).toBeVisible();
	const asText = page.getByRole('group').filter({ has: page.getByText('以文字看對話流程') });
	await asText.getByText('以文字看對話流程').click();
	await expect(asText.getByRole('listitem').filter({ hasText: /^開場/ })).toContainText(
		'→ 需要問老闆'
	);
	await expect(asText.getByRole('listitem').filter({ hasText: /^需要問老闆/ })).toContainText(
		beatId
	);

	// Removing an ending names the rule that goes to it by the beat's name.
	const won = beat(page, 'won');
	await won.getByRole('button', { name: '移除「成交」這一段' }).click();
	await expect(won.getByRole('group', { name: /^要移除「成交」這一段嗎？/ })).toContainText(
		'需要問老闆的第 1 條規則'
	);
	await won.getByRole('button', { name: '保留' }).click();

	await page.getByRole('button', { name: '儲存草稿' }).click();
	await expect(page.getByRole('status')).toHaveText('草稿已儲存。');
	await page.reload();
	await page.getByRole('button', { name: '檔案', exact: true }).click();
	const text = await page.getByLabel('檔案內容').inputValue();
	expect(beatId).toMatch(/^beat-\d+$/);
	expect(text).toContain(`  ${beatId}:\n    name: 需要問老闆\n    customer: 這個我要先問老闆。\n`);
	expect(text).toContain(`goto: ${beatId}`);
	// The template's beats came named in Chinese; the form wrote no other names.
	const beats = (parse(text) as { beats: Record<string, { name?: string }> }).beats;
	expect(Object.values(beats).map((b) => b.name)).toEqual(['開場', '成交', '沒成', '需要問老闆']);
});
