import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listContentFields } from '$lib/server/content/store';
import { listReadArticleIds } from '$lib/server/onboarding/library';
import { contentLocale } from '$lib/server/content/locale';
import { ARTICLE_CATEGORIES } from '$lib/engine/content';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	const read = listReadArticleIds(db, user.id);
	const articles = listContentFields(db, 'article', locale, ['title', 'summary', 'category']).map(
		(item) => ({
			...item,
			read: read.has(item.id)
		})
	);
	const sections = ARTICLE_CATEGORIES.map((category) => ({
		category,
		articles: articles.filter((a) => a.category === category)
	})).filter((s) => s.articles.length > 0);
	return { sections, read: articles.filter((a) => a.read).length, total: articles.length, locale };
};
