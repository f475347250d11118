import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { PRACTICE_MODES } from '$lib/server/db/schema';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import { listAttemptsFor, startAttempt } from '$lib/server/practice/attempts';
import { contentLocale } from '$lib/server/content/locale';
import { choice, parseForm, readForm } from '$lib/server/forms';
import type { Scenario } from '$lib/engine/content';

/** Multiple choice needs options on every beat where the customer waits for a reply. */
function hasChoicesEverywhere(scenario: Scenario): boolean {
	return Object.values(scenario.beats).every(
		(beat) => beat.end !== undefined || beat.choices.length > 0
	);
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const scenario = findContent(db, 'scenario', event.params.scenarioId, contentLocale());
	if (!scenario) error(404, 'Not found');
	const { title, objective, persona, minutes, pass, difficulty } = scenario.data;
	return {
		scenario: {
			id: scenario.id,
			locale: scenario.locale,
			title,
			objective: objective ?? null,
			persona,
			minutes,
			pass,
			difficulty,
			hasChoices: hasChoicesEverywhere(scenario.data)
		},
		history: listAttemptsFor(db, user.id, scenario.id).map(
			({ id, mode, status, score, startedAt }) => ({ id, mode, status, score, startedAt })
		)
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUser(event);
		const form = parseForm(await readForm(event), { mode: choice(PRACTICE_MODES) });
		if (!form.ok) return fail(400, { problem: 'mode' as const });
		const { mode } = form.value;
		const scenario = findContent(getDb(), 'scenario', event.params.scenarioId, contentLocale());
		if (mode === 'choice' && scenario && !hasChoicesEverywhere(scenario.data))
			return fail(400, { problem: 'mode' as const });
		const attempt = startAttempt(getDb(), user.id, event.params.scenarioId, contentLocale(), mode);
		if (!attempt) error(404, 'Not found');
		redirect(303, `/attempts/${attempt.id}`);
	}
};
