import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { contentTitles, findContent } from '$lib/server/content/store';
import { markArticleRead } from '$lib/server/library';
import { renderMarkdown } from '$lib/server/markdown';
import { contentLocale } from '$lib/server/content-locale';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	const article = findContent(db, 'article', event.params.id, locale);
	if (!article) error(404, 'Not found');
	// Opening an article is what "read" means here; the list shows it ticked from now on.
	markArticleRead(db, user.id, article.id);
	return {
		article: { locale: article.locale, ...article.data },
		rendered: renderMarkdown(article.body),
		related: contentTitles(db, 'script', article.data.scripts, locale),
		uiLocale: locale
	};
};
