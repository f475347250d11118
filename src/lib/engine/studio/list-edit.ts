/**
 * Reordering a list in a form, and keeping numbers that point into it right. Quiz files point at
 * options and classes by their place (1 = the first), so a moved or removed entry must carry its
 * pointers along, or the right answer would silently become another one.
 */

/** Moves the entry at `from` to `to` (0-based), in place. */
export function moveEntry<T>(list: T[], from: number, to: number): void {
	if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return;
	const [entry] = list.splice(from, 1);
	list.splice(to, 0, entry as T);
}

/** Where a 1-based pointer into a list points after its entry at `from` moved to `to` (0-based). */
export function followMove<R extends number | null | undefined>(
	ref: R,
	from: number,
	to: number
): R | number {
	if (typeof ref !== 'number') return ref;
	const at = ref - 1;
	if (at === from) return to + 1;
	if (from < at && at <= to) return ref - 1;
	if (to <= at && at < from) return ref + 1;
	return ref;
}

/** Where a 1-based pointer points after the entry at `at` (0-based) was removed: null if it pointed there. */
export function followRemove<R extends number | null | undefined>(
	ref: R,
	at: number
): R | number | null {
	if (typeof ref !== 'number') return ref;
	if (ref - 1 === at) return null;
	return ref - 1 > at ? ref - 1 : ref;
}
