import { redirect, type RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';

export const POST: RequestHandler = ({ locals, cookies, url }) => {
	if (locals.session) invalidateSession(getDb(), locals.session.id);
	deleteSessionCookie(cookies, url.protocol === 'https:');
	redirect(303, '/login');
};
