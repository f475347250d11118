import { describe, expect, it } from 'vitest';
import { safeNextPath } from './guards';

describe('safeNextPath', () => {
	it.each([
		['/profile', '/profile'],
		['/search?q=%E5%A4%AA%E8%B2%B4', '/search?q=%E5%A4%AA%E8%B2%B4'],
		['/knowledge/x#section-2', '/knowledge/x#section-2'],
		[null, '/'],
		['', '/'],
		['https://evil.example/', '/'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['/\t/evil.example', '/'],
		['/\n/evil.example', '/'],
		['javascript:alert(1)', '/'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example']
	])('%j → %j', (next, expected) => {
		expect(safeNextPath(next)).toBe(expected);
	});
});
