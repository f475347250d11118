// npm run test:soak: mixed traffic at 50 connections against the production build on its own port
// and database, for SOAK_SECONDS (default 300): role-plays started and answered, the practice list,
// the library, search and the team dashboard. Targets: the server runs to the end, no 5xx, every
// request answered, no role-play forked, and resident memory after the warm-up growing by less than
// 10 %. Prints its figures and exits non-zero when a target is missed. Loopback only; it stops by itself.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
	EXAMPLES,
	SCENARIO_ID,
	actionHeaders,
	prepareDatabase,
	residentMegabytes,
	startServer,
	type ActionAnswer,
	type PreparedRep
} from '../support/app-server';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const PORT = Number(process.env.SOAK_PORT ?? process.env.BENCH_PORT ?? 4391);
const CONNECTIONS = 50;
// Generous: the machine may be shared, and a slow answer is not a lost one. No answer at all is.
const TIMEOUT_SECONDS = 30;
// Memory is compared from the end of the warm-up (caches filled, code optimised) to the end.
const WARM_UP_SECONDS = Math.min(60, Math.max(5, Math.round(SECONDS / 5)));
const WINDOW_SECONDS = Math.min(30, Math.max(3, Math.round(SECONDS / 10)));

interface Running {
	kind: 'start' | 'turn';
	rep: PreparedRep;
	attemptId?: string;
	turn?: number;
}

interface Context {
	running?: Running;
	sentAt?: number;
}

/** Answer times by kind of request, ms: which part of the mix is slow when the whole is. */
const timings = new Map<string, number[]>();

function timed(context: Context, kind: string): void {
	if (context.sentAt === undefined) return;
	const list = timings.get(kind) ?? [];
	list.push(performance.now() - context.sentAt);
	timings.set(kind, list);
}

const counts = { started: 0, turns: 0, stale: 0, otherFailures: 0, finished: 0 };
/** The first few answers that were neither a success nor an expected refusal, to show. */
const unexpected: string[] = [];

/** Attempts waiting for their next reply; each is in at most one connection's hands at a time. */
const waiting: { attemptId: string; turn: number; rep: PreparedRep }[] = [];
let nextRep = 0;

/** Mostly good replies, some bad ones: role-plays are won, lost, and re-asked. */
function replyFor(attemptId: string, turn: number): string {
	const bad = attemptId.charCodeAt(attemptId.length - 1) % 5 === 0 && turn > 0;
	return bad
		? EXAMPLES.bad[turn % EXAMPLES.bad.length]!
		: EXAMPLES.good[turn % EXAMPLES.good.length]!;
}

function rolePlayRequest(origin: string, reps: readonly PreparedRep[]): autocannon.Request {
	return {
		method: 'POST',
		setupRequest: (request, context: Context) => {
			context.sentAt = performance.now();
			const next = waiting.shift();
			if (!next) {
				const rep = reps[nextRep++ % reps.length]!;
				context.running = { kind: 'start', rep };
				return {
					...request,
					path: `/practice/${SCENARIO_ID}?/start`,
					headers: actionHeaders(origin, rep.cookie),
					body: 'mode=text'
				};
			}
			context.running = { kind: 'turn', ...next };
			const body = new URLSearchParams({
				turn: String(next.turn),
				reply: replyFor(next.attemptId, next.turn)
			}).toString();
			return {
				...request,
				path: `/attempts/${next.attemptId}?/reply`,
				headers: actionHeaders(origin, next.rep.cookie),
				body
			};
		},
		onResponse: (status, body, context: Context) => {
			const running = context.running;
			if (running)
				timed(context, running.kind === 'start' ? 'start a role-play' : 'role-play turn');
			if (!running || status !== 200) return;
			let answer: ActionAnswer;
			try {
				answer = JSON.parse(body) as ActionAnswer;
			} catch {
				// Not an action's answer at all. Counted, never thrown: the run must finish and report.
				counts.otherFailures++;
				unexpected.push(`${running.kind} ${running.attemptId ?? ''}: ${body.slice(0, 120)}`);
				return;
			}
			if (running.kind === 'start') {
				const attemptId =
					answer.type === 'redirect' ? answer.location?.split('/').pop() : undefined;
				if (!attemptId) {
					counts.otherFailures++;
					unexpected.push(`start: ${body.slice(0, 120)}`);
					return;
				}
				counts.started++;
				waiting.push({ attemptId, turn: 0, rep: running.rep });
			} else if (answer.type === 'success') {
				counts.turns++;
				waiting.push({ attemptId: running.attemptId!, turn: running.turn! + 1, rep: running.rep });
			} else if (answer.data?.includes('"ended"')) {
				// The previous reply ended the role-play (won, lost or hung up): the next one is refused.
				counts.finished++;
			} else if (answer.data?.includes('"stale"')) {
				counts.stale++;
			} else {
				counts.otherFailures++;
				unexpected.push(`${running.kind} ${running.attemptId ?? ''}: ${body.slice(0, 120)}`);
			}
		}
	};
}

function page(origin: string, cookie: string, path: string): autocannon.Request {
	return {
		method: 'GET',
		path,
		headers: { cookie, origin },
		setupRequest: (request, context: Context) => {
			context.sentAt = performance.now();
			return request;
		},
		onResponse: (_status, _body, context: Context) => timed(context, decodeURIComponent(path))
	};
}

function quantile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

const median = (values: readonly number[]): number => quantile(values, 0.5);

function run(options: autocannon.Options): Promise<autocannon.Result> {
	return new Promise((resolve, reject) =>
		autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
	);
}

