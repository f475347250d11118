// The part of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	namespace autocannon {
		interface Request {
			method?: string;
			path?: string;
			headers?: Record<string, string>;
			body?: string;
			setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			requests?: Request[];
		}
		interface Result {
			requests: { total: number; average: number };
			duration: number;
			errors: number;
			timeouts: number;
			non2xx: number;
		}
	}
	function autocannon(options: autocannon.Options, done: (error: Error | null, result: autocannon.Result) => void): EventEmitter;
	export default autocannon;
}
