import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import { countDueCards, ensureLibraryCards, nextDueCard, rateReviewCard } from '$lib/server/review-cards';
import { contentLocale } from '$lib/server/content-locale';
import { readForm, textField } from '$lib/server/forms';
import { RATINGS, type ReviewRating } from '$lib/engine/training/review';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	ensureLibraryCards(db, user.id, locale);
	const next = nextDueCard(db, user.id);
	const script = next && findContent(db, 'script', next.scriptId, locale);
	const reveal = event.url.searchParams.get('show') === next?.scriptId;
	return {
		due: countDueCards(db, user.id),
		card: script
			? {
					id: script.id,
					locale: script.locale,
					title: script.data.title,
					objection: script.data.objection,
					// The model answers only once the rep asks to see them.
					answers: reveal ? script.data.answers.map((a) => a.text) : null
				}
			: null
	};
};

export const actions: Actions = {
	rate: async (event) => {
		const user = requireUser(event);
		const data = await readForm(event);
		const rating = textField(data, 'rating') as ReviewRating;
		if (!RATINGS.includes(rating)) return fail(400, { problem: 'rating' as const });
		rateReviewCard(getDb(), user.id, textField(data, 'script'), rating);
		return { rated: true };
	}
};
