import { getLocale } from '$lib/paraglide/runtime';
import type { ContentLocale } from '$lib/engine/content';

/** The locale to show content in: the request's UI language. */
export function contentLocale(): ContentLocale {
	return getLocale();
}
