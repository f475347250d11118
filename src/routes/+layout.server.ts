import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user && { name: locals.user.name, email: locals.user.email, roles: locals.user.roles };
	return { user, demo: locals.demo };
};
