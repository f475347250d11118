import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppDb } from './db';
import {
	attempts,
	turns,
	type ActionOwner,
	type Attempt,
	type PracticeMode,
	type Recommendation
} from './db/schema';
import { findUserByEmail, getUserRoles } from './accounts/users';
import type { SessionUser } from './auth/session';
import { findContent, listContentFields } from './content/store';
import { compiledRevisionFor } from './practice/compiled-revisions';
import { hangUp, startAttempt } from './practice/attempts';
import { submitTurn } from './practice/turns';
import { markArticleRead } from './onboarding/library';
import { takeQuiz } from './onboarding/quiz-attempts';
import { cohortChoicesFor, createCohort } from './onboarding/onboarding';
import { addComment, markCommentsSeen } from './coaching/comments';
import { createAssignment, type AssignInput } from './coaching/assignments';
import { addEvidence, createDeal, type DealInput } from './coaching/deals';
import { recordOneToOne, type OneToOneInput } from './coaching/one-to-ones';
import { createCandidate, createInterview, startInterviewAttempt } from './hiring/hiring';
import { saveRating } from './hiring/ratings';
import type { ContentLocale, Curriculum, Rubric, Scenario } from '$lib/engine/content';
import type { EvidenceStrength, IsoDate } from '$lib/engine/coaching';
import { rightAnswer } from '$lib/engine/training/quiz';
import { DEMO_ACCOUNTS } from '$lib/demo-accounts';
import { localIsoDate } from '$lib/calendar';
import { seededRandom, type Random } from '$lib/seeded-random';

/*
 * The demo's first three weeks: what a newcomer finds on first start, so that every manager page
 * has something to show. Everything goes through the services a real rep, manager or interviewer
 * goes through (a role-play is started, answered turn by turn and scored by the engine; a quiz is
 * graded; a comment is added), so scores, weak spots, weekly totals and plan progress are what the
 * app itself computes. Dates are placed relative to `now`; the same `now` gives the same history.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Seconds between a rep's replies: a role-play of a dozen turns stays inside every time box. */
const TURN_GAP_MS = 20_000;
const MAX_TURNS = 14;
const SEED = 20_260_301;

type Quality = 'good' | 'ok' | 'bad';
type Beat = Scenario['beats'][string];

/** A rep of the team who practised for the last three weeks. */
interface PracticeProfile {
	email: string;
	locales: readonly ContentLocale[];
	/** Role-plays in each of the last three weeks, oldest first. */
	perWeek: readonly [number, number, number];
	/** The chance of a good reply three weeks ago, and what it gains (or loses) each week. */
	skill: number;
	trend: number;
	/** The criteria they handle worst: where their weak spots come from. */
	weak: readonly string[];
	/** The share of their role-plays played as multiple choice rather than typed. */
	choiceShare: number;
}

/** One steady all-rounder, one falling behind, one catching up, one middling: a team to coach. */
const TEAM_PRACTICE: readonly PracticeProfile[] = [
	{
		email: 'rep2@rehearse.test',
		locales: ['en', 'zh-TW'],
		perWeek: [4, 4, 4],
		skill: 0.72,
		trend: 0.03,
		weak: ['product-knowledge'],
		choiceShare: 0.1
	},
	{
		email: 'rep3@rehearse.test',
		locales: ['zh-TW'],
		perWeek: [3, 2, 1],
		skill: 0.55,
		trend: -0.12,
		weak: ['closing'],
		choiceShare: 0.25
	},
	{
		email: 'rep5@rehearse.test',
		locales: ['en'],
		perWeek: [2, 3, 4],
		skill: 0.3,
		trend: 0.16,
		weak: ['objection-handling'],
		choiceShare: 0.3
	},
	{
		email: 'rep6@rehearse.test',
		locales: ['zh-TW', 'en'],
		perWeek: [3, 2, 3],
		skill: 0.5,
		trend: 0.02,
		weak: ['needs-discovery'],
		choiceShare: 0
	}
];

/** The demo rep (who signs in) and a new hire: each in a cohort, a few days into the plan. */
const NEW_HIRES = {
	demoRep: DEMO_ACCOUNTS.find((a) => a.role === 'rep')!.email,
	zhRep: 'rep4@rehearse.test'
};

export interface DemoHistorySummary {
	rolePlays: number;
	cohorts: number;
	comments: number;
	interviews: number;
	assignments: number;
	deals: number;
	oneToOnes: number;
}

/**
 * Gives the demo organisation (just created: `teamId` is its team) three weeks of history before
 * `now`. Each part is one transaction.
 */
