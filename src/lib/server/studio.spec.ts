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
