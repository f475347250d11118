import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { comparePosition, listPositions } from '$lib/server/hiring';

const SORTS = ['score', 'spread', 'candidate', 'date'] as const;
type Sort = (typeof SORTS)[number];

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const positions = listPositions(db, user);
	const position = event.url.searchParams.get('position') ?? positions[0] ?? '';
	const requested = event.url.searchParams.get('sort') as Sort;
	const sort: Sort = SORTS.includes(requested) ? requested : 'score';
	const rows = position ? comparePosition(db, user, position) : [];
	// Sorted on the server, so the table sorts without JavaScript too.
	rows.sort((a, b) =>
		sort === 'candidate' ? a.candidate.localeCompare(b.candidate) : sort === 'date' ? b.scheduledAt.getTime() - a.scheduledAt.getTime() : sort === 'spread' ? a.spread - b.spread : (b.score ?? -1) - (a.score ?? -1)
	);
	// Every row is of the chosen position: the page does not need it again on each.
	return { positions, position, sort, rows: rows.map(({ position: _position, ...row }) => row) };
};
