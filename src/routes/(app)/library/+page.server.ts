import { isOneOf } from '$lib/engine/one-of';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listContentFields } from '$lib/server/content/store';
import { listBookmarkedScriptIds } from '$lib/server/onboarding/library';
import { passedQuizIds } from '$lib/server/onboarding/quiz-attempts';
import { contentLocale } from '$lib/server/content/locale';
import { SCRIPT_CATEGORIES } from '$lib/engine/content';

type Filter = (typeof SCRIPT_CATEGORIES)[number] | 'bookmarked' | 'quizzes' | 'all';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const requested = event.url.searchParams.get('category') ?? 'all';
	const filter: Filter =
		requested === 'bookmarked' || requested === 'quizzes' || isOneOf(SCRIPT_CATEGORIES, requested)
			? (requested as Filter)
			: 'all';
	const locale = contentLocale();
	const bookmarked = listBookmarkedScriptIds(db, user.id);
	const all = listContentFields(db, 'script', locale, ['title', 'category', 'objection']).map(
		(item) => ({
			...item,
			bookmarked: bookmarked.has(item.id)
		})
	);
	const counts = Object.fromEntries(
		SCRIPT_CATEGORIES.map((category) => [
			category,
			all.filter((s) => s.category === category).length
		])
	);
	const entries = all
		.filter(
			(s) => filter === 'all' || (filter === 'bookmarked' ? s.bookmarked : s.category === filter)
		)
		.sort(
			(a, b) =>
				SCRIPT_CATEGORIES.indexOf(a.category) - SCRIPT_CATEGORIES.indexOf(b.category) ||
				a.title.localeCompare(b.title, locale)
		);
	// Every published quiz, as its own page (/quizzes/[id]) lets any signed-in user take it: found
	// here as well as from a plan. Only what the list shows: no question, option or answer.
	const quizzes = listContentFields(db, 'quiz', locale, ['title', 'pass', 'items']);
	const passed = filter === 'quizzes' ? passedQuizIds(db, user.id) : new Set<string>();
	return {
		filter,
		entries: filter === 'quizzes' ? [] : entries,
		quizzes:
			filter === 'quizzes'
				? [...quizzes]
						.sort((a, b) => a.title.localeCompare(b.title, locale))
						.map((quiz) => ({
							id: quiz.id,
							locale: quiz.locale,
							title: quiz.title,
							pass: quiz.pass,
							questions: quiz.items.length,
							passed: passed.has(quiz.id)
						}))
				: [],
		counts,
		total: all.length,
		quizCount: quizzes.length,
		bookmarks: bookmarked.size,
		locale
	};
};
