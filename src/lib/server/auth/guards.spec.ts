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
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
		['/a/./b/../c?x=1', '/a/c?x=1'],
		// Dot segments, percent-encoded ones too, removed as a browser would, must not leave `//` or `/\`.
		['/..//evil.example', '/'],
		['/.//evil.example', '/'],
		['/%2e%2e//evil.example', '/'],
		['/%2E%2E//evil.example', '/'],
		['/.%2e//evil.example', '/'],
		['/%2e//evil.example', '/'],
		['/a/..//evil.example', '/'],
		['/a/%2e%2e//evil.example', '/'],
		['/a/b/../../..//evil.example', '/'],
		['/..\\evil.example', '/'],
		['/../\\evil.example', '/'],
		['/.\\evil.example', '/'],
		['/%2e%2e/\\evil.example', '/'],
		['/a/..\\/evil.example', '/'],
		['\\evil.example', '/'],
		['/%2e%2e/%5Cevil.example', '/%5Cevil.example']
	])('%j → %j', (next, expected) => {
		expect(safeNextPath(next)).toBe(expected);
	});
});
