// Crash safety: the server is killed with SIGKILL while reps are answering role-plays, and started
// again on the same file. Every turn the server acknowledged must be there, no attempt may be torn,
// and every role-play must take its next turn. Its own server, port and database: nothing shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import {
	GOOD_REPLIES,
	missingTurns,
	playTurns,
	postAction,
	prepareDatabase,
	startServer,
	tornAttempts,
	type AppServer
} from '../support/app-server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 50;
const REPS = 6;
const ATTEMPTS_PER_REP = 8;
// Each attempt stops one reply short of its ending, so that it is still running after the restart.
const TURNS_PER_ATTEMPT = GOOD_REPLIES.length - 1;
const KILL_AFTER = Math.floor((REPS * ATTEMPTS_PER_REP * TURNS_PER_ATTEMPT) / 2);

test('a server killed mid-load keeps every acknowledged turn, tears no attempt, and resumes every role-play', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-crash-'));
	const prepared = prepareDatabase(join(dir, 'crash.db'), {
		reps: REPS,
		attemptsPerRep: ATTEMPTS_PER_REP
	});
	const attemptIds = prepared.reps.flatMap((rep) => rep.attemptIds);
	let server: AppServer | undefined = await startServer(prepared.path, PORT);
	try {
		const load = playTurns(server.origin, prepared.reps, TURNS_PER_ATTEMPT);
		await expect
			.poll(() => load.acknowledged.length, { timeout: 20_000, intervals: [5] })
			.toBeGreaterThanOrEqual(KILL_AFTER);
		load.stop();
		server.process.kill('SIGKILL');
		await server.exited;
		await load.done;
		server = undefined;

		const db = new Database(prepared.path);
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(db.pragma('foreign_key_check')).toEqual([]);
			expect(
				missingTurns(db, load.acknowledged),
				'acknowledged turns missing after the crash'
			).toEqual([]);
			const { torn, turns } = tornAttempts(db, attemptIds);
			expect(torn, 'attempts whose turn count, turns and snapshot disagree').toEqual([]);
			// At most the one request each rep had in flight was written without being acknowledged.
			expect(turns - load.acknowledged.length).toBeGreaterThanOrEqual(0);
			expect(turns - load.acknowledged.length).toBeLessThanOrEqual(REPS);
			expect(
				db.prepare("select count(*) as n from attempts where status != 'active'").get()
			).toEqual({ n: 0 });
		} finally {
			db.close();
		}

		server = await startServer(prepared.path, PORT);
		const restarted = server;
		const check = new Database(prepared.path, { readonly: true });
		const turnCountOf = check.prepare<[string], { turn_count: number }>(
			'select turn_count from attempts where id = ?'
		);
		try {
			const resumed = prepared.reps.flatMap((rep) =>
				rep.attemptIds.map(async (attemptId) => {
					const next = turnCountOf.get(attemptId)!.turn_count;
					const answer = await postAction(
						restarted.origin,
						rep.cookie,
						`/attempts/${attemptId}?/reply`,
						{ turn: String(next), reply: GOOD_REPLIES[next]! }
					);
					expect(answer.type, `resuming ${attemptId} at turn ${next}`).toBe('success');
					expect(turnCountOf.get(attemptId)!.turn_count).toBe(next + 1);
				})
			);
			await Promise.all(resumed);
		} finally {
			check.close();
		}
	} finally {
		if (server) {
			server.process.kill('SIGKILL');
			await server.exited;
		}
		rmSync(dir, { recursive: true, force: true });
	}
});
