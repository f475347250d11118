import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import {
	countDueCards,
	ensureLibraryCards,
	nextDueCard,
	rateReviewCard
} from '$lib/server/review-cards';
import { contentLocale } from '$lib/server/content-locale';
import { clipText, readForm, textField } from '$lib/server/forms';
import { completeScriptAssignments } from '$lib/server/assignments';
import { RATINGS, type ReviewRating } from '$lib/engine/training/review';

/** The longest recall kept to show beside the model answers (a practice reply's limit). */
const RECALL_MAX_LENGTH = 2000;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	ensureLibraryCards(db, user.id, locale);
	const next = nextDueCard(db, user.id);
	const script = next && findContent(db, 'script', next.scriptId, locale);
	return {
		due: countDueCards(db, user.id),
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
	// The model answers only once the rep asks to see them, with what they recalled sent back beside
	// them (posted, not put in the address: it is the rep's own text, and may be long).
	show: async (event) => {
		requireUser(event);
		const data = await readForm(event);
		const script = findContent(getDb(), 'script', textField(data, 'script'), contentLocale());
		if (!script) return fail(400, { problem: 'script' as const });
		return {
			shown: { id: script.id, answers: script.data.answers.map((a) => a.text) },
			recall: clipText(textField(data, 'recall'), RECALL_MAX_LENGTH)
		};
	},
	rate: async (event) => {
		const user = requireUser(event);
		const data = await readForm(event);
		const rating = textField(data, 'rating') as ReviewRating;
		if (!RATINGS.includes(rating)) return fail(400, { problem: 'rating' as const });
		const db = getDb();
		const scriptId = textField(data, 'script');
		// Reviewing the entry's card is reviewing the entry: an assignment to review it is done with the rating.
		db.transaction(() => {
			if (rateReviewCard(db, user.id, scriptId, rating))
				completeScriptAssignments(db, user.id, scriptId);
		});
		return { rated: true };
	}
};