export function createDemoHistory(db: AppDb, teamId: string, now: Date): DemoHistorySummary {
	const people = demoPeople(db);
	const random = seededRandom(SEED);
	const summary: DemoHistorySummary = {
		rolePlays: 0,
		cohorts: 0,
		comments: 0,
		interviews: 0,
		assignments: 0,
		deals: 0,
		oneToOnes: 0
	};
	inTransaction(db, () => {
		summary.rolePlays += practiseAsTeam(db, people, random, now);
	});
	let demoRepRolePlay: Attempt | null = null;
	inTransaction(db, () => {
		const hires = startNewHires(db, people, teamId, random, now);
		summary.cohorts += hires.cohorts;
		summary.rolePlays += hires.rolePlays;
		demoRepRolePlay = hires.demoRepRolePlay;
		summary.comments += coachTheTeam(db, people, demoRepRolePlay, now);
	});
	inTransaction(db, () => {
		summary.interviews += interviewCandidates(db, people, teamId, random, now);
	});
	inTransaction(db, () => {
		summary.assignments += assignPractice(db, people, now);
	});
	inTransaction(db, () => {
		summary.deals += keepDeals(db, people, now);
	});
	inTransaction(db, () => {
		summary.oneToOnes += holdOneToOnes(db, people, demoRepRolePlay, now);
	});
	return summary;
}

interface DemoPeople {
	manager: SessionUser;
	admin: SessionUser;
	byEmail: Map<string, string>;
	/** A rep as signed in: deals are written by the rep who keeps them. */
	rep: (email: string) => SessionUser;
}

function demoPeople(db: AppDb): DemoPeople {
	const asSessionUser = (email: string): SessionUser => {
		const user = findUserByEmail(db, email)!;
		return {
			id: user.id,
			email: user.email,
			name: user.name,
			locale: user.locale,
			roles: getUserRoles(db, user.id)
		};
	};
	const emails = [...TEAM_PRACTICE.map((p) => p.email), NEW_HIRES.demoRep, NEW_HIRES.zhRep];
	return {
		manager: asSessionUser(DEMO_ACCOUNTS.find((a) => a.role === 'manager')!.email),
		admin: asSessionUser(DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email),
		byEmail: new Map(emails.map((email) => [email, findUserByEmail(db, email)!.id])),
		rep: asSessionUser
	};
}

// IMMEDIATE, as a turn is: the services' own transactions nest inside as savepoints.
function inTransaction(db: AppDb, run: () => void): void {
	db.$client.transaction(run).immediate();
}

// Time --------------------------------------------------------------------------------------------

/** `daysBefore` local days before `now`, at the given local hour (fractions are minutes). */
function localTime(now: Date, daysBefore: number, hour: number): Date {
	const at = new Date(now);
	at.setDate(at.getDate() - daysBefore);
	at.setHours(Math.floor(hour), Math.round((hour % 1) * 60), 0, 0);
	return at;
}

function isWeekend(at: Date): boolean {
	return at.getDay() === 0 || at.getDay() === 6;
}

/** Never later than shortly before `now`: what happened "today" happened this morning, or just now. */
function notAfter(at: Date, now: Date, marginMinutes: number): Date {
	const latest = now.getTime() - marginMinutes * 60_000;
	return at.getTime() > latest ? new Date(latest) : at;
}

/**
 * The local days before `now` of a plan's days 1 to `day`, where `day` is the last working day
 * (today on a working day, else the Friday before): working days only, as the plan counts them.
 */
function planDaysEndingToday(now: Date, day: number): number[] {
	const offsets: number[] = [];
	let offset = 0;
	while (isWeekend(localTime(now, offset, 12))) offset++;
	while (offsets.length < day) {
		if (!isWeekend(localTime(now, offset, 12))) offsets.unshift(offset);
		offset++;
	}
	return offsets;
}

// Role-plays --------------------------------------------------------------------------------------

function qualityFor(random: Random, chance: number): Quality {
	const roll = random();
	const good = Math.min(0.95, Math.max(0.05, chance));
	return roll < good ? 'good' : roll < good + (1 - good) / 2 ? 'ok' : 'bad';
}

/** Whether most of what a line asks for is in the rep's weak criteria. */
function isWeakBeat(beat: Beat, weak: readonly string[]): boolean {
	const total = beat.expect.reduce((sum, point) => sum + point.weight, 0);
	const inWeak = beat.expect
		.filter((point) => point.criterion && weak.includes(point.criterion))
		.reduce((sum, point) => sum + point.weight, 0);
	return total > 0 && inWeak / total >= 0.5;
}

/**
 * Plays a started role-play to its end, a reply a turn: at each line the option of the wanted
 * quality among the beat's own, typed or chosen. Replies run out only in a loop the customer keeps
 * the rep in; then the rep hangs up, as a rep would.
 */
