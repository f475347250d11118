import { expect, test } from '@playwright/test';
import { acceptInvite, createInvite, uniqueEmail } from './helpers';

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const id = `zh-messages-${Date.now().toString(36)}`;

/** A two-beat scenario in Chinese; `price` and `extra` are what each step of the test changes. */
function scenario(price: string, extra = ''): string {
	return `id: ${id}
title: 太貴了
persona: { name: 王經理, role: 採購經理, company: 五金行 }
minutes: 8
pass: 70
start: greet
beats:
  greet:
    customer: 喂？哪位？
    expect:
      - { point: 說明自己是誰, weight: 1, cues: [我是, 敝姓] }
    next:
      - { minScore: 0.6, goto: price }
      - { goto: lost }
  price:
${price}
    next:
      - { minScore: 0.6, goto: won }
      - { goto: lost }
${extra}  won: { end: won, customer: 好，你把資料寄過來。 }
  lost: { end: lost, customer: 不用了，謝謝。 }
`;
}

test('a trainer using the app in Chinese reads the checker’s problems in Chinese, naming the beat and the field, with the line', async ({
	browser
}) => {
	// An account of its own: signing in saves the browser's language on the account.
	const email = uniqueEmail('zh-trainer');
	const link = await createInvite(browser, email, ['trainer']);
	const context = await browser.newContext({
		locale: 'zh-TW',
		extraHTTPHeaders: { 'accept-language': 'zh-TW,zh;q=0.9' }
	});
	const page = await context.newPage();
	await acceptInvite(page, link, '林訓練師', 'trainer password 1');
	const created = await page.request.post('/studio?/create', {
		form: { kind: 'scenario', locale: 'zh-TW', title: '需要問老闆', id },
		headers: { origin: ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	await page.goto(`/studio/scenario/zh-TW/${id}`);

	await page.getByRole('button', { name: '檔案', exact: true }).click();
	const file = page.locator('textarea#text');
	const problems = page.locator('.problems');

	// An empty customer line, as the side panel says it: the beat, the field in the form's words, and the line.
	const emptyLine = scenario('    customer: ""');
	await file.fill(emptyLine);
	const line = emptyLine.split('\n').findIndex((l) => l.includes('customer: ""')) + 1;
	await expect(problems.getByRole('listitem')).toHaveText([
		`第 ${line} 行 在「price」這一段，請填寫客戶說的話。`
	]);
	await expect(page.getByRole('button', { name: '發布' })).toBeDisabled();

	// Broken indentation: the parser's English stays out of it.
	await file.fill(scenario('    customer: 太貴了。\n   expect: []'));
	await expect(problems).toContainText('這裡的縮排不一致');
	await expect(problems).not.toContainText('YAML');

	// A beat nobody reaches, in the panel and beside the beat in the form.
	await file.fill(
		scenario(
			'    customer: 太貴了。',
			'  orphan:\n    customer: 還有事嗎？\n    next:\n      - { goto: lost }\n'
		)
	);
	const unreachable =
		'還沒有規則通往「orphan」這一段：請在其他段落的規則中，於「前往」選擇它，或移除這一段。';
	await expect(problems.getByText(unreachable)).toBeVisible();
	await page.getByRole('button', { name: '表單', exact: true }).click();
	const orphan = page.locator('details#beat-orphan');
	await orphan.locator('summary').click();
	await expect(orphan.getByText(unreachable)).toBeVisible();
	await expect(orphan.getByText(/第 \d+ 行/)).toBeVisible();

	// Fixed: the ready line, in Chinese too.
	await page.getByRole('button', { name: '檔案', exact: true }).click();
	await file.fill(scenario('    customer: 太貴了。'));
	await expect(page.getByRole('heading', { name: '沒有問題，可以發布。' })).toBeVisible();
	await context.close();
});
