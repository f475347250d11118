import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { ROUTE_ACCESS, decideAccess, type AccessDecision } from '../../src/lib/access';
import type { Role } from '../../src/lib/roles';
import { demoAccount } from './helpers';

// The access matrix: every route and every form action the app has, for every role, a candidate
// holding a link and an anonymous visitor, must answer as the access table promises: the page, a
// redirect to sign in, 403, or 404 for an object that is someone else's. Routes come from the table
// (a unit test holds it equal to the route tree) and actions from the route files themselves, so a
// new route or action is covered without touching this file.
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
// What a browser sends with a plain form: without `accept: text/html` Kit answers as to use:enhance.
const FORM_HEADERS = { origin: ORIGIN, accept: 'text/html' };

type Actor = Role | 'anonymous' | 'candidate';
const ACTORS: Actor[] = ['anonymous', 'candidate', 'admin', 'trainer', 'manager', 'rep'];
const rolesOf = (actor: Actor): Role[] | null =>
	actor === 'anonymous' || actor === 'candidate' ? null : [actor];

/** Every form action, read from the `actions` object of every `+page.server.ts`. */
function discoverActions(): { routeId: string; action: string }[] {
	const files = readdirSync('src/routes', { recursive: true, encoding: 'utf8' }).filter((file) =>
		file.endsWith('+page.server.ts')
	);
	return files.flatMap((file) => {
		const source = readFileSync(join('src/routes', file), 'utf8');
		const start = source.indexOf('export const actions');
		if (start < 0) return [];
		const block = source.slice(start, source.indexOf('\n};', start));
		const dir = dirname(file);
		const routeId = dir === '.' ? '/' : `/${dir.split(sep).join('/')}`;
		return [...block.matchAll(/^\t(\w+):/gm)].map((match) => ({ routeId, action: match[1]! }));
	});
}

async function newClient(): Promise<APIRequestContext> {
	return request.newContext({ baseURL: ORIGIN, maxRedirects: 0 });
}

async function signedIn(email: string, password: string): Promise<APIRequestContext> {
	const client = await newClient();
	const response = await client.post('/login', {
		form: { email, password },
		headers: FORM_HEADERS
	});
	expect(response.status(), `${email} signs in`).toBe(303);
	return client;
}

async function clientFor(actor: Actor, world?: World): Promise<APIRequestContext> {
	if (actor === 'anonymous') return newClient();
	if (actor === 'candidate') {
		// A candidate has no account: only their link, which they have opened.
		const client = await newClient();
		expect((await client.get(world!.candidateLink)).status()).toBe(200);
		return client;
	}
	const account = demoAccount(actor);
	return signedIn(account.email, account.password);
}

function post(
	client: APIRequestContext,
	path: string,
	form: Record<string, string> = {}
): Promise<APIResponse> {
	return client.post(path, { form, headers: FORM_HEADERS });
}

/** A link shown on a page after an action (an invitation, a reset, a candidate link), as a path. */
async function linkIn(response: APIResponse, kind: 'invite' | 'reset' | 'try'): Promise<string> {
	const match = (await response.text()).match(new RegExp(`/${kind}/[a-z0-9]+\\.[a-z0-9]+`));
	expect(match, `a /${kind}/ link on the page`).not.toBeNull();
	return match![0];
}

async function userId(admin: APIRequestContext, email: string): Promise<string> {
	return (await (await admin.get(`/admin/users?q=${encodeURIComponent(email)}`)).text()).match(
		/\/admin\/users\/([a-z0-9]+)/
	)![1]!;
}

let unique = 0;
function uniqueName(prefix: string): string {
	unique += 1;
	return `${prefix}-${Date.now().toString(36)}-${process.pid}-${unique}`;
}

/** A new account made through an invitation; the client it returns is signed in as it. */
async function newAccount(
	admin: APIRequestContext,
	role: Role
): Promise<{ id: string; client: APIRequestContext }> {
	const email = `${uniqueName(`access-${role}`)}@example.com`;
	const link = await linkIn(
		await post(admin, '/admin/invites?/create', { email, roles: role }),
		'invite'
	);
	const client = await newClient();
	const accepted = await post(client, link, {
		name: `Access ${role}`,
		password: 'access matrix password',
		confirm: 'access matrix password'
	});
	expect(accepted.status(), `${role} account created`).toBe(303);
	return { id: await userId(admin, email), client };
}