function playOut(
	db: AppDb,
	started: Attempt,
	scenario: Scenario,
	replyQuality: (beat: Beat) => Quality,
	mode: PracticeMode | 'text'
): Attempt {
	let attempt = started;
	let beatId = scenario.start;
	const startedAt = started.startedAt.getTime();
	for (let turn = 0; turn < MAX_TURNS; turn++) {
		const beat = scenario.beats[beatId]!;
		const wanted = replyQuality(beat);
		const index = beat.choices.findIndex((c) => c.quality === wanted);
		const choice = index >= 0 ? index : 0;
		const at = new Date(startedAt + (turn + 1) * TURN_GAP_MS);
		const outcome = submitTurn(
			db,
			attempt,
			mode === 'choice' && beat.choices.length > 0
				? { mode: 'choice', choice: choice + 1 }
				: {
						mode: 'text',
						reply: beat.choices[choice]?.text ?? scenario.examples.good[turn] ?? '…'
					},
			turn,
			at
		);
		if (!outcome.ok)
			throw new Error(`demo history: a turn of ${scenario.id} was refused (${outcome.reason})`);
		attempt = outcome.attempt;
		if (outcome.state.ended) return attempt;
		beatId = outcome.state.beat;
	}
	if (attempt.userId) {
		const ended = hangUp(db, attempt.id, new Date(startedAt + (MAX_TURNS + 1) * TURN_GAP_MS));
		if (ended.ok) return ended.attempt;
	}
	return attempt;
}

function practise(
	db: AppDb,
	userId: string,
	scenarioId: string,
	locale: ContentLocale,
	mode: PracticeMode,
	at: Date,
	replyQuality: (beat: Beat) => Quality
): Attempt | null {
	const started = startAttempt(db, userId, scenarioId, locale, mode, at);
	if (!started) return null;
	return playOut(
		db,
		started,
		compiledRevisionFor(db, started.revisionId).compiled.scenario,
		replyQuality,
		mode
	);
}

/** The team's three weeks, played in the order they happened (weekly totals and review cards follow time). */
function practiseAsTeam(db: AppDb, people: DemoPeople, random: Random, now: Date): number {
	const scenarios = new Map(
		(['en', 'zh-TW'] as const).map((locale) => [
			locale,
			listContentFields(db, 'scenario', locale, ['pass']).map((s) => s.id)
		])
	);
	const sessions: {
		at: Date;
		profile: PracticeProfile;
		week: number;
		locale: ContentLocale;
		scenarioId: string;
		mode: PracticeMode;
	}[] = [];
	TEAM_PRACTICE.forEach((profile, r) => {
		profile.perWeek.forEach((count, week) => {
			for (let s = 0; s < count; s++) {
				let daysBefore = 7 * (2 - week) + Math.floor(random() * 7);
				while (isWeekend(localTime(now, daysBefore, 12))) daysBefore++;
				const at = notAfter(
					localTime(now, daysBefore, 9 + random() * 8.5),
					now,
					20 + 25 * r + 7 * s
				);
				const locale = profile.locales[(s + week) % profile.locales.length]!;
				const list = scenarios.get(locale)!;
				if (list.length === 0) continue;
				sessions.push({
					at,
					profile,
					week,
					locale,
					scenarioId: list[Math.floor(random() * list.length)]!,
					mode: random() < profile.choiceShare ? 'choice' : 'text'
				});
			}
		});
	});
	sessions.sort((a, b) => a.at.getTime() - b.at.getTime());
	let played = 0;
	for (const { at, profile, week, locale, scenarioId, mode } of sessions) {
		const chance = profile.skill + profile.trend * week;
		const attempt = practise(
			db,
			people.byEmail.get(profile.email)!,
			scenarioId,
			locale,
			mode,
			at,
			(beat) => qualityFor(random, isWeakBeat(beat, profile.weak) ? chance - 0.4 : chance)
		);
		if (attempt) played++;
	}
	return played;
}

// Onboarding --------------------------------------------------------------------------------------

/** What a plan's day asks to read and the quizzes to pass, done as a rep does them. */
function doPlanDay(
	db: AppDb,
	userId: string,
	curriculum: Curriculum,
	locale: ContentLocale,
	day: number,
	at: Date,
	only?: number
): void {
	const modules = curriculum.days[day - 1]?.modules ?? [];
	modules.slice(0, only ?? modules.length).forEach((module, m) => {
		const when = new Date(at.getTime() + m * 20 * 60_000);
		if (module.type === 'read')
			for (const id of module.items) markArticleRead(db, userId, id, when);
		if (module.type === 'quiz') {
			for (const id of module.items) {
				const quiz = findContent(db, 'quiz', id, locale);
				if (quiz) takeQuiz(db, userId, quiz, quiz.data.items.map(rightAnswer), when);
			}
		}
	});
}

/**
 * The demo rep on day 3 of the English plan (day 1 done, day 2 half done, today's drill won) and a
 * new hire on day 2 of the Chinese one (day 1 done). On a weekend "today" is the Friday before.
 */
