import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	request,
	test,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { parse } from 'yaml';
import { localIsoDate } from '../../src/lib/calendar';
import type { Role } from '../../src/lib/roles';
import { demoAccount, signInAs } from './helpers';

// Every main page, as each demo role sees it, in both languages, checked by axe-core against WCAG
// 2.1 A and AA. A serious or critical violation fails the test, and the failure lists each one
// (rule, impact, what to do, the elements) so that a developer can fix it. One test per role and
// language walks all of that role's pages; a phone-width run covers what only a narrow screen shows.

type Locale = 'en' | 'zh-TW';
const LOCALES: readonly Locale[] = ['en', 'zh-TW'];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
const PHONE = { width: 390, height: 844 };
// Each test audits fifteen to twenty pages, some long with the demo's history (a rep's page, the
// deal review): on the busy 2-core machine of the parallel suite that can take more than a minute.
test.describe.configure({ timeout: 150_000 });

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
// What a browser sends with a plain form: without `accept: text/html` Kit answers as to use:enhance.
const FORM_HEADERS = { origin: ORIGIN, accept: 'text/html' };
const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';

interface Scenario {
	examples: { good: string[]; bad: string[] };
}
const scenarioIn = (locale: Locale, id: string): Scenario =>
	parse(readFileSync(`content/${locale}/scenarios/${id}.yaml`, 'utf8')) as Scenario;

/** Collects the serious and critical violations of every page checked, and fails once, listing them all. */
class Audit {
	private readonly findings: string[] = [];
	private readonly checked: string[] = [];
	private page: Page;

	/** `phone`: the page is also checked for what a narrow screen brings, target sizes and reflow. */
	constructor(
		page: Page,
		private readonly locale: Locale,
		private readonly phone = false
	) {
		this.page = page;
	}

	/** Checks pages in a browser with no account (a visitor, a candidate) in the same language, then returns to the signed-in one. */
	async asVisitor(browser: Browser, run: (page: Page) => Promise<void>): Promise<void> {
		const context = await browser.newContext({ viewport: this.page.viewportSize() });
		await useLocale(context, this.locale);
		const signedIn = this.page;
		this.page = await context.newPage();
		try {
			await run(this.page);
		} finally {
			this.page = signedIn;
			await context.close();
		}
	}

	/** Opens a path and checks it. */
	async visit(path: string, status = 200): Promise<void> {
		const response = await this.page.goto(path);
		expect(response?.status(), `${path} answers`).toBe(status);
		await this.check(path);
	}

	/** Checks the page as it stands, which must be in the test's language. */
	async check(name: string): Promise<void> {
		await expect(this.page.locator('html'), `${name} is in ${this.locale}`).toHaveAttribute(
			'lang',
			this.locale
		);
		// Legacy mode runs axe in the page itself instead of finishing each run in a new blank page,
		// which takes about half the time; it skips cross-origin frames, and the app has none.
		// On a phone, WCAG 2.2's target size (2.5.8) too: the rule axe files under wcag22aa.
		const results = await new AxeBuilder({ page: this.page })
			.withTags(this.phone ? [...WCAG_TAGS, 'wcag22aa'] : WCAG_TAGS)
			.setLegacyMode()
			.analyze();
		this.checked.push(name);
		for (const violation of results.violations) {
			if (!BLOCKING_IMPACTS.has(violation.impact ?? '')) continue;
			const nodes = violation.nodes.slice(0, 6).map((node) => {
				const why = node.any[0]?.message ?? node.all[0]?.message ?? node.none[0]?.message ?? '';
				return `      ${node.target.map(String).join(' >>> ')}${why ? `\n        ${why}` : ''}`;
			});
			const more =
				violation.nodes.length > 6 ? [`      … and ${violation.nodes.length - 6} more`] : [];
			this.findings.push(
				[
					`${name} [${this.locale}] ${violation.id} (${violation.impact}): ${violation.help}`,
					`    ${violation.helpUrl}`,
					...nodes,
					...more
				].join('\n')
			);
		}
		if (this.phone) await this.checkReflow(name);
	}

