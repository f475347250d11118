import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { ROUTE_ACCESS, decideAccess } from '../../src/lib/access';
import type { Role } from '../../src/lib/roles';
import { demoAccount } from './helpers';

// Every route in the access table, for every demo role and an anonymous visitor: the answer the
// server gives must be the one the table promises. A route added to the app must be added to the
// table (a unit test checks that), and then it is covered here.
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const who: (Role | null)[] = [null, 'admin', 'trainer', 'manager', 'rep'];
// What a browser sends with a plain form: without `accept: text/html` Kit answers as to use:enhance.
const FORM_HEADERS = { origin: ORIGIN, accept: 'text/html' };

async function clientFor(role: Role | null): Promise<APIRequestContext> {
	const client = await request.newContext({ baseURL: ORIGIN, maxRedirects: 0 });
	if (role) {
		const account = demoAccount(role);
		const response = await client.post('/login', { form: { email: account.email, password: account.password }, headers: FORM_HEADERS });
		expect(response.status(), `${role} signs in`).toBe(303);
	}
	return client;
}

/** Real ids for the dynamic segments, read from the admin's pages. */
async function sampleParams(): Promise<Record<string, string>> {
	const admin = await clientFor('admin');
	const users = await (await admin.get('/admin/users')).text();
	const teams = await (await admin.get('/admin/teams')).text();
	const managerId = (await (await admin.get('/admin/users?q=manager%40rehearse.test')).text()).match(/\/admin\/users\/([a-z0-9]+)/)![1]!;
	// The demo rep is in the demo manager's team.
	const teamRepId = (await (await admin.get('/admin/users?q=rep%40rehearse.test')).text()).match(/\/admin\/users\/([a-z0-9]+)/)![1]!;
	await admin.dispose();
	// An interview the demo manager sits on, so that a manager may open it.
	const manager = await clientFor('manager');
	await manager.post('/hiring/candidates?/create', { form: { name: 'Access Candidate', position: 'Access test', contact: '', notes: '' }, headers: FORM_HEADERS });
	const newInterviewPage = await (await manager.get('/hiring/interviews/new')).text();
	const candidateId = newInterviewPage.match(/<option value="([a-z0-9]+)"[^>]*>Access Candidate/)![1]!;
	const scheduled = await manager.post('/hiring/interviews/new', {
		form: { candidateId, scenarioId: 'renewal-price-objection', rubricId: 'hiring-roleplay', mode: 'live', scheduledAt: '2026-12-01T10:00', panel: managerId },
		headers: FORM_HEADERS
	});
	const interviewId = scheduled.headers()['location']!.split('/').pop()!;
	const repId = (await (await manager.get('/team/cohorts')).text()).match(/name="reps" value="([a-z0-9]+)"/)![1]!;
	const started = await manager.post('/team/cohorts?/create', { form: { name: 'Access cohort', curriculumId: 'new-rep-onboarding', startDate: '2026-11-02', reps: repId }, headers: FORM_HEADERS });
	const cohortId = started.headers()['location']!.split('/').pop()!;
	await manager.dispose();
	// An attempt belongs to the rep who started it: everyone else must get a 404 for it.
	const rep = await clientFor('rep');
	const practice = await rep.post('/practice/renewal-price-objection?/start', { form: { mode: 'text' }, headers: FORM_HEADERS });
	await rep.dispose();
	return {
		'/(app)/attempts/[attemptId]': practice.headers()['location']!.split('/').pop()!,
		'/(app)/quizzes/[id]': 'product-and-rules',
		'/(app)/studio/[kind]/[locale]/[id]': '/studio/script/en/price-too-high',
		'/(app)/studio/export': '/studio/export?kind=rubric',
		'/(app)/studio/[kind]/[locale]/[id]/play': '/studio/scenario/en/renewal-price-objection/play',
		'/(app)/team/weak-spots/[repId]/[category]': `/team/weak-spots/${teamRepId}/price`,
		'/(app)/team/cohorts/[id]': cohortId,
		'/(app)/team/cohorts/[id]/csv': cohortId,
		'/(app)/team/cohorts/[id]/signoff/[userId]': `/team/cohorts/${cohortId}/signoff/${repId}?module=d5m5`,
		'/(app)/admin/users/[id]': users.match(/\/admin\/users\/([a-z0-9]+)/)![1]!,
		'/(app)/admin/teams/[id]': teams.match(/\/admin\/teams\/([a-z0-9]+)/)![1]!,
		'/(app)/library/[id]': 'price-too-high',
		'/(app)/knowledge/[id]': 'membership-tiers',
		'/(app)/practice/[scenarioId]': 'renewal-price-objection',
		'/(app)/hiring/interviews/[id]': interviewId,
		'/(app)/hiring/interviews/[id]/live': interviewId,
		'/(app)/hiring/interviews/[id]/scorecard': interviewId
	};
}

