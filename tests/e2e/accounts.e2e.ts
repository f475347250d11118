import { expect, test } from '@playwright/test';
import { acceptInvite, createInvite, signIn, signInAs, uniqueEmail } from './helpers';

test('an invitation link creates the account once, then says it was used', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('invitee');
	const link = await createInvite(browser, email, ['rep', 'trainer']);
	await acceptInvite(page, link, '新人 Newcomer', 'my first sales job 2026');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, 新人 Newcomer');

	const again = await browser.newContext();
	const second = await again.newPage();
	await second.goto(link);
	await expect(second.getByRole('alert')).toHaveText(
		'This link has already been used. If that was you, sign in instead.'
	);
	await again.close();
});

test('an invitation can be withdrawn before it is used', async ({ page, browser }) => {
	const email = uniqueEmail('withdrawn');
	const link = await createInvite(browser, email);
	await signInAs(page, 'admin');
	await page.goto('/admin/invites');
	await page.getByRole('button', { name: `Withdraw: ${email}` }).click();
	await expect(page.getByRole('status')).toHaveText(`The invitation for ${email} was withdrawn.`);
	await page.goto(link);
	await expect(page.getByRole('alert')).toHaveText(/withdrawn/);
});

test('the invitation form refuses bad input with clear messages', async ({ page }) => {
	await signInAs(page, 'admin');
	await page.goto('/admin/invites');
	// The browser accepts a@b as an address; the server wants a domain with a dot.
	await page.getByLabel('Email').fill('someone@localhost');
	await page.getByRole('button', { name: 'Create invitation' }).click();
	await expect(page.getByRole('alert')).toHaveText('Enter a valid email address.');
	await page.getByLabel('Email').fill('rep@rehearse.test');
	await page.getByRole('button', { name: 'Create invitation' }).click();
	await expect(page.getByRole('alert')).toHaveText('An account with this email already exists.');
});

test('a weak password is refused on the invitation page', async ({ page, browser }) => {
	const link = await createInvite(browser, uniqueEmail('weak'));
	await page.goto(link);
	await page.getByLabel('Name').fill('Weak');
	await page.getByLabel('New password', { exact: true }).fill('1234567890');
	await page.getByLabel('Repeat the new password').fill('1234567890');
	await page.getByRole('button', { name: 'Create my account' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'That password is on lists of common passwords. Choose another.'
	);
});

test('a deactivated user is signed out on their next request, and can come back when reactivated', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('leaver');
	const link = await createInvite(browser, email);
	await acceptInvite(page, link, 'Leaver', 'password for leaving');

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
	await admin.getByRole('link', { name: 'Leaver' }).click();
	await admin.getByRole('button', { name: 'Deactivate' }).click();
	await expect(admin.getByRole('status')).toHaveText('Leaver is deactivated and signed out.');

	await page.goto('/profile');
	await expect(page).toHaveURL(/\/login/);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('password for leaving');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'That email and password do not match an active account.'
	);

	await admin.getByRole('button', { name: 'Reactivate' }).click();
	await expect(admin.getByRole('status')).toHaveText('Leaver can sign in again.');
	await signIn(page, email, 'password for leaving');
	await adminContext.close();
});

test('a password-reset link sets a new password once', async ({ page, browser }) => {
	const email = uniqueEmail('forgetful');
	await acceptInvite(page, await createInvite(browser, email), 'Forgetful', 'original password 1');

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAs(admin, 'admin');
	await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
	await admin.getByRole('link', { name: 'Forgetful' }).click();
	await admin.getByRole('button', { name: 'Create a reset link' }).click();
	const link = await admin.getByRole('textbox', { name: 'Password-reset link' }).inputValue();
	await adminContext.close();

	const resetContext = await browser.newContext();
	const reset = await resetContext.newPage();
	await reset.goto(link);
	await reset.getByLabel('New password', { exact: true }).fill('a brand new password');
	await reset.getByLabel('Repeat the new password').fill('a brand new password');
	await reset.getByRole('button', { name: 'Set password' }).click();
	await expect(reset).toHaveURL(/\/$/);
	await reset.goto(link);
	await expect(reset.getByRole('alert')).toHaveText(/already been used/);
	await resetContext.close();

	// The reset signed the old session out.
	await page.goto('/profile');
	await expect(page).toHaveURL(/\/login/);
	await signIn(page, email, 'a brand new password');
});

test('profile: change name and password; a wrong current password is refused', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('profile');
	await acceptInvite(page, await createInvite(browser, email), 'Before', 'profile password 1');
	await page.goto('/profile');
	await page.getByLabel('Name').fill('After');
	await page.getByRole('button', { name: 'Save' }).first().click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByLabel('Name')).toHaveValue('After');

	await page.getByLabel('Current password').fill('not my password');
	await page.getByLabel('New password', { exact: true }).fill('profile password 2');
	await page.getByLabel('Repeat the new password').fill('profile password 2');
	await page.getByRole('button', { name: 'Save' }).nth(1).click();
	await expect(page.getByRole('alert')).toHaveText('The current password is not right.');

	await page.getByLabel('Current password').fill('profile password 1');
	await page.getByLabel('New password', { exact: true }).fill('profile password 2');
	await page.getByLabel('Repeat the new password').fill('profile password 2');
	await page.getByRole('button', { name: 'Save' }).nth(1).click();
	await expect(page.getByRole('status')).toHaveText(
		'Password changed. Your other devices have been signed out.'
	);
	// Still signed in here.
	await page.goto('/profile');
	await expect(page).toHaveURL(/\/profile$/);
});

test('teams: the admin creates a team, adds a manager and a rep, and the manager sees the rep', async ({
	page,
	browser
}) => {
	const managerEmail = uniqueEmail('lead');
	const repEmail = uniqueEmail('member');
	const managerLink = await createInvite(browser, managerEmail, ['manager']);
	const repLink = await createInvite(browser, repEmail, ['rep']);
	const setup = await browser.newContext();
	const setupPage = await setup.newPage();
	await acceptInvite(setupPage, repLink, 'Team Rep', 'team rep password');
	await setup.clearCookies();
	await acceptInvite(setupPage, managerLink, 'Team Lead', 'team lead password');

	await signInAs(page, 'admin');
	await page.goto('/admin/teams');
	const teamName = `Kaohsiung ${Date.now().toString(36)}`;
	await page.getByLabel('Team name').fill('   ');
	await page.getByRole('button', { name: 'Create team' }).click();
	await expect(page.getByRole('alert')).toHaveText('Enter a team name.');
	await page.getByLabel('Team name').fill(teamName);
	await page.getByRole('button', { name: 'Create team' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(teamName);

	await page.getByLabel('Person').selectOption({ label: `Team Lead (${managerEmail})` });
	await page.getByRole('radio', { name: 'Manager' }).check();
	await page.getByRole('button', { name: 'Add a member' }).click();
	await expect(page.getByRole('status')).toHaveText('Team Lead added.');
	await page.getByLabel('Person').selectOption({ label: `Team Rep (${repEmail})` });
	await page.getByRole('button', { name: 'Add a member' }).click();
	await expect(page.getByRole('status')).toHaveText('Team Rep added.');

	await setupPage.goto('/team');
	await expect(setupPage.getByRole('heading', { name: teamName })).toBeVisible();
	await expect(setupPage.getByRole('cell', { name: 'Team Rep' })).toBeVisible();
	await setup.close();
});
