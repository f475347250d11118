import { describe, expect, it } from 'vitest';
import { transport } from '../hooks';
import { serverRendered } from './server-rendered';

describe('data rendered on the server only', () => {
	it('is written as a marker in place of the data, and refuses to be read in the browser', () => {
		const { encode, decode } = transport.ServerRendered!;
		expect(encode(serverRendered({ reps: ['a secret name'] }))).toBe(1);
		// Everything else is left to Kit's own serialisation.
		for (const other of [{ reps: [] }, [], 'text', 0, null, new Date()]) expect(encode(other)).toBe(false);
		expect(() => decode(1)).toThrow(/csr = false/);
	});
});
