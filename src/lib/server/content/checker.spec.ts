import { describe, expect, it, vi } from 'vitest';
import { isMainThread } from 'node:worker_threads';
import { checkFilesOffThread, insightsOffThread } from './checker';
import { createTestDatabase } from '../db';
import { NOTHING_PUBLISHED } from '../../engine/content';
import { checkText, importZip, insightsOf, publish } from './studio';
import { strToU8, zipSync } from 'fflate';
import { insertUser } from '../accounts/users';

// On this thread, the thread that answers requests, checking and rendering fail loudly: the
// studio's checks must still work, because they run on the worker.
vi.mock('../../engine/content/check', async (original) => ({
	...(await original<typeof import('../../engine/content/check')>()),
	checkContentFiles: () => {
		throw new Error('a content check ran on the request thread');
	}
}));
vi.mock('./zip', () => ({
	checkZip: () => {
		throw new Error('a zip was unpacked on the request thread');
	}
}));
vi.mock('./markdown', () => ({
	renderMarkdown: () => {
		throw new Error('Markdown was rendered on the request thread');
	}
}));

const article = '---\nid: membership-tiers\ntitle: Membership tiers\ncategory: product\nsummary: The three tiers.\n---\n## Gold\n\nThe middle tier.\n';

describe('the studio’s checks run off the request thread', { timeout: 30_000 }, () => {
	it('checks files and renders the preview on a worker thread', async () => {
		expect(isMainThread).toBe(true);
		// The control: here, on this thread, checking does fail.
		const { checkContentFiles } = await import('../../engine/content/check');
		expect(() => checkContentFiles([])).toThrow('a content check ran on the request thread');
		const checked = await checkFilesOffThread([{ path: 'en/knowledge/membership-tiers.md', text: article.replace('category: product', 'category: gossip') }], NOTHING_PUBLISHED);
		expect(checked.problems).toEqual([{ file: 'en/knowledge/membership-tiers.md', line: 4, message: expect.stringContaining('category: must be one of'), code: 'not-one-of', values: { path: ['category'], allowed: expect.arrayContaining(['product', 'rules']) } }]);
		expect((await checkFilesOffThread([{ path: 'en/knowledge/membership-tiers.md', text: article }], NOTHING_PUBLISHED)).items).toHaveLength(1);
		const insights = await insightsOffThread('article', 'en', 'membership-tiers', article, [], []);
		expect(insights.preview).toContain('<h2 id="section-1">Gold</h2>');
	});

	it('answers checks sent together, each with its own result', async () => {
		const texts = Array.from({ length: 5 }, (_, i) => article.replace('Membership tiers', `Tiers ${i}`));
		const results = await Promise.all(texts.map((text) => checkFilesOffThread([{ path: 'en/knowledge/membership-tiers.md', text }], NOTHING_PUBLISHED)));
		expect(results.map((r) => (r.items[0]?.kind === 'article' ? r.items[0].data.title : null))).toEqual(['Tiers 0', 'Tiers 1', 'Tiers 2', 'Tiers 3', 'Tiers 4']);
	});

	it('the studio checks, previews, publishes and unpacks zips through the worker', async () => {
		const db = createTestDatabase();
		const trainer = insertUser(db, { email: 't@example.com', name: 'T', passwordHash: 'x', roles: ['trainer'] });
		expect((await checkText(db, 'article', 'en', 'membership-tiers', article)).problems).toEqual([]);
		expect((await insightsOf(db, 'article', 'en', 'membership-tiers', article, [])).preview).toContain('The middle tier.');
		expect(await publish(db, 'article', 'en', 'membership-tiers', article, trainer.id)).toEqual({ ok: true, number: 1 });
		const zip = zipSync({ 'content/en/knowledge/membership-tiers.md': strToU8(article.replace('The middle tier.', 'Imported.')) });
		expect(await importZip(db, zip, trainer.id)).toEqual({ ok: true, count: 1 });
	});
});
