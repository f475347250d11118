/** Where a list stands when shown a page at a time. */
export interface Pager {
	/** 1-based. */
	current: number;
	total: number;
}

/**
 * Which page of `count` items to show, and where it starts: for lists that are cut where they are
 * read (`LIMIT`/`OFFSET`). The requested page comes from the address (`?page=`), so anything that
 * is not a page number in range shows the nearest page that exists.
 */
export function pageAt(
	count: number,
	perPage: number,
	requested: string | null
): { offset: number; limit: number; pager: Pager } {
	const total = Math.max(1, Math.ceil(count / perPage));
	const wanted = Number.parseInt(requested ?? '1', 10);
	const current = Number.isFinite(wanted) ? Math.min(total, Math.max(1, wanted)) : 1;
	// (On page 1 as such: a whole list, `perPage` Infinity, would otherwise start at 0 × Infinity.)
	return {
		offset: current > 1 ? (current - 1) * perPage : 0,
		limit: perPage,
		pager: { current, total }
	};
}

/** One page of a list that is already in hand. */
export function pageOf<T>(
	items: readonly T[],
	perPage: number,
	requested: string | null
): { items: T[]; pager: Pager } {
	const { offset, limit, pager } = pageAt(items.length, perPage, requested);
	return { items: items.slice(offset, offset + limit), pager };
}
