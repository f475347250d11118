import type { Db } from '../db/index';
import { listContentFields } from '../content/store';
import type { ContentKind, ContentLocale } from '$lib/engine/content/index';
import type { PlanProgress } from '$lib/engine/training/plan';

const KIND_OF_MODULE = {
	read: 'article',
	scripts: 'script',
	quiz: 'quiz',
	drill: 'scenario',
	scenario: 'scenario',
	signoff: 'scenario'
} as const satisfies Record<string, ContentKind>;

/** Titles of every item a plan links to, so a page can name them. */
export function planItemTitles(
	db: Db,
	progress: PlanProgress,
	locale: ContentLocale
): Record<string, string> {
	const titles: Record<string, string> = {};
	const kinds = new Set(progress.days.flatMap((d) => d.modules.map((m) => KIND_OF_MODULE[m.type])));
	for (const kind of kinds)
		for (const item of listContentFields(db, kind, locale, ['title']))
			titles[`${kind}:${item.id}`] = item.title;
	const named: Record<string, string> = {};
	for (const module of progress.days.flatMap((d) => d.modules)) {
		for (const id of module.items)
			named[`${module.type}:${id}`] = titles[`${KIND_OF_MODULE[module.type]}:${id}`] ?? id;
	}
	return named;
}
