import { expect, test, type Browser, type Page } from '@playwright/test';
import { acceptInvite, createInvite, signIn, uniqueEmail } from './helpers';

// A new rep plays the Lin Fasteners series over two sittings: the first call (the catalogue promised,
// a call-back booked), then, signed in again, the run page's call notes and the days that passed, and
// the second call, where the customer remembers both the call-back and the catalogue he never got.
const PASSWORD = 'series-rep-password-1';

async function signedIn(
	browser: Browser,
	email: string
): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email, PASSWORD);
	return { page, close: () => context.close() };
}

async function choose(page: Page, text: string): Promise<void> {
	const answered = await page.locator('.line.rep').count();
	await page.getByRole('button', { name: text }).click();
	await expect(page.locator('.line.rep')).toHaveCount(answered + 1);
}

/** Call 1 won, with the catalogue promised for later, not sent during the call. */
async function playCallOnePromisingTheCatalogue(page: Page): Promise<void> {
	await choose(
		page,
		'Good morning, Mr. Lin. This is Kevin from MetalHub, the sourcing site for the machinery and hardware trade. Have you got two minutes?'
	);
	await choose(
		page,
		"Of course, no problem. I'll email it to you before the end of today. So I can pick examples that fit, may I ask what kind of screws you mainly make, and who your customers are?"
	);
	await choose(
		page,
		"I see, stainless self-tapping screws. I'll add a couple of members who make fasteners for building materials. How about I call you back on Thursday afternoon to hear what you think: two or four o'clock?"
	);
}