function startNewHires(
	db: AppDb,
	people: DemoPeople,
	teamId: string,
	random: Random,
	now: Date
): { cohorts: number; rolePlays: number; demoRepRolePlay: Attempt | null } {
	const choices = cohortChoicesFor(db, people.manager);
	let cohorts = 0;
	let rolePlays = 0;
	let demoRepRolePlay: Attempt | null = null;
	const plans = [
		{
			userId: people.byEmail.get(NEW_HIRES.demoRep)!,
			locale: 'en' as const,
			name: 'New hires · Taipei 1',
			day: 3
		},
		{
			userId: people.byEmail.get(NEW_HIRES.zhRep)!,
			locale: 'zh-TW' as const,
			name: '新人訓練 · 台北一組',
			day: 2
		}
	];
	for (const plan of plans) {
		const days = planDaysEndingToday(now, plan.day);
		const startDate = localIsoDate(localTime(now, days[0]!, 12));
		const created = createCohort(
			db,
			{
				name: plan.name,
				curriculumId: 'new-rep-onboarding',
				locale: plan.locale,
				startDate,
				userIds: [plan.userId],
				teamId,
				createdBy: people.manager.id
			},
			choices,
			localTime(now, days[0]! + 3, 16)
		);
		if (!created.ok) continue;
		cohorts++;
		const curriculum = created.cohort.curriculum;
		// Day 1 in full, on day 1.
		doPlanDay(db, plan.userId, curriculum, plan.locale, 1, localTime(now, days[0]!, 9.5));
		if (plan.day === 2) {
			// Day 2 (today) begun: its first article read this morning.
			doPlanDay(
				db,
				plan.userId,
				curriculum,
				plan.locale,
				2,
				notAfter(localTime(now, days[1]!, 9.25), now, 45),
				1
			);
			if (
				practise(
					db,
					plan.userId,
					'gatekeeper-boss-not-in',
					plan.locale,
					'choice',
					localTime(now, days[0]!, 15),
					(beat) => qualityFor(random, isWeakBeat(beat, ['closing']) ? 0.3 : 0.6)
				)
			)
				rolePlays++;
			continue;
		}
		// The demo rep: two of day 2's five modules, a role-play that went badly, then today's first drill won.
		doPlanDay(db, plan.userId, curriculum, plan.locale, 2, localTime(now, days[1]!, 9.5), 2);
		if (
			practise(
				db,
				plan.userId,
				'busy-call-next-month',
				plan.locale,
				'text',
				localTime(now, days[1]!, 14),
				(beat) => qualityFor(random, isWeakBeat(beat, ['closing']) ? 0.35 : 0.7)
			)
		)
			rolePlays++;
		demoRepRolePlay = practise(
			db,
			plan.userId,
			'renewal-price-objection',
			plan.locale,
			'text',
			localTime(now, days[1]!, 16.5),
			(beat) =>
				beat.script === 'price-too-high' || beat.script === 'can-you-discount' ? 'bad' : 'ok'
		);
		if (demoRepRolePlay) rolePlays++;
		if (
			practise(
				db,
				plan.userId,
				'gatekeeper-boss-not-in',
				plan.locale,
				'choice',
				notAfter(localTime(now, days[2]!, 10), now, 30),
				() => 'good'
			)
		)
			rolePlays++;
	}
	return { cohorts, rolePlays, demoRepRolePlay };
}

// Coaching ----------------------------------------------------------------------------------------

/**
 * The manager's comments: on the demo rep's role-play that went badly (not read yet, so the rep's
 * home has new feedback) and on the latest lost role-play of the rep falling behind (read).
 */
function coachTheTeam(
	db: AppDb,
	people: DemoPeople,
	demoRepRolePlay: Attempt | null,
	now: Date
): number {
	let comments = 0;
	const comment = (attempt: Attempt, turnIndex: number | null, body: string, at: Date) => {
		if (addComment(db, people.manager, { attemptId: attempt.id, turnIndex, body }, at).ok)
			comments++;
	};
	if (demoRepRolePlay?.endedAt) {
		const at = notAfter(new Date(demoRepRolePlay.endedAt.getTime() + 2 * HOUR_MS), now, 10);
		comment(
			demoRepRolePlay,
			weakestTurn(db, demoRepRolePlay.id),
			'Here he asked for a discount and you went straight to the price. Ask what he got out of last year first, then talk about value.',
			at
		);
		comment(
			demoRepRolePlay,
			null,
			"Good, calm opening. Let's role-play the price objection together on Friday; read the script entry “Can you do it cheaper?” before then.",
			new Date(at.getTime() + 60_000)
		);
	}
	const behind = TEAM_PRACTICE.find((p) => p.trend < 0)!;
	const repId = people.byEmail.get(behind.email)!;
	const lost = db
		.select()
		.from(attempts)
		.where(and(eq(attempts.userId, repId), inArray(attempts.status, ['lost', 'neutral'])))
		.orderBy(desc(attempts.startedAt))
		.limit(1)
		.get();
	if (lost?.endedAt) {
		const at = notAfter(new Date(lost.endedAt.getTime() + 3 * HOUR_MS), now, 15);
		comment(
			lost,
			weakestTurn(db, lost.id),
			'這裡客戶已經鬆口了，可以直接用二選一約時間，例如「週二上午還是週三下午方便？」',
			at
		);
		// Read by the rep that evening.
		markCommentsSeen(db, repId, lost.id, notAfter(new Date(at.getTime() + 5 * HOUR_MS), now, 5));
	}
	return comments;
}

