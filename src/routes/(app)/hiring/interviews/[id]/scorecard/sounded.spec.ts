import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';
import { TINY_WAV } from '$lib/server/testing/tiny-wav';

// How a recorded online role-play sounded, where a hiring panel scores besides the interview's own
// page (issue #21 item 3): on the printable scorecard, and on the cue card of the candidate's live
// interview. Advisory, for interviewers only, and only when there is a recording to measure.
const state = vi.hoisted(() => ({ db: null as AppDb | null }));
vi.mock('$lib/server/db', async (original) => ({
	...(await original<typeof import('$lib/server/db')>()),
	getDb: () => state.db!
}));

const { hiringWorld } = await import('$lib/server/testing/hiring-world');
const { createInterviewInvite } = await import('$lib/server/hiring/links');
const { createInterview, interviewAttempt, startInterviewAttempt } =
	await import('$lib/server/hiring/hiring');
const { expireIfDue } = await import('$lib/server/practice/attempts');
const tryPage = await import('../../../../../try/[token]/+page.server');
const scorecard = await import('./+page.server');
const live = await import('../live/+page.server');

const REPLY = 'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?';

let folder = '';
beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rehearse-scorecard-sounded-'));
	vi.stubEnv('DATABASE_URL', join(folder, 'r.db'));
});
afterEach(() => {
	vi.unstubAllEnvs();
	rmSync(folder, { recursive: true, force: true });
	state.db = null;
});

/** The candidate's browser posting to their link. */
async function candidatePosts(
	token: string,
	action: 'start' | 'consent' | 'reply',
	form: FormData
) {
	const url = new URL(`http://localhost/try/${token}?/${action}`);
	const request = new Request(url, { method: 'POST', body: form, headers: { origin: url.origin } });
	return tryPage.actions[action]!({
		params: { token },
		url,
		request,
		locals: { user: null, session: null },
		getClientAddress: () => '203.0.113.9'
	} as never);
}

function form(fields: Record<string, string | File>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

/** An online interview the candidate played from their link, by voice or typing, until its time ran out. */
async function playedOnline(
	world: ReturnType<typeof hiringWorld>,
	name: string,
	mode: 'call' | 'text'
) {
	const interview = world.interview(name);
	const token = createInterviewInvite(world.db, interview.id, world.admin.id);
	await candidatePosts(token, 'start', form({ consent: 'yes', mode }));
	if (mode === 'call') await candidatePosts(token, 'consent', new FormData());
	const reply = { turn: '0', reply: REPLY };
	const answered = await candidatePosts(
		token,
		'reply',
		form(
			mode === 'call'
				? {
						...reply,
						durationMs: '3500',
						voiced: JSON.stringify([{ start: 400, end: 3200 }]),
						audio: new File([TINY_WAV], 'reply', { type: 'audio/wav' })
					}
				: reply
		)
	);
	expect(answered).toEqual({ answered: true });
	const attempt = interviewAttempt(world.db, interview.id)!;
	expireIfDue(world.db, attempt, new Date(attempt.deadlineAt.getTime() + 1));
	return interview;
}

function openAs<T>(
	page: { load: (event: never) => T },
	user: SessionUser,
	path: string,
	id: string
) {
	return page.load({
		params: { id },
		url: new URL(`http://localhost${path}`),
		locals: { user, session: null }
	} as never) as Awaited<T>;
}

type Sounded = { sounded: { talkShare: unknown }; criteria: string[]; locale: string } | null;

const printable = (user: SessionUser, interviewId: string) =>
	openAs(
		scorecard,
		user,
		`/hiring/interviews/${interviewId}/scorecard`,
		interviewId
	) as unknown as {
		sounded: Sounded;
	};

/** A live interview of the same candidate, under way, on `panel`; its cue card as `user` sees it. */
function liveCard(
	world: ReturnType<typeof hiringWorld>,
	candidateId: string,
	panel: SessionUser[],
	user: SessionUser
) {
	const created = createInterview(world.db, {
		candidateId,
		scenarioId: 'renewal-price-objection',
		rubricId: 'hiring-roleplay',
		locale: 'en',
		mode: 'live',
		scheduledAt: new Date('2026-06-08T09:00:00Z'),
		panel: panel.map((p) => p.id),
		teamId: null,
		createdBy: world.admin.id
	});
	if (!created.ok) throw new Error(created.problem);
	startInterviewAttempt(world.db, created.interview, 'live');
	const path = `/hiring/interviews/${created.interview.id}/live`;
	return (
		openAs(live, user, path, created.interview.id) as unknown as {
			card: { sounded: (NonNullable<Sounded> & { at: Date; interviewId: string }) | null } | null;
		}
	).card!;
}

describe(
	'how a recorded online role-play sounded, where a panel scores',
	{ timeout: 30_000 },
	() => {
		it('is on the printable scorecard of a spoken online interview, advisory for its criteria', async () => {
			const world = hiringWorld();
			state.db = world.db;
			const spoken = await playedOnline(world, '林小姐 Ms. Lin', 'call');
			const card = printable(world.panelist, spoken.id);
			expect(card.sounded).toMatchObject({
				criteria: expect.arrayContaining([expect.any(String)]),
				locale: 'en',
				sounded: { talkShare: expect.anything() }
			});
			expect(card.sounded!.criteria).toHaveLength(2);
		});

		it('is not on the printable scorecard of a typed online interview', async () => {
			const world = hiringWorld();
			state.db = world.db;
			const typed = await playedOnline(world, '陳先生 Mr. Chen', 'text');
			expect(printable(world.panelist, typed.id).sounded).toBeNull();
		});

		it("is on the live interview's cue card from the candidate's spoken online role-play, for whoever may see that", async () => {
			const world = hiringWorld();
			state.db = world.db;
			const spoken = await playedOnline(world, '林小姐 Ms. Lin', 'call');
			const seen = liveCard(
				world,
				spoken.candidateId,
				[world.panelist, world.outsider],
				world.panelist
			);
			expect(seen.sounded).toMatchObject({
				interviewId: spoken.id,
				at: spoken.scheduledAt,
				locale: 'en'
			});
			// The outsider sits on the live panel only: the online interview, and its voice, are not theirs to see.
			const unseen = liveCard(world, spoken.candidateId, [world.outsider], world.outsider);
			expect(unseen.sounded).toBeNull();
		});

		it('is not on the live cue card of a candidate who typed their online role-play', async () => {
			const world = hiringWorld();
			state.db = world.db;
			const typed = await playedOnline(world, '陳先生 Mr. Chen', 'text');
			expect(
				liveCard(world, typed.candidateId, [world.panelist], world.panelist).sounded
			).toBeNull();
		});
	}
);
