import type { Role } from './roles';

/**
 * Who may reach each route. The server enforces this table for every request (pages, form
 * actions and endpoints alike) before any load runs, and a route missing from it is refused, so a
 * new route cannot be forgotten. Keys are SvelteKit route ids.
 *
 * - `public`: anyone, signed in or not
 * - `guest`: only signed-out visitors (signed-in users are sent home)
 * - `user`: any signed-in user
 * - a list of roles: a signed-in user holding at least one of them
 */
export type Access = 'public' | 'guest' | 'user' | readonly Role[];

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
	'/(auth)/login': 'guest',
	// Public: signing out with an expired session must not detour through the sign-in page.
	'/(auth)/logout': 'public',
	'/(auth)/invite/[token]': 'public',
	'/(auth)/reset/[token]': 'public',
	'/locale': 'public',
	'/health': 'public',
	// A human-readable page for uptime checks; also the minimal page the benchmarks compare with.
	'/status': 'public',
	'/(app)': 'user',
	'/(app)/profile': 'user',
	'/(app)/library': 'user',
	'/(app)/library/[id]': 'user',
	'/(app)/knowledge': 'user',
	'/(app)/knowledge/[id]': 'user',
	'/(app)/search': 'user',
	'/(app)/practice': 'user',
	'/(app)/practice/[scenarioId]': 'user',
	'/(app)/practice/series': 'user',
	'/(app)/practice/series/[seriesId]': 'user',
	// A run: its rep, their manager or an admin (anyone else's is a 404); only its rep plays it.
	'/(app)/practice/series/[seriesId]/[runId]': 'user',
	'/(app)/attempts/[attemptId]': 'user',
	// A recorded reply: whoever may read the attempt (checked by the route), anyone else a 404.
	'/(app)/attempts/[attemptId]/recordings/[turn]': 'user',
	'/(app)/help': 'user',
	'/(app)/onboarding': 'user',
	'/(app)/quizzes/[id]': 'user',
	'/(app)/review': 'user',
	'/(app)/certificates/[cohortId]/[userId]': 'user',
	// A rep's own deals (a manager or admin who is also a rep keeps theirs here too); anyone else's is a 404.
	'/(app)/deals': ['rep'],
	'/(app)/deals/[dealId]': ['rep'],
	// One's own one-to-ones as a rep (anyone signed in sees only their own).
	'/(app)/one-to-ones': 'user',
	'/(app)/team/dashboard': ['manager', 'admin'],
	'/(app)/team/dashboard/csv': ['manager', 'admin'],
	'/(app)/team/weak-spots': ['manager', 'admin'],
	'/(app)/team/weak-spots/csv': ['manager', 'admin'],
	'/(app)/team/weak-spots/[repId]/[category]': ['manager', 'admin'],
	'/(app)/team/reps/[repId]': ['manager', 'admin'],
	'/(app)/team/deals': ['manager', 'admin'],
	'/(app)/team/deals/csv': ['manager', 'admin'],
	'/(app)/team/reps/[repId]/one-to-ones': ['manager', 'admin'],
	'/(app)/team/reps/[repId]/one-to-ones/new': ['manager', 'admin'],
	'/(app)/team/reps/[repId]/one-to-ones/[id]': ['manager', 'admin'],
	'/(app)/team/cohorts': ['manager', 'admin'],
	'/(app)/team/cohorts/[id]': ['manager', 'admin'],
	'/(app)/team/cohorts/[id]/csv': ['manager', 'admin'],
	'/(app)/team/cohorts/[id]/signoff/[userId]': ['manager', 'admin'],
	'/(app)/team': ['manager', 'admin'],
	'/(app)/hiring': ['manager', 'admin'],
	'/(app)/hiring/candidates': ['manager', 'admin'],
	'/(app)/hiring/candidates/[id]': ['manager', 'admin'],
	'/(app)/hiring/candidates/[id]/export': ['manager', 'admin'],
	'/(app)/hiring/interviews/new': ['manager', 'admin'],
	'/(app)/hiring/interviews/[id]': ['manager', 'admin'],
	'/(app)/hiring/interviews/[id]/live': ['manager', 'admin'],
	'/(app)/hiring/interviews/[id]/scorecard': ['manager', 'admin'],
	'/(app)/hiring/compare': ['manager', 'admin'],
	'/(app)/hiring/compare/csv': ['manager', 'admin'],
	'/(app)/hiring/calibration': ['manager', 'admin'],
	'/(app)/hiring/positions': ['manager', 'admin'],
	'/try/[token]': 'public',
	'/(app)/studio': ['trainer', 'admin'],
	'/(app)/studio/[kind]/[locale]/[id]': ['trainer', 'admin'],
	'/(app)/studio/[kind]/[locale]/[id]/play': ['trainer', 'admin'],
	'/(app)/studio/check': ['trainer', 'admin'],
	'/(app)/studio/export': ['trainer', 'admin'],
	'/(app)/studio/score-marks': ['trainer', 'admin'],
	'/(app)/studio/score-marks/corpus.jsonl': ['trainer', 'admin'],
	'/(app)/admin': ['admin'],
	'/(app)/admin/users': ['admin'],
	'/(app)/admin/users/[id]': ['admin'],
	'/(app)/admin/users/[id]/export': ['admin'],
	'/(app)/admin/invites': ['admin'],
	'/(app)/admin/teams': ['admin'],
	'/(app)/admin/teams/[id]': ['admin']
};

