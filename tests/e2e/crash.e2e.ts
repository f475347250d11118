// Crash safety: the server is killed with SIGKILL while reps are answering role-plays, and started
// again on the same file. Every turn the server acknowledged must be there, no attempt may be torn,
// and every role-play must take its next turn. Its own server, port and database: nothing shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { GOOD_REPLIES, postAction, prepareDatabase, startServer, type AppServer } from '../support/app-server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 50;
const REPS = 6;
const ATTEMPTS_PER_REP = 8;
// Each attempt stops one reply short of its ending, so that it is still running after the restart.
const TURNS_PER_ATTEMPT = GOOD_REPLIES.length - 1;
const KILL_AFTER = Math.floor((REPS * ATTEMPTS_PER_REP * TURNS_PER_ATTEMPT) / 2);

interface Acknowledged {
	attemptId: string;
	index: number;
	reply: string;
}

interface StoredAttempt {
	id: string;
	status: string;
	turn_count: number;
	snapshot: string;
}

test('a server killed mid-load keeps every acknowledged turn, tears no attempt, and resumes every role-play', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-crash-'));
	const prepared = prepareDatabase(join(dir, 'crash.db'), { reps: REPS, attemptsPerRep: ATTEMPTS_PER_REP });
	let server: AppServer | undefined = await startServer(prepared.path, PORT);
	try {
		const acknowledged: Acknowledged[] = [];
		let killed = false;
		const { origin } = server;
		// One loop per rep, one request in flight each, going round their attempts a turn at a time.
		const reps = prepared.reps.map(async (rep) => {
			for (let turn = 0; turn < TURNS_PER_ATTEMPT; turn++) {
				for (const attemptId of rep.attemptIds) {
					const reply = GOOD_REPLIES[turn]!;
					let answer;
					try {
						answer = await postAction(origin, rep.cookie, `/attempts/${attemptId}?/reply`, { turn: String(turn), reply });
					} catch (cause) {
						if (killed) return;
						throw cause;
					}
					expect(answer.type, `turn ${turn} of ${attemptId}`).toBe('success');
					acknowledged.push({ attemptId, index: turn, reply });
				}
			}
		});
		const running = Promise.all(reps);
		await expect.poll(() => acknowledged.length, { timeout: 20_000, intervals: [5] }).toBeGreaterThanOrEqual(KILL_AFTER);
		killed = true;
		server.process.kill('SIGKILL');
		await server.exited;
		await running;
		server = undefined;

		const db = new Database(prepared.path);
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(db.pragma('foreign_key_check')).toEqual([]);
			const turnAt = db.prepare<[string, number], { reply: string }>('select reply from turns where attempt_id = ? and "index" = ?');
			const lost = acknowledged.filter((ack) => turnAt.get(ack.attemptId, ack.index)?.reply !== ack.reply);
			expect(lost, 'acknowledged turns missing after the crash').toEqual([]);

			const attemptIds = prepared.reps.flatMap((rep) => rep.attemptIds);
			const indexesOf = db.prepare<[string], { index: number }>('select "index" from turns where attempt_id = ? order by "index"');
			let stored = 0;
			for (const id of attemptIds) {
				const attempt = db.prepare<[string], StoredAttempt>('select id, status, turn_count, snapshot from attempts where id = ?').get(id)!;
				const indexes = indexesOf.all(id).map((row) => row.index);
				// Not torn: the count, the turns and the state machine's own count agree.
				expect(indexes, id).toEqual(Array.from({ length: attempt.turn_count }, (_, i) => i));
				expect((JSON.parse(attempt.snapshot) as { context: { turns: number } }).context.turns, id).toBe(attempt.turn_count);
				expect(attempt.status, id).toBe('active');
				stored += attempt.turn_count;
			}
			// At most the one request each rep had in flight was written without being acknowledged.
			expect(stored - acknowledged.length).toBeGreaterThanOrEqual(0);
			expect(stored - acknowledged.length).toBeLessThanOrEqual(REPS);
		} finally {
			db.close();
		}

		server = await startServer(prepared.path, PORT);
		const restarted = server;
		const check = new Database(prepared.path, { readonly: true });
		const turnCountOf = check.prepare<[string], { turn_count: number }>('select turn_count from attempts where id = ?');
		try {
			for (const rep of prepared.reps) {
				for (const attemptId of rep.attemptIds) {
					const next = turnCountOf.get(attemptId)!.turn_count;
					const answer = await postAction(restarted.origin, rep.cookie, `/attempts/${attemptId}?/reply`, { turn: String(next), reply: GOOD_REPLIES[next]! });
					expect(answer.type, `resuming ${attemptId} at turn ${next}`).toBe('success');
					expect(turnCountOf.get(attemptId)!.turn_count).toBe(next + 1);
				}
			}
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
