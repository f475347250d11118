import type { ContentKind } from '$lib/engine/content/kinds';

/** The kinds the studio can edit as a form; every kind can always be edited as its file. */
export const FORM_KINDS: readonly ContentKind[] = [
	'article',
	'script',
	'scenario',
	'rubric',
	'quiz',
	'curriculum',
	'lexicon',
	'series'
];

export function hasForm(kind: ContentKind): boolean {
	return FORM_KINDS.includes(kind);
}
