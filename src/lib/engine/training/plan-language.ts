import type { ContentLocale } from '../content/kinds';
import type { Curriculum } from '../content/schemas';

/** A plan as one reader sees it: its words, and the language they are in. */
export interface ShownPlan {
	curriculum: Curriculum;
	locale: ContentLocale;
}

/**
 * Whether two plans have the same modules in the same places: as many days, as many modules on
 * each day, and each module of the same type with the same items. Progress is keyed by a module's
 * place (`moduleKey`: day and index) and counted from its items, which are ids shared by every
 * language; so two plans of this shape complete the same modules from the same work.
 */
export function samePlanShape(a: Pick<Curriculum, 'days'>, b: Pick<Curriculum, 'days'>): boolean {
	return (
		a.days.length === b.days.length &&
		a.days.every((day, d) => {
			const other = b.days[d]!.modules;
			return (
				day.modules.length === other.length &&
				day.modules.every(
					(module, m) => module.type === other[m]!.type && sameItems(module.items, other[m]!.items)
				)
			);
		})
	);
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The plan a cohort's member reads, in `wanted` (their language) when it can be, else in the
 * cohort's own.
 *
 * A cohort keeps the plan as it was when it started, in the language it was started in (`plan`),
 * so that later edits move nobody's plan. `translation` is the same curriculum (same id) in
 * `wanted`, as published now. Its words are taken (the plan's title, each day's and module's
 * title) only when it has the started plan's shape (see `samePlanShape`); everything else —
 * the structure, items, pass marks, modes, rubrics — stays the started plan's. So progress is
 * the same whichever language is shown. A translation of another shape (one language edited
 * since, or never kept in step) is not used: a reader then sees the cohort's language rather
 * than modules that would not match their progress.
 */
export function planInLanguage(
	plan: Curriculum,
	planLocale: ContentLocale,
	wanted: ContentLocale,
	translation: { locale: ContentLocale; data: Curriculum } | undefined
): ShownPlan {
	if (
		wanted === planLocale ||
		!translation ||
		translation.locale !== wanted ||
		translation.data.id !== plan.id ||
		!samePlanShape(plan, translation.data)
	) {
		return { curriculum: plan, locale: planLocale };
	}
	const words = translation.data;
	return {
		locale: wanted,
		curriculum: {
			...plan,
			title: words.title,
			days: plan.days.map((day, d) => ({
				...day,
				title: words.days[d]!.title,
				modules: day.modules.map((module, m) => ({
					...module,
					title: words.days[d]!.modules[m]!.title
				}))
			}))
		}
	};
}
