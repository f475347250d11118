import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { navigationFor } from '$lib/access';
import { requireUser } from '$lib/server/auth/guards';

export const load: LayoutServerLoad = (event) => {
	const user = requireUser(event);
	// Reading route.id makes this load run again on every client-side navigation, so the refusal
	// decided in hooks.server.ts (handleAccess) shows as the 403 page however the page is reached.
	if (event.route.id && event.locals.forbidden) error(403, 'Forbidden');
	return { nav: navigationFor(user.roles) };
};
