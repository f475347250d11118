import { getLocale } from '$lib/paraglide/runtime.js';
import type { ContentLocale } from '$lib/engine/content/index';

/** The locale to show content in: the request's UI language. */
export function contentLocale(): ContentLocale {
	return getLocale();
}
