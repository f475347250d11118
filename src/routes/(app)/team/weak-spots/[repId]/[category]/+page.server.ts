import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { contentTitles } from '$lib/server/content/store';
import { attemptsBehind, followedReps, recordedRepliesBehind } from '$lib/server/team/dashboard';
import { contentLocale } from '$lib/server/content/locale';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const rep = followedReps(db, user).find((r) => r.id === event.params.repId);
	if (!rep) error(404, 'Not found');
	const attempts = attemptsBehind(db, rep.id, event.params.category);
	const titles = new Map(
		contentTitles(
			db,
			'scenario',
			[...new Set(attempts.map((a) => a.scenarioId))],
			contentLocale()
		).map((t) => [t.id, t.title])
	);
	return {
		rep: { name: rep.name },
		category: event.params.category,
		attempts: attempts.map((a) => ({ ...a, title: titles.get(a.scenarioId) ?? a.scenarioId })),
		// The rep's spoken replies here, to listen to: the route plays them to whoever coaches the rep.
		recorded: recordedRepliesBehind(db, rep.id, event.params.category)
	};
};
