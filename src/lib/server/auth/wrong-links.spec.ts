import { describe, expect, it } from 'vitest';
import { createWrongLinks, WRONG_LINKS_PER_WINDOW } from './wrong-links';
import { createRateLimiter } from './rate-limit';

const valid = () => ({ ok: true as const });
const invalid = () => ({ ok: false as const, reason: 'invalid' });
const expired = () => ({ ok: false as const, reason: 'expired' });

describe('wrong links', () => {
	it('refuses every link, right ones too, from an address that sent too many wrong ones', () => {
		const links = createWrongLinks();
		for (let i = 0; i < WRONG_LINKS_PER_WINDOW; i++)
			expect(links.lookUp('1.1.1.1', invalid)).toEqual({ ok: false, reason: 'invalid' });
		expect(links.lookUp('1.1.1.1', valid)).toEqual({ ok: false, reason: 'rate-limited' });
		expect(links.limited('1.1.1.1')).toBe(true);
		// Another address is not affected.
		expect(links.lookUp('2.2.2.2', valid)).toEqual({ ok: true });
	});

	it('counts only links that match nothing: right, expired or used links cost nothing', () => {
		const links = createWrongLinks();
		for (let i = 0; i < WRONG_LINKS_PER_WINDOW * 2; i++) {
			links.lookUp('1.1.1.1', valid);
			links.lookUp('1.1.1.1', expired);
		}
		expect(links.limited('1.1.1.1')).toBe(false);
	});

	it('frees the address when the window ends', () => {
		let now = 0;
		const limiter = createRateLimiter({ max: 2, windowMs: 1000 });
		const clocked = {
			...limiter,
			check: (key: string) => limiter.check(key, now),
			hit: (key: string) => limiter.hit(key, now)
		};
		const links = createWrongLinks(clocked);
		links.record('1.1.1.1');
		links.record('1.1.1.1');
		expect(links.lookUp('1.1.1.1', valid)).toEqual({ ok: false, reason: 'rate-limited' });
		now = 1000;
		expect(links.lookUp('1.1.1.1', valid)).toEqual({ ok: true });
	});
});
