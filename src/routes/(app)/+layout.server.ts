import type { LayoutServerLoad } from './$types';
import { navigationFor } from '$lib/access';
import { requireUser } from '$lib/server/auth/guards';

export const load: LayoutServerLoad = (event) => {
	const user = requireUser(event);
	return { nav: navigationFor(user.roles) };
};
