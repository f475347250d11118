import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { PRACTICE_MODES } from '$lib/server/db/schema';
import { findUserById } from '$lib/server/accounts/users';
import { EVIDENCE_STEPS } from '$lib/engine/series/score';
import { choice, numberText, parseForm, readForm } from '$lib/server/forms';
import {
	findSeriesRun,
	loadSeriesRun,
	playNextCall,
	replayCall,
	seriesRunReader,
	settleSeriesRun
} from '$lib/server/practice/series';

/** The run, if the signed-in user may read it (its rep, their manager, an admin); else a 404. */
function viewableRun(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const db = getDb();
	const run = findSeriesRun(db, event.params.runId);
	const reader =
		run && run.seriesId === event.params.seriesId ? seriesRunReader(db, user, run) : null;
	if (!run || !reader) error(404, 'Not found');
	return { run: settleSeriesRun(db, run), own: reader === 'own' };
}

export const load: PageServerLoad = (event) => {
	const { run, own } = viewableRun(event);
	const db = getDb();
	const view = loadSeriesRun(db, run);
	const { title, persona } = run.series;
	return {
		own,
		rep: own ? null : (findUserById(db, run.userId)?.name ?? null),
		run: { id: run.id, status: run.status, locale: run.locale, seriesId: run.seriesId },
		series: { title, persona },
		calls: view.calls,
		notes: view.notes,
		next: view.next,
		nextHasChoices: view.nextHasChoices,
		journey: view.journey,
		evidenceSteps: EVIDENCE_STEPS
	};
};

export const actions: Actions = {
	// Only the rep plays their run; anyone else gets the same 404 as for a run that is not there.
	play: async (event) => {
		const { run, own } = viewableRun(event);
		if (!own) error(404, 'Not found');
		const form = parseForm(await readForm(event), { mode: choice(PRACTICE_MODES) });
		if (!form.ok) return fail(400, { problem: 'mode' as const });
		const { mode } = form.value;
		// Multiple choice needs options on every line of the call.
		if (mode === 'choice' && !loadSeriesRun(getDb(), run).nextHasChoices)
			return fail(400, { problem: 'mode' as const });
		const outcome = playNextCall(getDb(), run, mode);
		if (!outcome.ok) return fail(409, { problem: outcome.reason });
		redirect(303, `/attempts/${outcome.attempt.id}`);
	},
	// "Try again" on a call's result: the same call within the run, from the facts it started with.
	replay: async (event) => {
		const { run, own } = viewableRun(event);
		if (!own) error(404, 'Not found');
		const form = parseForm(await readForm(event), {
			mode: choice(PRACTICE_MODES),
			call: numberText
		});
		if (!form.ok || !Number.isInteger(form.value.call))
			return fail(400, { problem: 'mode' as const });
		const { mode, call } = form.value;
		const outcome = replayCall(getDb(), run, call, mode);
		if (!outcome.ok) return fail(409, { problem: outcome.reason });
		redirect(303, `/attempts/${outcome.attempt.id}`);
	}
};