execSync('npx vite build --logLevel error', { stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'rehearse-soak-'));
const prepared = prepareDatabase(join(dir, 'soak.db'), { reps: 20, attemptsPerRep: 0 });
const server = await startServer(prepared.path, PORT);
const pid = server.process.pid!;
const samples: { at: number; megabytes: number }[] = [];
const started = Date.now();
let serverExited = false;
void server.exited.then(() => (serverExited = true));
let ranToEnd: boolean;
const sampler = setInterval(() => {
	if (!serverExited)
		samples.push({ at: (Date.now() - started) / 1000, megabytes: residentMegabytes(pid) });
}, 1000);
console.log(
	`Soak: ${SECONDS} s at ${CONNECTIONS} connections on ${server.origin} (memory from ${WARM_UP_SECONDS} s on)…`
);

let result: autocannon.Result;
try {
	const rep = prepared.reps[0]!.cookie;
	const turn = rolePlayRequest(server.origin, prepared.reps);
	result = await run({
		url: server.origin,
		connections: CONNECTIONS,
		duration: SECONDS,
		timeout: TIMEOUT_SECONDS,
		requests: [
			turn,
			page(server.origin, rep, '/practice'),
			turn,
			page(server.origin, rep, '/library'),
			turn,
			page(server.origin, rep, `/search?q=${encodeURIComponent('price')}`),
			turn,
			page(server.origin, rep, `/search?q=${encodeURIComponent('太貴')}`),
			turn,
			page(server.origin, prepared.managerCookie, '/team/dashboard')
		]
	});
} finally {
	clearInterval(sampler);
	ranToEnd = !serverExited;
	server.process.kill('SIGTERM');
	await server.exited;
	rmSync(dir, { recursive: true, force: true });
}

const serverErrors = Object.entries(result.statusCodeStats ?? {}).reduce(
	(sum, [code, stat]) => sum + (Number(code) >= 500 ? stat.count : 0),
	0
);
// autocannon counts a request that got no answer within its timeout among the errors too.
const failedConnections = result.errors;
const baseline = median(
	samples
		.filter((s) => s.at >= WARM_UP_SECONDS && s.at < WARM_UP_SECONDS + WINDOW_SECONDS)
		.map((s) => s.megabytes)
);
const final = median(
	samples.filter((s) => s.at >= SECONDS - WINDOW_SECONDS).map((s) => s.megabytes)
);
const growth = (final - baseline) / baseline;

const rows = [
	{
		name: 'requests',
		figure: `${result.requests.total} (${Math.round(result.requests.average)}/s)`,
		target: '—',
		holds: true
	},
	{
		name: 'role-plays started / turns answered / ended',
		figure: `${counts.started} / ${counts.turns} / ${counts.finished}`,
		target: '—',
		holds: true
	},
	{
		name: 'latency p50 / p99',
		figure: `${result.latency.p50} / ${result.latency.p99} ms`,
		target: '—',
		holds: true
	},
	{
		name: 'server running to the end',
		figure: ranToEnd ? 'yes' : 'no',
		target: 'yes',
		holds: ranToEnd
	},
	{ name: 'answers 5xx', figure: `${serverErrors}`, target: '0', holds: serverErrors === 0 },
	{
		name: `requests without an answer (of which timeouts, > ${TIMEOUT_SECONDS} s)`,
		figure: `${failedConnections} (${result.timeouts})`,
		target: '0',
		holds: failedConnections === 0
	},
	{
		name: 'other answers than 2xx',
		figure: `${result.non2xx}`,
		target: '0',
		holds: result.non2xx === 0
	},
	{
		name: 'replies refused as stale (a fork)',
		figure: `${counts.stale}`,
		target: '0',
		holds: counts.stale === 0
	},
	{
		name: 'unexpected action failures',
		figure: `${counts.otherFailures}`,
		target: '0',
		holds: counts.otherFailures === 0
	},
	{
		name: `resident memory at ${WARM_UP_SECONDS} s → end`,
		figure: `${baseline.toFixed(0)} → ${final.toFixed(0)} MB`,
		target: '—',
		holds: true
	},
	{
		name: 'resident memory growth after the warm-up',
		figure: `${(growth * 100).toFixed(1)} %`,
		target: '< 10 %',
		holds: growth < 0.1
	}
];
const width = Math.max(...rows.map((row) => row.name.length));
console.log(`\n${'soak'.padEnd(width)}  ${'figure'.padStart(24)}  ${'target'.padStart(7)}  holds`);
for (const row of rows)
	console.log(
		`${row.name.padEnd(width)}  ${row.figure.padStart(24)}  ${row.target.padStart(7)}  ${row.target === '—' ? '' : row.holds ? 'yes' : 'NO'}`
	);
for (const [kind, list] of [...timings].sort())
	console.log(
		`${kind}: ${list.length} answers, p50 ${quantile(list, 0.5).toFixed(0)} ms, p99 ${quantile(list, 0.99).toFixed(0)} ms`
	);
console.log(
	`memory, MB, every ${Math.max(1, Math.round(samples.length / 20))} s: ${samples
		.filter((_, i) => i % Math.max(1, Math.round(samples.length / 20)) === 0)
		.map((s) => s.megabytes.toFixed(0))
		.join(' ')}`
);
for (const answer of unexpected.slice(0, 5)) console.log(`unexpected answer: ${answer}`);
const missed = rows.filter((row) => !row.holds);
if (missed.length > 0) {
	console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} missed.`);
	process.exitCode = 1;
}
