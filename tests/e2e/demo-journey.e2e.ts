import { expect, test } from '@playwright/test';
import { dayFrom, signInAs } from './helpers';

// Issue #19's journey on the demo's own history, in Chinese on a phone: the manager finds the demo
// rep (behind on their plan), reads the role-play the demo history commented on, comments on a turn,
// assigns a scenario, reviews the rep's deals with the feeling flagged, records a one-to-one with the
// open actions of the last; the rep then finds the comment, the assignment and the actions on their
// home. Other tests practise as the demo rep too, so everything is found by what this test or the
// demo history wrote, never by position in a list.
const ZH = {
	locale: 'zh-TW',
	extraHTTPHeaders: { 'accept-language': 'zh-TW,zh;q=0.9' },
	viewport: { width: 390, height: 844 }
} as const;
const REP_NAME = /張小雯/;

test('on the demo, a manager coaches a rep in Chinese on a phone, and the rep sees the comment, the assignment and the actions', async ({
	browser
}) => {
	// A dozen pages for two people: slow on a busy 2-core machine.
	test.setTimeout(120_000);
	const tag = Date.now().toString(36);
	const managerContext = await browser.newContext(ZH);
	const page = await managerContext.newPage();
	await signInAs(page, 'manager');

	// The dashboard links the rep to their page, where the plan says how far behind they are.
	await page.goto('/team/dashboard');
	await page.getByRole('rowheader', { name: REP_NAME }).getByRole('link').click();
	await expect(page).toHaveURL(/\/team\/reps\/[a-z0-9]+$/);
	const repPage = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toContainText('張小雯');
	await expect(page.getByRole('region', { name: '到職訓練' })).toBeVisible();

	// The role-play the demo's manager already commented on, opened from that comment.
	const comments = page.getByRole('region', { name: '對其角色扮演的評語' });
	const earlier = comments
		.getByRole('listitem')
		.filter({ hasText: 'Here he asked for a discount' });
	await earlier.getByRole('link').first().click();
	// The link goes to the comment itself, beside its turn.
	await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+#comment-[a-z0-9]+$/);
	const attemptPath = new URL(page.url()).pathname;
	await expect(page.getByText(/^張小雯.*的角色扮演/)).toBeVisible();
	const onTurn = `先問他去年的詢價有幾筆，再談價格。${tag}`;
	await page.getByText('評論這句回答').first().click();
	await page.getByLabel('你對第 1 句回答的評語').fill(onTurn);
	await page
		.getByLabel('你對第 1 句回答的評語')
		.locator('..')
		.getByRole('button', { name: '儲存評語' })
		.click();
	await expect(page.getByRole('status')).toHaveText('評語已儲存，業務會在這一頁看到。');

	// A scenario assigned from the rep's page.
	await page.goto(repPage);
	await page.getByText('指派情境練習').click();
	const assign = page.locator('#assign-scenario');
	await assign.getByLabel('情境').selectOption('busy-call-next-month');
	await assign.getByLabel('模式').selectOption('text');
	await assign.getByLabel('截止日期').fill(dayFrom(5));
	await assign.getByLabel('給業務的備註（選填）').fill(`先約回電時間再介紹。${tag}`);
	await assign.getByRole('button', { name: '指派' }).click();
	await expect(page.getByText('已指派。業務會在首頁看到。')).toBeVisible();

	// The rep's deals: the one resting on a feeling is flagged, with why it reads as one.
	const deals = page.getByRole('region', { name: '商機' });
	const feeling = deals.getByRole('article').filter({ hasText: 'Golden Bridge Textiles' });
	await expect(feeling).toContainText('只有感覺：沒有客戶說過或做過什麼的證據');
	await expect(
		deals.getByRole('article').filter({ hasText: 'Hsin-Yi Hardware' })
	).not.toContainText('只有感覺');

	// A one-to-one: it opens with the actions still open from the last one; one is done, one carried over.
	await page.getByRole('link', { name: '記錄一次面談' }).click();
	await expect(page).toHaveURL(/\/one-to-ones\/new$/);
	const open = page.getByRole('group', { name: '先前面談尚未完成的事項' });
	await expect(open).toContainText('Join the Hsin-Yi Hardware review call');
	const notes = `談了 Golden Bridge：下次要問出客戶說過的話和日期，不要只寫感覺。${tag}`;
	await page.getByLabel('筆記').fill(notes);
	const action = page.getByRole('group', { name: '事項 1' });
	const actionText = `把 Golden Bridge 的證據補上日期和原話 ${tag}`;
	await action.getByLabel('內容').fill(actionText);
	await action.getByLabel('由誰負責').selectOption({ label: '業務' });
	await action.getByLabel('期限').fill(dayFrom(3));
	await page.getByRole('button', { name: '儲存面談紀錄' }).click();
	await expect(page.getByRole('status')).toHaveText('已儲存。業務看得到這次面談和約定的事項。');
	await managerContext.close();

	// The rep, on a phone in Chinese: the comment, the assignment and the actions are on their home.
	const repContext = await browser.newContext(ZH);
	const rep = await repContext.newPage();
	await signInAs(rep, 'rep');
	await expect(
		rep.getByRole('region', { name: '新的回饋' }).locator(`a[href="${attemptPath}"]`)
	).toBeVisible();
	const assigned = rep.getByRole('region', { name: /指派給你的任務/ });
	await expect(
		assigned.getByRole('listitem').filter({ hasText: `先約回電時間再介紹。${tag}` })
	).toContainText('我很忙');
	await expect(rep.getByText(actionText)).toBeVisible();
	await rep.goto(attemptPath);
	await expect(rep.getByText(onTurn)).toBeVisible();
	await rep.goto('/one-to-ones');
	await expect(rep.getByText(notes)).toBeVisible();
	await repContext.close();
});
