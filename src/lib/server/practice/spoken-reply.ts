import type { ReplyInput } from '../../engine/scenario';
import {
	RECORDING_MAX_BYTES,
	checkRecording,
	parseVoicedSpans,
	type RecordingProblem
} from '../../engine/voice/recording';
import { isBlank, textField } from '../forms';
import {
	recordingsFolder,
	removeRecordingFile,
	writeRecordingFile,
	type StoredFile
} from './recordings';
import { transcribe, transcriptionServer } from './transcribe';
import type { TurnOutcome } from './turns';

/*
 * A call-mode turn's recording as a reply form posts it (`audio`, `durationMs`, `voiced`), the same
 * for a rep's role-play and an online candidate's: checked, transcribed on the organisation's server
 * when there is one, and written to disk for the turn to take along.
 */

/** What a reply's form holds besides its recording: the reply's text and a few small fields. */
const FORM_ROOM_BYTES = 32 * 1024;

export type SpokenReplyProblem =
	RecordingProblem | 'recording-not-allowed' | 'transcription-failed';

/**
 * Whether the request declares a body larger than a recording and its form may be: refused before
 * the body is read.
 */
export function declaresTooLarge(request: Request): boolean {
	const declared = Number(request.headers.get('content-length') ?? 0);
	return declared > RECORDING_MAX_BYTES + FORM_ROOM_BYTES;
}

/**
 * The turn's reply with its recording, if the form carries one (`audio`, as `readFormWithFile`
 * read it, with the form's other fields in `data`). `typed` is the reply as typed or
 * chosen; `mayRecord` whether this role-play is in call mode and its speaker agreed to be
 * recorded; `locale` the scenario's, told to the transcription server. Transcribed there, the spoken
 * words are the reply; if the server cannot say them, what was typed is, and with nothing typed the
 * speaker is asked to type. A refusal carries the typed reply back for the form.
 */
export async function readSpokenReply(
	data: FormData,
	audio: Uint8Array | null,
	typed: ReplyInput,
	mayRecord: () => boolean,
	locale: () => string
): Promise<
	| { ok: true; input: ReplyInput; recording: StoredFile | null }
	| { ok: false; status: number; problem: SpokenReplyProblem; reply: string }
> {
	if (!audio || audio.length === 0) return { ok: true, input: typed, recording: null };
	const reply = typed.mode === 'text' ? typed.reply : '';
	if (!mayRecord()) return { ok: false, status: 400, problem: 'recording-not-allowed', reply };
	const bytes = audio;
	const checked = checkRecording(bytes, Number(textField(data, 'durationMs')));
	if (!checked.ok) return { ok: false, status: 400, problem: checked.problem, reply };
	// The file is written while the transcription server listens: the turn waits for the slower.
	// Its outcome is caught at once, so that a failed write waits for the words without going
	// unhandled.
	const folder = recordingsFolder();
	const writing = writeRecordingFile(
		folder,
		bytes,
		checked.type,
		checked.durationMs,
		parseVoicedSpans(textField(data, 'voiced'), checked.durationMs)
	).then(
		(file) => ({ file }),
		(cause: unknown) => ({ file: null, cause })
	);
	const server = transcriptionServer();
	const heard = server && (await transcribe(server, bytes, checked.type, locale()));
	const written = await writing;
	if (!heard && server && isBlank(reply)) {
		// Nothing to score: the file written for it goes.
		if (written.file) await removeRecordingFile(folder, written.file.id);
		return { ok: false, status: 502, problem: 'transcription-failed', reply };
	}
	if (!written.file) throw written.cause;
	return {
		ok: true,
		input: heard ? { mode: 'text', reply: heard } : typed,
		recording: written.file
	};
}

/** A refused turn keeps no recording: its file, written before the turn was tried, goes. */
export async function dropRecordingIfRefused(
	outcome: TurnOutcome,
	recording: StoredFile | null
): Promise<void> {
	if (!outcome.ok && recording) await removeRecordingFile(recordingsFolder(), recording.id);
}
