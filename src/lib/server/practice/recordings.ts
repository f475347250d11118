import { mkdirSync, rmSync, writeFile } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index';
import { databasePathFromEnv, prepared } from '../db/index';
import { appSettings, candidates, recordings, users, type Attempt } from '../db/schema';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { attemptReader } from '../coaching/comments';
import { canSeeInterview } from '../hiring/access';
import {
	RETENTION_DEFAULT_DAYS,
	parseRetentionDays,
	retentionCutoff,
	type RecordingType,
	type TurnRecording
} from '../../engine/voice/recording';
import { measureReply } from '../../engine/voice/measures';
import type { Span } from '../../engine/voice/voiced';
import type { ContentLocale } from '../../engine/content/kinds';

/*
 * Call mode's recorded replies on disk (issue #21): one file a reply in a `recordings` folder beside
 * the database, named by an unguessable id (nothing the user sent is ever part of a path), and a
 * row per file written with its turn. Files without a row (an attempt, user or candidate deleted;
 * a turn refused after its upload was written) and rows past the organisation's retention are
 * swept at start and daily.
 */

const RETENTION_KEY = 'recording-retention-days';
/** A file younger than this may belong to a turn being written right now: the sweep leaves it. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const ID_PATTERN = /^[a-z2-7]{24}$/;

/** The recordings folder: `recordings/` beside the database `DATABASE_URL` names. */
export function recordingsFolder(env: { DATABASE_URL?: string } = process.env): string {
	const path = databasePathFromEnv(env.DATABASE_URL);
	// A test's in-memory database has no folder: its recordings go to the working directory's data.
	const base = path === ':memory:' ? resolve('data') : dirname(resolve(path));
	return join(base, 'recordings');
}

function fileOf(folder: string, id: string): string {
	// Ids are ours (newId), never the user's; the check keeps a bad row from naming another path.
	if (!ID_PATTERN.test(id)) throw new Error(`Not a recording id: ${id}`);
	return join(folder, id);
}

/** A recording written to disk, not yet on any turn: its row goes in with the turn, or the file goes. */
export interface StoredFile {
	id: string;
	mime: RecordingType;
	bytes: number;
	durationMs: number;
	/** Where it holds voice, as the browser found it and `parseVoicedSpans` passed; null: unknown. */
	voiced: Span[] | null;
}

export async function writeRecordingFile(
	folder: string,
	bytes: Uint8Array,
	mime: RecordingType,
	durationMs: number,
	voiced: Span[] | null = null
): Promise<StoredFile> {
	mkdirSync(folder, { recursive: true });
	const id = newId();
	// fs's callback form: off the event loop like fs/promises, without a FileHandle and the
	// promises around each of its steps, which cost a spoken turn more than the write itself.
	await new Promise<void>((resolve, reject) =>
		writeFile(fileOf(folder, id), bytes, { flag: 'wx', mode: 0o600 }, (error) =>
			error ? reject(error) : resolve()
		)
	);
	return { id, mime, bytes: bytes.length, durationMs, voiced };
}

export async function removeRecordingFile(folder: string, id: string): Promise<void> {
	await rm(fileOf(folder, id), { force: true });
}

/**
 * Deletes the files of recordings whose rows are being deleted (a user's or candidate's), at once
 * rather than at the next sweep: called once the deleting transaction has committed.
 */
export function removeRecordingFiles(ids: string[], folder = recordingsFolder()): void {
	for (const id of ids) rmSync(fileOf(folder, id), { force: true });
}

/** The row of a stored file, on its turn: called inside the turn's transaction. */
export function insertRecording(
	db: Db,
	file: StoredFile,
	attemptId: string,
	turnIndex: number,
	now: Date
) {
	// Prepared once, as the turn's own writes are (turns.ts): it is written with every spoken turn.
	const p = sql.placeholder;
	prepared(db, 'insert-recording', () =>
		db
			.insert(recordings)
			.values({
				id: p('id'),
				attemptId: p('attemptId'),
				turnIndex: p('turnIndex'),
				mime: p('mime'),
				bytes: p('bytes'),
				durationMs: p('durationMs'),
				voiced: p('voiced'),
				createdAt: p('createdAt')
			})
			.prepare()
	).run({
		id: file.id,
		attemptId,
		turnIndex,
		mime: file.mime,
		bytes: file.bytes,
		durationMs: file.durationMs,
		voiced: file.voiced,
		createdAt: now
	});
}

export type RecordingRow = typeof recordings.$inferSelect;

/**
 * Whether `user` may hear an attempt's recordings: whoever may read its transcript. A rep's
 * role-play: the rep, a manager who coaches them, an admin. An online candidate's: the managers
 * and admins who may see the interview (its panel, its creator, its team's managers).
 */
export function mayHearRecordings(
	db: Db,
	user: SessionUser,
	attempt: Pick<Attempt, 'userId' | 'interviewId'>
): boolean {
	if (attempt.interviewId === null) return attemptReader(db, user, attempt) !== null;
	const hires = user.roles.includes('manager') || user.roles.includes('admin');
	return hires && canSeeInterview(db, user, attempt.interviewId);
}

/** An attempt's recordings, by turn. Prepared once: every view of a role-play reads them. */
export function recordingsOf(db: Db, attemptId: string): RecordingRow[] {
	return prepared(db, 'attempt-recordings', () =>
		db
			.select()
			.from(recordings)
			.where(eq(recordings.attemptId, sql.placeholder('attemptId')))
			.orderBy(asc(recordings.turnIndex))
			.prepare()
	).all({ attemptId });
}

