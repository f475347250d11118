import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { exportUserDataFor } from '$lib/server/accounts/user-data';

/** Everything stored about a user, as a JSON download (a data-subject access request). */
export const GET: RequestHandler = (event) => {
	const admin = requireRole(event, 'admin');
	const data = exportUserDataFor(getDb(), admin.id, event.params.id);
	if (!data) error(404, 'Not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="user-${event.params.id}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
