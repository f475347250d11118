// A trainer publishes new revisions of a scenario while reps are in the middle of role-plays on it.
// Every reply is still answered, each running role-play stays on the revision it started on, and a
// role-play started afterwards runs on the newest. Its own server, port and database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import {
	GOOD_REPLIES,
	SCENARIO_ID,
	missingTurns,
	playTurns,
	postAction,
	prepareDatabase,
	startServer,
	tornAttempts,
	type AppServer
} from '../support/app-server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 52;
const GREETING = 'Yongxin, purchasing. Wang speaking.';
const PUBLISHES = 3;

test('publishing during practice: no reply fails, running role-plays keep their revision, new ones get the newest', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-publish-'));
	const prepared = prepareDatabase(join(dir, 'app.db'), { reps: 6, attemptsPerRep: 20 });
	const attemptIds = prepared.reps.flatMap((rep) => rep.attemptIds);
	const authored = readFileSync(`content/en/scenarios/${SCENARIO_ID}.yaml`, 'utf8');
	expect(authored).toContain(`customer: ${GREETING}`);
	const server: AppServer = await startServer(prepared.path, PORT);
	try {
		const { origin } = server;
		const turnsPerAttempt = GOOD_REPLIES.length - 1;
		const total = attemptIds.length * turnsPerAttempt;
		// The last reply of every call waits until the publishing is over, so that on a fast machine
		// too each publish lands while the role-plays are running; the earlier replies keep coming.
		let publishingOver!: () => void;
		const lastTurnAfter = new Promise<void>((resolve) => (publishingOver = resolve));
		const load = playTurns(origin, prepared.reps, turnsPerAttempt, { lastTurnAfter });
		const beforeLastTurn = total - attemptIds.length;
		for (let n = 1; n <= PUBLISHES; n++) {
			await expect
				.poll(() => load.acknowledged.length, { timeout: 20_000, intervals: [5] })
				.toBeGreaterThanOrEqual((beforeLastTurn * n) / (PUBLISHES + 1));
			const editor = await (
				await fetch(`${origin}/studio/scenario/en/${SCENARIO_ID}`, {
					headers: { cookie: prepared.trainerCookie }
				})
			).text();
			const version = /name="version" value="([^"]+)"/.exec(editor)?.[1];
			expect(version, 'the editor carries the version it shows').toBeTruthy();
			const text = authored.replace(
				`customer: ${GREETING}`,
				`customer: ${GREETING} (revision ${n})`
			);
			expect(
				await postAction(
					origin,
					prepared.trainerCookie,
					`/studio/scenario/en/${SCENARIO_ID}?/publish`,
					{ text, version: version! }
				)
			).toMatchObject({ type: 'success' });
			expect(load.acknowledged.length, 'published while the role-plays were running').toBeLessThan(
				total
			);
		}
		publishingOver();
		await load.done;
		expect(load.acknowledged).toHaveLength(total);

		const db = new Database(prepared.path, { readonly: true });
		try {
			expect(missingTurns(db, load.acknowledged)).toEqual([]);
			expect(tornAttempts(db, attemptIds).torn).toEqual([]);
			const revisions = db.prepare<[string], { revision_id: string }>(
				'select distinct revision_id from attempts where id = ?'
			);
			expect(
				new Set(attemptIds.flatMap((id) => revisions.all(id).map((row) => row.revision_id))).size,
				'every running role-play on its first revision'
			).toBe(1);
			const greetings = db
				.prepare<[], { customer: string }>(
					"select distinct customer from turns where beat = 'greet'"
				)
				.all();
			expect(greetings).toEqual([{ customer: GREETING }]);
		} finally {
			db.close();
		}

		const rep = prepared.reps[0]!;
		const started = await postAction(origin, rep.cookie, `/practice/${SCENARIO_ID}?/start`, {
			mode: 'text'
		});
		expect(started.type).toBe('redirect');
		const page = await (
			await fetch(`${origin}${started.location}`, { headers: { cookie: rep.cookie } })
		).text();
		expect(page).toContain(`${GREETING} (revision ${PUBLISHES})`);
	} finally {
		server.process.kill('SIGKILL');
		await server.exited;
		rmSync(dir, { recursive: true, force: true });
	}
});
