import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test, type Page } from '@playwright/test';
import { demoAccount } from './helpers';
import { startOwnServer, type OwnServer } from './own-server';
import { writePayloadPack } from './payload-pack';

// Script injection through every authored field and every form: a server of its own loads the demo
// pack with payloads in every field that reaches a page (titles, personas, customer lines,
// choices, key points, rubric anchors, quiz items, script and article bodies); people's names,
// candidates, notes, teams and replies get payloads through the forms. Every page that shows them
// must show them as text and run none. The page ignores its Content-Security-Policy here, so
// that it is the escaping that is tested, not the policy behind it.
test.describe.configure({ mode: 'serial' });
test.use({ bypassCSP: true });

const PACK = 'test-results/payload-pack';
let server: OwnServer;

test.beforeAll(async () => {
	writePayloadPack('content', PACK);
	server = await startOwnServer('injection', 3, { CONTENT_DIR: PACK });
});
test.afterAll(async () => server.stop());

/** Watches a page for a payload that ran: `xss()` sets a flag, and any dialog counts too. */
async function watch(page: Page): Promise<void> {
	await page.addInitScript(() => {
		(window as unknown as { xss: () => void }).xss = () => {
			(window as unknown as { __xss: boolean }).__xss = true;
		};
	});
	page.on('dialog', (dialog) => {
		throw new Error(`a dialog opened: ${dialog.message()}`);
	});
}

