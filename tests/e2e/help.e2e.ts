import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

const LANGUAGES = [
	{ locale: 'en', title: 'How replies are scored', inShort: 'In short', contents: 'Contents' },
	{ locale: 'zh-TW', title: '回答如何評分', inShort: '重點整理', contents: '目錄' }
] as const;

for (const language of LANGUAGES) {
	test(`the scoring help opens with the short version and its contents lead to headed sections (${language.locale})`, async ({
		page,
		baseURL
	}) => {
		await signInAs(page, 'rep');
		// A language cookie, so that the demo rep's saved language is left alone for the other tests.
		await page
			.context()
			.addCookies([{ name: 'PARAGLIDE_LOCALE', value: language.locale, url: baseURL! }]);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/help');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.title);

		const inShort = page.getByRole('region', { name: language.inShort });
		await expect(inShort.getByRole('listitem')).toHaveCount(6);

		const links = page.getByRole('navigation', { name: language.contents }).getByRole('link');
		const count = await links.count();
		expect(count).toBeGreaterThanOrEqual(8);
		for (let i = 0; i < count; i++) {
			const link = links.nth(i);
			const name = (await link.textContent())!;
			const target = (await link.getAttribute('href'))!;
			expect(target).toMatch(/^#[\w-]+$/);
			await link.click();
			await expect(page).toHaveURL(new RegExp(`${target}$`));
			const heading = page.locator(target);
			await expect(heading).toHaveJSProperty('tagName', 'H2');
			await expect(heading).toHaveText(name);
			await expect(heading).toBeInViewport();
			// Each section is a region named by its heading, with something to read under it.
			await expect(
				page.getByRole('region', { name, exact: true }).locator('p').first()
			).toBeVisible();
		}
	});
}
