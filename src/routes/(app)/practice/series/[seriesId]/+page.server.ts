import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import { contentLocale } from '$lib/server/content/locale';
import { listSeriesRuns, startSeriesRun } from '$lib/server/practice/series';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const series = findContent(db, 'series', event.params.seriesId, contentLocale());
	if (!series) error(404, 'Not found');
	const { title, objective, persona, calls } = series.data;
	return {
		series: { id: series.id, locale: series.locale, title, objective: objective ?? null, persona },
		calls: calls.length,
		runs: listSeriesRuns(db, user.id, series.id).map(({ id, status, startedAt }) => ({
			id,
			status,
			startedAt
		}))
	};
};

export const actions: Actions = {
	start: (event) => {
		const user = requireUser(event);
		const run = startSeriesRun(getDb(), user.id, event.params.seriesId, contentLocale());
		if (!run) error(404, 'Not found');
		redirect(303, `/practice/series/${run.seriesId}/${run.id}`);
	}
};