/** The index of the lowest-scored turn of a role-play (the first one on a tie). */
function weakestTurn(db: AppDb, attemptId: string): number | null {
	return (
		db
			.select({ index: turns.index })
			.from(turns)
			.where(eq(turns.attemptId, attemptId))
			.orderBy(asc(turns.score), asc(turns.index))
			.limit(1)
			.get()?.index ?? null
	);
}

// Hiring ------------------------------------------------------------------------------------------

const CANDIDATES: readonly {
	name: string;
	contact: string;
	locale: ContentLocale;
	scenarioId: string;
	skill: number;
	daysBefore: number;
	done: boolean;
}[] = [
	{
		name: '周文傑 Chou Wen-chieh',
		contact: '0912-345-678',
		locale: 'zh-TW',
		scenarioId: 'busy-call-next-month',
		skill: 0.85,
		daysBefore: 9,
		done: true
	},
	{
		name: 'Daniel Hsu 徐大衛',
		contact: 'daniel.hsu@example.com',
		locale: 'en',
		scenarioId: 'busy-call-next-month',
		skill: 0.55,
		daysBefore: 6,
		done: true
	},
	{
		name: '許雅琪 Hsu Ya-chi',
		contact: '0928-111-222',
		locale: 'zh-TW',
		scenarioId: 'send-me-material-first',
		skill: 0.25,
		daysBefore: 4,
		done: true
	},
	// In progress: the candidate has played; one of the panel has still to submit.
	{
		name: '蔡佩珊 Tsai Pei-shan',
		contact: 'pei-shan.tsai@example.com',
		locale: 'zh-TW',
		scenarioId: 'busy-call-next-month',
		skill: 0.65,
		daysBefore: 1,
		done: false
	}
];
const POSITION = 'Phone sales';

/** The panel's scores from what they saw, each with a habit: the manager a little kinder, the admin stricter. */
function panelScores(
	rubric: Rubric,
	skill: number,
	bias: number,
	random: Random
): Record<string, number> {
	return Object.fromEntries(
		rubric.criteria.map((c) => [
			c.id,
			Math.min(5, Math.max(1, Math.round(1 + 4 * skill + bias + (random() - 0.5))))
		])
	);
}

function recommendationOf(scores: Record<string, number>): Recommendation {
	const values = Object.values(scores);
	const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
	return mean >= 4.2 ? 'strong-yes' : mean >= 3.2 ? 'yes' : mean >= 2.2 ? 'no' : 'strong-no';
}

const RATING_NOTES: Record<ContentLocale, { manager: string; admin: string }> = {
	en: {
		manager: 'Kept calm when the customer pushed back; needs to ask for the next step sooner.',
		admin: 'Answers were sound but general; few concrete figures.'
	},
	'zh-TW': {
		manager: '客戶一推託還是很穩，但收尾要更早約下一步。',
		admin: '回答方向對，但具體數字太少。'
	}
};

