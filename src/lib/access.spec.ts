import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ENDPOINT_ROUTES,
	ROUTE_ACCESS,
	decideAccess,
	navigationFor,
	type AccessDecision
} from './access';
import type { Role } from './roles';

// Every file that makes a route: pages and server endpoints, read from the route tree itself.
const ROUTE_FILE = /^\+(page\.svelte|page\.server\.ts|server\.ts)$/;
const routeFiles = readdirSync('src/routes', { recursive: true, encoding: 'utf8' })
	.map((file) => `/${file.split(sep).join('/')}`)
	.filter((file) => ROUTE_FILE.test(file.slice(file.lastIndexOf('/') + 1)));
function routeIdOf(file: string): string {
	return file.slice(0, file.lastIndexOf('/')) || '/';
}

describe('the access table', () => {
	it('knows which routes are endpoints', () => {
		const endpoints = routeFiles
			.filter((file) => file.endsWith('/+server.ts'))
			.map(routeIdOf)
			.sort();
		expect([...ENDPOINT_ROUTES].sort()).toEqual(endpoints);
	});

	it('names every route the app has, and only those', () => {
		const routeIds = [...new Set(routeFiles.map(routeIdOf))].sort();
		expect(routeIds.length).toBeGreaterThan(5);
		expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(routeIds);
	});
});

const anonymous = null;
const cases: [string, readonly Role[] | null, AccessDecision][] = [
	['/(auth)/login', anonymous, 'allow'],
	['/(auth)/login', ['rep'], 'home'],
	['/(auth)/invite/[token]', anonymous, 'allow'],
	['/(auth)/invite/[token]', ['admin'], 'allow'],
	['/(app)', anonymous, 'login'],
	['/(app)', ['rep'], 'allow'],
	['/(app)', [], 'allow'],
	['/(app)/profile', ['trainer'], 'allow'],
	['/(app)/admin/users', anonymous, 'login'],
	['/(app)/admin/users', ['rep'], 'forbidden'],
	['/(app)/admin/users', ['manager', 'trainer'], 'forbidden'],
	['/(app)/admin/users', ['rep', 'admin'], 'allow'],
	['/(app)/admin/teams/[id]', ['admin'], 'allow'],
	['/(app)/team', ['rep'], 'forbidden'],
	['/(app)/team', ['manager'], 'allow'],
	['/(app)/team', ['admin'], 'allow'],
	['/(app)/hiring', ['rep'], 'forbidden'],
	['/(app)/hiring', ['trainer'], 'forbidden'],
	['/(app)/hiring/interviews/[id]', ['manager'], 'allow'],
	['/(app)/deals', ['rep'], 'allow'],
	['/(app)/deals', ['manager', 'rep'], 'allow'],
	['/(app)/deals', ['manager'], 'forbidden'],
	['/(app)/deals', ['admin'], 'forbidden'],
	['/(app)/deals/[dealId]', ['trainer'], 'forbidden'],
	['/(app)/deals/[dealId]', anonymous, 'login'],
	['/(app)/team/deals', ['rep'], 'forbidden'],
	['/(app)/team/deals', ['manager'], 'allow'],
	['/(app)/team/deals', ['admin'], 'allow'],
	['/(app)/team/deals/csv', ['rep'], 'forbidden'],
	['/(app)/team/deals/csv', ['manager'], 'allow'],
	['/try/[token]', null, 'allow'],
	// One-to-ones: recorded and read by a rep's coaches; a rep reads their own, and only there.
	['/(app)/team/reps/[repId]/one-to-ones/new', ['manager'], 'allow'],
	['/(app)/team/reps/[repId]/one-to-ones/new', ['admin'], 'allow'],
	['/(app)/team/reps/[repId]/one-to-ones/new', ['rep'], 'forbidden'],
	['/(app)/team/reps/[repId]/one-to-ones/[id]', ['trainer'], 'forbidden'],
	['/(app)/team/reps/[repId]/one-to-ones/[id]', ['rep'], 'forbidden'],
	['/(app)/team/reps/[repId]/one-to-ones', ['rep'], 'forbidden'],
	['/(app)/team/reps/[repId]/one-to-ones', anonymous, 'login'],
	['/(app)/one-to-ones', ['rep'], 'allow'],
	['/(app)/one-to-ones', anonymous, 'login'],
	['/(app)/not-in-the-table', ['admin'], 'forbidden'],
	[null as unknown as string, ['admin'], 'not-found']
];

describe('decideAccess', () => {
	it.each(cases)('%s as %j → %s', (routeId, roles, expected) => {
		expect(decideAccess(routeId, roles)).toBe(expected);
	});
});

describe('navigationFor', () => {
	it.each([
		[
			['rep'],
			['home', 'onboarding', 'practice', 'review', 'library', 'knowledge', 'deals', 'profile']
		],
		[
			['trainer'],
			['home', 'onboarding', 'practice', 'review', 'library', 'knowledge', 'studio', 'profile']
		],
		[
			['manager'],
			[
				'home',
				'onboarding',
				'practice',
				'review',
				'library',
				'knowledge',
				'team',
				'hiring',
				'profile'
			]
		],
		[
			['manager', 'rep'],
			[
				'home',
				'onboarding',
				'practice',
				'review',
				'library',
				'knowledge',
				'deals',
				'team',
				'hiring',
				'profile'
			]
		],
		[
			['admin'],
			[
				'home',
				'onboarding',
				'practice',
				'review',
				'library',
				'knowledge',
				'team',
				'hiring',
				'studio',
				'admin',
				'profile'
			]
		]
	] as [Role[], string[]][])('%j sees %j', (roles, keys) => {
		expect(navigationFor(roles).map((item) => item.key)).toEqual(keys);
	});
});
