import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import type { AppDb } from '$lib/server/db';
import { TINY_WAV } from '$lib/server/testing/tiny-wav';
import type { SessionUser } from '$lib/server/auth/session';

// An online candidate's spoken role-play through their link (issue #21): the consent line first,
// then recorded replies kept with the turns, heard by those who may read the interview's
// transcript and by no one else, and gone with the candidate.
const state = vi.hoisted(() => ({ db: null as AppDb | null }));
vi.mock('$lib/server/db', async (original) => ({
	...(await original<typeof import('$lib/server/db')>()),
	getDb: () => state.db!
}));

const { hiringWorld } = await import('$lib/server/testing/hiring-world');
const { createInterviewInvite } = await import('$lib/server/hiring/links');
const { interviewAttempt } = await import('$lib/server/hiring/hiring');
const { deleteCandidate, exportCandidateData } = await import('$lib/server/hiring/candidate-data');
const { recordingsOf } = await import('$lib/server/practice/recordings');
const { transcriptOf } = await import('$lib/server/hiring/interview-view');
const { actions, load } = await import('./+page.server');
const { GET } = await import('../../(app)/attempts/[attemptId]/recordings/[turn]/+server');

const REPLY = 'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?';
const WAV = TINY_WAV;

let folder = '';
beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rehearse-candidate-recordings-'));
	vi.stubEnv('DATABASE_URL', join(folder, 'r.db'));
});
afterEach(() => {
	vi.unstubAllEnvs();
	rmSync(folder, { recursive: true, force: true });
	state.db = null;
});

const storedFiles = () =>
	existsSync(join(folder, 'recordings')) ? readdirSync(join(folder, 'recordings')) : [];

function setUp() {
	const world = hiringWorld();
	state.db = world.db;
	const interview = world.interview('林小姐 Ms. Lin');
	const token = createInterviewInvite(world.db, interview.id, world.admin.id);
	const rep = world.person('rep', ['rep']);
	return { ...world, interview, token, rep };
}

/** The candidate's browser posting to their link: no account, only the token. */
async function post(token: string, action: 'start' | 'consent' | 'reply', form: FormData) {
	const url = new URL(`http://localhost/try/${token}?/${action}`);
	const request = new Request(url, { method: 'POST', body: form, headers: { origin: url.origin } });
	return actions[action]!({
		params: { token },
		url,
		request,
		locals: { user: null, session: null },
		getClientAddress: () => '203.0.113.9'
	} as never);
}

function startForm(mode: 'call' | 'text'): FormData {
	const form = new FormData();
	form.set('consent', 'yes');
	form.set('mode', mode);
	return form;
}

function spokenReply(turn = 0): FormData {
	const form = new FormData();
	form.set('turn', String(turn));
	form.set('reply', REPLY);
	form.set('durationMs', '3500');
	form.set('voiced', JSON.stringify([{ start: 400, end: 3200 }]));
	form.set('audio', new File([WAV], 'reply', { type: 'audio/webm' }));
	return form;
}

async function openLink(token: string) {
	return load({
		params: { token },
		url: new URL(`http://localhost/try/${token}`),
		locals: { user: null, session: null },
		getClientAddress: () => '203.0.113.9'
	} as never) as Promise<{ roleplay: { call: { recordingConsent: boolean } | null } | null }>;
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

describe("an online candidate's spoken role-play", { timeout: 30_000 }, () => {
	it('records nothing before the consent line, then keeps each spoken reply with its turn', async () => {
		const { db, interview, token } = setUp();
		await post(token, 'start', startForm('call'));
		expect((await openLink(token)).roleplay?.call).toMatchObject({ recordingConsent: false });
		expect(await post(token, 'reply', spokenReply())).toMatchObject({
			status: 400,
			data: { problem: 'recording-not-allowed', reply: REPLY }
		});
		expect(storedFiles()).toEqual([]);

		expect(await post(token, 'consent', new FormData())).toEqual({ consented: true });
		expect((await openLink(token)).roleplay?.call).toMatchObject({ recordingConsent: true });
		expect(await post(token, 'reply', spokenReply())).toEqual({ answered: true });
		const attempt = interviewAttempt(db, interview.id)!;
		expect(attempt).toMatchObject({ mode: 'call', turnCount: 1 });
		const [row] = recordingsOf(db, attempt.id);
		expect(row).toMatchObject({ turnIndex: 0, mime: 'audio/wav', durationMs: 3500 });
		expect(storedFiles()).toEqual([row!.id]);
		// What the candidate's page receives holds no score, cue or recording link.
		const page = JSON.stringify(await openLink(token));
		expect(page).not.toMatch(/score|cue|recordings\//);
		// The interviewers' transcript carries the player and how the reply sounded.
		expect(transcriptOf(db, attempt)[0]!.recording).toMatchObject({
			audio: `/attempts/${attempt.id}/recordings/0`,
			sounded: { pauseBeforeMs: 400 }
		});
	});

	it('records nothing in a typed role-play, even after a consent', async () => {
		const { db, interview, token } = setUp();
		await post(token, 'start', startForm('text'));
		expect((await openLink(token)).roleplay?.call).toBeNull();
		expect(await post(token, 'consent', new FormData())).toMatchObject({ status: 400 });
		expect(await post(token, 'reply', spokenReply())).toMatchObject({
			data: { problem: 'recording-not-allowed' }
		});
		expect(interviewAttempt(db, interview.id)!.turnCount).toBe(0);
		expect(storedFiles()).toEqual([]);
	});

	it("plays back to the interview's panel and its team's manager, and is a 404 to anyone else", async () => {
		const { db, interview, token, panelist, lead, admin, outsider, rep } = setUp();
		await post(token, 'start', startForm('call'));
		await post(token, 'consent', new FormData());
		await post(token, 'reply', spokenReply());
		const attempt = interviewAttempt(db, interview.id)!;
		for (const listener of [panelist, lead, admin]) {
			const response = (await play(listener, attempt.id, '0')) as Response;
			expect(response.status).toBe(200);
			expect(new Uint8Array(await response.arrayBuffer())).toEqual(WAV);
		}
		for (const stranger of [outsider, rep]) {
			const answer = await play(stranger, attempt.id, '0');
			expect(isHttpError(answer) && answer.status).toBe(404);
		}
	});

	it("is in the candidate's export, and deleted with the candidate, file and all", async () => {
		const { db, interview, token, admin } = setUp();
		await post(token, 'start', startForm('call'));
		await post(token, 'consent', new FormData());
		await post(token, 'reply', spokenReply());
		const exported = exportCandidateData(db, interview.candidateId)!;
		expect(exported.candidate.recordingConsentAt).toBeInstanceOf(Date);
		expect(exported.interviews[0]!.attempts[0]!.recordings).toHaveLength(1);
		expect(storedFiles()).toHaveLength(1);
		deleteCandidate(db, admin.id, interview.candidateId);
		expect(storedFiles()).toEqual([]);
	});
});
