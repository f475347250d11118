// The production build as a separate process on a database prepared for the test: what the crash
// test kills and restarts, and what the soak test loads. Loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { parse } from 'yaml';
import { openDatabase } from '../../src/lib/server/db';
import { insertUser } from '../../src/lib/server/accounts/users';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { syncContentOnFirstStart } from '../../src/lib/server/bootstrap';
import { addTeamMember, createTeam } from '../../src/lib/server/accounts/teams';
import { startAttempt } from '../../src/lib/server/practice/attempts';

export const SCENARIO_ID = 'renewal-price-objection';

/** The demo scenario's playtest replies: each good one moves the customer on by one beat. */
export const EXAMPLES = (
	parse(readFileSync(`content/en/scenarios/${SCENARIO_ID}.yaml`, 'utf8')) as {
		examples: { good: string[]; bad: string[] };
	}
).examples;
export const GOOD_REPLIES: readonly string[] = EXAMPLES.good;

export interface PreparedRep {
	id: string;
	cookie: string;
	attemptIds: string[];
}

export interface PreparedDatabase {
	path: string;
	reps: PreparedRep[];
	/** The manager of every rep's team: for the dashboard. */
	managerCookie: string;
	trainerCookie: string;
}

/**
 * Writes a database with the demo content, a team of reps with a session each (signing in would
 * only cost argon2 time), their manager, a trainer, and fresh text-mode attempts for each rep.
 */
export function prepareDatabase(
	path: string,
	options: { reps: number; attemptsPerRep: number }
): PreparedDatabase {
	const db = openDatabase(path);
	try {
		syncContentOnFirstStart(db, 'content', () => {});
		return db.transaction((tx) => {
			const team = createTeam(tx, 'Reliability');
			const manager = insertUser(tx, {
				email: 'manager@reliability.test',
				name: 'Manager',
				passwordHash: 'not used',
				roles: ['manager']
			});
			addTeamMember(tx, team.id, manager.id, 'manager');
			const reps = Array.from({ length: options.reps }, (_, i) => {
				const user = insertUser(tx, {
					email: `rep${i}@reliability.test`,
					name: `Rep ${i}`,
					passwordHash: 'not used',
					roles: ['rep']
				});
				addTeamMember(tx, team.id, user.id, 'rep');
				const attemptIds = Array.from(
					{ length: options.attemptsPerRep },
					() => startAttempt(tx, user.id, SCENARIO_ID, 'en', 'text')!.id
				);
				return { id: user.id, cookie: sessionCookie(createSession(tx, user.id).token), attemptIds };
			});
			const trainer = insertUser(tx, {
				email: 'trainer@reliability.test',
				name: 'Trainer',
				passwordHash: 'not used',
				roles: ['trainer']
			});
			return {
				path,
				reps,
				managerCookie: sessionCookie(createSession(tx, manager.id).token),
				trainerCookie: sessionCookie(createSession(tx, trainer.id).token)
			};
		});
	} finally {
		db.$client.close();
	}
}

function sessionCookie(token: string): string {
	return `${SESSION_COOKIE}=${token}`;
}

export interface AppServer {
	process: ChildProcess;
	origin: string;
	/** Resolves when the process has exited. */
	exited: Promise<void>;
}

/** Starts `node build` on the database and waits for its first answer (at most 10 s). */
export async function startServer(databasePath: string, port: number): Promise<AppServer> {
	const origin = `http://127.0.0.1:${port}`;
	// Something already answering there would be taken for this server.
	const taken = await fetch(`${origin}/health`).then(
		() => true,
		() => false
	);
	if (taken) throw new Error(`port ${port} is already in use`);
	const child = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			DATABASE_URL: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DEMO: '0',
			ADMIN_EMAIL: 'admin@reliability.test',
			ADMIN_PASSWORD: 'reliability admin password'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	// However this process ends (a failed test, an exception), the server ends with it.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			process.off('exit', killOnExit);
			resolve();
		})
	);
	for (let i = 0; i < 200; i++) {
		if (child.exitCode !== null)
			throw new Error(`the server exited with ${child.exitCode} before answering`);
		try {
			if ((await fetch(`${origin}/health`)).ok) return { process: child, origin, exited };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	child.kill('SIGKILL');
	throw new Error('the server did not answer within 10 s');
}

/** The headers of a form action posted as the app's own enhanced forms post it (JSON answer). */
export function actionHeaders(origin: string, cookie: string): Record<string, string> {
	return {
		cookie,
		origin,
		accept: 'application/json',
		'x-sveltekit-action': 'true',
		'content-type': 'application/x-www-form-urlencoded'
	};
}

/** A form action's answer, as Kit sends it to an enhanced form. */
export interface ActionAnswer {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status?: number;
	location?: string;
	/** Kit's devalue encoding of the action's data. */
	data?: string;
}

export async function postAction(
	origin: string,
	cookie: string,
	path: string,
	fields: Record<string, string>
): Promise<ActionAnswer> {
	const response = await fetch(`${origin}${path}`, {
		method: 'POST',
		headers: actionHeaders(origin, cookie),
		body: new URLSearchParams(fields).toString()
	});
	if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
	return (await response.json()) as ActionAnswer;
}

export function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
}

