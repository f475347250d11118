import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { countUsers } from '$lib/server/accounts/users';
import { listPendingAccountTokens } from '$lib/server/auth/account-tokens';
import { listTeams } from '$lib/server/accounts/teams';
import { anyText, parseForm, readForm } from '$lib/server/forms';
import { retentionDays, setRetentionDays } from '$lib/server/practice/recordings';
import { parseRetentionDays } from '$lib/engine/voice/recording';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	return {
		users: countUsers(db),
		invites: listPendingAccountTokens(db, 'invite').length,
		teams: listTeams(db).length,
		retentionDays: retentionDays(db)
	};
};

export const actions: Actions = {
	/** How many days call recordings are kept (the sweep deletes older ones at start and daily). */
	retention: async (event) => {
		requireRole(event, 'admin');
		// The typed text goes back with the problem: the field never fails, the engine's rule checks it.
		const { days: typed } = parseForm(await readForm(event), { days: anyText }).value;
		const days = parseRetentionDays(typed);
		if (days === null) return fail(400, { retentionInvalid: true, days: typed });
		setRetentionDays(getDb(), days);
		return { retentionSaved: days };
	}
};