/** What is on the page that a payload could have put there. */
async function inspect(page: Page) {
	return page.evaluate(() => {
		const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
			[...el.attributes]
				.filter((a) => /^on/i.test(a.name))
				.map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`)
		);
		const scriptUrls = [
			...document.querySelectorAll('[href], [src], [action], [formaction], [data]')
		].flatMap((el) =>
			['href', 'src', 'action', 'formaction', 'data']
				.map((name) => el.getAttribute(name) ?? '')
				.filter((value) => /^\s*(javascript|vbscript|data:text\/html)/i.test(value))
		);
		const injected = [
			...document.querySelectorAll('script, iframe, object, embed, svg[onload], img[src="x"]')
		].filter((el) => el.tagName !== 'SCRIPT' || el.textContent?.trim() === 'xss()').length;
		// Text on the page, and in the fields that hold it as text (the studio's editor, a name field).
		const values = [...document.querySelectorAll('textarea, input')].map(
			(field) => (field as HTMLInputElement).value
		);
		return {
			ran: (window as unknown as { __xss?: boolean }).__xss === true,
			handlers,
			scriptUrls,
			injected,
			text: [document.body.innerText, ...values].join('\n')
		};
	});
}

const SHOWN_AS_TEXT =
	/<script>xss\(\)<\/script>|<img src=x onerror=xss\(\)>|"><svg onload=xss\(\)>|onmouseover='xss\(\)'/;

async function expectInert(
	page: Page,
	path: string,
	options: { showsPayload?: boolean } = {}
): Promise<void> {
	const response = await page.goto(`${server.url}${path}`);
	expect(response?.status(), path).toBe(200);
	// Long enough for an image's onerror to fire, had one been injected.
	await page.waitForLoadState('networkidle');
	const found = await inspect(page);
	expect(found.ran, `${path}: a payload ran`).toBe(false);
	expect(found.handlers, `${path}: event handler attributes`).toEqual([]);
	expect(found.scriptUrls, `${path}: script URLs`).toEqual([]);
	expect(found.injected, `${path}: injected elements`).toBe(0);
	if (options.showsPayload !== false)
		expect(found.text, `${path}: the payload is shown as text`).toMatch(SHOWN_AS_TEXT);
}

async function signInHere(page: Page): Promise<void> {
	const account = demoAccount('admin');
	await page.goto(`${server.url}/login`);
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(`${server.url}/`);
}

/** A plain form post from this page's browser, as a form without JavaScript sends it. */
async function postForm(page: Page, path: string, form: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(form))
		for (const one of [value].flat()) body.append(key, one);
	return page.request.post(`${server.url}${path}`, {
		data: body.toString(),
		maxRedirects: 0,
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
}

const idAfter = (location: string | undefined) => location!.split('/').pop()!;

test('the detector notices a payload that runs', async ({ page }) => {
	await watch(page);
	await page.goto(`${server.url}/health`);
	await page.setContent('<p>x</p><img src=x onerror=xss()>');
	await page.waitForFunction(() => (window as unknown as { __xss?: boolean }).__xss === true);
	const found = await inspect(page);
	expect(found.ran).toBe(true);
	expect(found.handlers).toEqual(['<img onerror>']);
});

test('payloads in content and in every form are shown as text and never run', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	await watch(page);
	await signInHere(page);

	// People's input, through the forms.
	expect(
		(
			await postForm(page, '/profile?/details', { name: 'Admin <img src=x onerror=xss()>' })
		).status()
	).toBe(200);
	const position = '"><svg onload=xss()> Phone sales';
	await postForm(page, '/hiring/candidates?/create', {
		name: 'Cand <script>xss()</script>',
		position,
		contact: 'javascript:xss()',
		notes: '</textarea><img src=x onerror=xss()>'
	});
	const candidateId = (
		await (await page.request.get(`${server.url}/hiring/candidates`)).text()
	).match(/\/hiring\/candidates\/([a-z0-9]+)/)![1]!;
	const adminId = (
		await (await page.request.get(`${server.url}/admin/users?q=admin%40rehearse.test`)).text()
	).match(/\/admin\/users\/([a-z0-9]+)/)![1]!;
	const scheduled = await postForm(page, '/hiring/interviews/new', {
		candidateId,
		scenarioId: 'renewal-price-objection',
		rubricId: 'hiring-roleplay',
		mode: 'online',
		scheduledAt: '2026-12-01T10:00',
		panel: adminId
	});
	const interviewId = idAfter(scheduled.headers()['location']);
	const link = (
		await (await postForm(page, `/hiring/interviews/${interviewId}?/link`, {})).text()
	).match(/\/try\/[a-z0-9]+\.[a-z0-9]+/)![0];
	const candidate = await browser.newContext({ bypassCSP: true });
	const candidatePage = await candidate.newPage();
	await watch(candidatePage);
	await candidatePage.request.post(`${server.url}${link}?/start`, {
		form: { consent: 'yes' },
		headers: { origin: server.url, accept: 'text/html' }
	});
	await candidatePage.request.post(`${server.url}${link}?/reply`, {
		form: { turn: '0', reply: 'Hello <img src=x onerror=xss()> this is Kevin from MetalHub' },
		headers: { origin: server.url, accept: 'text/html' }
	});
	const scores = Object.fromEntries(
		[
			'opening',
			'needs-discovery',
			'objection-handling',
			'product-knowledge',
			'closing',
			'composure',
			'articulation'
		].map((c) => [`score-${c}`, '3'])
	);
	await postForm(page, `/hiring/interviews/${interviewId}?/rate`, {
		...scores,
		notes: '<script>xss()</script> notes',
		recommendation: 'yes',
		intent: 'confirm'
	});
	const teamId = idAfter(
		(
			await postForm(page, '/admin/teams?/create', { name: '<img src=x onerror=xss()> Team' })
		).headers()['location']
	);
	const repId = (await (await page.request.get(`${server.url}/team/cohorts`)).text()).match(
		/name="reps" value="([a-z0-9]+)"/
	)![1]!;
	await postForm(page, `/admin/teams/${teamId}?/add`, { userId: repId, role: 'rep' });
	await postForm(page, `/admin/teams/${teamId}?/add`, { userId: adminId, role: 'manager' });
	const cohortId = idAfter(
		(
			await postForm(page, '/team/cohorts?/create', {
				name: '"><svg onload=xss()> cohort',
				curriculumId: 'new-rep-onboarding',
				startDate: '2026-11-02',
				reps: repId,
				teamId
			})
		).headers()['location']
	);
	const textAttempt = idAfter(
		(await postForm(page, '/practice/renewal-price-objection?/start', { mode: 'text' })).headers()[
			'location'
		]
	);
	await postForm(page, `/attempts/${textAttempt}?/reply`, {
		turn: '0',
		reply: '<script>xss()</script> Hi, this is Kevin calling from MetalHub'
	});
	await postForm(page, `/attempts/${textAttempt}?/hint`, {});
	const choiceAttempt = idAfter(
		(
			await postForm(page, '/practice/renewal-price-objection?/start', { mode: 'choice' })
		).headers()['location']
	);

	// The rep starts reviewing the library, so /review shows a card's objection.
	await postForm(page, '/review?/start', {});
	const pages: [string, { showsPayload?: boolean }?][] = [
		['/'],
		['/practice'],
		['/practice/renewal-price-objection'],
		[`/attempts/${textAttempt}`],
		[`/attempts/${choiceAttempt}`],
		['/library'],
		['/library/price-too-high'],
		['/knowledge'],
		['/knowledge/membership-tiers'],
		['/search?q=MetalHub'],
		['/quizzes/product-and-rules'],
		['/quizzes/industry-chain'],
		['/quizzes/deal-coaching-evidence'],
		['/review'],
		['/help', { showsPayload: false }],
		['/studio'],
		['/studio/script/en/price-too-high'],
		['/studio/article/en/membership-tiers'],
		['/studio/scenario/en/renewal-price-objection'],
		['/studio/scenario/en/renewal-price-objection/play'],
		['/studio/rubric/en/hiring-roleplay'],
		['/studio/quiz/en/product-and-rules'],
		['/studio/curriculum/en/new-rep-onboarding'],
		['/team'],
		['/team/dashboard'],
		// Rep names and category labels only: the demo reps have no practice here.
		['/team/weak-spots', { showsPayload: false }],
		['/team/cohorts'],
		[`/team/cohorts/${cohortId}`],
		[`/team/cohorts/${cohortId}/signoff/${repId}?module=d5m7`],
		['/hiring'],
		['/hiring/candidates'],
		[`/hiring/candidates/${candidateId}`],
		['/hiring/interviews/new'],
		[`/hiring/interviews/${interviewId}`],
		[`/hiring/interviews/${interviewId}/scorecard`],
		[`/hiring/compare?position=${encodeURIComponent(position)}`],
		// Needs two interviewers on an interview to show anyone.
		['/hiring/calibration', { showsPayload: false }],
		['/admin/users'],
		[`/admin/users/${adminId}`],
		['/admin/teams'],
		[`/admin/teams/${teamId}`],
		['/profile']
	];
	for (const [path, options] of pages) await expectInert(page, path, options);

	// A passed quiz shows the explanations; a playtest turn shows the key points.
	await page.goto(`${server.url}/quizzes/product-and-rules`);
	const answers = (
		parse(readFileSync('content/en/quizzes/product-and-rules.yaml', 'utf8')) as {
			items: { answer: number }[];
		}
	).items.map((item) => item.answer);
	for (const [i, answer] of answers.entries())
		await page.locator(`input[name="q${i}"][value="${answer}"]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
	const graded = await inspect(page);
	expect(graded.ran || graded.handlers.length > 0 || graded.injected > 0).toBe(false);
	expect(graded.text).toMatch(SHOWN_AS_TEXT);
	await page.goto(`${server.url}/studio/scenario/en/renewal-price-objection/play`);
	await page
		.getByLabel('Your reply')
		.fill('Hi, this is Kevin calling from MetalHub <img src=x onerror=xss()>');
	await page.getByRole('button', { name: 'Send' }).click();
	await page.waitForLoadState('networkidle');
	const played = await inspect(page);
	expect(played.ran || played.handlers.length > 0 || played.injected > 0).toBe(false);

	// The same content in Traditional Chinese.
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-TW', url: server.url }]);
	await expectInert(page, '/library/price-too-high');
	await expectInert(page, '/practice/renewal-price-objection');

	// What the candidate sees: the persona, the customer's lines and their own reply.
	const response = await candidatePage.goto(`${server.url}${link}`);
	expect(response?.status()).toBe(200);
	await candidatePage.waitForLoadState('networkidle');
	const seen = await inspect(candidatePage);
	expect(
		seen.ran || seen.handlers.length > 0 || seen.injected > 0 || seen.scriptUrls.length > 0
	).toBe(false);
	expect(seen.text).toMatch(SHOWN_AS_TEXT);
	await candidate.close();
});

test('SQL and FTS5 syntax in searches neither fails nor matches everything', async ({ page }) => {
	await signInHere(page);
	for (const query of [
		'" OR 1=1 --',
		"'; DROP TABLE users; --",
		'NEAR(price budget)',
		'price*',
		'title:price',
		'"unbalanced',
		'(',
		'AND',
		'%',
		'_',
		'\\',
		'價格 OR 1=1'
	]) {
		const response = await page.goto(`${server.url}/search?q=${encodeURIComponent(query)}`);
		expect(response?.status(), query).toBe(200);
	}
	// LIKE wildcards are searched for as characters: no name holds them, so no user matches.
	for (const query of ['%', '_', '%%']) {
		const html = await (
			await page.request.get(`${server.url}/admin/users?q=${encodeURIComponent(query)}`)
		).text();
		expect(html.match(/href="\/admin\/users\/[a-z0-9]+"/g) ?? [], query).toEqual([]);
	}
	// The tables are all still there.
	expect((await page.goto(`${server.url}/admin/users`))?.status()).toBe(200);
	await expect(page.getByRole('link', { name: demoAccount('rep').name })).toBeVisible();
});

test('CSV downloads neutralise spreadsheet formulas in names', async ({ page }) => {
	await signInHere(page);
	const position = `CSV test ${Date.now().toString(36)}`;
	await postForm(page, '/hiring/candidates?/create', {
		name: '=HYPERLINK("http://evil.example","x")',
		position,
		contact: '',
		notes: ''
	});
	const candidateId = [
		...(await (await page.request.get(`${server.url}/hiring/candidates`)).text()).matchAll(
			/\/hiring\/candidates\/([a-z0-9]+)"[^>]*>(?:<bdi>)?=HYPERLINK/g
		)
	][0]![1]!;
	const adminId = (
		await (await page.request.get(`${server.url}/admin/users?q=admin%40rehearse.test`)).text()
	).match(/\/admin\/users\/([a-z0-9]+)/)![1]!;
	await postForm(page, '/hiring/interviews/new', {
		candidateId,
		scenarioId: 'renewal-price-objection',
		rubricId: 'hiring-roleplay',
		mode: 'live',
		scheduledAt: '2026-12-01T10:00',
		panel: adminId
	});
	const csv = await (
		await page.request.get(
			`${server.url}/hiring/compare/csv?position=${encodeURIComponent(position)}`
		)
	).text();
	expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
	// No cell starts with a formula character.
	expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
});
