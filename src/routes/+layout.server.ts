import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user && {
		name: locals.user.name,
		email: locals.user.email,
		roles: locals.user.roles
	};
	return { user, demo: locals.demo, locale: getLocale() };
};
