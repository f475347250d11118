import { json, type RequestHandler } from '@sveltejs/kit';

/** For load balancers and uptime checks; also the minimal endpoint the benchmarks compare with. */
export const GET: RequestHandler = () => json({ status: 'ok' });