interface World {
	params: Record<string, string>;
	candidateLink: string;
	otherCandidateLink: string;
	candidateId: string;
	interviewId: string;
	cohortId: string;
	attemptId: string;
	dealId: string;
	runPath: string;
	demoRepId: string;
	teamId: string;
	outsider: { id: string; client: APIRequestContext };
	otherRep: { id: string; client: APIRequestContext };
	dispose(): Promise<void>;
}

/**
 * Real objects for every dynamic segment, made through the app itself: an interview the demo
 * manager and admin sit on, its candidate and their link, a cohort, the demo rep's attempt, a
 * studio item, live invitation and reset links; and two strangers: a manager of no team, a rep of
 * no team.
 */
async function buildWorld(): Promise<World> {
	const admin = await clientFor('admin');
	const adminId = await userId(admin, demoAccount('admin').email);
	const managerId = await userId(admin, demoAccount('manager').email);
	const demoRepId = await userId(admin, demoAccount('rep').email);
	const teamId = (await (await admin.get('/admin/teams')).text()).match(
		/\/admin\/teams\/([a-z0-9]+)/
	)![1]!;
	const outsider = await newAccount(admin, 'manager');
	const otherRep = await newAccount(admin, 'rep');
	const invite = await linkIn(
		await post(admin, '/admin/invites?/create', {
			email: `${uniqueName('access-invitee')}@example.com`,
			roles: 'rep'
		}),
		'invite'
	);
	const reset = await linkIn(await post(admin, `/admin/users/${otherRep.id}?/reset`), 'reset');
	const studioId = uniqueName('access').toLowerCase();
	expect(
		(
			await post(admin, '/studio?/create', {
				kind: 'article',
				locale: 'en',
				title: 'Access test',
				id: studioId
			})
		).status()
	).toBe(303);

	const manager = await clientFor('manager');
	const candidateName = uniqueName('Access Candidate');
	await post(manager, '/hiring/candidates?/create', {
		name: candidateName,
		position: 'Access test',
		contact: '',
		notes: ''
	});
	const candidateId = (await (await manager.get('/hiring/interviews/new')).text()).match(
		new RegExp(`<option value="([a-z0-9]+)"[^>]*>${candidateName}`)
	)![1]!;
	const schedule = async (mode: 'live' | 'online'): Promise<string> => {
		const form = new URLSearchParams({
			candidateId,
			scenarioId: 'renewal-price-objection',
			rubricId: 'hiring-roleplay',
			mode,
			scheduledAt: '2026-12-01T10:00'
		});
		form.append('panel', managerId);
		form.append('panel', adminId);
		const response = await manager.post('/hiring/interviews/new', {
			data: form.toString(),
			headers: { ...FORM_HEADERS, 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(response.status(), `${mode} interview scheduled`).toBe(303);
		return response.headers()['location']!.split('/').pop()!;
	};
	const interviewId = await schedule('live');
	const candidateLink = await linkIn(
		await post(manager, `/hiring/interviews/${await schedule('online')}?/link`),
		'try'
	);
	const otherCandidateLink = await linkIn(
		await post(manager, `/hiring/interviews/${await schedule('online')}?/link`),
		'try'
	);
	const repIdInForm = (await (await manager.get('/team/cohorts')).text()).match(
		/name="reps" value="([a-z0-9]+)"/
	)![1]!;
	const started = await post(manager, '/team/cohorts?/create', {
		name: 'Access cohort',
		curriculumId: 'new-rep-onboarding',
		startDate: '2026-11-02',
		reps: repIdInForm
	});
	const cohortId = started.headers()['location']!.split('/').pop()!;

	// A one-to-one the demo manager recorded with the demo rep (dated long ago: no day is in its future).
	const recorded = await post(manager, `/team/reps/${demoRepId}/one-to-ones/new`, {
		heldOn: '2025-01-06',
		notes: 'Access matrix one-to-one'
	});
	expect(recorded.status(), 'one-to-one recorded').toBe(303);
	const oneToOnePath = recorded.headers()['location']!.replace(/\?.*$/, '');

	const rep = await clientFor('rep');
	const practice = await post(rep, '/practice/renewal-price-objection?/start', { mode: 'text' });
	const attemptId = practice.headers()['location']!.split('/').pop()!;
	const deal = await post(rep, '/deals?/create', {
		company: 'Access deal',
		callNumber: '3',
		lastContact: '2026-11-02'
	});
	expect(deal.status(), 'the rep keeps a deal').toBe(303);
	const dealId = deal.headers()['location']!.split('?')[0]!.split('/').pop()!;
	const series = await post(rep, '/practice/series/lin-fasteners?/start');
	expect(series.status(), 'the rep starts a series').toBe(303);
	const runPath = series.headers()['location']!;
	await Promise.all([admin.dispose(), manager.dispose(), rep.dispose()]);

	const params: Record<string, string> = {
		'/(auth)/invite/[token]': invite,
		'/(auth)/reset/[token]': reset,
		'/try/[token]': candidateLink,
		'/(app)/attempts/[attemptId]': attemptId,
		'/(app)/attempts/[attemptId]/recordings/[turn]': `/attempts/${attemptId}/recordings/0`,
		'/(app)/quizzes/[id]': 'product-and-rules',
		'/(app)/studio/[kind]/[locale]/[id]': `/studio/article/en/${studioId}`,
		'/(app)/studio/export': '/studio/export?kind=rubric',
		'/(app)/studio/[kind]/[locale]/[id]/play': '/studio/scenario/en/renewal-price-objection/play',
		'/(app)/team/weak-spots/[repId]/[category]': `/team/weak-spots/${demoRepId}/price`,
		'/(app)/team/reps/[repId]': demoRepId,
		'/(app)/deals/[dealId]': dealId,
		'/(app)/team/reps/[repId]/one-to-ones': demoRepId,
		'/(app)/team/reps/[repId]/one-to-ones/new': demoRepId,
		'/(app)/team/reps/[repId]/one-to-ones/[id]': oneToOnePath,
		'/(app)/team/cohorts/[id]': cohortId,
		'/(app)/team/cohorts/[id]/csv': cohortId,
		'/(app)/team/cohorts/[id]/signoff/[userId]': `/team/cohorts/${cohortId}/signoff/${repIdInForm}?module=d5m7`,
		// The admin's own page: an empty form posted to its actions (deactivate, say) then changes nothing.
		'/(app)/admin/users/[id]': adminId,
		// Their own data, downloaded (the deletion, posted empty and on oneself, deletes nothing).
		'/(app)/admin/users/[id]/export': adminId,
		'/(app)/admin/teams/[id]': teamId,
		'/(app)/library/[id]': 'price-too-high',
		'/(app)/knowledge/[id]': 'membership-tiers',
		'/(app)/practice/[scenarioId]': 'renewal-price-objection',
		'/(app)/practice/series/[seriesId]': 'lin-fasteners',
		'/(app)/practice/series/[seriesId]/[runId]': runPath,
		'/(app)/hiring/candidates/[id]': candidateId,
		'/(app)/hiring/candidates/[id]/export': candidateId,
		'/(app)/hiring/interviews/[id]': interviewId,
		'/(app)/hiring/interviews/[id]/live': interviewId,
		'/(app)/hiring/interviews/[id]/scorecard': interviewId
	};
	return {
		params,
		candidateLink,
		otherCandidateLink,
		candidateId,
		interviewId,
		cohortId,
		attemptId,
		dealId,
		runPath,
		demoRepId,
		teamId,
		outsider,
		otherRep,
		dispose: async () => {
			await Promise.all([outsider.client.dispose(), otherRep.client.dispose()]);
		}
	};
}

/** The path to request for a route: a sample value for its parameter, or a full path where given. */
function pathOf(routeId: string, params: Record<string, string>): string {
	const sample = params[routeId];
	if (sample?.startsWith('/')) return sample;
	const path = routeId.replace(/\/\([^)]+\)/g, '').replace(/\[[a-zA-Z]+\]/g, sample ?? 'missing');
	return path || '/';
}

function actionPath(path: string, action: string): string {
	if (action === 'default') return path;
	return `${path}${path.includes('?') ? '&' : '?'}/${action}`;
}

// Routes whose object the world does not make (a typed role-play has no recording): a role the
// table lets in reaches the object's check and gets its 404. tests/e2e/voice.e2e.ts plays a real
// recording back to its rep and their manager, and gives another rep the 404.
const NO_SAMPLE: ReadonlySet<string> = new Set(['/(app)/attempts/[attemptId]/recordings/[turn]']);

// Objects that belong to someone: a role the table lets in still gets a 404 for someone else's.
// The demo rep's attempt is theirs to answer; their manager (following the rep's team) and the
// admin may read it; the demo manager and the admin sit on the sample interview.
const READABLE_BY: Record<string, (actor: Actor) => boolean> = {
	'/(app)/attempts/[attemptId]': (actor) =>
		actor === 'rep' || actor === 'manager' || actor === 'admin',
	// The demo rep's page: their manager's and the admin's; and the one-to-ones recorded with them.
	'/(app)/team/reps/[repId]': (actor) => actor === 'manager' || actor === 'admin',
	// The demo rep's deal: theirs alone (their manager reads it on the deal review, not here).
	'/(app)/deals/[dealId]': (actor) => actor === 'rep',
	'/(app)/team/reps/[repId]/one-to-ones': (actor) => actor === 'manager' || actor === 'admin',
	'/(app)/team/reps/[repId]/one-to-ones/new': (actor) => actor === 'manager' || actor === 'admin',
	'/(app)/team/reps/[repId]/one-to-ones/[id]': (actor) => actor === 'manager' || actor === 'admin',
	// The demo rep's series run: theirs, their manager's and the admin's to read.
	'/(app)/practice/series/[seriesId]/[runId]': (actor) =>
		actor === 'rep' || actor === 'manager' || actor === 'admin',
	// The sample certificate does not exist: every role that may look gets the same 404.
	'/(app)/certificates/[cohortId]/[userId]': () => false
};
// By route, or by route and action where an action is someone else's: the rep answers their
// attempt and alone may hang it up; their manager and the admin may mark its turns' scores (a reply
// being no one else's). The empty form posted here ends nothing: hanging up takes the confirming
// button's `confirm=yes`, so the rep's call gets a 400 and runs on.
const ANSWERABLE_BY: Record<string, (actor: Actor) => boolean> = {
	'/(app)/attempts/[attemptId]': (actor) => actor === 'rep',
	'/(app)/attempts/[attemptId] hangup': (actor) => actor === 'rep',
	// Only the rep plays the next call of their run (the empty form names no mode: a 400).
	'/(app)/practice/series/[seriesId]/[runId]': (actor) => actor === 'rep',
	'/(app)/attempts/[attemptId] mark': (actor) => actor === 'manager' || actor === 'admin',
	// Comments are their coaches' to write and delete (the empty form comments nothing: the call still runs).
	'/(app)/attempts/[attemptId] comment': (actor) => actor === 'manager' || actor === 'admin',
	'/(app)/attempts/[attemptId] deleteComment': (actor) => actor === 'manager' || actor === 'admin',
	// Assignments are the rep's coaches' to make and cancel (the empty form assigns nothing: a 400).
	'/(app)/team/reps/[repId] assign': (actor) => actor === 'manager' || actor === 'admin',
	'/(app)/team/reps/[repId] cancelAssignment': (actor) => actor === 'manager' || actor === 'admin',
	// A deal is its rep's to change (the empty form changes nothing: every field is missing).
	'/(app)/deals/[dealId]': (actor) => actor === 'rep',
	// A one-to-one is recorded by the rep's coaches (the empty form records nothing: it has no date);
	// only the manager who recorded it changes or deletes it (the empty form does neither).
	'/(app)/team/reps/[repId]/one-to-ones/new': (actor) => actor === 'manager' || actor === 'admin',
	'/(app)/team/reps/[repId]/one-to-ones/[id] update': (actor) => actor === 'manager',
	'/(app)/team/reps/[repId]/one-to-ones/[id] delete': (actor) => actor === 'manager'
};
// Actions that an empty form would still make do something lasting for a role that may use them.
const NOT_POSTED_WHEN_ALLOWED: Record<string, string> = {
	'/(app)/quizzes/[id] default': 'grading an empty quiz records a failed result'
};

function expectDecision(
	response: APIResponse,
	decision: AccessDecision,
	label: string,
	allowed: (status: number) => void
): void {
	const location = response.headers()['location'] ?? '';
	if (decision === 'allow') allowed(response.status());
	if (decision === 'login') {
		expect(response.status(), label).toBe(303);
		expect(location, label).toMatch(/^\/login/);
	}
	if (decision === 'home') {
		expect(response.status(), label).toBe(303);
		expect(location, label).toBe('/');
	}
	if (decision === 'forbidden') expect(response.status(), label).toBe(403);
}

test('every route answers each role, a candidate and an anonymous visitor as the access table says', async () => {
	const world = await buildWorld();
	for (const actor of ACTORS) {
		const client = await clientFor(actor, world);
		// Signing out ends this client's session: it goes last.
		const routes = Object.keys(ROUTE_ACCESS).sort(
			(a, b) => Number(a === '/(auth)/logout') - Number(b === '/(auth)/logout')
		);
		for (const routeId of routes) {
			const path = pathOf(routeId, world.params);
			// The endpoints that take form posts; the others answer GET.
			const posted =
				routeId === '/(auth)/logout' || routeId === '/locale' || routeId === '/(app)/studio/check';
			const response =
				routeId === '/(app)/studio/check'
					? await client.post(path, {
							data: { kind: 'script', locale: 'en', id: 'price-too-high', text: '' },
							headers: { origin: ORIGIN }
						})
					: posted
						? // No valid locale: switching would change the demo account's saved language for other tests.
							await post(client, path, { locale: 'none', next: '/' })
						: await client.get(path);
			const decision = decideAccess(routeId, rolesOf(actor));
			const label = `${actor} ${posted ? 'POST' : 'GET'} ${path} → ${decision}`;
			const someoneElses = routeId in READABLE_BY && !READABLE_BY[routeId]!(actor);
			expectDecision(response, decision, label, (status) =>
				expect(status, label).toBe(
					routeId === '/(app)/studio/check'
						? 200
						: posted
							? 303
							: someoneElses || NO_SAMPLE.has(routeId)
								? 404
								: 200
				)
			);
		}
		await client.dispose();
	}
	await world.dispose();
});

test('every form action answers each role, a candidate and an anonymous visitor as the access table says', async () => {
	const actions = discoverActions();
	// Sanity: the route files were read (the app has dozens of actions).
	expect(actions.length).toBeGreaterThan(30);
	const world = await buildWorld();
	for (const actor of ACTORS) {
		const client = await clientFor(actor, world);
		for (const { routeId, action } of actions) {
			const decision = decideAccess(routeId, rolesOf(actor));
			if (decision === 'allow' && NOT_POSTED_WHEN_ALLOWED[`${routeId} ${action}`]) continue;
			const path = actionPath(pathOf(routeId, world.params), action);
			// An empty form, as a browser would post it: enough to reach the checks, too little to change anything.
			const response = await post(client, path);
			const label = `${actor} POST ${path} → ${decision}`;
			expectDecision(response, decision, label, (status) => {
				expect(status, label).toBeLessThan(500);
				expect(status, label).not.toBe(403);
				expect(response.headers()['location'] ?? '', label).not.toMatch(/^\/login/);
				const answerable = ANSWERABLE_BY[`${routeId} ${action}`] ?? ANSWERABLE_BY[routeId];
				if (answerable) expect(status === 404, label).toBe(!answerable(actor));
			});
		}
		await client.dispose();
	}
	await world.dispose();
});

test('every form action answers a post that is not a readable form with a client error, never a server error', async () => {
	const actions = discoverActions();
	const world = await buildWorld();
	let refused = 0;
	for (const actor of ['admin', 'anonymous'] as const) {
		const client = await clientFor(actor, world);
		for (const { routeId, action } of actions) {
			// Signing out as the admin would end this client's session for the actions after it.
			if (decideAccess(routeId, rolesOf(actor)) !== 'allow' || routeId === '/(auth)/logout')
				continue;
			const path = actionPath(pathOf(routeId, world.params), action);
			const bodies = [
				{ 'content-type': 'text/plain', data: 'name=x' },
				{
					'content-type': 'multipart/form-data; boundary=x',
					data: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nno end'
				}
			];
			for (const { data, ...type } of bodies) {
				const status = (
					await client.post(path, { data, headers: { ...FORM_HEADERS, ...type } })
				).status();
				// Actions that read no field (a reset link, say) may go ahead; none may fail.
				expect(status, `${actor} POST ${path} as ${type['content-type']}`).toBeLessThan(500);
				if (status === 400 || status === 415) refused++;
			}
		}
		await client.dispose();
	}
	// Most actions read a form, and refuse one they cannot read.
	expect(refused).toBeGreaterThan(50);
	await world.dispose();
});

test('other people’s objects answer 404 to pages and actions alike, and nothing changes', async () => {
	const world = await buildWorld();
	const actions = discoverActions();
	const actionsOf = (routeId: string) =>
		actions.filter((a) => a.routeId === routeId).map((a) => a.action);
	const { outsider, otherRep } = world;

	// Another rep's attempt: neither readable nor answerable, nor can it be hung up (the form is the
	// one that would end it for its rep).
	expect((await otherRep.client.get(`/attempts/${world.attemptId}`)).status()).toBe(404);
	for (const action of actionsOf('/(app)/attempts/[attemptId]')) {
		expect(
			(
				await post(otherRep.client, actionPath(`/attempts/${world.attemptId}`, action), {
					turn: '0',
					reply: 'Hijack',
					confirm: 'yes'
				})
			).status(),
			`other rep ${action}`
		).toBe(404);
	}
	expect(
		(await outsider.client.get(`/attempts/${world.attemptId}`)).status(),
		'a manager of another team'
	).toBe(404);
	expect(
		(
			await post(outsider.client, actionPath(`/attempts/${world.attemptId}`, 'hangup'), {
				confirm: 'yes'
			})
		).status(),
		'a manager of another team hangs up'
	).toBe(404);
	for (const action of ['comment', 'deleteComment']) {
		expect(
			(
				await post(outsider.client, actionPath(`/attempts/${world.attemptId}`, action), {
					turn: '',
					body: 'Hijack',
					comment: 'x'
				})
			).status(),
			`a manager of another team: ${action}`
		).toBe(404);
	}

	// Another rep's series run: neither readable nor played; nor under another series' address.
	expect((await otherRep.client.get(world.runPath)).status()).toBe(404);
	expect(
		(await post(otherRep.client, actionPath(world.runPath, 'play'), { mode: 'text' })).status(),
		'other rep plays a run'
	).toBe(404);
	expect(
		(await outsider.client.get(world.runPath)).status(),
		'a manager of another team reads a run'
	).toBe(404);

	// Another rep's deal: neither readable nor changed, by any of its forms.
	expect((await otherRep.client.get(`/deals/${world.dealId}`)).status()).toBe(404);
	for (const action of actionsOf('/(app)/deals/[dealId]')) {
		const form = {
			company: 'Hijack',
			callNumber: '1',
			lastContact: '2026-11-02',
			text: 'Hijack',
			date: '2026-11-02',
			strength: 'weak',
			outcome: 'lost',
			evidenceId: 'x'
		};
		expect(
			(await post(otherRep.client, actionPath(`/deals/${world.dealId}`, action), form)).status(),
			`other rep ${action} on a deal`
		).toBe(404);
	}

	// Another team's interview and candidate, to a manager who is on no panel and leads no team.
	const hiring: [string, string][] = [
		['/(app)/hiring/interviews/[id]', `/hiring/interviews/${world.interviewId}`],
		['/(app)/hiring/interviews/[id]/live', `/hiring/interviews/${world.interviewId}/live`],
		[
			'/(app)/hiring/interviews/[id]/scorecard',
			`/hiring/interviews/${world.interviewId}/scorecard`
		],
		['/(app)/hiring/candidates/[id]', `/hiring/candidates/${world.candidateId}`],
		['/(app)/hiring/candidates/[id]/export', `/hiring/candidates/${world.candidateId}/export`],
		['/(app)/team/cohorts/[id]', `/team/cohorts/${world.cohortId}`],
		['/(app)/team/cohorts/[id]/csv', `/team/cohorts/${world.cohortId}/csv`],
		[
			'/(app)/team/cohorts/[id]/signoff/[userId]',
			world.params['/(app)/team/cohorts/[id]/signoff/[userId]']!
		],
		['/(app)/team/weak-spots/[repId]/[category]', `/team/weak-spots/${world.demoRepId}/price`],
		['/(app)/team/reps/[repId]', `/team/reps/${world.demoRepId}`],
		['/(app)/team/reps/[repId]/one-to-ones', `/team/reps/${world.demoRepId}/one-to-ones`],
		['/(app)/team/reps/[repId]/one-to-ones/new', `/team/reps/${world.demoRepId}/one-to-ones/new`],
		[
			'/(app)/team/reps/[repId]/one-to-ones/[id]',
			world.params['/(app)/team/reps/[repId]/one-to-ones/[id]']!
		]
	];
	for (const [routeId, path] of hiring) {
		expect((await outsider.client.get(path)).status(), `outsider GET ${path}`).toBe(404);
		for (const action of actionsOf(routeId)) {
			const form = {
				confirm: 'yes',
				score: '100',
				reason: 'other',
				comment: 'x',
				verdict: 'handled',
				turn: '0',
				intent: 'submit',
				recommendation: 'strong-yes'
			};
			expect(
				(await post(outsider.client, actionPath(path, action), form)).status(),
				`outsider POST ${action} ${path}`
			).toBe(404);
		}
	}
	expect(
		(await post(outsider.client, '/team?/leaderboard', { teamId: world.teamId, on: '1' })).status(),
		'another team’s leaderboard'
	).toBe(404);
	// Assigning another team's rep a scenario, with a form that would do it for their manager.
	const dueSoon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
	const assignForm = {
		kind: 'scenario',
		content: 'renewal-price-objection',
		mode: 'text',
		passMark: '50',
		due: dueSoon,
		note: 'Hijack'
	};
	expect(
		(
			await post(outsider.client, actionPath(`/team/reps/${world.demoRepId}`, 'assign'), assignForm)
		).status(),
		'outsider assigns'
	).toBe(404);
	expect(
		(
			await post(otherRep.client, actionPath(`/team/reps/${world.demoRepId}`, 'assign'), assignForm)
		).status(),
		'a rep assigns'
	).toBe(403);
	expect(
		(
			await post(outsider.client, '/team?/oneToOneWeeks', { teamId: world.teamId, weeks: '9' })
		).status(),
		'another team’s one-to-one weeks'
	).toBe(404);
	// A one-to-one is read only through its own rep: the outsider's path to it through another rep finds nothing either.
	const oneToOneId = world.params['/(app)/team/reps/[repId]/one-to-ones/[id]']!.split('/').pop()!;
	expect(
		(
			await outsider.client.get(`/team/reps/${world.otherRep.id}/one-to-ones/${oneToOneId}`)
		).status()
	).toBe(404);
	// A rep reads their own one-to-ones only: the other rep's page has none of the demo rep's.
	expect(await (await otherRep.client.get('/one-to-ones')).text()).not.toContain(
		'Access matrix one-to-one'
	);

	// Scheduling an interview for a candidate one cannot see is refused, and does not reveal them.
	const form = new URLSearchParams({
		candidateId: world.candidateId,
		scenarioId: 'renewal-price-objection',
		rubricId: 'hiring-roleplay',
		mode: 'live',
		scheduledAt: '2026-12-01T10:00',
		panel: outsider.id
	});
	const scheduled = await outsider.client.post('/hiring/interviews/new', {
		data: form.toString(),
		headers: { ...FORM_HEADERS, 'content-type': 'application/x-www-form-urlencoded' }
	});
	expect(scheduled.status()).toBe(400);
	expect((await outsider.client.get(`/hiring/candidates/${world.candidateId}`)).status()).toBe(404);
	expect(await (await outsider.client.get('/hiring/candidates')).text()).not.toContain(
		'Access Candidate'
	);

	// A candidate's link opens their own interview only: another link's id with their secret is no link at all.
	const candidate = await newClient();
	const [ownId, ownSecret] = world.candidateLink.split('/').pop()!.split('.');
	const otherId = world.otherCandidateLink.split('/').pop()!.split('.')[0];
	expect(ownId).not.toBe(otherId);
	expect(await (await candidate.get(`/try/${otherId}.${ownSecret}`)).text()).toContain(
		'This link is not valid'
	);
	expect(
		(await post(candidate, `/try/${otherId}.${ownSecret}?/start`, { consent: 'yes' })).status()
	).toBe(400);
	// The link grants nothing beyond its role-play.
	expect(
		(await candidate.get(`/hiring/interviews/${world.interviewId}`)).headers()['location']
	).toMatch(/^\/login/);
	await candidate.dispose();

	// None of it changed anything: the rep's call still runs, with no reply taken,
	const rep = await clientFor('rep');
	const call = await (await rep.get(`/attempts/${world.attemptId}`)).text();
	expect(call, 'the rep’s call still runs').toContain('action="?/hangup"');
	expect(call).not.toContain('Hijack');
	// and no assignment reached their home.
	expect(await (await rep.get('/')).text()).not.toContain('Hijack');
	const deal = await (await rep.get(`/deals/${world.dealId}`)).text();
	expect(deal, 'the rep’s deal is unchanged and open').toContain('action="?/close"');
	expect(deal).not.toContain('Hijack');
	await rep.dispose();
	// the one-to-one is there as it was recorded,
	const manager = await clientFor('manager');
	const talk = await manager.get(world.params['/(app)/team/reps/[repId]/one-to-ones/[id]']!);
	expect(talk.status()).toBe(200);
	expect(await talk.text()).not.toContain('Hijack');
	// and the sample interview still has no role-play and no ratings.
	const page = await (await manager.get(`/hiring/interviews/${world.interviewId}`)).text();
	expect(page).toContain('0 of 2 interviewers have submitted');
	expect(
		await (await manager.get(`/hiring/interviews/${world.interviewId}/live`)).text()
	).not.toContain('Say this as the customer');
	await manager.dispose();
	await world.dispose();
});

test('form actions refuse roles that may not use them, before doing anything', async () => {
	const admin = await clientFor('admin');
	const adminId = await userId(admin, demoAccount('admin').email);
	await admin.dispose();
	const actions: { path: string; form: Record<string, string>; roles: Role[] }[] = [
		{
			path: '/admin/invites?/create',
			form: { email: 'intruder@example.com', roles: 'admin' },
			roles: ['admin']
		},
		{ path: `/admin/users/${adminId}?/roles`, form: { roles: 'rep' }, roles: ['admin'] },
		{ path: '/admin/teams?/create', form: { name: 'Intruders' }, roles: ['admin'] }
	];
	for (const actor of ACTORS.filter((a) => a !== 'candidate')) {
		const client = await clientFor(actor);
		for (const action of actions) {
			if (actor !== 'anonymous' && action.roles.includes(actor)) continue;
			const response = await post(client, action.path, action.form);
			expect(response.status(), `${actor} POST ${action.path}`).toBe(
				actor === 'anonymous' ? 303 : 403
			);
		}
		await client.dispose();
	}
	// Nothing changed: no intruder invitation, no team, and the admin is still an admin.
	const check = await clientFor('admin');
	expect(await (await check.get('/admin/invites')).text()).not.toContain('intruder@example.com');
	expect(await (await check.get('/admin/teams')).text()).not.toContain('Intruders');
	expect((await check.get('/admin/users')).status()).toBe(200);
	await check.dispose();
});

test('a form posted from another site is refused (CSRF)', async () => {
	const client = await clientFor('admin');
	const response = await client.post('/admin/teams?/create', {
		form: { name: 'Cross-site' },
		headers: { ...FORM_HEADERS, origin: 'https://evil.example' }
	});
	expect(response.status()).toBe(403);
	await client.dispose();
});

test('pages carry the security headers', async () => {
	const client = await clientFor('anonymous');
	const response = await client.get('/login');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	await client.dispose();
});
