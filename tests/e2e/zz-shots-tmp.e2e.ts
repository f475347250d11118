import { expect, test, type Page } from '@playwright/test';
import { demoAccount, signInAs } from './helpers';

const DIR = '/tmp/shots-hiring-panels';
const WIDTHS = [375, 1280];

async function shoot(page: Page, name: string): Promise<void> {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${DIR}/${name}-${width}.png`, fullPage: true });
	}
}

for (const locale of ['en', 'zh-TW'] as const) {
	test(`screenshots ${locale}`, async ({ browser }) => {
		test.setTimeout(180_000);
		const zh = locale === 'zh-TW';
		const context = await browser.newContext({ locale: zh ? 'zh-TW' : 'en-US', extraHTTPHeaders: { 'accept-language': zh ? 'zh-TW' : 'en-US' } });
		const page = await context.newPage();
		await signInAs(page, 'manager');
		const origin = new URL(page.url()).origin;
		const post = (path: string, form: Record<string, string | string[]>) => {
			const body = new URLSearchParams();
			for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
			return page.request.post(`${origin}${path}`, { data: body.toString(), headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, maxRedirects: 0 });
		};
		const name = zh ? '林小姐' : 'Ms. Lin';
		await post('/hiring/candidates?/create', { name, position: 'Sales', contact: '', notes: '' });
		const html = await (await page.request.get(`${origin}/hiring/interviews/new`)).text();
		const candidateId = html.match(new RegExp(`<option value="([a-z0-9]+)"[^>]*>${name}`))![1]!;
		const adminId = html.match(new RegExp(`name="panel" value="([a-z0-9]+)"[^>]*/?>\\s*${demoAccount('admin').name}`))?.[1];
		const managerId = html.match(new RegExp(`name="panel" value="([a-z0-9]+)"[^>]*/?>\\s*${demoAccount('manager').name}`))?.[1];
		const schedule = async (mode: string) => {
			const r = await post('/hiring/interviews/new', { candidateId, scenarioId: 'renewal-price-objection', rubricId: 'hiring-roleplay', mode, scheduledAt: '2026-12-01T10:00', panel: [managerId!, adminId!] });
			return r.headers()['location']!.split('/').pop()!;
		};
		const live = await schedule('live');
		await page.goto(`/hiring/interviews/${live}`);
		await page.getByRole('button', { name: zh ? '開始現場角色扮演' : 'Start the live role-play' }).click();
		for (let i = 0; i < 3; i++) {
			const before = await page.locator('.say').textContent();
			await page.getByRole('button', { name: zh ? '✓ 處理得好' : '✓ Handled' }).click();
			await expect(page.locator('.say')).not.toHaveText(before!);
		}
		await page.getByLabel(zh ? '筆記（選填）' : 'Note (optional)').fill(zh ? '有先認同，但沒有提出任何方案' : 'Acknowledged, offered nothing');
		await page.getByRole('button', { name: zh ? '✗ 沒有處理' : '✗ Not handled' }).click();
		await expect(page.locator('.after')).toBeVisible();
		await shoot(page, `cue-card-${locale}`);

		// Confirm step.
		await page.goto(`/hiring/interviews/${live}`);
		for (const group of await page.getByRole('group').filter({ has: page.getByRole('radio', { name: / 1$/ }) }).all()) await group.getByRole('radio', { name: / 4$/ }).check();
		await page.locator('input[name=recommendation][value=strong-yes]').check();
		await page.locator('#notes').fill(zh ? '開場很好，殺價時有點慌' : 'Strong opening; a little shaken on price');
		await page.locator('button[name=intent][value=submit]').click();
		await expect(page.locator('.confirm')).toBeVisible();
		await shoot(page, `confirm-${locale}`);
		await page.locator('button[name=intent][value=confirm]').click();

		// The admin disagrees; then the interview panel, the comparison and calibration.
		const adminContext = await browser.newContext({ locale: zh ? 'zh-TW' : 'en-US', extraHTTPHeaders: { 'accept-language': zh ? 'zh-TW' : 'en-US' } });
		const admin = await adminContext.newPage();
		await signInAs(admin, 'admin');
		const scores = Object.fromEntries(['opening', 'needs-discovery', 'objection-handling', 'product-knowledge', 'closing', 'composure', 'articulation'].map((c) => [`score-${c}`, '2']));
		await admin.request.post(`${origin}/hiring/interviews/${live}?/rate`, { form: { ...scores, recommendation: 'no', notes: 'Gave in on price', intent: 'confirm' }, headers: { origin } });
		await adminContext.close();
		await page.goto(`/hiring/interviews/${live}`);
		await shoot(page, `panel-${locale}`);
		await page.goto('/hiring/compare?position=Sales');
		await shoot(page, `compare-${locale}`);
		await page.goto('/hiring/calibration');
		await shoot(page, `calibration-${locale}`);
		// Link status on an online interview, and the list.
		const online = await schedule('online');
		await post(`/hiring/interviews/${online}?/link`, {});
		await page.goto(`/hiring/interviews/${online}`);
		await shoot(page, `link-${locale}`);
		await page.goto('/hiring');
		await shoot(page, `list-${locale}`);
		await context.close();
	});
}
