import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { checkText, insightsOf, isContentKind } from '$lib/server/content/studio';
import { isLocale } from '$lib/roles';
import { MAX_FILE_CHARS, type ContentKind } from '$lib/engine/content';

/** Validation as the trainer types: the same checks as publishing, nothing saved; with the preview or graph. Problems keep their codes and values, which the page words. */
export const POST: RequestHandler = async (event) => {
	requireRole(event, 'trainer', 'admin');
	const body = (await event.request.json().catch(() => null)) as {
		kind?: string;
		locale?: string;
		id?: string;
		text?: string;
	} | null;
	if (
		!body ||
		!isContentKind(body.kind ?? '') ||
		!isLocale(body.locale) ||
		typeof body.id !== 'string' ||
		typeof body.text !== 'string' ||
		body.text.length > MAX_FILE_CHARS
	)
		error(400, 'Bad request');
	const kind = body.kind as ContentKind;
	const db = getDb();
	const { problems, warnings } = await checkText(db, kind, body.locale, body.id, body.text);
	return json({
		problems,
		warnings,
		...(await insightsOf(db, kind, body.locale, body.id, body.text, problems))
	});
};
