import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoAccount, signInAs } from './helpers';

test('a manager downloads everything about a candidate, then deletes them and all their data', async ({
	page,
	browser
}) => {
	const name = `Privacy Candidate ${Date.now().toString(36)}`;
	await signInAs(page, 'manager');
	await page.goto('/hiring/candidates');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Position applied for').fill('Privacy test');
	await page.getByLabel('Contact (email or phone)').fill('privacy@example.com');
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await page.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await page.getByRole('link', { name: 'Schedule an interview' }).click();
	await page.getByRole('radio', { name: /^Online/ }).check();
	await page.getByRole('button', { name: 'Schedule' }).click();
	const interviewUrl = page.url();
	await page.getByRole('button', { name: 'Create a candidate link' }).click();
	const link = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue();

	// The candidate starts and answers once.
	const candidateContext = await browser.newContext();
	const candidate = await candidateContext.newPage();
	await candidate.goto(link);
	await candidate.getByRole('checkbox').check();
	await candidate.getByRole('button', { name: 'Start' }).click();
	await candidate.getByLabel('Your reply').fill('Hello, this is the privacy candidate speaking.');
	await candidate.getByRole('button', { name: 'Send' }).click();
	await expect(candidate.getByText('Hello, this is the privacy candidate speaking.')).toBeVisible();

	await page.goto('/hiring/candidates');
	await page.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	const candidateUrl = page.url();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download all their data (JSON)' }).click()
	]);
	const text = readFileSync((await download.path())!, 'utf8');
	const data = JSON.parse(text);
	expect(data.candidate).toMatchObject({
		name,
		contact: 'privacy@example.com',
		position: 'Privacy test'
	});
	expect(data.interviews).toHaveLength(1);
	expect(data.interviews[0].invites).toHaveLength(1);
	expect(data.interviews[0].attempts[0].turns[0].reply).toBe(
		'Hello, this is the privacy candidate speaking.'
	);
	expect(text).not.toMatch(/secretHash/);
	expect(text).not.toContain(link.split('/').pop()!.split('.')[1]!);

	// Deleting needs the box ticked, also for a form posted without the browser's check.
	const unconfirmed = await page.request.post(`${candidateUrl}?/delete`, {
		form: {},
		headers: { origin: new URL(candidateUrl).origin, accept: 'text/html' }
	});
	expect(unconfirmed.status()).toBe(400);
	await page
		.getByRole('checkbox', { name: `Yes, delete ${name} and everything about them for good.` })
		.check();
	await page.getByRole('button', { name: 'Delete the candidate and all their data' }).click();
	await expect(page).toHaveURL(/\/hiring\/candidates\?deleted=1$/);
	await expect(page.getByRole('status')).toHaveText(
		'The candidate and all their data were deleted.'
	);
	await expect(page.getByRole('link', { name })).toHaveCount(0);
	expect((await page.goto(candidateUrl))?.status()).toBe(404);
	expect((await page.goto(interviewUrl))?.status()).toBe(404);

	// The candidate's link stopped working, even in the middle of the role-play.
	await candidate.reload();
	await expect(candidate.getByRole('alert')).toHaveText(/This link is not valid/);
	await candidateContext.close();
});

test('a manager who cannot see all of a candidate’s interviews may not export or delete them', async ({
	page,
	browser
}) => {
	// The admin enters a candidate and interviews them on two panels: one with the manager, one without.
	const name = `Shared Candidate ${Date.now().toString(36)}`;
	await signInAs(page, 'admin');
	await page.goto('/hiring/candidates');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Position applied for').fill('Privacy test');
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await page.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	const candidateUrl = page.url();
	for (const withManager of [true, false]) {
		await page.goto(`/hiring/interviews/new?candidate=${candidateUrl.split('/').pop()}`);
		await page.getByRole('radio', { name: /^Live/ }).check();
		if (withManager)
			await page.getByRole('checkbox', { name: demoAccount('manager').name }).check();
		await page.getByRole('button', { name: 'Schedule' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Interview: ${name}`);
	}
	const managerContext = await browser.newContext();
	const manager = await managerContext.newPage();
	await signInAs(manager, 'manager');
	await manager.goto(candidateUrl);
	await expect(
		manager.getByText(
			'Some of this candidate’s interviews belong to other teams, so only an admin can download or delete their data.'
		)
	).toBeVisible();
	await expect(
		manager.getByRole('button', { name: 'Delete the candidate and all their data' })
	).toHaveCount(0);
	expect((await manager.request.get(`${candidateUrl}/export`)).status()).toBe(403);
	const refused = await manager.request.post(`${candidateUrl}?/delete`, {
		form: { confirm: 'yes' },
		headers: { origin: new URL(candidateUrl).origin, accept: 'text/html' }
	});
	expect(refused.status()).toBe(403);
	await managerContext.close();
	// Still there for the admin.
	await page.goto(candidateUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});
