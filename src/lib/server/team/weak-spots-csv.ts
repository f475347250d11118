import type { WeakSpots } from './dashboard';
import { scriptCategoryLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages.js';

type Locale = 'en' | 'zh-TW';

/**
 * The weak-spot heatmaps as one table, the objection categories then the rubric criteria: each
 * column headed by its heatmap and its column's title in the reader's language, as the page heads
 * them (an id only where the content gives no title), and a row per rep.
 */
export function weakSpotsTable(spots: WeakSpots, locale: Locale): (string | number | null)[][] {
	const options = { locale };
	const heading = (heatmap: string, title: string): string =>
		`${heatmap}${m.colon({}, options)}${title}`;
	return [
		[
			m.dashboard_rep({}, options),
			...spots.categories.map((c) =>
				heading(m.weak_by_category({}, options), scriptCategoryLabel(c, locale))
			),
			...spots.criteria.map((c) =>
				heading(m.weak_by_criterion({}, options), spots.criterionTitles.get(c) ?? c)
			)
		],
		...spots.reps.map((rep) => [
			rep.name,
			...spots.categories.map((c) => spots.byCategory.get(rep.id)?.get(c)?.average ?? null),
			...spots.criteria.map((c) => spots.byCriterion.get(rep.id)?.get(c)?.average ?? null)
		])
	];
}