export interface Acknowledged {
	attemptId: string;
	index: number;
	reply: string;
}

export interface TurnLoad {
	/** Every turn the server answered as taken, in the order the answers came. */
	acknowledged: Acknowledged[];
	/** Resolves when every rep has stopped; rejects on any answer other than success. */
	done: Promise<void>;
	/** No new turns from here; a request that fails from now on (a killed server) is not an error. */
	stop: () => void;
}

/**
 * Each rep answers their attempts round-robin with the scenario's good replies, one request in
 * flight per rep, until every attempt has `turnsPerAttempt` turns or the load is stopped.
 */
export function playTurns(
	origin: string,
	reps: readonly PreparedRep[],
	turnsPerAttempt: number,
	options: { lastTurnAfter?: Promise<unknown> } = {}
): TurnLoad {
	const acknowledged: Acknowledged[] = [];
	let stopped = false;
	const playRep = async (rep: PreparedRep) => {
		for (let turn = 0; turn < turnsPerAttempt; turn++) {
			// A test that must act while every role-play is still running holds the last turn back.
			if (turn === turnsPerAttempt - 1) await options.lastTurnAfter;
			for (const attemptId of rep.attemptIds) {
				if (stopped) return;
				const reply = GOOD_REPLIES[turn]!;
				let answer: ActionAnswer;
				try {
					answer = await postAction(origin, rep.cookie, `/attempts/${attemptId}?/reply`, {
						turn: String(turn),
						reply
					});
				} catch (cause) {
					if (stopped) return;
					throw cause;
				}
				if (answer.type !== 'success')
					throw new Error(`turn ${turn} of ${attemptId} was answered ${JSON.stringify(answer)}`);
				acknowledged.push({ attemptId, index: turn, reply });
			}
		}
	};
	const done = Promise.all(reps.map(playRep)).then(() => undefined);
	return { acknowledged, done, stop: () => (stopped = true) };
}

/** Acknowledged turns that the database does not hold (with the reply that was sent). */
export function missingTurns(
	db: Database.Database,
	acknowledged: readonly Acknowledged[]
): Acknowledged[] {
	const turnAt = db.prepare<[string, number], { reply: string }>(
		'select reply from turns where attempt_id = ? and "index" = ?'
	);
	return acknowledged.filter((ack) => turnAt.get(ack.attemptId, ack.index)?.reply !== ack.reply);
}

/**
 * Attempts that are torn: whose turn count, stored turns (numbered 0…n-1) and state machine
 * snapshot do not agree. Returns the total of stored turns too.
 */
export function tornAttempts(
	db: Database.Database,
	attemptIds: readonly string[]
): { torn: string[]; turns: number } {
	const attemptOf = db.prepare<[string], { turn_count: number; snapshot: string }>(
		'select turn_count, snapshot from attempts where id = ?'
	);
	const indexesOf = db.prepare<[string], { index: number }>(
		'select "index" from turns where attempt_id = ? order by "index"'
	);
	const torn: string[] = [];
	let turns = 0;
	for (const id of attemptIds) {
		const attempt = attemptOf.get(id);
		const indexes = indexesOf.all(id).map((row) => row.index);
		const snapshotTurns = attempt
			? (JSON.parse(attempt.snapshot) as { context: { turns: number } }).context.turns
			: -1;
		if (
			!attempt ||
			snapshotTurns !== attempt.turn_count ||
			indexes.length !== attempt.turn_count ||
			indexes.some((index, i) => index !== i)
		)
			torn.push(id);
		turns += indexes.length;
	}
	return { torn, turns };
}
