import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { signInAs } from './helpers';

// The selection is a plain GET form: this runs without JavaScript, as a trainer's browser might.
test.use({ javaScriptEnabled: false });

const zhQuizTitle = (
	parse(readFileSync('content/zh-TW/quizzes/industry-chain.yaml', 'utf8')) as { title: string }
).title;

test('a trainer ticks a kind, a language and one item, and downloads just those as files', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	await page.goto('/studio');
	await page
		.getByRole('group', { name: 'Whole kinds' })
		.getByRole('checkbox', { name: 'Rubrics' })
		.check();
	await page
		.getByRole('group', { name: 'Languages' })
		.getByRole('checkbox', { name: 'English' })
		.check();
	await page
		.getByRole('checkbox', { name: `Include “${zhQuizTitle}” (繁體中文) in the download` })
		.check();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the selection (zip)' }).click();
	const zipPath = (await (await download).path())!;
	const files = Object.keys(unzipSync(readFileSync(zipPath))).sort();
	// English rubrics (other tests may add some while this runs) and the one Chinese quiz, nothing else.
	expect(files).toEqual(
		expect.arrayContaining([
			'content/en/rubrics/hiring-roleplay.yaml',
			'content/en/rubrics/rep-certification.yaml',
			'content/zh-TW/quizzes/industry-chain.yaml'
		])
	);
	expect(
		files.filter(
			(file) =>
				!file.startsWith('content/en/rubrics/') &&
				file !== 'content/zh-TW/quizzes/industry-chain.yaml'
		)
	).toEqual([]);

	// The selection imports back: what it refers to is published here (references are checked on import).
	await expect(page.getByText('References are checked on import')).toBeVisible();
	await page.getByLabel('Zip file').setInputFiles(zipPath);
	await page.getByRole('button', { name: 'Check and import' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`${files.length} items imported and published.`
	);
});
