// A large content library made from the demo pack: variants of its script entries, articles and
// scenarios, in both languages under the same ids, so that everything stays valid and playable
// (the same checks as content:check pass on them) while search and lists meet realistic text.
import type { ContentItem, ContentKind, ContentLocale } from '../src/lib/engine/content';
import { pick, type Random } from './random';

/** Scenario variants stop after this many copies: a library holds far more entries than role-plays. */
const SCENARIO_COPIES = 24;
const VARIED_KINDS: readonly ContentKind[] = ['script', 'article', 'scenario'];

function variantTitle(title: string, locale: ContentLocale, copy: number): string {
	return locale === 'en' ? `${title} (variant ${copy})` : `${title}(版本 ${copy})`;
}

/**
 * The demo items plus variants until there are `total` items. A variant keeps its original's
 * fields and references (which always exist) under a new id and title; its Markdown body mixes
 * the original's opening with paragraphs from other items of its language.
 */
export function contentVariants(
	base: readonly ContentItem[],
	total: number,
	next: Random
): ContentItem[] {
	const out: ContentItem[] = [...base];
	const paragraphs = new Map<ContentLocale, string[]>();
	for (const item of base) {
		const list = paragraphs.get(item.locale) ?? [];
		list.push(...item.body.split('\n\n').filter((p) => p.trim().length > 20 && !p.startsWith('#')));
		paragraphs.set(item.locale, list);
	}
	const byId = new Map<string, ContentItem[]>();
	for (const item of base) {
		if (!VARIED_KINDS.includes(item.kind)) continue;
		byId.set(`${item.kind}:${item.id}`, [...(byId.get(`${item.kind}:${item.id}`) ?? []), item]);
	}
	const groups = [...byId.values()].sort(
		(a, b) =>
			VARIED_KINDS.indexOf(a[0]!.kind) - VARIED_KINDS.indexOf(b[0]!.kind) ||
			a[0]!.id.localeCompare(b[0]!.id)
	);
	for (let copy = 1; out.length < total; copy++) {
		const before = out.length;
		for (const group of groups) {
			if (group[0]!.kind === 'scenario' && copy > SCENARIO_COPIES) continue;
			// A whole group or nothing: an id exists in every language its original does.
			if (out.length + group.length > total) continue;
			for (const item of group)
				out.push(variantOf(item, copy, paragraphs.get(item.locale) ?? [], next));
		}
		if (out.length === before) break; // what is left is smaller than any group
	}
	return out;
}

function variantOf(
	item: ContentItem,
	copy: number,
	paragraphs: readonly string[],
	next: Random
): ContentItem {
	const id = `${item.id}-${copy}`;
	const title = variantTitle(item.data.title, item.locale, copy);
	const opening = item.body.split('\n\n').slice(0, 2);
	const body = item.body
		? [...opening, ...Array.from({ length: 4 }, () => pick(next, paragraphs))].join('\n\n')
		: '';
	return { ...item, id, body, data: { ...item.data, id, title } } as ContentItem;
}
