// Whole requests against the production build on the data set, each beside a baseline of the same
// build measured in the same run: a role-play turn (session, load, step, score, persist, answer)
// beside the minimal endpoint, and the main pages beside the minimal page. Then start-up and memory.
import { join } from 'node:path';
import { startFakeTranscriber } from '../tests/e2e/fake-transcriber';
import { runLoad, type LoadResult } from './load';
import { cpuMilliseconds, originOf, residentMegabytes, startServer, stopServer } from './server';
import { atLeast, atMost, below, measured, none, share, type BenchRow } from './table';
import type { Fixture } from './fixture';
import type { BenchPlan } from './run';
import {
	diskPerRepHour,
	runSpokenTurns,
	sendSpokenTurn,
	settledRecordings,
	SPOKEN_TURN_P95_MS,
	spokenRecordings,
	storedSince
} from './spoken';

const REPLY =
	'Good morning, Mr. Wang. This is Kevin from MetalHub, calling about your Gold membership renewal. Have you got two minutes?';
/** Server CPU a view, as a multiple of the minimal page's: what a rep opens, and a manager's pages at their page size. */
const REP_PAGE_CPU = 2.5;
const MANAGER_PAGE_CPU = 4;
const PAGE_P95_MS = 100;

interface Page {
	name: string;
	path: string;
	/** Several views of the page, requested in turn (`path` is the first): see Fixture.resultPaths. */
	paths?: string[];
	cookie: string;
	/** The most server CPU a view may take, as a multiple of the minimal page's. */
	cpuLimit: number;
}

/**
 * What the practice room's enhanced form sends for a first reply; `path` is the role-play's (the
 * caller's `next` gives it). Sent to `/status?/ping` with a session, it is the minimal form post.
 */
