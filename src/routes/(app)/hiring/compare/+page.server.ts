import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import {
	COMPARISON_SORTS,
	comparisonPage,
	type ComparisonSort
} from '$lib/server/hiring/comparison';
import { formerProductsOf } from '$lib/server/hiring/hiring';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const params = event.url.searchParams;
	const requested = params.get('sort') as ComparisonSort;
	const sort: ComparisonSort = COMPARISON_SORTS.includes(requested) ? requested : 'score';
	const db = getDb();
	const { positions, position, rows, total, pager } = comparisonPage(db, user, {
		position: params.get('position'),
		sort,
		page: params.get('page')
	});
	// What each candidate sold before, for the rows of the handbook's role-play (the page's rows only).
	const formerProducts = formerProductsOf(
		db,
		rows.map(([interviewId]) => interviewId)
	);
	return { positions, position, sort, total, pager, rows, formerProducts };
};
