import type { Db } from '../db/index';
import { listContentFields } from '../content/store';
import { MODULE_ITEM_KIND, type ContentLocale } from '$lib/engine/content/index';
import type { PlanProgress } from '$lib/engine/training/plan';

/** Titles of every item a plan links to, so a page can name them. */
export function planItemTitles(
	db: Db,
	progress: PlanProgress,
	locale: ContentLocale
): Record<string, string> {
	const titles: Record<string, string> = {};
	const kinds = new Set(
		progress.days.flatMap((d) => d.modules.map((m) => MODULE_ITEM_KIND[m.type]))
	);
	for (const kind of kinds)
		for (const item of listContentFields(db, kind, locale, ['title']))
			titles[`${kind}:${item.id}`] = item.title;
	const named: Record<string, string> = {};
	for (const module of progress.days.flatMap((d) => d.modules)) {
		for (const id of module.items)
			named[`${module.type}:${id}`] = titles[`${MODULE_ITEM_KIND[module.type]}:${id}`] ?? id;
	}
	return named;
}