	/** WCAG 1.4.10 (no axe rule): at 320 CSS pixels, or a 390-pixel phone, the page must not scroll sideways. */
	private async checkReflow(name: string): Promise<void> {
		const {
			page: width,
			viewport,
			widest
		} = await this.page.evaluate(() => {
			const viewport = document.documentElement.clientWidth;
			// The element that sticks out furthest, to name in the finding.
			let widest = '';
			let right = viewport;
			for (const element of document.body.querySelectorAll('*')) {
				const box = element.getBoundingClientRect();
				if (box.right > right + 1) {
					right = box.right;
					widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
				}
			}
			return { page: document.documentElement.scrollWidth, viewport, widest };
		});
		if (width > viewport)
			this.findings.push(
				`${name} [${this.locale}] reflow (serious): the page scrolls sideways at ${viewport} px (${width} px wide)\n      ${widest}`
			);
	}

	expectClean(): void {
		expect(this.checked.length, 'pages checked').toBeGreaterThan(0);
		expect(
			this.findings.join('\n'),
			`serious or critical accessibility violations on ${this.checked.length} pages`
		).toBe('');
	}
}

/** The language as the switcher leaves it, set as the cookie only: the switcher would also save it on the demo account, which other tests share. */
async function useLocale(context: BrowserContext, locale: Locale): Promise<void> {
	await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: ORIGIN }]);
}

/** Signs in as a demo role in the browser (with no language cookie, so the account's saved language is left alone), then switches language. */
async function signInIn(page: Page, role: Role, locale: Locale): Promise<void> {
	await page.context().clearCookies();
	await signInAs(page, role);
	await useLocale(page.context(), locale);
}

async function apiClient(role: Role): Promise<APIRequestContext> {
	const client = await request.newContext({ baseURL: ORIGIN, maxRedirects: 0 });
	const account = demoAccount(role);
	const response = await client.post('/login', {
		form: { email: account.email, password: account.password },
		headers: FORM_HEADERS
	});
	expect(response.status(), `${role} signs in`).toBe(303);
	return client;
}

async function postForm(
	client: APIRequestContext,
	path: string,
	form: Record<string, string | string[]>
): Promise<string> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(form))
		for (const one of [value].flat()) body.append(key, one);
	const response = await client.post(path, {
		data: body.toString(),
		headers: { ...FORM_HEADERS, 'content-type': 'application/x-www-form-urlencoded' }
	});
	expect(response.status(), `POST ${path}`).toBeLessThan(400);
	return response.headers()['location'] ?? (await response.text());
}

function firstMatch(text: string, pattern: RegExp, what: string): string {
	const match = text.match(pattern);
	expect(match, what).not.toBeNull();
	return match![1]!;
}

let unique = 0;
function uniqueName(prefix: string): string {
	unique += 1;
	return `${prefix} ${Date.now().toString(36)}-${process.pid}-${unique}`;
}

/**
 * The demo manager enrols the demo rep in a cohort starting today, so that home and the plan show a
 * running plan. Each test makes its own (tests run side by side); the newest is the rep's plan.
 */
async function enrolDemoRep(): Promise<{ cohortId: string; repId: string }> {
	const manager = await apiClient('manager');
	const form = await (await manager.get('/team/cohorts')).text();
	const repId = firstMatch(
		form,
		new RegExp(`name="reps" value="([a-z0-9]+)"[^>]*/?>\\s*<bdi>${demoAccount('rep').name}`),
		'the demo rep in the cohort form'
	);
	const location = await postForm(manager, '/team/cohorts?/create', {
		name: uniqueName('Accessibility'),
		curriculumId: 'new-rep-onboarding',
		startDate: localIsoDate(new Date()),
		reps: repId
	});
	await manager.dispose();
	return { cohortId: location.split('/').pop()!, repId };
}

