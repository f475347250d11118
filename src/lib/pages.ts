/** Where a list stands when shown a page at a time. */
export interface Pager {
	/** 1-based. */
	current: number;
	total: number;
}

/**
 * One page of a list. The requested page comes from the address (`?page=`), so anything that is
 * not a page number in range shows the nearest page that exists.
 */
export function pageOf<T>(items: readonly T[], perPage: number, requested: string | null): { items: T[]; pager: Pager } {
	const total = Math.max(1, Math.ceil(items.length / perPage));
	const wanted = Number.parseInt(requested ?? '1', 10);
	const current = Number.isFinite(wanted) ? Math.min(total, Math.max(1, wanted)) : 1;
	return { items: items.slice((current - 1) * perPage, current * perPage), pager: { current, total } };
}
