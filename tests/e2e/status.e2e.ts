import { expect, test } from '@playwright/test';

// The status page is for uptime monitors and for people: public, in the visitor's language, and
// rendered by the server (it says the app answers and renders pages, which /health does not).
test('anyone sees that the service is running, in their language, without JavaScript', async ({
	browser
}) => {
	for (const [locale, status] of [
		['en-US', 'Rehearse is running and answering requests.'],
		['zh-TW', 'Rehearse 正常運作中，可以回應要求。']
	] as const) {
		const context = await browser.newContext({
			locale,
			javaScriptEnabled: false,
			extraHTTPHeaders: { 'accept-language': locale }
		});
		const page = await context.newPage();
		const response = await page.goto('/status');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('status')).toHaveText(status);
		await expect(page.locator('html')).toHaveAttribute('lang', locale === 'en-US' ? 'en' : 'zh-TW');
		await context.close();
	}
});