/** Online interviews for the phone sales position, each with its role-play played and the panel's ratings. */
function interviewCandidates(
	db: AppDb,
	people: DemoPeople,
	teamId: string,
	random: Random,
	now: Date
): number {
	let count = 0;
	for (const person of CANDIDATES) {
		const scheduledAt = notAfter(localTime(now, person.daysBefore, 10), now, 90);
		const candidate = createCandidate(
			db,
			{
				name: person.name,
				contact: person.contact,
				position: POSITION,
				notes: '',
				createdBy: people.manager.id
			},
			new Date(scheduledAt.getTime() - 3 * DAY_MS)
		);
		const created = createInterview(
			db,
			{
				candidateId: candidate.id,
				scenarioId: person.scenarioId,
				rubricId: 'hiring-roleplay',
				locale: person.locale,
				mode: 'online',
				scheduledAt,
				panel: [people.manager.id, people.admin.id],
				teamId,
				createdBy: people.manager.id
			},
			new Date(scheduledAt.getTime() - 3 * DAY_MS)
		);
		if (!created.ok) continue;
		count++;
		const { interview } = created;
		const started = startInterviewAttempt(
			db,
			interview,
			'text',
			new Date(scheduledAt.getTime() + 5 * 60_000)
		);
		playOut(
			db,
			started,
			compiledRevisionFor(db, started.revisionId).compiled.scenario,
			() => qualityFor(random, person.skill),
			'text'
		);
		const rubric = interview.rubric as Rubric;
		const ratedAt = notAfter(new Date(scheduledAt.getTime() + HOUR_MS), now, 30);
		const managerScores = panelScores(rubric, person.skill, 0.3, random);
		saveRating(
			db,
			interview,
			people.manager.id,
			{
				scores: managerScores,
				notes: RATING_NOTES[person.locale].manager,
				recommendation: recommendationOf(managerScores),
				submit: true
			},
			ratedAt
		);
		const adminScores = panelScores(rubric, person.skill, -0.4, random);
		// The admin's draft of the interview in progress: begun, not submitted.
		const draft = person.done
			? adminScores
			: Object.fromEntries(Object.entries(adminScores).slice(0, 2));
		saveRating(
			db,
			interview,
			people.admin.id,
			{
				scores: draft,
				notes: person.done ? RATING_NOTES[person.locale].admin : '',
				recommendation: person.done ? recommendationOf(adminScores) : null,
				submit: person.done
			},
			new Date(ratedAt.getTime() + 5 * 60_000)
		);
	}
	return count;
}

// Assignments -------------------------------------------------------------------------------------

/** The local calendar date `daysBefore` days before `now` (negative: after). */
function dateBefore(now: Date, daysBefore: number): IsoDate {
	return localIsoDate(localTime(now, daysBefore, 12));
}

/**
 * What the manager asked of the team: the demo rep's replay of the price role-play and its script
 * entry (both due), the rep falling behind's overdue role-play, and one the rep catching up did.
 */
function assignPractice(db: AppDb, people: DemoPeople, now: Date): number {
	let made = 0;
	const assign = (
		email: string,
		input: Omit<AssignInput, 'repId' | 'mode' | 'passMark'> & { mode?: PracticeMode },
		at: Date
	) => {
		// An empty pass mark is the scenario's own, as in the form.
		const created = createAssignment(
			db,
			people.manager,
			{ ...input, repId: people.byEmail.get(email)!, mode: input.mode ?? '', passMark: '' },
			at
		);
		if (!created.ok)
			throw new Error(`demo history: an assignment was refused (${created.problem})`);
		made++;
	};
	const thisMorning = notAfter(localTime(now, 0, 8.5), now, 20);
	assign(
		NEW_HIRES.demoRep,
		{
			kind: 'scenario',
			contentId: 'renewal-price-objection',
			mode: 'text',
			dueDate: dateBefore(now, -3),
			note: 'Play it again once you have read the entry: ask what he got out of last year before any price.'
		},
		thisMorning
	);
	assign(
		NEW_HIRES.demoRep,
		{ kind: 'script', contentId: 'can-you-discount', dueDate: dateBefore(now, -1), note: '' },
		thisMorning
	);

	const behind = TEAM_PRACTICE.find((p) => p.trend < 0)!.email;
	assign(
		behind,
		{
			kind: 'scenario',
			contentId: 'send-me-material-first',
			mode: 'text',
			dueDate: dateBefore(now, 3),
			note: '每一通電話結束前，都要約好下一步。'
		},
		localTime(now, 8, 17)
	);
	assign(
		behind,
		{ kind: 'script', contentId: 'think-about-it', dueDate: dateBefore(now, -2), note: '' },
		thisMorning
	);

	// The rep catching up played the assigned role-play well two days after it was given: done.
	const improving = TEAM_PRACTICE.find((p) => p.trend > 0.1)!.email;
	assign(
		improving,
		{
			kind: 'scenario',
			contentId: 'switch-from-competitor',
			mode: 'text',
			dueDate: dateBefore(now, 1),
			note: 'Your weak spot is objection handling: this one has three of them.'
		},
		localTime(now, 6, 17.5)
	);
	practise(
		db,
		people.byEmail.get(improving)!,
		'switch-from-competitor',
		'en',
		'text',
		localTime(now, 4, 11),
		() => 'good'
	);
	return made;
}

// Deals (抓單) ------------------------------------------------------------------------------------

interface DemoDeal {
	company: string;
	contact: string;
	contactTitle: string;
	callNumber: number;
	/** Local days before `now` of the last contact, and of the next step (negative: ahead). */
	lastContact: number;
	nextStep: { text: string; in: number } | null;
	help: string;
	objection: string | null;
	evidence: { text: string; strength: EvidenceStrength; daysBefore: number }[];
}

/**
 * The reps' live deals, with evidence of every strength (弱/中/強/非常強) and every flag the weekly
 * review raises: feelings only, no contact for 14 days, past 11 calls without strong evidence, a
 * next step overdue. The rep falling behind has the most to coach.
 */
