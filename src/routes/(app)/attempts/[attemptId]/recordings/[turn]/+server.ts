import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findAttempt } from '$lib/server/practice/attempts';
import {
	mayHearRecordings,
	readRecordingFile,
	recordingOfTurn,
	recordingsFolder
} from '$lib/server/practice/recordings';

/**
 * A recorded reply, for whoever may read its attempt's transcript (`mayHearRecordings`: a rep and
 * their coaches, the managers who may see a candidate's interview): anyone else gets the same 404
 * as for a recording that does not exist. Served as the type its bytes were found to be, never
 * cached by anyone but the reader's own browser.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const attempt = findAttempt(db, event.params.attemptId);
	if (!attempt || !mayHearRecordings(db, user, attempt)) error(404, 'Not found');
	const turn = /^\d{1,4}$/.test(event.params.turn) ? Number(event.params.turn) : -1;
	const recording = recordingOfTurn(db, attempt.id, turn);
	const bytes = recording && (await readRecordingFile(recordingsFolder(), recording.id));
	if (!recording || !bytes) error(404, 'Not found');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': recording.mime,
			'content-length': String(bytes.length),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
