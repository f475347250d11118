import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { countUsers } from '$lib/server/accounts/users';
import { listPendingAccountTokens } from '$lib/server/auth/account-tokens';
import { listTeams } from '$lib/server/accounts/teams';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	return {
		users: countUsers(db),
		invites: listPendingAccountTokens(db, 'invite').length,
		teams: listTeams(db).length
	};
};
