import { isOneOf } from '../one-of';
import {
	CONTENT_KINDS,
	CONTENT_LOCALES,
	type ContentKind,
	type ContentLocale
} from '../content/kinds';

/**
 * What a trainer ticked for download: whole kinds, languages, and single items. An item is in the
 * selection when it was ticked, or when it matches the ticked kinds and languages (a kind alone
 * means both languages; a language alone means every kind). Nothing ticked means everything.
 */
export interface ExportSelection {
	kinds: ContentKind[];
	locales: ContentLocale[];
	items: { kind: ContentKind; locale: ContentLocale; id: string }[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isKind = (value: string): value is ContentKind => Object.hasOwn(CONTENT_KINDS, value);
const isLocale = (value: string): value is ContentLocale => isOneOf(CONTENT_LOCALES, value);

/** Reads `?kind=quiz&locale=en&item=rubric:en:hiring-roleplay`; anything else is ignored. */
export function parseExportSelection(params: URLSearchParams): ExportSelection {
	const items: ExportSelection['items'] = [];
	for (const value of params.getAll('item')) {
		const [kind = '', locale = '', id = '', ...rest] = value.split(':');
		if (rest.length === 0 && isKind(kind) && isLocale(locale) && ID.test(id) && id.length <= 80)
			items.push({ kind, locale, id });
	}
	return {
		kinds: [...new Set(params.getAll('kind').filter(isKind))],
		locales: [...new Set(params.getAll('locale').filter(isLocale))],
		items
	};
}

/** The value of an item's checkbox: what `parseExportSelection` reads back. */
export function selectionKey(item: {
	kind: ContentKind;
	locale: ContentLocale;
	id: string;
}): string {
	return `${item.kind}:${item.locale}:${item.id}`;
}

export function isSelected(
	selection: ExportSelection,
	item: { kind: ContentKind; locale: ContentLocale; id: string }
): boolean {
	const { kinds, locales, items } = selection;
	if (kinds.length === 0 && locales.length === 0 && items.length === 0) return true;
	if (
		items.some(
			(ticked) =>
				ticked.kind === item.kind && ticked.locale === item.locale && ticked.id === item.id
		)
	)
		return true;
	if (kinds.length === 0 && locales.length === 0) return false;
	return (
		(kinds.length === 0 || kinds.includes(item.kind)) &&
		(locales.length === 0 || locales.includes(item.locale))
	);
}
