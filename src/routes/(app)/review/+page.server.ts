import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import {
	addLibraryCards,
	countDueCards,
	entriesWithoutCard,
	nextDueCard,
	reviewEntry
} from '$lib/server/onboarding/review-cards';
import { contentLocale } from '$lib/server/content/locale';
import { anyText, choice, clippedText, idText, parseForm, readForm } from '$lib/server/forms';
import { RATINGS } from '$lib/engine/training/review';

/** The longest recall kept to show beside the model answers (a practice reply's limit). */
const RECALL_MAX_LENGTH = 2000;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	const next = nextDueCard(db, user.id);
	const script = next && findContent(db, 'script', next.scriptId, locale);
	return {
		due: countDueCards(db, user.id),
		// Entries the rep has not started reviewing: added with the "start" action, never by a load.
		notStarted: entriesWithoutCard(db, user.id, locale).length,
		card: script
			? {
					id: script.id,
					locale: script.locale,
					title: script.data.title,
					objection: script.data.objection
				}
			: null
	};
};

export const actions: Actions = {
	start: (event) => {
		const user = requireUser(event);
		addLibraryCards(getDb(), user.id, contentLocale());
		redirect(303, '/review');
	},
	// The model answers only once the rep asks to see them, with what they recalled sent back beside
	// them (posted, not put in the address: it is the rep's own text, and may be long).
	show: async (event) => {
		requireUser(event);
		const form = parseForm(await readForm(event), {
			script: idText,
			recall: clippedText(RECALL_MAX_LENGTH)
		});
		if (!form.ok) return fail(400, { problem: 'script' as const });
		const script = findContent(getDb(), 'script', form.value.script, contentLocale());
		if (!script) return fail(400, { problem: 'script' as const });
		return {
			shown: { id: script.id, answers: script.data.answers.map((a) => a.text) },
			recall: form.value.recall
		};
	},
	rate: async (event) => {
		const user = requireUser(event);
		const form = parseForm(await readForm(event), {
			rating: choice(RATINGS),
			script: anyText
		});
		if (!form.ok) return fail(400, { problem: 'rating' as const });
		const { rating, script: scriptId } = form.value;
		reviewEntry(getDb(), user.id, scriptId, rating);
		return { rated: true };
	}
};
