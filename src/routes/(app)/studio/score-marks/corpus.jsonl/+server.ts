import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { acceptedMarksAsCorpus } from '$lib/server/practice/score-marks';

/** The accepted score marks as graded-corpus lines, to add to scoring/corpus/. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'trainer', 'admin');
	return new Response(acceptedMarksAsCorpus(getDb()), {
		headers: {
			'content-type': 'application/x-ndjson; charset=utf-8',
			'content-disposition': 'attachment; filename="score-marks.jsonl"',
			'cache-control': 'no-store'
		}
	});
};