/** A recording as a transcript shows it, beside `reply`, the words it was heard as. */
export function turnRecordingOf(
	recording: Pick<RecordingRow, 'attemptId' | 'turnIndex' | 'voiced'>,
	reply: string,
	locale: ContentLocale
): TurnRecording {
	return {
		audio: `/attempts/${recording.attemptId}/recordings/${recording.turnIndex}`,
		sounded:
			recording.voiced && recording.voiced.length > 0
				? measureReply({ transcript: reply, voiced: recording.voiced }, locale)
				: null
	};
}

/** The recorded turns of an attempt, by turn index, for a transcript its reader may hear. */
export function recordedTurns(
	db: Db,
	attemptId: string,
	turns: readonly { index: number; reply: string }[],
	locale: ContentLocale
): Map<number, TurnRecording> {
	const replies = new Map(turns.map((turn) => [turn.index, turn.reply]));
	return new Map(
		recordingsOf(db, attemptId).map((recording) => [
			recording.turnIndex,
			turnRecordingOf(recording, replies.get(recording.turnIndex) ?? '', locale)
		])
	);
}

/** The recording of one turn of an attempt, if there is one. */
export function recordingOfTurn(db: Db, attemptId: string, turnIndex: number): RecordingRow | null {
	return (
		db
			.select()
			.from(recordings)
			.where(and(eq(recordings.attemptId, attemptId), eq(recordings.turnIndex, turnIndex)))
			.get() ?? null
	);
}

/** The recordings of several attempts (an export), without their audio. */
export function recordingsOfAttempts(db: Db, attemptIds: string[]): RecordingRow[] {
	if (attemptIds.length === 0) return [];
	return db
		.select()
		.from(recordings)
		.where(inArray(recordings.attemptId, attemptIds))
		.orderBy(asc(recordings.createdAt))
		.all();
}

export async function readRecordingFile(folder: string, id: string): Promise<Buffer | null> {
	try {
		return await readFile(fileOf(folder, id));
	} catch {
		return null;
	}
}

/** How many days the organisation keeps recordings. */
export function retentionDays(db: Db): number {
	const stored = db
		.select({ value: appSettings.value })
		.from(appSettings)
		.where(eq(appSettings.key, RETENTION_KEY))
		.get()?.value;
	return (stored && parseRetentionDays(stored)) || RETENTION_DEFAULT_DAYS;
}

export function setRetentionDays(db: Db, days: number): void {
	const value = String(days);
	db.insert(appSettings)
		.values({ key: RETENTION_KEY, value })
		.onConflictDoUpdate({ target: appSettings.key, set: { value } })
		.run();
}

/** Asked on every spoken turn: prepared once. */
export function hasRecordingConsent(db: Db, userId: string): boolean {
	const row = prepared(db, 'user-recording-consent', () =>
		db
			.select({ at: users.recordingConsentAt })
			.from(users)
			.where(eq(users.id, sql.placeholder('id')))
			.prepare()
	).get({ id: userId });
	return !!row?.at;
}

export function giveRecordingConsent(db: Db, userId: string, now = new Date()): void {
	db.update(users).set({ recordingConsentAt: now }).where(eq(users.id, userId)).run();
}

/** Whether an online candidate agreed, on their link, that a spoken role-play records their replies. */
export function hasCandidateRecordingConsent(db: Db, candidateId: string): boolean {
	const row = prepared(db, 'candidate-recording-consent', () =>
		db
			.select({ at: candidates.recordingConsentAt })
			.from(candidates)
			.where(eq(candidates.id, sql.placeholder('id')))
			.prepare()
	).get({ id: candidateId });
	return !!row?.at;
}

export function giveCandidateRecordingConsent(db: Db, candidateId: string, now = new Date()): void {
	db.update(candidates)
		.set({ recordingConsentAt: now })
		.where(eq(candidates.id, candidateId))
		.run();
}

/**
 * Deletes recordings past the retention at `now` (rows and files), and files no row names any more
 * (older than an hour, so an upload whose turn is being written is left alone). Returns how many
 * recordings went.
 */
export async function sweepRecordings(db: Db, folder: string, now = new Date()): Promise<number> {
	const cutoff = retentionCutoff(now, retentionDays(db));
	const expired = db
		.delete(recordings)
		.where(lt(recordings.createdAt, cutoff))
		.returning({ id: recordings.id })
		.all();
	for (const { id } of expired) await rm(fileOf(folder, id), { force: true });
	let names: string[];
	try {
		names = await readdir(folder);
	} catch {
		return 0; // no folder: nothing was ever recorded
	}
	const kept = new Set(
		db
			.select({ id: recordings.id })
			.from(recordings)
			.all()
			.map((r) => r.id)
	);
	let removed = expired.length;
	for (const name of names) {
		if (!ID_PATTERN.test(name) || kept.has(name)) continue;
		const file = join(folder, name);
		const { mtimeMs } = await stat(file);
		if (now.getTime() - mtimeMs < ORPHAN_GRACE_MS) continue;
		await rm(file, { force: true });
		removed++;
	}
	return removed;
}

const DAY_MS = 86_400_000;

/**
 * Sweeps now and then every day (see `sweepRecordings`); the timer never keeps the process alive.
 * Returns a function that stops it.
 */
export function startRecordingSweeps(
	db: Db,
	folder: string,
	log: (message: string) => void
): () => void {
	const sweep = () =>
		sweepRecordings(db, folder).then(
			(removed) => {
				if (removed > 0) log(`Rehearse: ${removed} recordings past their retention deleted.`);
			},
			(cause: unknown) => log(`Rehearse: recordings could not be swept: ${String(cause)}`)
		);
	void sweep();
	const timer = setInterval(() => void sweep(), DAY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