/** The demo manager adds a candidate, schedules an online interview (the demo manager and admin on the panel) and makes the candidate's link. */
async function scheduleInterview(): Promise<{
	candidateId: string;
	interviewId: string;
	position: string;
	link: string;
}> {
	const manager = await apiClient('manager');
	const name = uniqueName('Accessibility Candidate');
	const position = uniqueName('Accessibility position');
	await postForm(manager, '/hiring/candidates?/create', { name, position, contact: '', notes: '' });
	const form = await (await manager.get('/hiring/interviews/new')).text();
	const candidateId = firstMatch(
		form,
		new RegExp(`<option value="([a-z0-9]+)"[^>]*>${name}`),
		'the new candidate'
	);
	const panel = [...form.matchAll(/name="panel" value="([a-z0-9]+)"/g)].map((match) => match[1]!);
	const location = await postForm(manager, '/hiring/interviews/new', {
		candidateId,
		scenarioId: 'renewal-price-objection',
		rubricId: 'hiring-roleplay',
		mode: 'online',
		scheduledAt: '2026-12-01T10:00',
		panel
	});
	const interviewId = location.split('/').pop()!;
	const link = firstMatch(
		await postForm(manager, `/hiring/interviews/${interviewId}?/link`, {}),
		/(\/try\/[a-z0-9]+\.[a-z0-9]+)/,
		'a candidate link'
	);
	await manager.dispose();
	return { candidateId, interviewId, position, link };
}

/** Sends a free-text reply in the practice room and waits for its feedback. */
async function reply(page: Page, text: string): Promise<void> {
	const answered = await page.locator('.feedback').count();
	await page.locator('#reply').fill(text);
	await page.locator('form.reply button[type=submit]').click();
	await expect(page.locator('.feedback')).toHaveCount(answered + 1);
}

/** The first link in the page's main part to an item under `prefix` (a team, a user). */
async function firstLink(page: Page, prefix: string): Promise<string> {
	const href = await page.locator(`main a[href^="${prefix}/"]`).first().getAttribute('href');
	expect(href, `a link under ${prefix}`).toBeTruthy();
	return href!;
}

async function auditRepPages(page: Page, audit: Audit, locale: Locale): Promise<void> {
	const scenario = scenarioIn(locale, 'renewal-price-objection');
	for (const path of ['/', '/onboarding', '/practice', '/practice/renewal-price-objection'])
		await audit.visit(path);

	// The practice room mid-call, then the same role-play lost (bad replies make the customer hang up).
	await page.locator('input[name=mode][value=text]').check();
	await page.locator('form[action="?/start"] button[type=submit]').click();
	await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
	await reply(page, scenario.examples.good[0]!);
	await audit.check('practice room, after one reply');
	for (let turn = 0; turn < 8 && (await page.locator('#reply').isVisible()); turn++)
		await reply(page, scenario.examples.bad[turn % scenario.examples.bad.length]!);
	await expect(page.locator('#result-title')).toBeVisible();
	await audit.check('result page');

	for (const path of [
		'/library',
		'/library/price-too-high',
		'/knowledge',
		'/knowledge/membership-tiers',
		'/search?q=price',
		'/review',
		'/quizzes/product-and-rules',
		'/deals',
		'/one-to-ones',
		'/profile',
		'/help'
	])
		await audit.visit(path);
}

