import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { SEARCH_QUERY_MAX_LENGTH, searchContent } from '$lib/server/content/search';
import { contentLocale } from '$lib/server/content/locale';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	const raw = event.url.searchParams.get('q') ?? '';
	const query = raw.trim().slice(0, SEARCH_QUERY_MAX_LENGTH);
	const locale = contentLocale();
	return {
		query,
		truncated: raw.trim().length > SEARCH_QUERY_MAX_LENGTH,
		hits: query ? searchContent(getDb(), query, { locale }) : [],
		locale
	};
};
