// npm run bench:ab -- FOLDER: the build in FOLDER (inside the project: the one before a change)
// against `build`, request by request, on the bench's data set. Both servers run at once, and the
// load goes to one, then the other, in short slices whose order alternates, so that whatever else
// the machine does falls on both alike; the figure compared is the server CPU a request takes (the
// median over the slices), which a busy machine moves far less than a rate. Each server is first
// warmed up on each request: a fresh build costs about twice as much in its first seconds, and one
// with more code takes longer to settle, so measuring from a cold start shows a change that is not
// there. Needs both builds: the commit before a change built in a worktree (the adapter always
// writes to `build`), its `build` folder copied into the project under another name.
import { ensureDataSet, type DataSetSize } from './data';
import { prepareFixture, removeFixture, type Fixture } from './fixture';
import { turnPost } from './http';
import { runLoad, type LoadOptions } from './load';
import { cpuMilliseconds, originOf, residentMegabytes, startServer, stopServer } from './server';

export const AB_REQUESTS = [
	'health',
	'minimal post',
	'turn',
	'status',
	'home',
	'result page'
] as const;
export type AbRequest = (typeof AB_REQUESTS)[number];

export interface AbPlan {
	dataPath: string;
	seed: number;
	size: DataSetSize;
	/** The first server's port; the second takes the next. */
	port: number;
	/** The two build folders: A (before) and B (after). */
	builds: readonly [string, string];
	connections: number;
	warmUpSeconds: number;
	slices: number;
	sliceSeconds: number;
	/** Fresh role-plays for each server's turns: more than its rate times the seconds it is loaded. */
	turns: number;
}

export interface AbRow {
	request: AbRequest;
	/** Median server CPU per request, µs, of A and of B, and B's over A's. */
	cpuA: number;
	cpuB: number;
	ratio: number;
	/** Median requests a second over the slices. */
	rateA: number;
	rateB: number;
	/** Each slice's CPU per request, µs, to see the spread. */
	slicesA: number[];
	slicesB: number[];
	errors: number;
}

interface Side {
	build: string;
	fixture: Fixture;
	pid: number;
	stop: () => Promise<void>;
	request: Record<AbRequest, Omit<LoadOptions, 'connections' | 'seconds'>>;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function startSide(plan: AbPlan, build: string, port: number): Promise<Side> {
	const fixture = prepareFixture(plan.dataPath, plan.size, plan.turns, 0);
	try {
		const { server } = await startServer(fixture.databasePath, port, {}, fixture.clock, build);
		const origin = originOf(port);
		const post = turnPost(origin);
		let next = 0;
		const nextTurn = () => {
			const turn = fixture.turns[next++];
			if (!turn) throw new Error(`${build} ran out of prepared role-plays`);
			return { path: turn.path, headers: { cookie: turn.cookie } };
		};
		const pageHeaders = { cookie: fixture.cookies.rep, accept: 'text/html' };
		const page = (path: string) => ({ origin, path, headers: pageHeaders });
		// The rep's latest results in turn, as the bench's result page row requests them.
		let nextResult = 0;
		const nextResultPage = () => ({
			path: fixture.resultPaths[nextResult++ % fixture.resultPaths.length]!,
			headers: pageHeaders
		});
		return {
			build,
			fixture,
			pid: server.pid!,
			stop: () => stopServer(server),
			request: {
				health: { origin, path: '/health' },
				'minimal post': {
					...post,
					path: '/status?/ping',
					headers: { ...post.headers, cookie: fixture.turns[0]!.cookie }
				},
				turn: { ...post, next: nextTurn },
				status: page('/status'),
				home: page('/'),
				'result page': { ...page(fixture.resultPaths[0]!), next: nextResultPage }
			}
		};
	} catch (error) {
		removeFixture(fixture);
		throw error;
	}
}

export async function runAb(plan: AbPlan, log: (line: string) => void): Promise<AbRow[]> {
	await ensureDataSet(plan.dataPath, plan.seed, log, plan.size);
	const sides: Side[] = [];
	try {
		for (const [i, build] of plan.builds.entries())
			sides.push(await startSide(plan, build, plan.port + i));
		const [a, b] = sides as [Side, Side];
		const rows: AbRow[] = [];
		for (const request of AB_REQUESTS) {
			log(`Warming up and measuring ${request}…`);
			for (const side of sides)
				await runLoad({
					...side.request[request],
					connections: plan.connections,
					seconds: plan.warmUpSeconds
				});
			const cpu = new Map<Side, number[]>(sides.map((side) => [side, []]));
			const rate = new Map<Side, number[]>(sides.map((side) => [side, []]));
			let errors = 0;
			for (let slice = 0; slice < plan.slices; slice++) {
				for (const side of slice % 2 ? [b, a] : [a, b]) {
					const before = cpuMilliseconds(side.pid);
					const result = await runLoad({
						...side.request[request],
						connections: plan.connections,
						seconds: plan.sliceSeconds
					});
					const used = cpuMilliseconds(side.pid) - before;
					cpu.get(side)!.push(result.requests > 0 ? (1000 * used) / result.requests : NaN);
					rate.get(side)!.push(result.rps);
					errors += result.errors;
				}
			}
			const cpuA = median(cpu.get(a)!);
			const cpuB = median(cpu.get(b)!);
			rows.push({
				request,
				cpuA,
				cpuB,
				ratio: cpuB / cpuA,
				rateA: median(rate.get(a)!),
				rateB: median(rate.get(b)!),
				slicesA: cpu.get(a)!,
				slicesB: cpu.get(b)!,
				errors
			});
		}
		log(
			`Resident memory after the load: A ${residentMegabytes(a.pid).toFixed(0)} MB, B ${residentMegabytes(b.pid).toFixed(0)} MB`
		);
		return rows;
	} finally {
		for (const side of sides) {
			await side.stop();
			removeFixture(side.fixture);
		}
	}
}