/** Routes served by `+server.ts` rather than a page: they answer a refusal with a bare 403. */
export const ENDPOINT_ROUTES: ReadonlySet<string> = new Set([
	'/(auth)/logout',
	'/locale',
	'/health',
	'/(app)/hiring/compare/csv',
	'/(app)/hiring/candidates/[id]/export',
	'/(app)/admin/users/[id]/export',
	'/(app)/team/dashboard/csv',
	'/(app)/team/weak-spots/csv',
	'/(app)/team/cohorts/[id]/csv',
	'/(app)/team/deals/csv',
	'/(app)/studio/check',
	'/(app)/studio/export',
	'/(app)/studio/score-marks/corpus.jsonl',
	'/(app)/attempts/[attemptId]/recordings/[turn]'
]);

export function isEndpoint(routeId: string | null): boolean {
	return routeId !== null && ENDPOINT_ROUTES.has(routeId);
}

export type AccessDecision = 'allow' | 'login' | 'home' | 'forbidden' | 'not-found';

export function decideAccess(
	routeId: string | null,
	roles: readonly Role[] | null
): AccessDecision {
	if (routeId === null) return 'not-found';
	const access = ROUTE_ACCESS[routeId];
	if (access === undefined) return 'forbidden';
	if (access === 'public') return 'allow';
	if (access === 'guest') return roles ? 'home' : 'allow';
	if (!roles) return 'login';
	if (access === 'user') return 'allow';
	return access.some((role) => roles.includes(role)) ? 'allow' : 'forbidden';
}

export interface NavItem {
	href: string;
	key:
		| 'home'
		| 'onboarding'
		| 'practice'
		| 'review'
		| 'library'
		| 'knowledge'
		| 'deals'
		| 'team'
		| 'hiring'
		| 'studio'
		| 'admin'
		| 'profile';
}

// The weekly deal review, like the dashboard and weak spots, opens from the team page: a manager's
// header keeps to one row at 1280 px.
const NAV: readonly (NavItem & { routeId: string })[] = [
	{ href: '/', key: 'home', routeId: '/(app)' },
	{ href: '/onboarding', key: 'onboarding', routeId: '/(app)/onboarding' },
	{ href: '/practice', key: 'practice', routeId: '/(app)/practice' },
	{ href: '/review', key: 'review', routeId: '/(app)/review' },
	{ href: '/library', key: 'library', routeId: '/(app)/library' },
	{ href: '/knowledge', key: 'knowledge', routeId: '/(app)/knowledge' },
	{ href: '/deals', key: 'deals', routeId: '/(app)/deals' },
	{ href: '/team', key: 'team', routeId: '/(app)/team' },
	{ href: '/hiring', key: 'hiring', routeId: '/(app)/hiring' },
	{ href: '/studio', key: 'studio', routeId: '/(app)/studio' },
	{ href: '/admin', key: 'admin', routeId: '/(app)/admin' },
	{ href: '/profile', key: 'profile', routeId: '/(app)/profile' }
];

/** The navigation a user sees: exactly the sections the access table lets them open. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
	return NAV.filter((item) => decideAccess(item.routeId, roles) === 'allow').map(
		({ href, key }) => ({ href, key })
	);
}
