import { describe, expect, it, vi } from 'vitest';
import type { AppDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';

// The review page as a rep opens it: what it shows, and that opening it writes nothing (every
// entry's card was made when it was published or the rep's account created).
const state = vi.hoisted(() => ({ db: null as AppDb | null }));
vi.mock('$lib/server/db', async (original) => ({ ...(await original<typeof import('$lib/server/db')>()), getDb: () => state.db! }));

const { createTestDatabase } = await import('$lib/server/db');
const { syncContentOnFirstStart } = await import('$lib/server/bootstrap');
const { peopleIn } = await import('$lib/server/testing/people');
const { findContent, listContentFields } = await import('$lib/server/content/store');
const { rateReviewCard } = await import('$lib/server/review-cards');
const { load } = await import('./+page.server');

function setUp() {
	state.db = createTestDatabase();
	syncContentOnFirstStart(state.db, 'content', () => {});
	const rep = peopleIn(state.db)('rep', ['rep']);
	return { db: state.db, rep };
}

/** The page's data for `user`, and how many rows the load changed. */
async function open(db: AppDb, user: SessionUser) {
	const changes = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
	const before = changes();
	const url = new URL('http://localhost/review');
	const data = await load({ locals: { user, session: null }, url, params: {} } as never);
	return { data, written: changes() - before };
}

describe('the review page', () => {
	it('shows a new rep every entry due, the first in the library’s order, and writes nothing', async () => {
		const { db, rep } = setUp();
		const ids = listContentFields(db, 'script', 'en', ['title']).map((s) => s.id).sort();
		const first = findContent(db, 'script', ids[0]!, 'en')!;
		const opened = await open(db, rep);
		expect(opened.data).toEqual({ due: ids.length, card: { id: first.id, locale: 'en', title: first.data.title, objection: first.data.objection } });
		expect(opened.written).toBe(0);
		// Again, as on every later visit: the same, and still nothing written.
		expect(await open(db, rep)).toEqual(opened);
	}, 30_000);

	it('moves on to the next entry once one is rated, writing nothing on the visit', async () => {
		const { db, rep } = setUp();
		const ids = listContentFields(db, 'script', 'en', ['title']).map((s) => s.id).sort();
		expect(rateReviewCard(db, rep.id, ids[0]!, 'easy')).toBe(true);
		const opened = await open(db, rep);
		expect(opened.data).toMatchObject({ due: ids.length - 1, card: { id: ids[1] } });
		expect(opened.written).toBe(0);
	}, 30_000);
});
