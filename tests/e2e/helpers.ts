import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../src/lib/demo-accounts';
import type { Role } from '../../src/lib/roles';

export function demoAccount(role: Role) {
	const account = DEMO_ACCOUNTS.find((a) => a.role === role);
	if (!account) throw new Error(`no demo ${role}`);
	return account;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/^(Email|電子郵件)$/).fill(email);
	await page.getByLabel(/^(Password|密碼)$/).fill(password);
	await page.getByRole('button', { name: /^(Sign in|登入)$/ }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

export async function signInAs(page: Page, role: Role): Promise<void> {
	const account = demoAccount(role);
	await signIn(page, account.email, account.password);
}

let counter = 0;
/** A unique address per call, so that tests running side by side never share an account. */
export function uniqueEmail(prefix: string): string {
	counter += 1;
	return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

/** The admin creates an invitation in the browser and returns the link shown to copy. */
export async function createInvite(
	browser: Browser,
	email: string,
	roles: Role[] = ['rep'],
	/** Another server than the suite's (an own server's address). */
	baseURL?: string
): Promise<string> {
	const context = await browser.newContext(baseURL ? { baseURL } : {});
	const page = await context.newPage();
	await signInAs(page, 'admin');
	await page.goto('/admin/invites');
	await page.getByLabel('Email').fill(email);
	for (const role of ['admin', 'trainer', 'manager', 'rep'] as const) {
		const box = page.getByRole('checkbox', {
			name: { admin: 'Admin', trainer: 'Trainer', manager: 'Manager', rep: 'Sales rep' }[role],
			exact: true
		});
		if (roles.includes(role)) await box.check();
		else await box.uncheck();
	}
	await page.getByRole('button', { name: 'Create invitation' }).click();
	const link = await page.getByRole('textbox', { name: `Invitation for ${email}` }).inputValue();
	await context.close();
	return link;
}

/** Opens an invitation link and creates the account; the browser ends up signed in. */
export async function acceptInvite(
	page: Page,
	link: string,
	name: string,
	password: string
): Promise<void> {
	await page.goto(link);
	await page.getByLabel(/^(Name|姓名)$/).fill(name);
	await page.getByLabel(/^(New password|新密碼)$/).fill(password);
	await page.getByLabel(/^(Repeat the new password|再輸入一次新密碼)$/).fill(password);
	await page.getByRole('button', { name: /^(Create my account|建立帳號)$/ }).click();
	await expect(page).toHaveURL(/\/$/);
}

/** A trainer (signed in) creates a new item in the studio and lands on its editor. */
export async function createStudioItem(
	page: Page,
	kind: string,
	locale: 'en' | 'zh-TW',
	id: string,
	title = `New ${kind} ${id}`
): Promise<void> {
	await page.goto('/studio');
	await page.getByLabel('Kind').selectOption(kind);
	await page.getByLabel('Language').selectOption(locale);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel(/^Id/).fill(id);
	await page.getByRole('button', { name: 'Create' }).click();
	await expect(page).toHaveURL(new RegExp(`/studio/${kind}/${locale}/${id}$`));
}

/** The demo rep, in a browser context of its own, starts a free-text role-play of a scenario. */
export async function startAsRep(
	browser: Browser,
	scenarioId: string
): Promise<{ rep: Page; close: () => Promise<void> }> {
	const context = await browser.newContext();
	const rep = await context.newPage();
	await signInAs(rep, 'rep');
	await rep.goto(`/practice/${scenarioId}`);
	await rep.getByRole('radio', { name: /^Free text/ }).check();
	await rep.getByRole('button', { name: 'Start the role-play' }).click();
	return { rep, close: () => context.close() };
}

/**
 * A calendar date `days` from today, `YYYY-MM-DD`, in this machine's time zone: the server's too,
 * since the suite starts it here.
 */
export function dayFrom(days: number): string {
	const at = new Date();
	at.setDate(at.getDate() + days);
	return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}
