import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { checkText, draftOf, publishedText } from '$lib/server/content/studio';
import { anyText, clippedText, isBlank, parseForm, readForm } from '$lib/server/forms';
import { explainReply, type ReplyExplanation } from '$lib/engine/scoring/explain';
import { compileScenario, startRolePlay, step, type PersistedRolePlay } from '$lib/engine/scenario';
import type { ContentLocale, Scenario } from '$lib/engine/content';
import { lexiconPhrasebook } from '$lib/server/content/store';
import { isLocale } from '$lib/roles';

/** The scenario as it stands in the editor: the draft if there is one, else what is published. */
async function editorScenario(event: Pick<RequestEvent, 'params'>): Promise<Scenario | null> {
	const { kind, locale, id } = event.params;
	if (kind !== 'scenario' || !isLocale(locale)) error(404, 'Not found');
	const db = getDb();
	const text = draftOf(db, 'scenario', locale, id) ?? publishedText(db, 'scenario', locale, id);
	if (text === null) error(404, 'Not found');
	const { item } = await checkText(db, 'scenario', locale, id, text);
	return item?.kind === 'scenario' ? item.data : null;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'trainer', 'admin');
	const scenario = await editorScenario(event);
	if (!scenario) return { scenario: null, start: null };
	const { snapshot, state } = startRolePlay(compileScenario(scenario));
	return {
		scenario: { title: scenario.title, persona: scenario.persona, locale: event.params.locale },
		start: { snapshot: JSON.stringify(snapshot), customer: state.customer }
	};
};

interface PlayedTurn extends ReplyExplanation {
	customer: string;
	score: number;
}

export const actions: Actions = {
	// Stateless on purpose: the playtest's snapshot and transcript travel in the form, nothing is stored.
	reply: async (event) => {
		requireRole(event, 'trainer', 'admin');
		const scenario = await editorScenario(event);
		if (!scenario) return fail(400, { broken: true });
		const form = parseForm(await readForm(event), {
			snapshot: anyText,
			transcript: anyText,
			said: anyText,
			reply: clippedText(2000)
		}).value;
		let snapshot: PersistedRolePlay;
		let transcript: PlayedTurn[];
		let said: string[];
		try {
			snapshot = JSON.parse(form.snapshot);
			transcript = JSON.parse(form.transcript || '[]');
			said = JSON.parse(form.said || '[]');
		} catch {
			return fail(400, { broken: true });
		}
		const { reply } = form;
		if (isBlank(reply))
			return fail(400, { empty: true, snapshot: JSON.stringify(snapshot), transcript, said });
		try {
			const result = step(
				compileScenario(scenario, lexiconPhrasebook(getDb(), event.params.locale as ContentLocale)),
				snapshot,
				{ mode: 'text', reply },
				said
			);
			transcript.push({
				customer: result.turn.customer,
				score: result.turn.score,
				...explainReply(reply, result.turn.result)
			});
			return {
				snapshot: JSON.stringify(result.snapshot),
				transcript,
				said: [...said, reply],
				customer: result.state.customer,
				ended: result.state.ended,
				score: result.state.score
			};
		} catch {
			// A snapshot from an older version of the draft: start again.
			return fail(400, { broken: true });
		}
	}
};
