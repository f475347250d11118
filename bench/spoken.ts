// A call-mode turn with its recording (issue #21): the reply form's multipart post with a
// 20-second reply, answered by the fake transcription server the voice e2e uses, then stored and
// scored; and the disk those recordings take, measured from the files the run wrote. The reply is
// sent as a browser sends it, WebM/Opus at the page's bit rate (a committed fixture Chromium's
// MediaRecorder made: `npx tsx scripts/bench-webm-fixture.ts`), and as the WAV the server takes too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RECORDING_MAX_BYTES } from '../src/lib/engine/voice/recording';
import { fixturePath } from '../tests/e2e/fake-transcriber';
import { runLoad, type LoadResult } from './load';

/** The recording's length, as the performance target says. */
const RECORDING_SECONDS = 20;
/**
 * 8 kHz 16-bit mono: 20 s take 320 kB, under the server's 480 kB limit (the espeak-ng fixtures'
 * 22,050 Hz would take 882 kB, and none of them lasts 20 s).
 */
const SAMPLE_RATE = 8000;
const PAUSE_SECONDS = 0.6;
/** The fixture whose speech is repeated: the bench's turns are in an English scenario. */
const SPEECH_FIXTURE = 'en-reply.wav';
export const SPOKEN_TURN_P95_MS = 200;
/** A practising rep's own voice in an hour of practice: the customer speaks and the rep reads too. */
const SPEAKING_SHARE = 1 / 3;

export interface SpokenRecording {
	/** What the rows call it. */
	label: string;
	/** Whether the p95 target is measured on it (the browser's WebM), or it is there for reference. */
	target: boolean;
	type: 'audio/webm' | 'audio/wav';
	bytes: Uint8Array;
	durationMs: number;
	/** Where the speech is, as the browser would post it (`voiced`). */
	voiced: { start: number; end: number }[];
}

/** The 16-bit mono samples of a PCM WAV file and their rate. */
function readWav(bytes: Buffer): { samples: Int16Array; rate: number } {
	let rate = 0;
	for (let at = 12; at + 8 <= bytes.length;) {
		const id = bytes.toString('latin1', at, at + 4);
		const size = bytes.readUInt32LE(at + 4);
		if (id === 'fmt ') {
			if (bytes.readUInt16LE(at + 10) !== 1 || bytes.readUInt16LE(at + 22) !== 16)
				throw new Error('the speech fixture is not 16-bit mono PCM');
			rate = bytes.readUInt32LE(at + 12);
		} else if (id === 'data') {
			const data = bytes.subarray(at + 8, at + 8 + size);
			const samples = new Int16Array(data.length >> 1);
			for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2);
			return { samples, rate };
		}
		at += 8 + size + (size & 1);
	}
	throw new Error('the speech fixture has no data chunk');
}

/** The committed WebM/Opus fixture: `spokenWav()` recorded by Chromium's MediaRecorder. */
export const SPOKEN_WEBM_FIXTURE = 'bench-reply-20s.webm';

/**
 * A 20-second reply made of the committed espeak-ng fixture, resampled to 8 kHz and said again
 * after short pauses until the 20 seconds are full: speech rather than a tone, and the pauses the
 * voiced spans describe. Made at run time, so a fresh clone needs nothing beyond the fixtures.
 */
export function spokenWav(): SpokenRecording {
	const { samples, rate } = readWav(readFileSync(fixturePath(SPEECH_FIXTURE)));
	const speech = Int16Array.from(
		{ length: Math.floor((samples.length * SAMPLE_RATE) / rate) },
		(_, i) => samples[Math.floor((i * rate) / SAMPLE_RATE)]!
	);
	const total = RECORDING_SECONDS * SAMPLE_RATE;
	const pause = Math.round(PAUSE_SECONDS * SAMPLE_RATE);
	const out = new Int16Array(total);
	const voiced: SpokenRecording['voiced'] = [];
	const ms = (sample: number) => Math.round((sample * 1000) / SAMPLE_RATE);
	for (let at = pause; at < total; at += speech.length + pause) {
		const length = Math.min(speech.length, total - at);
		out.set(speech.subarray(0, length), at);
		if (ms(at + length) > ms(at)) voiced.push({ start: ms(at), end: ms(at + length) });
	}
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'latin1');
	header.writeUInt32LE(36 + total * 2, 4);
	header.write('WAVEfmt ', 8, 'latin1');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(SAMPLE_RATE, 24);
	header.writeUInt32LE(SAMPLE_RATE * 2, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'latin1');
	header.writeUInt32LE(total * 2, 40);
	const bytes = new Uint8Array(Buffer.concat([header, Buffer.from(out.buffer)]));
	if (bytes.length > RECORDING_MAX_BYTES)
		throw new Error('the bench recording is larger than the server keeps');
	return {
		label: '20 s WAV 8 kHz 16-bit',
		target: false,
		type: 'audio/wav',
		bytes,
		durationMs: RECORDING_SECONDS * 1000,
		voiced
	};
}

/**
 * The same reply as a browser posts it: Opus in WebM, recorded from `spokenWav()` by Chromium at
 * the page's bit rate, with the WAV's voiced spans (the recording plays it from its start).
 */
