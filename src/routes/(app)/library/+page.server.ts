import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listContentFields } from '$lib/server/content/store';
import { listBookmarkedScriptIds } from '$lib/server/library';
import { contentLocale } from '$lib/server/content-locale';
import { SCRIPT_CATEGORIES } from '$lib/engine/content';

type Filter = (typeof SCRIPT_CATEGORIES)[number] | 'bookmarked' | 'all';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const requested = event.url.searchParams.get('category') ?? 'all';
	const filter: Filter = requested === 'bookmarked' || (SCRIPT_CATEGORIES as readonly string[]).includes(requested) ? (requested as Filter) : 'all';
	const locale = contentLocale();
	const bookmarked = listBookmarkedScriptIds(db, user.id);
	const all = listContentFields(db, 'script', locale, ['title', 'category', 'objection']).map((item) => ({
		...item,
		bookmarked: bookmarked.has(item.id)
	}));
	const counts = Object.fromEntries(SCRIPT_CATEGORIES.map((category) => [category, all.filter((s) => s.category === category).length]));
	const entries = all
		.filter((s) => filter === 'all' || (filter === 'bookmarked' ? s.bookmarked : s.category === filter))
		.sort((a, b) => SCRIPT_CATEGORIES.indexOf(a.category) - SCRIPT_CATEGORIES.indexOf(b.category) || a.title.localeCompare(b.title, locale));
	return { filter, entries, counts, total: all.length, bookmarks: bookmarked.size, locale };
};