for (const locale of LOCALES) {
	test.describe(`in ${locale}`, () => {
		test(`a rep’s pages have no serious accessibility violations (${locale})`, async ({ page }) => {
			await enrolDemoRep();
			await signInIn(page, 'rep', locale);
			const audit = new Audit(page, locale);
			await auditRepPages(page, audit, locale);
			audit.expectClean();
		});

		test(`a manager’s pages, and a candidate’s, have no serious accessibility violations (${locale})`, async ({
			page,
			browser
		}) => {
			const { cohortId, repId } = await enrolDemoRep();
			const interview = await scheduleInterview();
			await signInIn(page, 'manager', locale);
			const audit = new Audit(page, locale);
			for (const path of [
				'/team',
				'/team/dashboard',
				'/team/weak-spots',
				`/team/weak-spots/${repId}/price`,
				`/team/reps/${repId}`,
				`/team/reps/${repId}/one-to-ones/new`,
				'/team/deals',
				'/team/cohorts',
				`/team/cohorts/${cohortId}`,
				'/hiring',
				'/hiring/candidates',
				`/hiring/candidates/${interview.candidateId}`,
				'/hiring/interviews/new',
				`/hiring/interviews/${interview.interviewId}`,
				`/hiring/interviews/${interview.interviewId}/scorecard`,
				`/hiring/compare?position=${encodeURIComponent(interview.position)}`,
				'/hiring/calibration'
			])
				await audit.visit(path);

			// The candidate, with no account: the consent page, then the role-play after one reply.
			const reply = scenarioIn(locale, 'renewal-price-objection').examples.good[0]!;
			await audit.asVisitor(browser, async (candidate) => {
				await audit.visit(interview.link);
				await candidate.locator('input[name=consent]').check();
				await candidate.locator('form[action="?/start"] button[type=submit]').click();
				await candidate.locator('textarea').fill(reply);
				await candidate.locator('form:has(textarea) button[type=submit]').click();
				await expect(candidate.getByText(reply)).toBeVisible();
				await audit.check('/try/<token>, after one reply');
			});
			audit.expectClean();
		});

		test(`a trainer’s pages have no serious accessibility violations (${locale})`, async ({
			page
		}) => {
			await signInIn(page, 'trainer', locale);
			const audit = new Audit(page, locale);
			await audit.visit('/studio');
			await audit.visit(`/studio/scenario/${locale}/renewal-price-objection`);
			// The same scenario as its file.
			await page.locator('.view-switch button[aria-pressed=false]').click();
			await expect(page.locator('textarea#text')).toBeVisible();
			await audit.check(`/studio/scenario/${locale}/renewal-price-objection, as a file`);
			for (const path of [
				`/studio/lexicon/${locale}/company-rules`,
				`/studio/script/${locale}/price-too-high`,
				`/studio/scenario/${locale}/renewal-price-objection/play`,
				'/studio/score-marks'
			])
				await audit.visit(path);
			audit.expectClean();
		});

		test(`an admin’s pages, the sign-in page and an invitation have no serious accessibility violations (${locale})`, async ({
			page,
			browser
		}) => {
			await signInIn(page, 'admin', locale);
			const audit = new Audit(page, locale);
			for (const path of ['/admin', '/admin/users', '/admin/teams']) await audit.visit(path);
			await audit.visit(await firstLink(page, '/admin/teams'));
			await page.goto(`/admin/users?q=${encodeURIComponent(demoAccount('rep').email)}`);
			await audit.visit(await firstLink(page, '/admin/users'));
			// A new invitation, with its link to copy, and the page the invited person opens.
			await page.goto('/admin/invites');
			await page
				.locator('input[type=email]')
				.fill(`${uniqueName('accessibility').replace(/\W+/g, '-')}@example.com`);
			await page.locator('form:has(input[type=email]) button[type=submit]').click();
			await expect(page.locator('.copy-box input').first()).toBeVisible();
			await audit.check('/admin/invites, after creating an invitation');
			const inviteLink = new URL(await page.locator('.copy-box input').first().inputValue())
				.pathname;
			await audit.visit('/library/no-such-entry', 404);

			await audit.asVisitor(browser, async () => {
				for (const path of ['/login', '/status', inviteLink]) await audit.visit(path);
			});
			audit.expectClean();
		});
	});
}

test.describe('on a phone', () => {
	test.use({ viewport: PHONE });
	test('a rep’s pages have no serious accessibility violations at 390×844', async ({ page }) => {
		await enrolDemoRep();
		await signInIn(page, 'rep', 'en');
		const audit = new Audit(page, 'en', true);
		await auditRepPages(page, audit, 'en');
		audit.expectClean();
	});
});
