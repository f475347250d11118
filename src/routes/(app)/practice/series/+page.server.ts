import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { contentLocale } from '$lib/server/content/locale';
import { listSeries } from '$lib/server/practice/series';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const locale = contentLocale();
	return { locale, series: listSeries(getDb(), user.id, locale) };
};
