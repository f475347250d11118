import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import type { AppDb } from '$lib/server/db';
import { TINY_WAV } from '$lib/server/testing/tiny-wav';
import {
	answeringWith,
	transcriptionServerAnswering
} from '$lib/server/testing/transcription-server';
import type { SessionUser } from '$lib/server/auth/session';

// A call-mode reply recorded in the browser, as the attempt page posts it: kept with its turn,
// played back to whoever may read the attempt, and refused with a reason otherwise.
const state = vi.hoisted(() => ({ db: null as AppDb | null }));
vi.mock('$lib/server/db', async (original) => ({
	...(await original<typeof import('$lib/server/db')>()),
	getDb: () => state.db!
}));

const { createTestDatabase } = await import('$lib/server/db');
const { loadShippedContent } = await import('$lib/server/testing/shipped-content');
const { peopleIn } = await import('$lib/server/testing/people');
const { addTeamMember, createTeam } = await import('$lib/server/accounts/teams');
const { findAttempt, startAttempt } = await import('$lib/server/practice/attempts');
const { giveRecordingConsent, recordingsOf } = await import('$lib/server/practice/recordings');
const { actions, load } = await import('./+page.server');
const { GET } = await import('./recordings/[turn]/+server');
const { postToAction, statusOf } = await import('$lib/server/testing/form-action');

const REPLY = 'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?';
const WAV = TINY_WAV;

let folder = '';
beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rehearse-recordings-'));
	vi.stubEnv('DATABASE_URL', join(folder, 'r.db'));
});
/** Servers a test started, stopped after it. */
const onExit: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const stop of onExit.splice(0)) await stop();
	vi.unstubAllEnvs();
	vi.unstubAllGlobals();
	rmSync(folder, { recursive: true, force: true });
	state.db = null;
});

function setUp(mode: 'call' | 'text' = 'call') {
	state.db = createTestDatabase();
	const db = state.db;
	loadShippedContent(db);
	const person = peopleIn(db);
	const rep = person('rep', ['rep']);
	const otherRep = person('other', ['rep']);
	const manager = person('lead', ['manager']);
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, manager.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', mode)!;
	return { db, rep, otherRep, manager, attempt };
}

function replyWith(
	user: SessionUser,
	attemptId: string,
	audio: Uint8Array<ArrayBuffer>,
	extra: { turn?: string; reply?: string; voiced?: string; headers?: Record<string, string> } = {}
) {
	const form = new FormData();
	form.set('turn', extra.turn ?? '0');
	form.set('reply', extra.reply ?? REPLY);
	form.set('durationMs', '3500');
	if (extra.voiced !== undefined) form.set('voiced', extra.voiced);
	form.set('audio', new File([audio], 'reply', { type: 'audio/webm' }));
	return postToAction(actions.reply!, {
		path: `/attempts/${attemptId}?/reply`,
		user,
		params: { attemptId },
		form,
		headers: extra.headers
	});
}

async function play(user: SessionUser, attemptId: string, turn: string) {
	try {
		return await GET({
			locals: { user, session: null },
			url: new URL(`http://localhost/attempts/${attemptId}/recordings/${turn}`),
			params: { attemptId, turn }
		} as never);
	} catch (thrown) {
		return thrown;
	}
}

const storedFiles = () =>
	existsSync(join(folder, 'recordings')) ? readdirSync(join(folder, 'recordings')) : [];

