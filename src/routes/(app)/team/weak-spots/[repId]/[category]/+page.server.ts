import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import { attemptsBehind, followedReps } from '$lib/server/dashboard';
import { contentLocale } from '$lib/server/content-locale';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const rep = followedReps(db, user).find((r) => r.id === event.params.repId);
	if (!rep) error(404, 'Not found');
	const locale = contentLocale();
	return {
		rep: { name: rep.name },
		category: event.params.category,
		attempts: attemptsBehind(db, rep.id, event.params.category).map((a) => ({ ...a, title: findContent(db, 'scenario', a.scenarioId, locale)?.data.title ?? a.scenarioId }))
	};
};
