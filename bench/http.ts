// Whole requests against the production build on the data set, each beside a baseline of the same
// build measured in the same run: a role-play turn (session, load, step, score, persist, answer)
// beside the minimal endpoint, and the main pages beside the minimal page. Then start-up and memory.
import { runLoad, type LoadResult } from './load';
import { cpuMilliseconds, ORIGIN, residentMegabytes, startServer, stopServer } from './server';
import { atLeast, below, measured, none, share, type BenchRow } from './table';
import type { Fixture } from './fixture';

const REPLY = 'Good morning, Mr. Wang. This is Kevin from MetalHub, calling about your Gold membership renewal. Have you got two minutes?';
const TURN_SECONDS = 10;
const PAGE_SECONDS = 8;
/** Enough fresh role-plays for both turn runs at well over any throughput this machine reaches. */
export const TURNS_NEEDED = 40_000;

interface Page {
	name: string;
	path: string;
	cookie: string;
	/** The p95 target, where the issue sets one. */
	p95Limit?: number;
}

export async function benchServer(fixture: Fixture): Promise<BenchRow[]> {
	const { server, startupMs } = await startServer(fixture.databasePath);
	let index = 0;
	const nextTurn = () => {
		const turn = fixture.turns[index++];
		if (!turn) throw new Error('the benchmark ran out of prepared role-plays');
		return { path: turn.path, headers: { cookie: turn.cookie } };
	};
	// What the practice room's enhanced form sends.
	const turnRequest = {
		origin: ORIGIN,
		path: '/',
		method: 'POST' as const,
		headers: { origin: ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: `turn=0&reply=${encodeURIComponent(REPLY)}`
	};
	const turnLoad = (connections: number, seconds: number) => runLoad({ ...turnRequest, connections, seconds, next: nextTurn });
	const pageLoad = (page: Pick<Page, 'path' | 'cookie'>, connections: number, seconds: number) =>
		runLoad({ origin: ORIGIN, path: page.path, connections, seconds, headers: { cookie: page.cookie, accept: 'text/html' } });
	try {
		const rows: BenchRow[] = [below('start-up to first answer, on the data set', startupMs, 1500, 'ms')];

		// A role-play turn beside the minimal endpoint measured the same way: the same signed-in form
		// post (session, origin check, the same form read) to an action that does nothing else. The
		// turn's own work (load, step, score, persist) is what the ratio is about. /health, a GET
		// without a session, is printed too: no form post of this build reaches 60 % of it (the
		// do-nothing post itself is at about 40 %), so it cannot be the turn's yardstick.
		const minimalPost = (connections: number, seconds: number) =>
			runLoad({ ...turnRequest, path: '/status?/ping', headers: { ...turnRequest.headers, cookie: fixture.turns[0]!.cookie }, connections, seconds });
		await runLoad({ origin: ORIGIN, path: '/health', connections: 10, seconds: 1 });
		await minimalPost(5, 1);
		await turnLoad(5, 1);
		const health = await runLoad({ origin: ORIGIN, path: '/health', connections: 50, seconds: TURN_SECONDS });
		const minimal = await minimalPost(50, TURN_SECONDS);
		const turns = await turnLoad(50, TURN_SECONDS);
		const five = await turnLoad(5, 5);
		rows.push(
			measured('/health (GET, no session), 50 connections: req/s', health.rps),
			measured('minimal form post /status?/ping (signed in, the turn\'s form), 50 connections: req/s', minimal.rps),
			measured('role-play turn, 50 connections: req/s', turns.rps),
			atLeast('role-play turn ÷ minimal form post', turns.rps / minimal.rps, 0.6),
			share('role-play turn ÷ /health (for reference)', turns.rps / health.rps),
			measured('role-play turn, 50 connections: p99', turns.p99, 'ms'),
			none('role-play turn and baselines, 50 connections: errors', turns.errors + minimal.errors + health.errors + five.errors),
			below(`role-play turn, 5 connections: p95 (${five.requests} turns)`, five.p95, 20, 'ms', 1)
		);

		// The main pages beside the minimal page, all as signed-in users with the same session work.
		const pages: Page[] = [
			{ name: 'practice list', path: '/practice', cookie: fixture.cookies.rep },
			{ name: 'result page', path: fixture.resultPath, cookie: fixture.cookies.rep },
			{ name: 'library entry', path: '/library/price-too-high', cookie: fixture.cookies.rep },
			{ name: 'team dashboard (a page of 20 reps)', path: '/team/dashboard', cookie: fixture.cookies.manager, p95Limit: 100 },
			{ name: 'weak spots', path: '/team/weak-spots', cookie: fixture.cookies.manager },
			{ name: 'interview comparison', path: fixture.comparePath, cookie: fixture.cookies.manager }
		];
		const status: Page = { name: 'minimal page /status', path: '/status', cookie: fixture.cookies.rep };
		// Each page's server CPU per view and size go beside its ratio: what the page itself costs.
		const measurePage = async (page: Page) => {
			await pageLoad(page, 5, 1);
			const cpuBefore = cpuMilliseconds(server.pid!);
			const result: LoadResult = await pageLoad(page, 20, PAGE_SECONDS);
			const cpuPerView = (cpuMilliseconds(server.pid!) - cpuBefore) / result.requests;
			const kilobytes = (await fetch(ORIGIN + page.path, { headers: { cookie: page.cookie } }).then((response) => response.arrayBuffer())).byteLength / 1024;
			return { result, about: `${Math.round(result.rps)}/s, ${cpuPerView.toFixed(2)} ms CPU a view, ${kilobytes.toFixed(0)} kB` };
		};
		// The minimal page is measured again right before each page, and each page is compared with
		// that run: a machine whose speed drifts during the minutes of a run moves both alike.
		const pageRows: BenchRow[] = [];
		const baselines: { result: LoadResult; about: string }[] = [];
		let pageErrors = 0;
		for (const page of pages) {
			const baseline = await measurePage(status);
			const { result, about } = await measurePage(page);
			baselines.push(baseline);
			pageErrors += baseline.result.errors + result.errors;
			pageRows.push(
				atLeast(`${page.name}, 20 connections: req/s ÷ minimal page just before (${about})`, result.rps / baseline.result.rps, 0.5),
				page.p95Limit ? below(`${page.name}, 20 connections: p95`, result.p95, page.p95Limit, 'ms', 1) : measured(`${page.name}, 20 connections: p95`, result.p95, 'ms', 1)
			);
		}
		const byRate = [...baselines].sort((a, b) => a.result.rps - b.result.rps);
		const median = byRate[Math.floor(byRate.length / 2)]!;
		rows.push(
			measured(`${status.name}, 20 connections: req/s, median of its ${baselines.length} runs (${median.about}; runs ${Math.round(byRate[0]!.result.rps)}–${Math.round(byRate.at(-1)!.result.rps)}/s)`, median.result.rps),
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