describe('a recorded reply in call mode', { timeout: 30_000 }, () => {
	it('is kept with its turn, under an id of its own, once the rep agreed', async () => {
		const { db, rep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		expect(await replyWith(rep, attempt.id, WAV)).toEqual({ answered: true });
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(1);
		const [row] = recordingsOf(db, attempt.id);
		expect(row).toMatchObject({
			turnIndex: 0,
			mime: 'audio/wav',
			bytes: WAV.length,
			durationMs: 3500
		});
		expect(storedFiles()).toEqual([row!.id]);
		const page = await load({
			locals: { user: rep, session: null },
			url: new URL(`http://localhost/attempts/${attempt.id}`),
			params: { attemptId: attempt.id }
		} as never);
		expect(page!.transcript[0]!.recording?.audio).toBe(`/attempts/${attempt.id}/recordings/0`);
	});

	it('plays back to the rep and their manager, as audio no one else caches', async () => {
		const { db, rep, manager, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		await replyWith(rep, attempt.id, WAV);
		for (const reader of [rep, manager]) {
			const response = (await play(reader, attempt.id, '0')) as Response;
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('audio/wav');
			expect(response.headers.get('cache-control')).toBe('private, no-store');
			expect(new Uint8Array(await response.arrayBuffer())).toEqual(WAV);
		}
	});

	it('is a 404 to another rep, and for a turn without a recording', async () => {
		const { db, rep, otherRep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		await replyWith(rep, attempt.id, WAV);
		for (const [user, turn] of [
			[otherRep, '0'],
			[rep, '1'],
			[rep, '../r.db']
		] as const) {
			const answer = await play(user, attempt.id, turn);
			expect(isHttpError(answer) && answer.status).toBe(404);
		}
	});

	it('is refused before the rep agreed, and outside call mode, with nothing stored', async () => {
		const call = setUp('call');
		expect(await replyWith(call.rep, call.attempt.id, WAV)).toMatchObject({
			status: 400,
			data: { problem: 'recording-not-allowed', reply: REPLY }
		});
		const typed = setUp('text');
		giveRecordingConsent(typed.db, typed.rep.id);
		expect(await replyWith(typed.rep, typed.attempt.id, WAV)).toMatchObject({
			data: { problem: 'recording-not-allowed' }
		});
		expect(findAttempt(typed.db, typed.attempt.id)!.turnCount).toBe(0);
		expect(storedFiles()).toEqual([]);
	});

	it('is refused when its bytes are not audio, whatever the browser called it', async () => {
		const { db, rep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
		expect(await replyWith(rep, attempt.id, html)).toMatchObject({
			status: 400,
			data: { problem: 'recording-type', reply: REPLY }
		});
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(0);
		expect(storedFiles()).toEqual([]);
	});

	it('is refused by its declared size before its body is read', async () => {
		const { db, rep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		const answer = await replyWith(rep, attempt.id, WAV, {
			headers: { 'content-length': String(5 * 1024 * 1024) }
		});
		expect(statusOf(answer)).toBe(413);
		expect(answer).toMatchObject({ data: { problem: 'recording-too-large' } });
		expect(storedFiles()).toEqual([]);
	});

	it('leaves no file behind when its turn is refused (a stale tab)', async () => {
		const { db, rep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		expect(await replyWith(rep, attempt.id, WAV, { turn: '3' })).toMatchObject({ status: 409 });
		expect(recordingsOf(db, attempt.id)).toEqual([]);
		expect(storedFiles()).toEqual([]);
	});

	it('is the reply, in the words the organisation’s transcription server heard', async () => {
		const { db, rep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		const stt = await transcriptionServerAnswering(answeringWith({ text: REPLY }));
		onExit.push(stt.stop);
		vi.stubEnv('STT_URL', new URL(stt.url).origin);
		expect(await replyWith(rep, attempt.id, WAV, { reply: '' })).toEqual({ answered: true });
		expect(stt.forms).toHaveLength(1);
		const page = await load({
			locals: { user: rep, session: null },
			url: new URL(`http://localhost/attempts/${attempt.id}`),
			params: { attemptId: attempt.id }
		} as never);
		expect(page!.transcript[0]!.score).toBeGreaterThan(0);
		expect(JSON.stringify(page!.transcript[0]!.reply)).toContain('Kevin');
		expect(recordingsOf(db, attempt.id)).toHaveLength(1);
	});

	it('asks the rep to type when the server cannot transcribe and nothing was typed', async () => {
		const { db, rep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		const stt = await transcriptionServerAnswering((response) =>
			response.writeHead(503).end('down')
		);
		onExit.push(stt.stop);
		vi.stubEnv('STT_URL', new URL(stt.url).origin);
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		expect(await replyWith(rep, attempt.id, WAV, { reply: '' })).toMatchObject({
			status: 502,
			data: { problem: 'transcription-failed' }
		});
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(0);
		expect(storedFiles()).toEqual([]);
		// What the rep typed is the reply when the server cannot say what was spoken.
		expect(await replyWith(rep, attempt.id, WAV)).toEqual({ answered: true });
		expect(recordingsOf(db, attempt.id)).toHaveLength(1);
	});

	it('shows how the reply sounded from the voice the browser found in it', async () => {
		const { db, rep, manager, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		// Voice from 1.2 s to 3.2 s: 2 seconds of speaking for the reply's words.
		const voiced = JSON.stringify([
			{ start: 1200, end: 2000 },
			{ start: 2400, end: 3200 }
		]);
		expect(await replyWith(rep, attempt.id, WAV, { voiced })).toEqual({ answered: true });
		const page = await load({
			locals: { user: manager, session: null },
			url: new URL(`http://localhost/attempts/${attempt.id}`),
			params: { attemptId: attempt.id }
		} as never);
		// 15 words in 2 seconds of speaking: 450 a minute.
		expect(page!.transcript[0]!.recording?.sounded).toEqual({
			pauseBeforeMs: 1200,
			speakingMs: 2000,
			rate: 450,
			fillers: []
		});
	});

	it('keeps the reply without how it sounded when the posted voice makes no sense', async () => {
		const { db, rep, attempt } = setUp();
		giveRecordingConsent(db, rep.id);
		const voiced = JSON.stringify([{ start: 0, end: 99_000 }]);
		expect(await replyWith(rep, attempt.id, WAV, { voiced })).toEqual({ answered: true });
		expect(recordingsOf(db, attempt.id)[0]!.voiced).toBeNull();
	});
});
