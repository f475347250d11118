import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { articleView, markArticleRead } from '$lib/server/onboarding/library';
import { contentLocale } from '$lib/server/content/locale';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	const view = articleView(db, event.params.id, locale);
	if (!view) error(404, 'Not found');
	// Opening an article is what "read" means here; the list shows it ticked from now on.
	markArticleRead(db, user.id, view.id);
	return {
		article: view.article,
		rendered: view.rendered,
		related: view.related,
		uiLocale: locale
	};
};
