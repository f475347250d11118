import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { COMPARISON_SORTS, comparisonPage, listPositions, type ComparisonSort } from '$lib/server/hiring';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const positions = listPositions(db, user);
	const position = event.url.searchParams.get('position') ?? positions[0] ?? '';
	const requested = event.url.searchParams.get('sort') as ComparisonSort;
	const sort: ComparisonSort = COMPARISON_SORTS.includes(requested) ? requested : 'score';
	const { rows, total, pager } = comparisonPage(db, user, position, sort, event.url.searchParams.get('page'));
	// Every row is of the chosen position: the page does not need it again on each.
	return { positions, position, sort, total, pager, rows: rows.map(({ position: _position, ...row }) => row) };
};
