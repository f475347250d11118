// The part of autocannon 9's API the soak test and the benchmarks use (the package ships no types).
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	namespace autocannon {
		interface Request {
			method?: 'GET' | 'POST';
			path?: string;
			headers?: Record<string, string>;
			/** Sent as it is: a string, or bytes such as a multipart form with a recording. */
			body?: string | Buffer;
			/** Returns the request to send; `context` lives as long as one pass through `requests`. */
			setupRequest?(request: Request, context: Record<string, unknown>): Request;
			onResponse?(
				status: number,
				body: string,
				context: Record<string, unknown>,
				headers: Record<string, string>
			): void;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			/** Milliseconds between samples (default 1,000): a run ends at the first sample after its duration. */
			sampleInt?: number;
			/** Seconds without an answer before a request counts as timed out. */
			timeout?: number;
			requests?: Request[];
		}
		interface Histogram {
			average: number;
			total: number;
			p50: number;
			p99: number;
		}
		interface Result {
			requests: Histogram;
			latency: Histogram;
			/** Seconds the run took. */
			duration: number;
			errors: number;
			timeouts: number;
			non2xx: number;
			statusCodeStats?: Record<string, { count: number }>;
		}
	}
	/** The instance emits 'response' (client, status, bytes, response time in ms) for every answer. */
	function autocannon(
		options: autocannon.Options,
		callback: (error: Error | null, result: autocannon.Result) => void
	): EventEmitter;
	export default autocannon;
}
