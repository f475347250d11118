// Load on loopback with autocannon: a fixed number of connections for a fixed time, each sending
// its next request when the previous one is answered. Every response time is kept, so that any
// percentile can be read (autocannon's own summary has no p95).
import autocannon from 'autocannon';
import { percentile } from './table';

export interface LoadResult {
	/** Requests answered per second over the whole run. */
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	/** Connection errors, timeouts and answers other than 2xx. */
	errors: number;
	requests: number;
}

export interface LoadOptions {
	origin: string;
	path: string;
	connections: number;
	seconds: number;
	headers?: Record<string, string>;
	method?: 'GET' | 'POST';
	body?: string | Buffer;
	/** A fresh request for every request sent (each role-play turn needs an attempt of its own). */
	next?: () => { path: string; headers: Record<string, string> };
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
	const times: number[] = [];
	const request = {
		method: options.method ?? 'GET',
		path: options.path,
		headers: options.headers,
		body: options.body
	};
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url: options.origin,
				connections: options.connections,
				duration: options.seconds,
				// autocannon notices the end of a run at its next sample, once a second by default.
				sampleInt: Math.min(1000, options.seconds * 1000),
				requests: [
					options.next
						? { ...request, setupRequest: (r: autocannon.Request) => nextRequest(r, options) }
						: request
				]
			},
			(error: Error | null, result: autocannon.Result) => {
				if (error) return reject(error);
				times.sort((a, b) => a - b);
				resolve({
					rps: result.requests.total / result.duration,
					p50: percentile(times, 50),
					p95: percentile(times, 95),
					p99: percentile(times, 99),
					errors: result.errors + result.timeouts + result.non2xx,
					requests: result.requests.total
				});
			}
		);
		instance.on(
			'response',
			(_client: unknown, _status: number, _bytes: number, responseTime: number) =>
				times.push(responseTime)
		);
	});
}

function nextRequest(request: autocannon.Request, options: LoadOptions): autocannon.Request {
	const { path, headers } = options.next!();
	return { ...request, path, headers: { ...options.headers, ...headers } };
}
