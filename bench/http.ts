// Whole requests against the production build: start-up, a minimal endpoint, and a role-play turn
// (session, load, step, score, persist, answer), all on loopback, bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openDatabase } from '../src/lib/server/db';
import { insertUser } from '../src/lib/server/accounts';
import { createSession } from '../src/lib/server/auth/session';
import { syncContentOnFirstStart } from '../src/lib/server/bootstrap';
import { startAttempt } from '../src/lib/server/practice';
import { percentile, type BenchRow } from './table';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const REPLY = 'Good morning, Mr. Wang. This is Kevin from MetalHub, calling about your Gold membership renewal. Have you got two minutes?';

interface Fixture {
	databasePath: string;
	cookie: string;
	attemptIds: string[];
}

/** A database with the demo content, one rep with a session, and many fresh attempts to answer. */
function prepare(attemptCount: number): Fixture {
	const databasePath = join(mkdtempSync(join(tmpdir(), 'rehearse-bench-')), 'bench.db');
	const db = openDatabase(databasePath);
	syncContentOnFirstStart(db, 'content', () => {});
	const user = insertUser(db, { email: 'bench@example.com', name: 'Bench Rep', passwordHash: 'not used', roles: ['rep'] });
	const { token } = createSession(db, user.id);
	const attemptIds = db.transaction((tx) => Array.from({ length: attemptCount }, () => startAttempt(tx, user.id, 'renewal-price-objection', 'en', 'text')!.id));
	db.$client.close();
	return { databasePath, cookie: `rehearse_session=${token}`, attemptIds };
}

async function startServer(databasePath: string): Promise<{ server: ChildProcess; startupMs: number }> {
	const started = performance.now();
	const server = spawn('node', [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'build'], { env: { ...process.env, DATABASE_URL: databasePath, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN, DEMO: '0', ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'bench admin password' }, stdio: ['ignore', 'ignore', 'inherit'] });
	for (let i = 0; i < 300; i++) {
		try {
			const response = await fetch(`${ORIGIN}/health`);
			if (response.ok) return { server, startupMs: performance.now() - started };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	server.kill();
	throw new Error('the server did not answer within 3 s');
}

function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
}

function turnRequest(fixture: Fixture, next: () => string) {
	return {
		method: 'POST' as const,
		setupRequest: (request: Record<string, unknown>) => ({
			...request,
			path: `/attempts/${next()}?/reply`,
			headers: {
				cookie: fixture.cookie,
				origin: ORIGIN,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: `turn=0&reply=${encodeURIComponent(REPLY)}`
		})
	};
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
	return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

/** A small closed-loop client: `connections` loops, each sending the next request when one returns. */
async function latencies(connections: number, seconds: number, send: () => Promise<Response>): Promise<number[]> {
	const timings: number[] = [];
	const until = performance.now() + seconds * 1000;
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (performance.now() < until) {
				const t = performance.now();
				const response = await send();
				await response.arrayBuffer();
				if (!response.ok) throw new Error(`turn answered ${response.status}`);
				timings.push(performance.now() - t);
			}
		})
	);
	return timings.sort((a, b) => a - b);
}

export async function benchHttp(): Promise<BenchRow[]> {
	const fixture = prepare(40_000);
	const { server, startupMs } = await startServer(fixture.databasePath);
	let index = 0;
	const next = () => {
		const id = fixture.attemptIds[index++];
		if (!id) throw new Error('the benchmark ran out of prepared attempts');
		return id;
	};
	try {
		const minimal = await run({ url: `${ORIGIN}/health`, connections: 50, duration: 10 });
		const turns = await run({ url: ORIGIN, connections: 50, duration: 10, requests: [turnRequest(fixture, next)] });
		const body = `turn=0&reply=${encodeURIComponent(REPLY)}`;
		const five = await latencies(5, 5, () =>
			fetch(`${ORIGIN}/attempts/${next()}?/reply`, {
				method: 'POST',
				headers: { cookie: fixture.cookie, origin: ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
				body
			})
		);
		const rss = residentMegabytes(server.pid!);
		const ratio = turns.requests.average / minimal.requests.average;
		const errors = turns.errors + turns.non2xx;
		return [
			{ name: 'start-up to first answer', figure: `${startupMs.toFixed(0)} ms`, target: '< 1500 ms', holds: startupMs < 1500, value: startupMs },
			{ name: 'minimal endpoint, 50 connections: req/s', figure: `${Math.round(minimal.requests.average)}`, target: '—', holds: true, value: minimal.requests.average },
			{ name: 'role-play turn, 50 connections: req/s', figure: `${Math.round(turns.requests.average)}`, target: '—', holds: true, value: turns.requests.average },
			{ name: 'role-play turn ÷ minimal endpoint', figure: `${(ratio * 100).toFixed(0)} %`, target: '≥ 60 %', holds: ratio >= 0.6, value: ratio },
			{ name: 'role-play turn, 50 connections: p99', figure: `${turns.latency.p99} ms`, target: '—', holds: true, value: turns.latency.p99 },
			{ name: 'role-play turn, 50 connections: errors', figure: `${errors}`, target: '0', holds: errors === 0, value: errors },
			{ name: `role-play turn, 5 connections: p95 (${five.length} turns)`, figure: `${percentile(five, 95).toFixed(1)} ms`, target: '< 20 ms', holds: percentile(five, 95) < 20, value: percentile(five, 95) },
			{ name: 'resident memory after the load', figure: `${rss.toFixed(0)} MB`, target: '< 300 MB', holds: rss < 300, value: rss }
		];
	} finally {
		server.kill();
	}
}
