import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db';
import { insertUser } from './accounts';
import { syncContentOnFirstStart } from './bootstrap';
import { findContent } from './content/store';
import { findAttempt, loadAttempt, startAttempt } from './practice';
import { draftOf, publish, publishedText, revisionsOf, rollBack, saveDraft, templateFor, checkText } from './studio';

function setUp() {
	const db = createTestDatabase();
	syncContentOnFirstStart(db, 'content', () => {});
	const trainer = insertUser(db, { email: 't@example.com', name: 'T', passwordHash: 'x', roles: ['trainer'] });
	const rep = insertUser(db, { email: 'r@example.com', name: 'R', passwordHash: 'x', roles: ['rep'] });
	return { db, trainer, rep };
}

describe('studio publishing', () => {
	it('keeps the synced version as revision 1, publishes the edit as revision 2, and rolls back', () => {
		const { db, trainer } = setUp();
		const before = publishedText(db, 'script', 'en', 'price-too-high')!;
		const edited = before.replace(/^title: .*$/m, 'title: Too expensive (edited)');
		saveDraft(db, 'script', 'en', 'price-too-high', edited, trainer.id);
		expect(draftOf(db, 'script', 'en', 'price-too-high')).toBe(edited);
		expect(publish(db, 'script', 'en', 'price-too-high', edited, trainer.id)).toEqual({ ok: true, number: 2 });
		expect(findContent(db, 'script', 'price-too-high', 'en')?.data.title).toBe('Too expensive (edited)');
		expect(draftOf(db, 'script', 'en', 'price-too-high')).toBeNull();
		const revisions = revisionsOf(db, 'script', 'en', 'price-too-high');
		expect(revisions.map((r) => [r.number, r.authorId])).toEqual([[2, trainer.id], [1, null]]);
		expect(rollBack(db, revisions[1]!.id, trainer.id)).toEqual({ ok: true, number: 3 });
		expect(findContent(db, 'script', 'price-too-high', 'en')?.data.title).not.toBe('Too expensive (edited)');
	});

	it('refuses to publish a file with a problem, naming the line, and changes nothing', () => {
		const { db, trainer } = setUp();
		const broken = publishedText(db, 'script', 'en', 'price-too-high')!.replace('category: price', 'category: pricey');
		const result = publish(db, 'script', 'en', 'price-too-high', broken, trainer.id);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems[0]).toMatchObject({ file: 'en/scripts/price-too-high.md', line: 4 });
		expect(revisionsOf(db, 'script', 'en', 'price-too-high')).toEqual([]);
	});

	it('a new scenario from the template publishes; an unreachable beat is refused first', () => {
		const { db, trainer } = setUp();
		const text = templateFor('scenario', 'my-first-call');
		const withOrphan = text.replace('  won: {', '  orphan: { customer: Hm?, next: [{ goto: lost }] }\n  won: {');
		expect(checkText(db, 'scenario', 'en', 'my-first-call', withOrphan).problems.map((p) => p.message)).toContain('beat "orphan" cannot be reached from the start beat "greet"');
		expect(publish(db, 'scenario', 'en', 'my-first-call', text, trainer.id)).toEqual({ ok: true, number: 1 });
		expect(findContent(db, 'scenario', 'my-first-call', 'en')).toBeDefined();
	});

	it('a rep’s running attempt keeps its revision when the trainer publishes a change', () => {
		const { db, trainer, rep } = setUp();
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
		const original = loadAttempt(db, attempt).state.customer;
		const edited = publishedText(db, 'scenario', 'en', 'renewal-price-objection')!.replace(original, 'Yes? Who is calling?');
		expect(publish(db, 'scenario', 'en', 'renewal-price-objection', edited, trainer.id).ok).toBe(true);
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).state.customer).toBe(original);
		expect(loadAttempt(db, startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!).state.customer).toBe('Yes? Who is calling?');
	});
});

describe('zip import and export', () => {
	it('export → import elsewhere → export gives the same files', async () => {
		const { unzipSync, strFromU8 } = await import('fflate');
		const { exportZip, importZip } = await import('./studio');
		const first = setUp();
		const zip = exportZip(first.db);
		const files = unzipSync(zip);
		expect(Object.keys(files).length).toBeGreaterThan(80);
		const second = setUp();
		expect(importZip(second.db, zip, second.trainer.id)).toMatchObject({ ok: true });
		const again = unzipSync(exportZip(second.db));
		for (const [path, bytes] of Object.entries(files)) expect(strFromU8(again[path]!), path).toBe(strFromU8(bytes));
	});

	it('refuses the whole zip when one file is bad, naming file and line', async () => {
		const { zipSync, strToU8 } = await import('fflate');
		const { importZip } = await import('./studio');
		const { db, trainer } = setUp();
		const good = publishedText(db, 'script', 'en', 'think-about-it')!.replace(/^title: .*$/m, 'title: Changed by import');
		const bad = publishedText(db, 'script', 'en', 'price-too-high')!.replace('category: price', 'category: pricey');
		const zip = zipSync({ 'content/en/scripts/think-about-it.md': strToU8(good), 'content/en/scripts/price-too-high.md': strToU8(bad) });
		const result = importZip(db, zip, trainer.id);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['en/scripts/price-too-high.md:4']);
		expect(findContent(db, 'script', 'think-about-it', 'en')?.data.title).not.toBe('Changed by import');
		expect(importZip(db, strToU8('not a zip'), trainer.id)).toMatchObject({ ok: false });
	});

	it('imports new items that refer to each other, and refuses a file that is in the zip twice', async () => {
		const { zipSync, strToU8 } = await import('fflate');
		const { importZip } = await import('./studio');
		const { db, trainer } = setUp();
		const script = templateFor('script', 'brand-new-objection');
		const scenario = templateFor('scenario', 'brand-new-call').replace('    customer: Hello?\n', '    customer: Hello?\n    script: brand-new-objection\n');
		// The scenario comes first in the zip and refers to the script, which is not published yet.
		const together = zipSync({ 'content/en/scenarios/brand-new-call.yaml': strToU8(scenario), 'content/en/scripts/brand-new-objection.md': strToU8(script) });
		expect(importZip(db, together, trainer.id)).toEqual({ ok: true, count: 2 });
		expect(findContent(db, 'scenario', 'brand-new-call', 'en')?.data.beats['greet']?.script).toBe('brand-new-objection');
		const twice = zipSync({ 'content/en/scripts/brand-new-objection.md': strToU8(script.replace('New objection', 'One')), 'pack/content/en/scripts/brand-new-objection.md': strToU8(script.replace('New objection', 'Two')) });
		expect(importZip(db, twice, trainer.id)).toEqual({ ok: false, problems: [{ file: 'en/scripts/brand-new-objection.md', line: 1, message: 'this file is in the zip twice' }] });
		expect(findContent(db, 'script', 'brand-new-objection', 'en')?.data.title).toBe('New objection');
	});
});