const DEMO_DEALS: readonly { email: string; locale: ContentLocale; deals: readonly DemoDeal[] }[] =
	[
		{
			email: TEAM_PRACTICE.find((p) => p.trend < 0)!.email,
			locale: 'zh-TW',
			deals: [
				{
					company: '永興機械',
					contact: '黃老闆',
					contactTitle: '老闆',
					callNumber: 12,
					lastContact: 12,
					nextStep: { text: '打給採購經理，問今年參展的預算', in: -5 },
					help: '打了十二通還是沒有進展，要不要轉到培養名單？',
					objection: 'timing',
					evidence: [
						{ text: '老闆說聽起來不錯，叫我下個月再打。', strength: 'weak', daysBefore: 33 },
						{
							text: '老闆給了我採購經理的手機，說價格的事找他談。',
							strength: 'medium',
							daysBefore: 12
						}
					]
				},
				{
					company: '大成五金',
					contact: '李小姐',
					contactTitle: '業務經理',
					callNumber: 5,
					lastContact: 3,
					nextStep: { text: '寄報價，再約老闆一起聽', in: -2 },
					help: '不知道怎麼問出他們的預算。',
					objection: 'price',
					evidence: [{ text: '感覺她很有興趣，態度很好。', strength: 'medium', daysBefore: 3 }]
				},
				{
					company: '宏達塑膠',
					contact: '陳經理',
					contactTitle: '總經理',
					callNumber: 7,
					lastContact: 1,
					nextStep: { text: '週三前寄兩年方案的報價', in: -2 },
					help: '',
					objection: 'competitor',
					evidence: [
						{ text: '陳經理上傳了十項產品，開始試用。', strength: 'strong', daysBefore: 9 },
						{
							text: '問了兩年方案的價格，要我週三前寄報價，還問發票抬頭怎麼寫。',
							strength: 'very-strong',
							daysBefore: 1
						}
					]
				}
			]
		},
		{
			email: NEW_HIRES.demoRep,
			locale: 'en',
			deals: [
				{
					company: 'Hsin-Yi Hardware',
					contact: 'Mr. Lin',
					contactTitle: 'Owner',
					callNumber: 4,
					lastContact: 2,
					nextStep: { text: "Review call: show last year's inquiries in his category", in: -3 },
					help: 'Could you join the review call if he brings his sales manager?',
					objection: 'price',
					evidence: [
						{
							text: 'Said it sounds good and asked me to send some material.',
							strength: 'weak',
							daysBefore: 9
						},
						{
							text: 'Booked a 30-minute review call with his sales manager for Thursday.',
							strength: 'strong',
							daysBefore: 2
						}
					]
				},
				{
					company: 'Golden Bridge Textiles',
					contact: 'Ms. Chou',
					contactTitle: 'Purchasing manager',
					callNumber: 2,
					lastContact: 5,
					nextStep: { text: 'Call back to ask which export markets matter to them', in: -1 },
					help: 'How do I get her to say what she needs?',
					objection: 'brush-off',
					evidence: [
						{
							text: 'I think she is very interested; she was friendly on the phone.',
							strength: 'medium',
							daysBefore: 5
						}
					]
				}
			]
		},
		{
			email: TEAM_PRACTICE[0]!.email,
			locale: 'en',
			deals: [
				{
					company: 'Everbright Lighting',
					contact: 'David Wu',
					contactTitle: 'Export manager',
					callNumber: 6,
					lastContact: 4,
					nextStep: { text: "Go through the trial's first inquiries with him", in: -3 },
					help: '',
					objection: 'results',
					evidence: [
						{
							text: 'Uploaded 10 products and started the free trial on Monday.',
							strength: 'strong',
							daysBefore: 4
						}
					]
				},
				{
					company: 'Pacific Valve Co.',
					contact: 'Mr. Tsai',
					contactTitle: 'Owner',
					callNumber: 3,
					lastContact: 18,
					nextStep: { text: 'Call him after the trade show', in: 4 },
					help: '',
					objection: 'timing',
					evidence: [
						{
							text: 'Said he would look at it after the trade show.',
							strength: 'weak',
							daysBefore: 18
						}
					]
				}
			]
		},
		{
			email: TEAM_PRACTICE.find((p) => p.trend > 0.1)!.email,
			locale: 'en',
			deals: [
				{
					company: 'Sunrise Packaging',
					contact: 'Ms. Huang',
					contactTitle: 'Sales director',
					callNumber: 9,
					lastContact: 6,
					nextStep: {
						text: 'Show how many German buyers searched for packaging last quarter',
						in: -2
					},
					help: '',
					objection: 'competitor',
					evidence: [
						{
							text: 'Named their three main buyers in Germany and asked which of them use the portal.',
							strength: 'medium',
							daysBefore: 6
						}
					]
				}
			]
		},
		{
			email: TEAM_PRACTICE[3]!.email,
			locale: 'zh-TW',
			deals: [
				{
					company: '聯發紙業',
					contact: '吳先生',
					contactTitle: '業務',
					callNumber: 1,
					lastContact: 2,
					nextStep: { text: '寄資料後第三天回電', in: -1 },
					help: '',
					objection: 'brush-off',
					evidence: [{ text: '吳先生說可以先寄資料看看。', strength: 'weak', daysBefore: 2 }]
				}
			]
		}
	];