export function spokenWebm(): SpokenRecording {
	const wav = spokenWav();
	const bytes = new Uint8Array(readFileSync(fixturePath(SPOKEN_WEBM_FIXTURE)));
	if (bytes.length > RECORDING_MAX_BYTES)
		throw new Error('the bench recording is larger than the server keeps');
	return { ...wav, label: '20 s WebM/Opus 24 kbit/s', target: true, type: 'audio/webm', bytes };
}

/** The replies the spoken turn is measured with: the browser's first, then the WAV for reference. */
export function spokenRecordings(): SpokenRecording[] {
	return [spokenWebm(), spokenWav()];
}

/** The reply form as the practice room posts a recorded reply: nothing typed, the recording, its length and voice. */
export function spokenTurnBody(recording: SpokenRecording): { body: Buffer; contentType: string } {
	const boundary = '----rehearse-bench-spoken-turn';
	const field = (name: string, value: string) =>
		`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
	const body = Buffer.concat([
		Buffer.from(
			field('turn', '0') +
				field('reply', '') +
				field('durationMs', String(recording.durationMs)) +
				field('voiced', JSON.stringify(recording.voiced)) +
				`--${boundary}\r\ncontent-disposition: form-data; name="audio"; filename="reply"\r\ncontent-type: ${recording.type}\r\n\r\n`
		),
		Buffer.from(recording.bytes),
		Buffer.from(`\r\n--${boundary}--\r\n`)
	]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface SpokenLoad {
	origin: string;
	connections: number;
	seconds: number;
	next: () => { path: string; headers: Record<string, string> };
}

export function runSpokenTurns(load: SpokenLoad, recording: SpokenRecording): Promise<LoadResult> {
	const { body, contentType } = spokenTurnBody(recording);
	return runLoad({
		origin: load.origin,
		path: '/',
		method: 'POST',
		headers: {
			origin: load.origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': contentType
		},
		body,
		connections: load.connections,
		seconds: load.seconds,
		next: load.next
	});
}

/** One spoken turn, sent alone; throws unless the turn was answered. */
export async function sendSpokenTurn(
	origin: string,
	turn: { path: string; headers: Record<string, string> },
	recording: SpokenRecording
): Promise<void> {
	const { body, contentType } = spokenTurnBody(recording);
	const response = await fetch(origin + turn.path, {
		method: 'POST',
		headers: {
			...turn.headers,
			origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': contentType
		},
		// A copy on a plain ArrayBuffer: what fetch's body type takes.
		body: new Uint8Array(body)
	});
	const answer = await response.text();
	if (!response.ok || !answer.includes('"type":"success"'))
		throw new Error(`a spoken turn answered ${response.status}: ${answer.slice(0, 200)}`);
}

export interface StoredRecordings {
	files: number;
	bytes: number;
	/** The seconds of speech the stored rows say those files hold. */
	seconds: number;
	rows: number;
}

/**
 * What the run left on disk: the recordings folder beside the database (its files' sizes), and the
 * length of each recording from its row.
 */
function storedRecordings(databasePath: string, folder: string): StoredRecordings {
	const names = (() => {
		try {
			return readdirSync(folder);
		} catch {
			return [];
		}
	})();
	const bytes = names.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
	const db = new Database(databasePath, { readonly: true });
	try {
		const row = db
			.prepare('select count(*) as rows, coalesce(sum(duration_ms), 0) as ms from recordings')
			.get() as { rows: number; ms: number };
		return { files: names.length, bytes, seconds: row.ms / 1000, rows: row.rows };
	} finally {
		db.close();
	}
}

/**
 * What the run stored once the turns still being written when the load stopped are done: a
 * recording's file is written before its turn's row, so the two counts meet when none is under way.
 */
export async function settledRecordings(
	databasePath: string,
	folder: string
): Promise<StoredRecordings> {
	let stored = storedRecordings(databasePath, folder);
	for (let i = 0; i < 50 && stored.files !== stored.rows; i++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		stored = storedRecordings(databasePath, folder);
	}
	return stored;
}

/** What a run stored on top of what was there before it. */
export function storedSince(before: StoredRecordings, after: StoredRecordings): StoredRecordings {
	return {
		files: after.files - before.files,
		bytes: after.bytes - before.bytes,
		seconds: after.seconds - before.seconds,
		rows: after.rows - before.rows
	};
}

/** Disk a practising rep fills in an hour: bytes a second of stored speech, times the hour's speaking share. */
export function diskPerRepHour(
	stored: StoredRecordings,
	recording: Pick<SpokenRecording, 'label'>
): { megabytes: number; label: string } {
	const bytesPerSecond = stored.seconds > 0 ? stored.bytes / stored.seconds : Number.NaN;
	return {
		megabytes: (bytesPerSecond * SPEAKING_SHARE * 3600) / 1e6,
		label: `disk used per practising rep-hour, ${recording.label} (assumes the rep speaks a third of the hour, 20 min; ${(bytesPerSecond / 1000).toFixed(1)} kB a second of speech, measured from the ${stored.files} files this run stored)`
	};
}
