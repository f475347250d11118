import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listPracticeScenarios } from '$lib/server/practice';
import { contentLocale } from '$lib/server/content-locale';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const locale = contentLocale();
	return { scenarios: listPracticeScenarios(getDb(), user.id, locale), locale };
};