test('a rep plays call 1, leaves, comes back to the call notes, and in call 2 the customer remembers', async ({
	browser
}) => {
	const email = uniqueEmail('series-rep');
	const link = await createInvite(browser, email);
	const first = await browser.newContext();
	const page = await first.newPage();
	await acceptInvite(page, link, 'Series Rep', PASSWORD);

	await page.goto('/practice');
	await page.getByRole('link', { name: /^Series: several calls/ }).click();
	await expect(page.getByRole('heading', { name: 'Series of calls' })).toBeVisible();
	await page.getByRole('link', { name: /^Lin Fasteners: from the first call/ }).click();
	await page.getByRole('button', { name: 'Start the series' }).click();
	await expect(page).toHaveURL(/\/practice\/series\/lin-fasteners\/[a-z0-9]+$/);
	const runUrl = page.url();
	await expect(page.getByRole('heading', { name: 'Before call 1' })).toBeVisible();
	await expect(page.getByText('Nothing noted yet.')).toBeVisible();

	await page.getByRole('radio', { name: /^Multiple choice/ }).check();
	await page.getByRole('button', { name: 'Start call 1' }).click();
	await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	await expect(page.getByRole('link', { name: /Call 1 of the series/ })).toBeVisible();
	await expect(page.locator('.line.customer.current')).toContainText('Lin Fasteners, hello.');
	await playCallOnePromisingTheCatalogue(page);
	await expect(page.getByRole('heading', { name: 'Result' })).toBeVisible();
	await expect(
		page.getByText("Four's fine. Send it over and we'll talk on Thursday.")
	).toBeVisible();
	await first.close();

	// Another sitting: signed in afresh, the series list shows where the run stands.
	const later = await signedIn(browser, email);
	await later.page.goto('/practice/series');
	await expect(later.page.getByText('In progress · 1 of 5 calls done')).toBeVisible();
	await later.page.getByRole('link', { name: /^Lin Fasteners: from the first call/ }).click();
	await later.page.getByRole('link', { name: /^Started / }).click();
	await expect(later.page).toHaveURL(runUrl);
	const notes = later.page.getByRole('region', { name: 'Your call notes' });
	await expect(notes.getByRole('listitem')).toHaveText([
		'Promised to send him the catalogue: not sent yet.',
		'Call him back on Thursday at 4 pm.',
		'He mainly makes stainless self-tapping screws; his customers are window, door and building-material makers.'
	]);
	const next = later.page.getByRole('region', { name: 'Before call 2' });
	await expect(next).toContainText('Day 4 · 3 days later');
	await expect(next).toContainText(
		"Meanwhile: Mr. Lin flew to Vietnam to see an old customer's new plant and got back yesterday."
	);

	await next.getByRole('radio', { name: /^Multiple choice/ }).check();
	await next.getByRole('button', { name: 'Start call 2' }).click();
	await expect(later.page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	// He remembers the call-back that was booked…
	await expect(later.page.locator('.line.customer.current')).toContainText(
		"You said you'd call on Thursday, and here you are, right on time."
	);
	await choose(
		later.page,
		"Good afternoon, Mr. Lin, it's Kevin from MetalHub, calling back as we agreed last week. Have you had a chance to look at the catalogue? What do you think?"
	);
	// …and the catalogue that was promised and never sent.
	await expect(later.page.locator('.line.customer.current')).toContainText(
		"You said you'd send it, and I never got it."
	);
	await later.page.getByRole('link', { name: /Call 2 of the series/ }).click();
	await expect(later.page).toHaveURL(runUrl);
	await expect(later.page.getByRole('button', { name: 'Go back to call 2' })).toBeVisible();
	await later.close();
});

test('the journey page: a promise broken when the customer hangs up, then kept when the call is tried again within the run', async ({
	browser
}) => {
	const email = uniqueEmail('series-journey');
	const link = await createInvite(browser, email);
	const context = await browser.newContext();
	const page = await context.newPage();
	await acceptInvite(page, link, 'Journey Rep', PASSWORD);
	await page.goto('/practice/series/lin-fasteners');
	await page.getByRole('button', { name: 'Start the series' }).click();
	const runUrl = page.url();

	// Call 1: the catalogue promised for later.
	await page.getByRole('radio', { name: /^Multiple choice/ }).check();
	await page.getByRole('button', { name: 'Start call 1' }).click();
	await playCallOnePromisingTheCatalogue(page);
	await page.goto(runUrl);
	const journey = page.getByRole('region', { name: 'The sale, call by call' });
	await expect(
		journey.getByRole('listitem').filter({ hasText: 'Send him the catalogue you promised' })
	).toContainText('Promised in call 1 · Open: keep it by call 2');

	// Call 2: he never got it, and the rep blames his spam folder until he hangs up.
	const next = page.getByRole('region', { name: 'Before call 2' });
	await next.getByRole('radio', { name: /^Multiple choice/ }).check();
	await next.getByRole('button', { name: 'Start call 2' }).click();
	await choose(
		page,
		"Good afternoon, Mr. Lin, it's Kevin from MetalHub, calling back as we agreed last week. Have you had a chance to look at the catalogue? What do you think?"
	);
	const blame =
		"I'm sure I sent it the same afternoon. Have you checked your spam folder? Sometimes your company firewall blocks our emails, and then it isn't really our problem. Have another look and let me know if you still can't find it.";
	const result = page.getByRole('heading', { name: 'Result' });
	for (let turn = 0; turn < 3 && !(await result.isVisible()); turn++) await choose(page, blame);
	await expect(result).toBeVisible();
	await page.getByRole('link', { name: 'Back to the series' }).click();
	await expect(page).toHaveURL(runUrl);
	await expect(
		journey.getByRole('listitem').filter({ hasText: 'Send him the catalogue you promised' })
	).toContainText('Broken: not kept by call 2');
	await expect(journey).toContainText('Outcome, 25% of the score: 0: the customer ended it.');
	const evidence = journey.getByRole('table', { name: 'Evidence for the deal after each call' });
	await expect(evidence.getByRole('row')).toHaveCount(3);
	await expect(evidence.getByRole('row').nth(1)).toContainText('Medium');
	const calls = page.getByRole('region', { name: 'The calls' });
	await expect(calls.getByRole('listitem').filter({ hasText: 'Call 2:' }).first()).toContainText(
		'Broken: Send him the catalogue you promised'
	);
	await expect(calls).toContainText('Your notes after this call:');
	// The lost call can be tried again from here too; this time from its result page.
	await expect(page.getByRole('button', { name: 'Try call 2 again' })).toBeVisible();

	// Tried again from the call's result: the same call, within the run, from the facts it began with.
	await calls.getByRole('link', { name: 'See the call' }).nth(1).click();
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByRole('link', { name: /Call 2 of the series/ })).toBeVisible();
	await choose(
		page,
		"Good afternoon, Mr. Lin, it's Kevin from MetalHub, calling back as we agreed last week. Have you had a chance to look at the catalogue? What do you think?"
	);
	await choose(
		page,
		"I'm really sorry, that's my mistake. I'll send it on LINE right now, and let me check your email address so a copy goes there too. Once you have it, can I take two minutes to walk you through it?"
	);
	await choose(
		page,
		"That's a fair question, so don't spend anything yet. We have a free trial listing: we put your stainless self-tapping screws up for ten days and see whether buyers ask. I'll call you in ten days and we'll look at the report together. OK?"
	);
	await expect(
		page.getByText("All right, if it's free, let's try it. Call me in ten days.")
	).toBeVisible();
	await page.goto(runUrl);
	await expect(
		journey.getByRole('listitem').filter({ hasText: 'Send him the catalogue you promised' })
	).toContainText('Kept in call 2');
	await expect(evidence.getByRole('row').nth(2)).toContainText('Strong');
	await expect(page.getByRole('heading', { name: 'Before call 3' })).toBeVisible();
	await context.close();
});

test('another rep cannot open or play someone else’s run', async ({ browser }) => {
	const owner = uniqueEmail('series-owner');
	const other = uniqueEmail('series-other');
	const [ownerLink, otherLink] = [
		await createInvite(browser, owner),
		await createInvite(browser, other)
	];
	const ownerContext = await browser.newContext();
	const ownerPage = await ownerContext.newPage();
	await acceptInvite(ownerPage, ownerLink, 'Run Owner', PASSWORD);
	await ownerPage.goto('/practice/series/lin-fasteners');
	await ownerPage.getByRole('button', { name: 'Start the series' }).click();
	await expect(ownerPage).toHaveURL(/\/practice\/series\/lin-fasteners\/[a-z0-9]+$/);
	const runPath = new URL(ownerPage.url()).pathname;
	await ownerContext.close();

	const otherContext = await browser.newContext();
	const otherPage = await otherContext.newPage();
	await acceptInvite(otherPage, otherLink, 'Other Rep', PASSWORD);
	expect((await otherPage.goto(runPath))!.status()).toBe(404);
	const played = await otherPage.request.post(`${runPath}?/play`, {
		form: { mode: 'text' },
		headers: { origin: new URL(otherPage.url()).origin },
		maxRedirects: 0
	});
	expect(played.status()).toBe(404);
	await otherContext.close();
});