/** Each rep writes their deals as on /deals: the deal when it was first called, then each piece of evidence on its day. */
function keepDeals(db: AppDb, people: DemoPeople, now: Date): number {
	let kept = 0;
	for (const { email, locale, deals } of DEMO_DEALS) {
		const rep = people.rep(email);
		for (const deal of deals) {
			const firstDay = Math.max(deal.lastContact, ...deal.evidence.map((e) => e.daysBefore));
			const input: DealInput = {
				company: deal.company,
				contact: deal.contact,
				contactTitle: deal.contactTitle,
				callNumber: deal.callNumber,
				lastContact: dateBefore(now, deal.lastContact),
				nextStep: deal.nextStep?.text ?? null,
				nextStepDate: deal.nextStep ? dateBefore(now, deal.nextStep.in) : null,
				help: deal.help,
				objection: deal.objection
			};
			const created = createDeal(db, rep, input, locale, localTime(now, firstDay, 17));
			if (!created.ok) throw new Error(`demo history: a deal was refused (${created.problem})`);
			kept++;
			for (const piece of deal.evidence) {
				const added = addEvidence(
					db,
					rep,
					created.id,
					{ text: piece.text, date: dateBefore(now, piece.daysBefore), strength: piece.strength },
					notAfter(localTime(now, piece.daysBefore, 17.5), now, 5)
				);
				if (!added.ok) throw new Error(`demo history: evidence was refused (${added.problem})`);
			}
		}
	}
	return kept;
}

// One-to-ones (談心) ------------------------------------------------------------------------------

/**
 * The manager's talks: with the demo rep after the price role-play (linked, actions open and due),
 * with the steady rep last week, and with the rep falling behind three and a half weeks ago, whose
 * action is still open: the team page lists them as due a one-to-one, and the next one opens with it.
 */
function holdOneToOnes(
	db: AppDb,
	people: DemoPeople,
	demoRepRolePlay: Attempt | null,
	now: Date
): number {
	let held = 0;
	const hold = (
		email: string,
		at: Date,
		notes: string,
		actions: { text: string; owner: ActionOwner; due: number }[],
		rolePlays: string[]
	) => {
		const heldOn = localIsoDate(at);
		const input: OneToOneInput = {
			heldOn,
			notes,
			actions: actions.map((action, row) => ({
				row,
				id: null,
				text: action.text,
				owner: action.owner,
				dueOn: dateBefore(now, action.due)
			})),
			rolePlays,
			open: []
		};
		const recorded = recordOneToOne(db, people.manager, people.byEmail.get(email)!, input, at);
		if (!recorded.ok)
			throw new Error(
				`demo history: a one-to-one was refused (${recorded.problem === 'invalid' ? JSON.stringify(recorded.problems) : recorded.problem})`
			);
		held++;
	};
	const behind = TEAM_PRACTICE.find((p) => p.trend < 0)!.email;
	hold(
		behind,
		localTime(now, 24, 16),
		'這兩週約到的下一步變少了。一起聽了一通錄音：客戶說「再考慮」時沒有追問要考慮什麼，就掛了電話。',
		[{ text: '每通電話掛斷前，用二選一約好下一步的時間', owner: 'rep', due: 17 }],
		[]
	);
	hold(
		TEAM_PRACTICE[0]!.email,
		localTime(now, 6, 16),
		'Everbright is the deal to watch this month. Practice is steady; product questions are still where the score drops.',
		[{ text: 'Read the two articles on the portal’s search ranking', owner: 'rep', due: -4 }],
		[]
	);
	if (demoRepRolePlay?.endedAt) {
		// An hour after the comments on it.
		hold(
			NEW_HIRES.demoRep,
			notAfter(new Date(demoRepRolePlay.endedAt.getTime() + 3 * HOUR_MS), now, 5),
			'Went through the renewal role-play together. The opening is calm and clear; at the discount question you went straight to the price. Before quoting, ask what the customer got out of last year.',
			[
				{
					text: 'Read “Can you do it cheaper?” and play the renewal role-play again',
					owner: 'rep',
					due: -3
				},
				{ text: 'Join the Hsin-Yi Hardware review call', owner: 'manager', due: -4 }
			],
			[demoRepRolePlay.id]
		);
	}
	return held;
}
