import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listUsers } from '$lib/server/accounts/users';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const query = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	return {
		query,
		users: listUsers(getDb(), query),
		deleted: event.url.searchParams.get('deleted') === '1'
	};
};
