import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, route }) => {
	// Reading route.id makes this load run again on every client-side navigation, so the refusal
	// decided in hooks.server.ts (handleAccess) is shown whichever way the page is reached.
	if (route.id && locals.forbidden) error(403, 'Forbidden');
	const user = locals.user && { name: locals.user.name, email: locals.user.email, roles: locals.user.roles };
	return { user, demo: locals.demo };
};
