// For tests only: a route's form action reached as a browser reaches it.
import type { SessionUser } from '../auth/session';

/**
 * Posts `form` to `action` at `path` (with `?/name`) as `user`, with the page's own origin, and
 * returns the action's answer, a thrown redirect or error included. A string is posted as
 * text/plain: a body that is not a form at all; FormData as multipart (a file upload).
 */
export async function postToAction(
	action: (event: never) => unknown,
	request: {
		path: string;
		user: SessionUser;
		params: Record<string, string>;
		form: Record<string, string> | string | FormData;
		/** Extra request headers (a declared content-length, say). */
		headers?: Record<string, string>;
	}
): Promise<unknown> {
	const url = new URL(`http://localhost${request.path}`);
	const { form } = request;
	const body =
		typeof form === 'string' || form instanceof FormData ? form : new URLSearchParams(form);
	const posted = new Request(url, {
		method: 'POST',
		body,
		headers: {
			origin: url.origin,
			...(typeof form === 'string' ? { 'content-type': 'text/plain' } : {}),
			...request.headers
		}
	});
	try {
		return await action({
			locals: { user: request.user, session: null },
			url,
			params: request.params,
			request: posted
		} as never);
	} catch (thrown) {
		return thrown;
	}
}

/** The HTTP status an action's answer carries (a failure, a redirect or an error). */
export const statusOf = (answer: unknown): number | undefined =>
	(answer as { status?: number }).status;
