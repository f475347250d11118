import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { followedReps, WEAK_SPOTS_PER_PAGE, weakSpots } from '$lib/server/team/dashboard';
import { pageOf } from '$lib/pages';
import { contentLocale } from '$lib/server/content/locale';
import { cellsInOrder } from '$lib/engine/reports/weak-spots';
import { serverRendered } from '$lib/server-rendered';

// A table to read, with links and no script of its own: rendered on the server only, so that no
// copy of its data is sent for hydration (hundreds of cells): see $lib/server-rendered.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const locale = contentLocale();
	const followed = followedReps(db, user);
	const { items: reps, pager } = pageOf(
		followed,
		WEAK_SPOTS_PER_PAGE,
		event.url.searchParams.get('page')
	);
	// Cells and suggestions for this page's reps only; the columns are fixed by the content.
	const spots = weakSpots(db, followed, locale, reps);
	const title = (kind: 'scenario' | 'script', id: string | null) =>
		id ? (spots.titles.get(`${kind}:${id}`) ?? id) : null;
	return {
		view: serverRendered({
			reps: reps.map((rep) => ({
				id: rep.id,
				name: rep.name,
				// Cells in the order of the columns, as [average, replies]: the page carries hundreds of them.
				categories: cellsInOrder(spots.byCategory.get(rep.id), spots.categories),
				criteria: cellsInOrder(spots.byCriterion.get(rep.id), spots.criteria),
				suggestion: (() => {
					const s = spots.suggestions.get(rep.id);
					return s
						? {
								...s,
								scenarioTitle: title('scenario', s.scenarioId),
								scriptTitle: title('script', s.scriptId)
							}
						: null;
				})()
			})),
			anyPractice: spots.anyPractice,
			categories: spots.categories,
			criteria: spots.criteria,
			criterionTitles: Object.fromEntries(spots.criterionTitles),
			pager,
			repCount: followed.length
		})
	};
};
