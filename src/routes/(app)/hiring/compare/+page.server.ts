import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { COMPARISON_SORTS, comparisonPage, type ComparisonSort } from '$lib/server/hiring/hiring';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const params = event.url.searchParams;
	const requested = params.get('sort') as ComparisonSort;
	const sort: ComparisonSort = COMPARISON_SORTS.includes(requested) ? requested : 'score';
	const { positions, position, rows, total, pager } = comparisonPage(getDb(), user, {
		position: params.get('position'),
		sort,
		page: params.get('page')
	});
	return { positions, position, sort, total, pager, rows };
};