/** The path to request for a route: a sample value for its parameter, or a full path where given. */
function pathOf(routeId: string, params: Record<string, string>): string {
	const sample = params[routeId];
	if (sample?.startsWith('/')) return sample;
	const path = routeId
		.replace(/\/\([^)]+\)/g, '')
		.replace('[token]', 'no-such.token')
		.replace(/\[[a-zA-Z]+\]/g, sample ?? 'missing');
	return path || '/';
}

// Routes whose objects belong to someone: a role the table allows still gets 404 for another's.
const OWNED: Record<string, (role: Role) => boolean> = {
	'/(app)/attempts/[attemptId]': (role) => role === 'rep',
	// The sample certificate does not exist: every role that may look gets the same 404.
	'/(app)/certificates/[cohortId]/[userId]': () => false
};

test('every route answers each role as the access table says', async () => {
	const params = await sampleParams();
	for (const role of who) {
		const client = await clientFor(role);
		for (const routeId of Object.keys(ROUTE_ACCESS)) {
			const path = pathOf(routeId, params);
			// The endpoints that take form posts; the others answer GET.
			const post = routeId === '/(auth)/logout' || routeId === '/locale' || routeId === '/(app)/studio/check';
			const response =
				routeId === '/(app)/studio/check'
					? await client.post(path, { data: { kind: 'script', locale: 'en', id: 'price-too-high', text: '' }, headers: { origin: ORIGIN } })
					: post
						? await client.post(path, { form: { locale: 'en', next: '/' }, headers: FORM_HEADERS })
						: await client.get(path);
			const decision = decideAccess(routeId, role ? [role] : null);
			const label = `${role ?? 'anonymous'} ${post ? 'POST' : 'GET'} ${path} → ${decision}`;
			const location = response.headers()['location'] ?? '';
			const someoneElses = !!role && routeId in OWNED && !OWNED[routeId]!(role);
			const allowedStatus = routeId === '/(app)/studio/check' ? 200 : post ? 303 : someoneElses ? 404 : 200;
			if (decision === 'allow') expect(response.status(), label).toBe(allowedStatus);
			if (decision === 'login') {
				expect(response.status(), label).toBe(303);
				expect(location, label).toMatch(/^\/login/);
			}
			if (decision === 'home') {
				expect(response.status(), label).toBe(303);
				expect(location, label).toBe('/');
			}
			if (decision === 'forbidden') expect(response.status(), label).toBe(403);
			// Signing out through the table would end this client's session for the next routes.
			if (routeId === '/(auth)/logout' && role) {
				await client.dispose();
				break;
			}
		}
	}
});

test('form actions refuse roles that may not use them, before doing anything', async () => {
	const params = await sampleParams();
	const actions: { path: string; form: Record<string, string>; roles: Role[] }[] = [
		{ path: '/admin/invites?/create', form: { email: 'intruder@example.com', roles: 'admin' }, roles: ['admin'] },
		{ path: `/admin/users/${params['/(app)/admin/users/[id]']}?/roles`, form: { roles: 'admin' }, roles: ['admin'] },
		{ path: `/admin/users/${params['/(app)/admin/users/[id]']}?/deactivate`, form: {}, roles: ['admin'] },
		{ path: '/admin/teams?/create', form: { name: 'Intruders' }, roles: ['admin'] },
		{ path: `/admin/teams/${params['/(app)/admin/teams/[id]']}?/rename`, form: { name: 'Renamed' }, roles: ['admin'] }
	];
	for (const role of who) {
		const client = await clientFor(role);
		for (const action of actions) {
			if (role && action.roles.includes(role)) continue;
			const response = await client.post(action.path, { form: action.form, headers: FORM_HEADERS });
			expect(response.status(), `${role ?? 'anonymous'} POST ${action.path}`).toBe(role ? 403 : 303);
		}
		await client.dispose();
	}
	// Nothing changed: no intruder invitation was created.
	const admin = await clientFor('admin');
	expect(await (await admin.get('/admin/invites')).text()).not.toContain('intruder@example.com');
	await admin.dispose();
});

test('a form posted from another site is refused (CSRF)', async () => {
	const client = await clientFor('admin');
	const response = await client.post('/admin/teams?/create', { form: { name: 'Cross-site' }, headers: { ...FORM_HEADERS, origin: 'https://evil.example' } });
	expect(response.status()).toBe(403);
	await client.dispose();
});

test('pages carry the security headers', async () => {
	const client = await clientFor(null);
	const response = await client.get('/login');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	await client.dispose();
});
