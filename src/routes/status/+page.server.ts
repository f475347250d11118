import type { Actions } from './$types';
import { readForm } from '$lib/server/forms';

export const actions: Actions = {
	/**
	 * A form post that reads its form and changes nothing: a monitor can check that posts get
	 * through (the origin check, the body), and the benchmarks compare a role-play turn with it,
	 * since it costs exactly what any signed-in form post costs before the action's own work.
	 */
	ping: async ({ request }) => {
		await readForm({ request });
		return { ok: true };
	}
};