export function turnPost(origin: string) {
	return {
		origin,
		path: '/',
		method: 'POST' as const,
		headers: {
			origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: `turn=0&reply=${encodeURIComponent(REPLY)}`
	};
}

export async function benchServer(fixture: Fixture, plan: BenchPlan): Promise<BenchRow[]> {
	// The voice e2e's fake transcription server, on the next port: answers at once, so the spoken
	// turn measures the upload, the call to it, the file written and the scoring.
	const transcriber = await startFakeTranscriber(plan.port + 1);
	try {
		return await benchServerWith(fixture, plan, transcriber.url);
	} finally {
		await transcriber.stop();
	}
}

async function benchServerWith(
	fixture: Fixture,
	plan: BenchPlan,
	transcriberUrl: string
): Promise<BenchRow[]> {
	const { server, startupMs } = await startServer(
		fixture.databasePath,
		plan.port,
		{ STT_URL: transcriberUrl },
		fixture.clock
	);
	const ORIGIN = originOf(plan.port);
	const { seconds } = plan;
	let index = 0;
	const nextTurn = () => {
		const turn = fixture.turns[index++];
		if (!turn) throw new Error('the benchmark ran out of prepared role-plays');
		return { path: turn.path, headers: { cookie: turn.cookie } };
	};
	const turnRequest = turnPost(ORIGIN);
	const turnLoad = (connections: number, duration: number) =>
		runLoad({ ...turnRequest, connections, seconds: duration, next: nextTurn });
	const pageLoad = (
		page: Pick<Page, 'path' | 'paths' | 'cookie'>,
		connections: number,
		duration: number
	) => {
		const headers = { cookie: page.cookie, accept: 'text/html' };
		const { paths } = page;
		let next = 0;
		return runLoad({
			origin: ORIGIN,
			path: page.path,
			connections,
			seconds: duration,
			headers,
			next: paths ? () => ({ path: paths[next++ % paths.length]!, headers }) : undefined
		});
	};
	try {
		const rows: BenchRow[] = [
			below('start-up to first answer, on the data set', startupMs, 1500, 'ms')
		];
		if (plan.only === 'spoken')
			return [...rows, ...(await spokenTurnRows(server.pid!, ORIGIN, fixture, seconds, null))];

		// A role-play turn beside the minimal endpoint measured the same way: the same signed-in form
		// post (session, origin check, the same form read) to an action that does nothing else. The
		// turn's own work (load, step, score, persist) is what the ratio is about. /health, a GET
		// without a session, is printed too: no form post of this build reaches 60 % of it (the
		// do-nothing post itself is at about 40 %), so it cannot be the turn's yardstick.
		const minimalPost = (connections: number, duration: number) =>
			runLoad({
				...turnRequest,
				path: '/status?/ping',
				headers: { ...turnRequest.headers, cookie: fixture.turns[0]!.cookie },
				connections,
				seconds: duration
			});
		await runLoad({ origin: ORIGIN, path: '/health', connections: 10, seconds: seconds.warmUp });
		await minimalPost(5, seconds.warmUp);
		await turnLoad(5, seconds.warmUp);
		const health = await runLoad({
			origin: ORIGIN,
			path: '/health',
			connections: 50,
			seconds: seconds.turns
		});
		const minimal = await minimalPost(50, seconds.turns);
		const turns = await turnLoad(50, seconds.turns);
		const five = await turnLoad(5, seconds.fewTurns);
		rows.push(
			measured('/health (GET, no session), 50 connections: req/s', health.rps),
			measured(
				"minimal form post /status?/ping (signed in, the turn's form), 50 connections: req/s",
				minimal.rps
			),
			measured('role-play turn, 50 connections: req/s', turns.rps),
			atLeast('role-play turn ÷ minimal form post', turns.rps / minimal.rps, 0.6),
			share('role-play turn ÷ /health (for reference)', turns.rps / health.rps),
			measured('role-play turn, 50 connections: p99', turns.p99, 'ms'),
			none(
				'role-play turn and baselines, 50 connections: errors',
				turns.errors + minimal.errors + health.errors + five.errors
			),
			below(`role-play turn, 5 connections: p95 (${five.requests} turns)`, five.p95, 20, 'ms', 1)
		);

		rows.push(...(await spokenTurnRows(server.pid!, ORIGIN, fixture, seconds, turns.rps)));

		// The pages people open, beside the minimal page, all as signed-in users with the same session
		// work: what a rep opens, then the managers' pages at their page size.
		const { rep, manager } = fixture.cookies;
		const pages: Page[] = [
			{ name: 'home', path: '/', cookie: rep, cpuLimit: REP_PAGE_CPU },
			{ name: 'practice list', path: '/practice', cookie: rep, cpuLimit: REP_PAGE_CPU },
			{ name: 'practice room', path: fixture.roomPath, cookie: rep, cpuLimit: REP_PAGE_CPU },
			{
				name: `result page (${fixture.resultPaths.length} of the rep's, in turn)`,
				path: fixture.resultPaths[0]!,
				paths: fixture.resultPaths,
				cookie: rep,
				cpuLimit: REP_PAGE_CPU
			},
			{
				name: 'library entry',
				path: '/library/price-too-high',
				cookie: rep,
				cpuLimit: REP_PAGE_CPU
			},
			{
				name: 'knowledge article',
				path: '/knowledge/competitor-baiyetong',
				cookie: rep,
				cpuLimit: REP_PAGE_CPU
			},
			{ name: 'review', path: '/review', cookie: rep, cpuLimit: REP_PAGE_CPU },
			{
				name: 'team dashboard (20 reps)',
				path: '/team/dashboard',
				cookie: manager,
				cpuLimit: MANAGER_PAGE_CPU
			},
			{
				name: 'weak spots (10 reps)',
				path: '/team/weak-spots',
				cookie: manager,
				cpuLimit: MANAGER_PAGE_CPU
			},
			{
				name: 'interview comparison (25)',
				path: fixture.comparePath,
				cookie: manager,
				cpuLimit: MANAGER_PAGE_CPU
			},
			{
				name: 'onboarding cohort',
				path: fixture.cohortPath,
				cookie: manager,
				cpuLimit: MANAGER_PAGE_CPU
			}
		];
		const status = { name: 'minimal page /status', path: '/status', cookie: rep };
		// A page's server CPU a view and its size: what the page itself costs.
		const measurePage = async (page: Pick<Page, 'path' | 'paths' | 'cookie'>) => {
			let bytes = 0;
			const paths = page.paths ?? [page.path];
			for (const path of paths) {
				const response = await fetch(ORIGIN + path, {
					headers: { cookie: page.cookie },
					redirect: 'manual'
				});
				if (!response.ok)
					throw new Error(
						`GET ${path} answered ${response.status} ${response.headers.get('location') ?? ''}`
					);
				bytes += (await response.arrayBuffer()).byteLength;
			}
			// Of several views, their average size.
			const kilobytes = bytes / paths.length / 1024;
			await pageLoad(page, 5, seconds.warmUp);
			const cpuBefore = cpuMilliseconds(server.pid!);
			const result: LoadResult = await pageLoad(page, 20, seconds.page);
			const cpuPerView = (cpuMilliseconds(server.pid!) - cpuBefore) / result.requests;
			return {
				result,
				cpuPerView,
				about: `${Math.round(result.rps)}/s, ${cpuPerView.toFixed(2)} ms CPU a view, ${kilobytes.toFixed(0)} kB`
			};
		};
		// The minimal page is measured again right before each page, and each page is compared with
		// that run: a machine whose speed drifts during the minutes of a run moves both alike.
		const pageRows: BenchRow[] = [];
		const baselines: Awaited<ReturnType<typeof measurePage>>[] = [];
		let pageErrors = 0;
		for (const page of pages) {
			const baseline = await measurePage(status);
			const { result, cpuPerView, about } = await measurePage(page);
			baselines.push(baseline);
			pageErrors += baseline.result.errors + result.errors;
			const rate = `req/s ${((result.rps / baseline.result.rps) * 100).toFixed(0)} % of it`;
			pageRows.push(
				atMost(
					`${page.name}: server CPU a view ÷ /status's just before (${about}; ${rate})`,
					cpuPerView / baseline.cpuPerView,
					page.cpuLimit
				),
				below(`${page.name}, 20 connections: p95`, result.p95, PAGE_P95_MS, 'ms', 1)
			);
		}
		const byRate = [...baselines].sort((a, b) => a.result.rps - b.result.rps);
		const median = byRate[Math.floor(byRate.length / 2)]!;
		rows.push(
			measured(
				`${status.name}, 20 connections: req/s, median of its ${baselines.length} runs (${median.about}; runs ${Math.round(byRate[0]!.result.rps)}–${Math.round(byRate.at(-1)!.result.rps)}/s)`,
				median.result.rps
			),
			measured(`${status.name}, 20 connections: p95 of that run`, median.result.p95, 'ms', 1),
			...pageRows
		);
		rows.push(none('pages, 20 connections: errors', pageErrors));
		rows.push(below('resident memory after the load', residentMegabytes(server.pid!), 300, 'MB'));
		return rows;
	} finally {
		await stopServer(server);
	}
}

/**
 * The spoken turn: the reply form's multipart post with a 20-second recording, transcribed by the
 * fake server, written to disk and scored; first as a browser sends it (WebM/Opus), then as the
 * WAV the server also takes. `typedRps`, the typed turn's rate when it was measured: beside it,
 * what the upload, the transcription call and the file cost on top.
 */
async function spokenTurnRows(
	serverPid: number,
	origin: string,
	fixture: Fixture,
	seconds: BenchPlan['seconds'],
	typedRps: number | null
): Promise<BenchRow[]> {
	let spokenIndex = 0;
	const nextSpokenTurn = () => {
		const turn = fixture.spokenTurns[spokenIndex++];
		if (!turn) throw new Error('the benchmark ran out of prepared spoken role-plays');
		return { path: turn.path, headers: { cookie: turn.cookie } };
	};
	const rows: BenchRow[] = [];
	for (const recording of spokenRecordings()) {
		const spokenLoad = (connections: number, duration: number) =>
			runSpokenTurns({ origin, connections, seconds: duration, next: nextSpokenTurn }, recording);
		// One turn alone first, its answer checked: the run's figures stand for turns that worked.
		await sendSpokenTurn(origin, nextSpokenTurn(), recording);
		await spokenLoad(5, seconds.warmUp);
		const recordingsBefore = await settledRecordings(
			fixture.databasePath,
			join(fixture.dir, 'recordings')
		);
		// CPU a turn of the server and of this process (the load and the fake transcriber share it):
		// which of the two a slow run waited on.
		const serverCpuBefore = cpuMilliseconds(serverPid);
		const benchCpuBefore = process.cpuUsage();
		const spoken = await spokenLoad(20, seconds.spoken);
		const benchCpu = process.cpuUsage(benchCpuBefore);
		const serverCpuPerTurn = (cpuMilliseconds(serverPid) - serverCpuBefore) / spoken.requests;
		const benchCpuPerTurn = (benchCpu.user + benchCpu.system) / 1000 / spoken.requests;
		const storedNow = await settledRecordings(
			fixture.databasePath,
			join(fixture.dir, 'recordings')
		);
		// The disk this recording's run took; whether any turn so far lacks its file or row.
		const disk = diskPerRepHour(storedSince(recordingsBefore, storedNow), recording);
		const name = `spoken turn, ${recording.label}`;
		rows.push(
			measured(
				`${name} (${(recording.bytes.length / 1024).toFixed(0)} kB: upload, fake transcription, store, score), 20 connections: req/s`,
				spoken.rps
			),
			measured(`${name}, 20 connections: p50`, spoken.p50, 'ms', 1),
			recording.target
				? below(
						`${name}, 20 connections: p95 (${spoken.requests} turns)`,
						spoken.p95,
						SPOKEN_TURN_P95_MS,
						'ms',
						1
					)
				: measured(
						`${name}, 20 connections: p95 (${spoken.requests} turns; for reference)`,
						spoken.p95,
						'ms',
						1
					),
			...(typedRps === null
				? []
				: [share(`${name} ÷ typed role-play turn, req/s (for reference)`, spoken.rps / typedRps)]),
			measured(`${name}: server CPU each`, serverCpuPerTurn, 'ms', 1),
			measured(
				`${name}: the bench process's CPU each (the load and the fake transcriber)`,
				benchCpuPerTurn,
				'ms',
				1
			),
			none(`${name}, 20 connections: errors`, spoken.errors),
			none(
				`${name}: turns without their stored file or row (${storedNow.rows} rows, ${storedNow.files} files so far)`,
				Math.abs(storedNow.rows - storedNow.files) + (storedNow.rows === 0 ? 1 : 0)
			),
			measured(disk.label, disk.megabytes, 'MB', 1)
		);
	}
	return rows;
}
