import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getRequestEvent } from '$app/server';
import { baseLocale, extractLocaleFromRequest, overwriteGetLocale } from '$lib/paraglide/runtime';
import { decideAccess, isEndpoint } from '$lib/access';
import { getDb } from '$lib/server/db';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { loginUrl } from '$lib/server/auth/guards';
import { bootstrapInstance } from '$lib/server/bootstrap';
import { isDemoInstance } from '$lib/server/settings';
import { recordingsFolder, startRecordingSweeps } from '$lib/server/practice/recordings';

export const init: ServerInit = async () => {
	await bootstrapInstance(getDb(), process.env, console.log);
	startRecordingSweeps(getDb(), recordingsFolder(), console.log);
};

// The request's language (cookie, then Accept-Language, then English) is read once per request and
// kept on the event; messages rendered on the server read it from there. Paraglide's own middleware
// would also do this, but it copies every request, body and all, to support languages in URLs,
// which this app does not use: on a role-play turn that copy was a measurable share of the work.
overwriteGetLocale(() => {
	try {
		return getRequestEvent().locals.locale;
	} catch {
		return baseLocale; // outside a request: start-up messages
	}
});

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	event.locals.locale = locale;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
	});
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const secure = event.url.protocol === 'https:';
	event.locals.user = null;
	event.locals.session = null;
	event.locals.forbidden = false;
	if (token) {
		const { session, user } = validateSessionToken(getDb(), token);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt, secure);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	event.locals.demo = isDemoInstance(getDb());
	return resolve(event);
};

/**
 * Enforces the access table of `$lib/access` for every request, before any load or action runs.
 * A page a user may not see still renders, as the translated 403 page: the (app) layout's load
 * throws it (errors thrown here would get Kit's bare fallback page instead).
 */
const handleAccess: Handle = ({ event, resolve }) => {
	const decision = decideAccess(event.route.id, event.locals.user?.roles ?? null);
	if (decision === 'login')
		return new Response(null, { status: 303, headers: { location: loginUrl(event.url) } });
	if (decision === 'home') return new Response(null, { status: 303, headers: { location: '/' } });
	if (decision === 'forbidden') {
		// Only pages inside (app) have a layout that renders the refusal; anything else gets it bare.
		const isPageView =
			(event.request.method === 'GET' || event.request.method === 'HEAD') &&
			!isEndpoint(event.route.id) &&
			event.route.id?.startsWith('/(app)') === true;
		if (!isPageView)
			return new Response('Forbidden', { status: 403, headers: { 'content-type': 'text/plain' } });
		event.locals.forbidden = true;
	}
	// 'not-found' falls through: Kit answers 404 itself.
	return resolve(event);
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), geolocation=(), microphone=(self)');
	// A candidate's page holds their name, transcript and link: kept by no cache, like signed-in pages.
	if (event.locals.user || /^\/try(\/|$)/.test(event.url.pathname))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(handleSecurityHeaders, handleLocale, handleSession, handleAccess);

export const handleError: HandleServerError = ({ error: cause, event, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) console.error(`[${id}] ${event.request.method} ${event.url.pathname}:`, cause);
	// Users see a reference they can quote, never the internals.
	return { message: status >= 500 ? 'Internal Error' : message, id };
};
