import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { markArticleRead } from './library';
import { startAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { countDueCards, ensureReviewCards, nextDueCard, rateReviewCard } from './review-cards';
import {
	canFollowCohort,
	cohortChoicesFor,
	cohortsVisibleTo,
	completedModules,
	createCohort,
	currentCohortOf,
	markStudied,
	membersWithProgress,
	membersWithStatuses,
	planFor,
	progressOf,
	progressOfMany,
	recordQuizResult,
	recordSignoff,
	statusesOfMany
} from './onboarding';
import { gradeQuiz } from '$lib/engine/training/quiz';
import { findContent, upsertContentItem } from '../content/store';
import type { PlanProgress } from '$lib/engine/training/plan';
import { addTeamMember, createTeam } from '../accounts/teams';
import type { SessionUser } from '../auth/session';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const manager = insertUser(db, {
		email: 'm@example.com',
		name: 'M',
		passwordHash: 'x',
		roles: ['manager']
	});
	const rep = insertUser(db, {
		email: 'r@example.com',
		name: 'R',
		passwordHash: 'x',
		roles: ['rep']
	});
	const team = createTeam(db, 'North');
	addTeamMember(db, team.id, manager.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	const created = createCohort(
		db,
		{ ...DECEMBER, userIds: [rep.id], teamId: team.id, createdBy: manager.id },
		cohortChoicesFor(db, asSession(manager, 'manager'))
	);
	if (!created.ok) throw new Error(created.problem);
	return { db, manager, rep, team, cohort: created.cohort };
}

const DECEMBER = {
	name: 'Dec',
	curriculumId: 'new-rep-onboarding',
	locale: 'en',
	startDate: '2026-11-26'
} as const;

function asSession(
	user: { id: string; email: string; name: string },
	role: 'manager' | 'admin'
): SessionUser {
	return { id: user.id, email: user.email, name: user.name, locale: null, roles: [role] };
}

describe('cohort creation', () => {
	it('lets a manager choose their teams, their reps and new hires in no team; an admin, anyone', () => {
		const { db, manager, rep, team } = setUp();
		const outsider = insertUser(db, {
			email: 'o@example.com',
			name: 'Outsider',
			passwordHash: 'x',
			roles: ['rep']
		});
		const newHire = insertUser(db, {
			email: 'n@example.com',
			name: 'New Hire',
			passwordHash: 'x',
			roles: ['rep']
		});
		const otherTeam = createTeam(db, 'South');
		addTeamMember(db, otherTeam.id, outsider.id, 'rep');
		const managerChoices = cohortChoicesFor(db, asSession(manager, 'manager'));
		expect(managerChoices.reps.map((r) => r.id).sort()).toEqual([rep.id, newHire.id].sort());
		expect(
			createCohort(
				db,
				{ ...DECEMBER, userIds: [rep.id, newHire.id], teamId: team.id, createdBy: manager.id },
				managerChoices
			).ok
		).toBe(true);
		expect(managerChoices.teams.map((t) => t.id)).toEqual([team.id]);
		expect(
			createCohort(
				db,
				{ ...DECEMBER, userIds: [rep.id, outsider.id], teamId: null, createdBy: manager.id },
				managerChoices
			)
		).toEqual({ ok: false, problem: 'members' });
		expect(
			createCohort(
				db,
				{ ...DECEMBER, userIds: [manager.id], teamId: null, createdBy: manager.id },
				managerChoices
			)
		).toEqual({ ok: false, problem: 'members' });
		expect(
			createCohort(
				db,
				{ ...DECEMBER, userIds: [rep.id], teamId: otherTeam.id, createdBy: manager.id },
				managerChoices
			)
		).toEqual({ ok: false, problem: 'team' });

		const admin = insertUser(db, {
			email: 'a@example.com',
			name: 'A',
			passwordHash: 'x',
			roles: ['admin']
		});
		const adminChoices = cohortChoicesFor(db, asSession(admin, 'admin'));
		expect(
			createCohort(
				db,
				{ ...DECEMBER, userIds: [rep.id, outsider.id], teamId: otherTeam.id, createdBy: admin.id },
				adminChoices
			).ok
		).toBe(true);
	});
});

describe('who may follow a cohort', () => {
	it('is the creator, a manager of its team and admins, for one cohort as for the list', () => {
		const { db, manager, team, cohort } = setUp();
		const otherManager = insertUser(db, {
			email: 'o@example.com',
			name: 'Other',
			passwordHash: 'x',
			roles: ['manager']
		});
		const coManager = insertUser(db, {
			email: 'c@example.com',
			name: 'Co',
			passwordHash: 'x',
			roles: ['manager']
		});
		addTeamMember(db, team.id, coManager.id, 'manager');
		const admin = insertUser(db, {
			email: 'a@example.com',
			name: 'A',
			passwordHash: 'x',
			roles: ['admin']
		});
		const cases = [
			{ who: asSession(manager, 'manager'), follows: true },
			{ who: asSession(coManager, 'manager'), follows: true },
			{ who: asSession(otherManager, 'manager'), follows: false },
			{ who: asSession(admin, 'admin'), follows: true }
		];
		for (const { who, follows } of cases) {
			expect(canFollowCohort(db, who, cohort), who.name).toBe(follows);
			expect(
				cohortsVisibleTo(db, who).some((c) => c.id === cohort.id),
				who.name
			).toBe(follows);
		}
	});
});

describe.each(TIME_ZONES)('a cohort starting on a weekend, in %s', (zone) => {
	inTimeZone(zone);

	it('a cohort starting on a Saturday starts on Monday; day 1 done over the weekend counts', () => {
		const { db, manager, rep } = setUp();
		const created = createCohort(
			db,
			{
				...DECEMBER,
				startDate: '2026-12-05',
				userIds: [rep.id],
				teamId: null,
				createdBy: manager.id
			},
			cohortChoicesFor(db, asSession(manager, 'manager'))
		);
		if (!created.ok) throw new Error(created.problem);
		// Noon UTC: the same calendar day in both zones.
		const saturday = new Date('2026-12-05T12:00:00Z');
		expect(progressOf(db, created.cohort, rep.id, saturday).when).toEqual({
			kind: 'before',
			date: '2026-12-07'
		});
		markArticleRead(db, rep.id, 'company-rules-and-culture');
		const sunday = progressOf(db, created.cohort, rep.id, new Date('2026-12-06T12:00:00Z'));
		expect(sunday.done).toBe(1);
		expect(sunday.overdue).toBe(0);
		expect(progressOf(db, created.cohort, rep.id, new Date('2026-12-07T12:00:00Z')).when).toEqual({
			kind: 'day',
			day: 1
		});
	});
});

describe('onboarding progress', () => {
	it('counts reads, quizzes, drills and studied entries from what the rep did', () => {
		const { db, rep, cohort } = setUp();
		expect(currentCohortOf(db, rep.id)?.id).toBe(cohort.id);
		expect(completedModules(db, cohort, rep.id).size).toBe(0);

		markArticleRead(db, rep.id, 'company-rules-and-culture');
		const quiz = findContent(db, 'quiz', 'product-and-rules', 'en')!.data;
		const perfect = quiz.items.map((item) =>
			item.type === 'choice'
				? { choice: item.answer }
				: item.type === 'order'
					? { order: item.items.map((_, i) => i + 1) }
					: { classes: item.statements.map((s) => s.class) }
		);
		recordQuizResult(db, rep.id, 'product-and-rules', gradeQuiz(quiz, perfect), perfect);
		markStudied(db, cohort.id, rep.id, 'd3m1');
		const done = completedModules(db, cohort, rep.id);
		expect([...done].sort()).toEqual(['d1m1', 'd1m4', 'd3m1']);

		const progress = progressOf(db, cohort, rep.id, new Date('2026-11-27T10:00:00Z'));
		expect(progress.today).toBe(2);
		expect(progress.overdue).toBe(2); // day 1's two unread articles
		expect(progress.next?.key).toBe('d1m2');
	});

	it('counts for each member only what they did since their own cohort began, when read together', () => {
		const { db, manager, rep, team, cohort } = setUp();
		const later = insertUser(db, {
			email: 'l@example.com',
			name: 'L',
			passwordHash: 'x',
			roles: ['rep']
		});
		addTeamMember(db, team.id, later.id, 'rep');
		const created = createCohort(
			db,
			{
				...DECEMBER,
				name: 'Jan',
				startDate: '2027-01-04',
				userIds: [later.id],
				teamId: team.id,
				createdBy: manager.id
			},
			cohortChoicesFor(db, asSession(manager, 'manager'))
		);
		if (!created.ok) throw new Error(created.problem);
		const quiz = findContent(db, 'quiz', 'product-and-rules', 'en')!.data;
		const perfect = quiz.items.map((item) =>
			item.type === 'choice'
				? { choice: item.answer }
				: item.type === 'order'
					? { order: item.items.map((_, i) => i + 1) }
					: { classes: item.statements.map((s) => s.class) }
		);
		// Passed on 1 December: after the first cohort began (26 November), before the second existed.
		for (const userId of [rep.id, later.id])
			recordQuizResult(
				db,
				userId,
				'product-and-rules',
				gradeQuiz(quiz, perfect),
				perfect,
				new Date('2026-12-01T03:00:00Z')
			);
		const [first, second] = progressOfMany(
			db,
			[
				{ cohort, userId: rep.id },
				{ cohort: created.cohort, userId: later.id }
			],
			new Date('2026-12-01T05:00:00Z')
		);
		expect(first!.days[0]!.modules.find((m) => m.key === 'd1m4')?.status).toBe('done');
		expect(second!.done).toBe(0);
		// The managers' tables read the same from the statuses alone.
		const statuses = statusesOfMany(
			db,
			[
				{ cohort, userId: rep.id },
				{ cohort: created.cohort, userId: later.id }
			],
			new Date('2026-12-01T05:00:00Z')
		);
		expect(statuses.map((s) => s.statuses)).toEqual(
			[first!, second!].map((p) => p.days.flatMap((d) => d.modules.map((m) => m.status)))
		);
		expect(statuses.map((s) => [s.percent, s.overdue])).toEqual(
			[first!, second!].map((p) => [p.percent, p.overdue])
		);
		expect(
			membersWithStatuses(db, cohort, new Date('2026-12-01T05:00:00Z')).map(
				({ member, progress }) => [member.id, progress.statuses]
			)
		).toEqual(
			membersWithProgress(db, cohort, new Date('2026-12-01T05:00:00Z')).map(
				({ member, progress }) => [
					member.id,
					progress.days.flatMap((d) => d.modules.map((m) => m.status))
				]
			)
		);
	});

	it('a drill counts when won at its pass mark, and a free-text drill only with a typed win', async () => {
		const { db, rep, cohort } = setUp();
		const { parse } = await import('yaml');
		const { readFileSync } = await import('node:fs');
		const good = (id: string) =>
			(
				parse(readFileSync(`content/en/scenarios/${id}.yaml`, 'utf8')) as {
					examples: { good: string[] };
				}
			).examples.good;
		const play = (id: string, mode: 'choice' | 'text') => {
			const attempt = startAttempt(db, rep.id, id, 'en', mode)!;
			good(id).forEach((reply, turn) =>
				submitTurn(db, attempt.id, mode === 'text' ? { mode, reply } : { mode, choice: 1 }, turn)
			);
		};
		// Day 3, module 2: a multiple-choice drill on gatekeeper-boss-not-in; day 4, module 6: a free-text drill on switch-from-competitor.
		play('gatekeeper-boss-not-in', 'text');
		expect(completedModules(db, cohort, rep.id).has('d3m2')).toBe(true);
		expect(completedModules(db, cohort, rep.id).has('d4m6')).toBe(false);
		play('switch-from-competitor', 'text');
		expect(completedModules(db, cohort, rep.id)).toEqual(new Set(['d3m2', 'd3m5', 'd4m6']));
	});

	it('a failed sign-off does not certify; the rubric must be complete', () => {
		const { db, rep, manager, cohort } = setUp();
		expect(
			recordSignoff(db, cohort, rep.id, 'd5m7', {
				scores: { 'script-mastery': 3 },
				notes: '',
				signedBy: manager.id
			})
		).toEqual({ ok: false, problem: 'incomplete' });
		const low = {
			'script-mastery': 2,
			'objection-handling': 2,
			'product-knowledge': 2,
			'evidence-vs-feeling': 2,
			'next-step': 2
		};
		expect(
			recordSignoff(db, cohort, rep.id, 'd5m7', { scores: low, notes: '', signedBy: manager.id })
		).toEqual({ ok: true, passed: false, score: 25 });
		expect(completedModules(db, cohort, rep.id).has('d5m7')).toBe(false);
		const high = {
			'script-mastery': 4,
			'objection-handling': 4,
			'product-knowledge': 4,
			'evidence-vs-feeling': 4,
			'next-step': 4
		};
		expect(
			recordSignoff(db, cohort, rep.id, 'd5m7', { scores: high, notes: '', signedBy: manager.id })
		).toMatchObject({ ok: true, passed: true });
		expect(completedModules(db, cohort, rep.id).has('d5m7')).toBe(true);
		expect(currentCohortOf(db, rep.id)?.certifiedAt).toBeNull(); // the other gates are still open
	});
});

describe('the plan in each member’s language', () => {
	/** What progress is, without the words: the same whichever language the plan is shown in. */
	const standing = (p: PlanProgress) => ({
		...p,
		days: p.days.map((d) => [
			d.day,
			d.date,
			d.modules.map((m) => [m.key, m.status, m.type, m.items, m.pass, m.mode])
		]),
		next: p.next?.key
	});
	const moduleTitles = (p: PlanProgress) => p.days.flatMap((d) => d.modules.map((m) => m.title));
	const at = new Date('2026-11-30T05:00:00Z');

	it('shows a cohort started in English to a zh-TW reader in Chinese, with the same progress', () => {
		const { db, rep, cohort } = setUp();
		// What the rep did in Chinese counts for the English plan: items are ids shared by both languages.
		markArticleRead(db, rep.id, 'company-rules-and-culture');
		markStudied(db, cohort.id, rep.id, 'd3m1');
		const inEnglish = progressOf(db, cohort, rep.id, at);
		const inChinese = progressOf(db, cohort, rep.id, at, 'zh-TW');
		expect(standing(inChinese)).toEqual(standing(inEnglish));
		expect(inEnglish.days[0]!.modules[0]!.title).toBe('Learn how the team works');
		expect(inChinese.days[0]!.modules[0]!.title).toBe('了解團隊規定與文化');
		expect(inChinese.days[0]!.title).toBe('認識公司、規定與產品');
		expect(inChinese.next?.title).toBe('熟記各會員方案');
		expect(planFor(db, cohort, 'zh-TW')).toMatchObject({
			locale: 'zh-TW',
			curriculum: { title: '新進業務到職訓練' }
		});
		expect(planFor(db, cohort, 'en')).toMatchObject({
			locale: 'en',
			curriculum: { title: 'New Rep Onboarding' }
		});
		// The manager's table and CSV read the same statuses in either language.
		const [english] = membersWithProgress(db, cohort, at);
		const [chinese] = membersWithProgress(db, cohort, at, 'zh-TW');
		expect(standing(chinese!.progress)).toEqual(standing(english!.progress));
		expect(moduleTitles(chinese!.progress)).toEqual(moduleTitles(inChinese));
		expect(membersWithStatuses(db, cohort, at)[0]!.progress.statuses).toEqual(
			inChinese.days.flatMap((d) => d.modules.map((m) => m.status))
		);
	});

	it('shows a cohort started in Chinese to an English reader in English', () => {
		const { db, manager, rep } = setUp();
		const created = createCohort(
			db,
			{ ...DECEMBER, locale: 'zh-TW', userIds: [rep.id], teamId: null, createdBy: manager.id },
			cohortChoicesFor(db, asSession(manager, 'manager'))
		);
		if (!created.ok) throw new Error(created.problem);
		expect(created.cohort.locale).toBe('zh-TW');
		expect(progressOf(db, created.cohort, rep.id, at, 'en').days[0]!.modules[0]!.title).toBe(
			'Learn how the team works'
		);
		expect(progressOf(db, created.cohort, rep.id, at).days[0]!.modules[0]!.title).toBe(
			'了解團隊規定與文化'
		);
	});

	it('falls back to the cohort’s language when the other language is missing or no longer has the started shape', () => {
		const { db, manager, rep, cohort } = setUp();
		const zh = findContent(db, 'curriculum', 'new-rep-onboarding', 'zh-TW')!;
		expect(zh.locale).toBe('zh-TW');
		// Published later with a module more on day 1: its places no longer match the cohort's progress.
		const reshaped = {
			...zh.data,
			days: [
				{
					...zh.data.days[0]!,
					modules: [
						{ type: 'read' as const, title: '新的一課', items: ['membership-tiers'] },
						...zh.data.days[0]!.modules
					]
				},
				...zh.data.days.slice(1)
			]
		};
		upsertContentItem(db, { ...zh, data: reshaped });
		expect(planFor(db, cohort, 'zh-TW').locale).toBe('en');
		expect(progressOf(db, cohort, rep.id, at, 'zh-TW').days[0]!.modules[0]!.title).toBe(
			'Learn how the team works'
		);
		// Published again in step (only a title reworded): the Chinese words are back, the new title with them.
		upsertContentItem(db, { ...zh, data: { ...zh.data, title: '新進業務到職訓練（新版）' } });
		expect(planFor(db, cohort, 'zh-TW')).toMatchObject({
			locale: 'zh-TW',
			curriculum: { title: '新進業務到職訓練（新版）' }
		});
		// A plan that exists in one language only.
		const en = findContent(db, 'curriculum', 'new-rep-onboarding', 'en')!;
		upsertContentItem(db, {
			...en,
			id: 'english-only',
			data: { ...en.data, id: 'english-only', title: 'English only' }
		});
		const only = createCohort(
			db,
			{
				...DECEMBER,
				curriculumId: 'english-only',
				userIds: [rep.id],
				teamId: null,
				createdBy: manager.id
			},
			cohortChoicesFor(db, asSession(manager, 'manager'))
		);
		if (!only.ok) throw new Error(only.problem);
		expect(planFor(db, only.cohort, 'zh-TW')).toMatchObject({
			locale: 'en',
			curriculum: { title: 'English only' }
		});
	});
});

describe('review cards', () => {
	it('an entry added to the library later gets a card on the next visit', () => {
		const { db, rep } = setUp();
		const now = new Date('2026-11-26T09:00:00Z');
		ensureReviewCards(db, rep.id, ['price-too-high'], now);
		rateReviewCard(db, rep.id, 'price-too-high', 'easy', now);
		ensureReviewCards(db, rep.id, ['price-too-high', 'boss-not-in'], now);
		expect(countDueCards(db, rep.id, now)).toBe(1);
		expect(nextDueCard(db, rep.id, now)?.scriptId).toBe('boss-not-in');
	});

	it('every script entry becomes a card; rating Good sends it away; a missed key point brings it back now', () => {
		const { db, rep } = setUp();
		const now = new Date('2026-11-26T09:00:00Z');
		ensureReviewCards(db, rep.id, ['price-too-high', 'boss-not-in'], now);
		expect(countDueCards(db, rep.id, now)).toBe(2);
		const first = nextDueCard(db, rep.id, now)!;
		expect(rateReviewCard(db, rep.id, first.scriptId, 'good', now)).toBe(true);
		expect(countDueCards(db, rep.id, now)).toBe(1);
		expect(rateReviewCard(db, rep.id, first.scriptId, 'good', now)).toBe(false); // not due any more
		// The review page ensures the cards on every visit: a rated card keeps its schedule.
		ensureReviewCards(db, rep.id, ['price-too-high', 'boss-not-in'], now);
		expect(countDueCards(db, rep.id, now)).toBe(1);

		const second = nextDueCard(db, rep.id, now)!;
		rateReviewCard(db, rep.id, second.scriptId, 'easy', now);
		// Easy on a new card: days away. (The one rated Good comes back within the hour, as learning.)
		expect(countDueCards(db, rep.id, new Date(now.getTime() + 3600_000))).toBe(1);
		expect(nextDueCard(db, rep.id, new Date(now.getTime() + 3600_000))?.scriptId).toBe(
			first.scriptId
		);
		// A practice reply that misses the price beat's key points makes its script due again.
		const later = new Date(now.getTime() + 3600_000);
		rateReviewCard(db, rep.id, first.scriptId, 'easy', later);
		expect(countDueCards(db, rep.id, later)).toBe(0);
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text', later)!;
		submitTurn(
			db,
			attempt.id,
			{ mode: 'text', reply: 'Good morning, this is Kevin from MetalHub. Do you have a minute?' },
			0,
			later
		);
		submitTurn(
			db,
			attempt.id,
			{ mode: 'text', reply: 'It is not expensive at all, everyone pays that.' },
			1,
			later
		);
		expect(nextDueCard(db, rep.id, later)?.scriptId).toBe('price-too-high');
	});
});
