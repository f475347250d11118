// The production build (`node build`) on a database of the benchmark's, on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/** Sets the server's clock: see fixed-clock.mjs. */
const FIXED_CLOCK = fileURLToPath(new URL('./fixed-clock.mjs', import.meta.url));

export function originOf(port: number): string {
	return `http://127.0.0.1:${port}`;
}

/**
 * Starts the server and waits for its first answer; the wait is the start-up time. `env` adds to
 * the environment (the transcription server the spoken turns use); `clock`, the instant the
 * server's clock starts at (the data set's, so that every run measures the same day); `build`, the
 * build's folder inside the project.
 */
export async function startServer(
	databasePath: string,
	port: number,
	env: Record<string, string> = {},
	clock?: Date,
	build = process.env.BENCH_BUILD ?? 'build'
): Promise<{ server: ChildProcess; startupMs: number }> {
	const started = performance.now();
	const origin = originOf(port);
	const server = spawn(
		'node',
		[
			...(clock ? ['--import', FIXED_CLOCK] : []),
			...(process.env.BENCH_CPU_PROF
				? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
				: []),
			build
		],
		{
			env: {
				...process.env,
				DATABASE_URL: databasePath,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				DEMO: '0',
				...(clock ? { BENCH_CLOCK: clock.toISOString() } : {}),
				...env
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	let exit: string | null = null;
	server.once('exit', (code, signal) => (exit = `code ${code ?? signal}`));
	for (let i = 0; i < 1000 && exit === null; i++) {
		const answered = await fetch(`${origin}/health`).then(
			(response) => response.ok,
			() => false
		);
		if (answered) return { server, startupMs: performance.now() - started };
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	if (exit !== null) throw new Error(`the server exited (${exit}) before answering`);
	await stopServer(server);
	throw new Error('the server did not answer within 5 s');
}

export async function stopServer(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const exited = new Promise((resolve) => server.once('exit', resolve));
	server.kill();
	await exited;
}

export function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
}

/** CPU time the process has used so far, user and system, in ms (Linux: read from /proc). */
export function cpuMilliseconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	// utime and stime, in clock ticks of 10 ms.
	return (Number(fields[11]) + Number(fields[12])) * 10;
}
