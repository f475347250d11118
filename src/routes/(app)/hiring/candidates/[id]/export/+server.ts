import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import {
	candidateDataAccess,
	exportCandidateDataFor,
	exportHeldBack
} from '$lib/server/hiring/candidate-data';

/** Everything stored about a candidate, as a JSON download (a data-subject access request). */
export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const access = candidateDataAccess(db, user, event.params.id);
	if (access === 'none') error(404, 'Not found');
	if (access === 'partial') error(403, 'Forbidden');
	if (exportHeldBack(db, user, event.params.id)) error(409, m.candidate_export_held());
	const data = exportCandidateDataFor(db, user.id, event.params.id);
	if (!data) error(404, 'Not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="candidate-${event.params.id}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
