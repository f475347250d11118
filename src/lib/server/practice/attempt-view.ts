// What a role-play's page shows from the content (the rubric's criterion titles, a script's model
// answers), built once per content version: the page is reloaded after every turn, and reading and
// parsing whole content items each time was most of its load.
import type { Db } from '../db/index';
import { builtFromContentItem, findContent } from '../content/store';
import type { ContentLocale } from '$lib/engine/content/index';

/** A script's answers, as a hint during the role-play and as model answers after it. */
export interface ScriptAnswers {
	id: string;
	title: string;
	answers: string[];
}

export function scriptAnswers(
	db: Db,
	scriptId: string,
	locale: ContentLocale
): ScriptAnswers | null {
	return builtFromContentItem(db, `script-answers:${locale}:${scriptId}`, () => {
		const script = findContent(db, 'script', scriptId, locale);
		return script
			? { id: script.id, title: script.data.title, answers: script.data.answers.map((a) => a.text) }
			: null;
	});
}

/** The titles of a rubric's criteria, by criterion id (empty when there is no such rubric). */
export function criterionTitles(
	db: Db,
	rubricId: string,
	locale: ContentLocale
): ReadonlyMap<string, string> {
	return builtFromContentItem(
		db,
		`criterion-titles:${locale}:${rubricId}`,
		() =>
			new Map(
				findContent(db, 'rubric', rubricId, locale)?.data.criteria.map((c) => [c.id, c.title]) ?? []
			)
	);
}
