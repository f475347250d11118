import { expect, test, type Page } from '@playwright/test';
import { acceptInvite, createInvite, signInAs, startAsRep, uniqueEmail } from './helpers';

// A name or reply with a right-to-left override (U+202E) must not reorder the words shown around
// it: wherever one is shown to others, it sits in an isolated run (`<bdi>`, or `unicode-bidi:
// isolate`), so the override ends where the name does.
const OVERRIDE = '\u202e';

/** For every piece of text on the page holding an override: whether an isolate encloses it within its line. */
async function overridesIsolated(page: Page): Promise<boolean[]> {
	return page.evaluate((override) => {
		const results: boolean[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			// Text that is shown: not the page's data for hydration, a form field's value, or the
			// page title that SvelteKit's hidden announcer reads out after a navigation.
			if (
				!node.nodeValue?.includes(override) ||
				['SCRIPT', 'STYLE', 'TEXTAREA'].includes(node.parentElement?.tagName ?? '')
			)
				continue;
			if (node.parentElement?.closest('#svelte-announcer')) continue;
			// The text's own element, or an inline one around it, isolates. A block (or table cell)
			// further out does not count: the override would run on over what follows in that block.
			let isolated = false;
			for (
				let element = node.parentElement, own = true;
				element;
				element = element.parentElement, own = false
			) {
				const style = getComputedStyle(element);
				if (!own && !style.display.startsWith('inline')) break;
				if (['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi)) {
					isolated = true;
					break;
				}
			}
			results.push(isolated);
		}
		return results;
	}, OVERRIDE);
}

async function expectIsolated(page: Page, path: string): Promise<void> {
	await page.goto(path);
	const found = await overridesIsolated(page);
	expect(found.length, `${path} shows the text`).toBeGreaterThan(0);
	expect(found, path).not.toContain(false);
}

test('a user’s name with a right-to-left override is shown isolated in the user list and on their page', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('bidi');
	const marker = Date.now().toString(36);
	const newcomer = await browser.newContext();
	await acceptInvite(
		await newcomer.newPage(),
		await createInvite(browser, email),
		`Eve ${OVERRIDE}reversed ${marker}`,
		'a fine long password'
	);
	await newcomer.close();

	await signInAs(page, 'admin');
	await expectIsolated(page, `/admin/users?q=${marker}`);
	await page.getByRole('link', { name: new RegExp(marker) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(marker);
	expect(await overridesIsolated(page)).not.toContain(false);
});

test('a candidate’s name with a right-to-left override is shown isolated in the list and on their page', async ({
	page
}) => {
	const marker = Date.now().toString(36);
	await signInAs(page, 'admin');
	await page.goto('/hiring/candidates');
	await page.getByLabel('Name').fill(`Mallory ${OVERRIDE}reversed ${marker}`);
	await page.getByLabel('Position applied for').fill(`Sales ${OVERRIDE}${marker}`);
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(page.getByRole('status')).toContainText('added');
	await expectIsolated(page, '/hiring/candidates');
	await page.getByRole('link', { name: new RegExp(`Mallory.*${marker}`) }).click();
	expect(await overridesIsolated(page)).not.toContain(false);
});

test('a reply with a right-to-left override is shown isolated in the transcript', async ({
	browser
}) => {
	const { rep, close } = await startAsRep(browser, 'renewal-price-objection');
	await rep
		.getByLabel('Your reply')
		.fill(`Hello ${OVERRIDE}this is Kevin from MetalHub, do you have a minute?`);
	await rep.getByRole('button', { name: 'Send' }).click();
	await expect(rep.getByText(/Score for this reply/)).toHaveCount(1);
	const found = await overridesIsolated(rep);
	expect(found.length).toBeGreaterThan(0);
	expect(found).not.toContain(false);
	await close();
});
