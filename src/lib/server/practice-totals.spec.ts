import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { createTestDatabase, type AppDb, type Db } from './db';
import { syncContentOnFirstStart } from './bootstrap';
import { upsertContentItem } from './content/store';
import { peopleIn } from './test-people';
import { addTeamMember, createTeam } from './teams';
import { expireIfDue, startAttempt, submitTurn } from './practice';
import { createCandidate, createInterview, overrideAttemptScore, startInterviewAttempt } from './hiring';
import { deleteCandidate } from './candidate-data';
import { dashboardRows, followedReps } from './dashboard';
import { leaderboard, practiceSummaries, weekKey } from './practice-totals';
import { attempts, practiceTotals, practiceWeeks, users } from './db/schema';
import { priceCall } from '$lib/engine/scenario/price-call.fixture';

const GOOD = ['Good morning, this is Kevin calling from MetalHub. Do you have a minute?', 'I understand. How many inquiries do you get in a month right now?'];
const BAD = 'We have a discount on now, want it?';

function setUp() {
	const db = createTestDatabase();
	syncContentOnFirstStart(db, 'content', () => {});
	upsertContentItem(db, { kind: 'scenario', locale: 'en', id: 'price-call', data: priceCall(), body: '' });
	const person = peopleIn(db);
	const manager = person('lead', ['manager']);
	const rep = person('rep', ['rep']);
	const other = person('other', ['rep']);
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, manager.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	addTeamMember(db, team.id, other.id, 'rep');
	return { db, manager, rep, other, team };
}

/** Plays a role-play to its end: won with the good replies, lost with bad ones. */
function play(db: AppDb, userId: string, outcome: 'won' | 'lost', now = new Date()): string {
	const attempt = startAttempt(db, userId, 'price-call', 'en', 'text', now)!;
	for (let turn = 0; turn < 5; turn++) {
		const result = submitTurn(db, attempt.id, { mode: 'text', reply: outcome === 'won' ? GOOD[turn]! : BAD }, turn, now);
		if (!result.ok || result.attempt.status !== 'active') break;
	}
	return attempt.id;
}

/** The totals as computed from scratch from every role-play, beside the ones kept. */
function expectTotalsExact(db: Db): void {
	const scratch = db.all<{ userId: string; finished: number; scoreSum: number; best: number }>(
		sql`select user_id as userId, count(*) as finished, sum(score) as scoreSum, max(score) as best from attempts where user_id is not null and interview_id is null and status != 'active' group by user_id`
	);
	const kept = new Map(db.select().from(practiceTotals).all().map((row) => [row.userId, row]));
	for (const row of scratch) {
		const total = kept.get(row.userId);
		expect(total).toBeDefined();
		expect(total!.finished).toBe(row.finished);
		expect(total!.scoreSum).toBeCloseTo(row.scoreSum, 9);
		expect(total!.best).toBe(row.best);
		kept.delete(row.userId);
	}
	// Whoever has no finished role-play any more has nothing counted.
	for (const total of kept.values()) expect(total).toMatchObject({ finished: 0, best: null });
}

/** The weekly totals as computed from scratch from every practice role-play, beside the ones the triggers kept. */
function expectWeeksExact(db: Db): void {
	const scratch = new Map<string, { started: number; finished: number; scoreSum: number; best: number | null }>();
	for (const attempt of db.select().from(attempts).where(and(isNotNull(attempts.userId), isNull(attempts.interviewId))).all()) {
		const key = `${attempt.userId} ${weekKey(attempt.startedAt)}`;
		const week = scratch.get(key) ?? { started: 0, finished: 0, scoreSum: 0, best: null };
		week.started += 1;
		if (attempt.status !== 'active') {
			week.finished += 1;
			week.scoreSum += attempt.score;
			week.best = Math.max(week.best ?? attempt.score, attempt.score);
		}
		scratch.set(key, week);
	}
	for (const kept of db.select().from(practiceWeeks).all()) {
		const week = scratch.get(`${kept.userId} ${kept.week}`) ?? { started: 0, finished: 0, scoreSum: 0, best: null };
		expect({ ...kept, scoreSum: Math.round(kept.scoreSum * 1e6) / 1e6 }).toEqual({ userId: kept.userId, week: kept.week, ...week, scoreSum: Math.round(week.scoreSum * 1e6) / 1e6 });
		scratch.delete(`${kept.userId} ${kept.week}`);
	}
	// Every week with a role-play has its row.
	expect([...scratch.keys()]).toEqual([]);
}

describe('practice totals', () => {
	it('equal a from-scratch count after turns, wins, losses, time-outs and other endings', () => {
		const { db, rep, other } = setUp();
		expectTotalsExact(db);
		expectWeeksExact(db);
		play(db, rep.id, 'won');
		expectTotalsExact(db);
		expectWeeksExact(db);
		play(db, rep.id, 'lost');
		play(db, other.id, 'lost');
		expectTotalsExact(db);
		expectWeeksExact(db);
		// A role-play that runs (turns taken, not ended) is not counted yet.
		const running = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
		submitTurn(db, running.id, { mode: 'text', reply: GOOD[0]! }, 0);
		expectTotalsExact(db);
		expectWeeksExact(db);
		expect(db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()?.finished).toBe(2);
		// Time-out, found when the role-play is next opened.
		const start = new Date(Date.now() - 60 * 60_000);
		const late = startAttempt(db, other.id, 'price-call', 'en', 'text', start)!;
		expect(expireIfDue(db, late).status).toBe('timeout');
		expectTotalsExact(db);
		expectWeeksExact(db);
		// Any other write to a role-play's ending or score: a neutral ending, a rescoring down from the best.
		db.update(attempts).set({ status: 'neutral', score: 55 }).where(eq(attempts.id, running.id)).run();
		expectTotalsExact(db);
		expectWeeksExact(db);
		db.update(attempts).set({ score: 10 }).where(eq(attempts.userId, rep.id)).run();
		expectTotalsExact(db);
		expectWeeksExact(db);
		expect(db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()).toMatchObject({ finished: 3, best: 10 });
	});

	it('leave interviews out, and stay exact when role-plays or whole people are deleted', () => {
		const { db, manager, rep, other, team } = setUp();
		play(db, rep.id, 'won');
		const lost = play(db, rep.id, 'lost');
		play(db, other.id, 'won');
		const candidate = createCandidate(db, { name: 'Cand', contact: '', position: 'Sales', notes: '', createdBy: manager.id });
		const created = createInterview(db, { candidateId: candidate.id, scenarioId: 'renewal-price-objection', rubricId: 'hiring-roleplay', locale: 'en', mode: 'online', scheduledAt: new Date(), panel: [manager.id], teamId: team.id, createdBy: manager.id });
		if (!created.ok) throw new Error(created.problem);
		const interviewAttempt = startInterviewAttempt(db, created.interview, 'text');
		db.update(attempts).set({ status: 'won', score: 90 }).where(eq(attempts.id, interviewAttempt.id)).run();
		overrideAttemptScore(db, { ...interviewAttempt, status: 'won', score: 90 }, { score: 95, reason: 'other', comment: 'checked', userId: manager.id });
		expectTotalsExact(db);
		expectWeeksExact(db);
		deleteCandidate(db, manager.id, candidate.id);
		expectTotalsExact(db);
		expectWeeksExact(db);
		// Deleting the best role-play brings the best down to the next one.
		const best = db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()!.best;
		db.delete(attempts).where(eq(attempts.userId, rep.id)).run();
		expectTotalsExact(db);
		expectWeeksExact(db);
		expect(best).toBe(100);
		expect(db.select().from(attempts).where(eq(attempts.id, lost)).get()).toBeUndefined();
		// A person deleted with all their role-plays (by cascade) leaves no totals behind.
		db.delete(users).where(eq(users.id, other.id)).run();
		expectTotalsExact(db);
		expectWeeksExact(db);
		expect(db.select().from(practiceTotals).where(eq(practiceTotals.userId, other.id)).get()).toBeUndefined();
	});

	it('show on the dashboard as soon as a role-play ends', () => {
		const { db, manager, rep } = setUp();
		expect(dashboardRows(db, followedReps(db, manager)).find((row) => row.id === rep.id)).toMatchObject({ average: null, best: null, attemptsThisWeek: 0 });
		play(db, rep.id, 'won');
		expect(dashboardRows(db, followedReps(db, manager)).find((row) => row.id === rep.id)).toMatchObject({ average: 100, best: 100, attemptsThisWeek: 1 });
		play(db, rep.id, 'lost');
		const row = dashboardRows(db, followedReps(db, manager)).find((r) => r.id === rep.id)!;
		const lostScore = db.select({ score: attempts.score }).from(attempts).where(sql`${attempts.userId} = ${rep.id} and ${attempts.status} = 'lost'`).get()!.score;
		expect(row).toMatchObject({ average: Math.round(((100 + lostScore) / 2) * 10) / 10, best: 100, attemptsThisWeek: 2 });
		expect(row.trend.at(-1)).toMatchObject({ count: 2 });
	});

	it('put role-plays in the calendar week they started, Monday to Sunday in the server’s time zone', () => {
		const { db, rep } = setUp();
		// Local times: Monday 29 June 2026 starts this week; `now` is the Wednesday after.
		const now = new Date(2026, 6, 1, 15, 0);
		play(db, rep.id, 'won', new Date(2026, 5, 29, 0, 0, 0)); // the first moment of this week
		play(db, rep.id, 'won', new Date(2026, 5, 28, 23, 59, 59)); // the Sunday before: last week
		play(db, rep.id, 'lost', new Date(2026, 4, 11, 0, 0, 0)); // seven weeks back: the trend's oldest week
		play(db, rep.id, 'won', new Date(2026, 4, 10, 23, 59, 59)); // eight weeks back: past the trend
		expectWeeksExact(db);
		const summary = practiceSummaries(db, [rep.id], now).get(rep.id)!;
		expect(summary.thisWeek).toBe(1);
		expect(summary.weeks.map((w) => w.count)).toEqual([1, 1, 0, 0, 0, 0, 0, 1]);
		expect(summary.best).toBe(100);
	});

	it('rank a team’s reps on its leaderboard by this week’s finished role-plays, then their best', () => {
		const { db, rep, other, team } = setUp();
		const now = new Date(2026, 6, 1, 15, 0);
		const monday = new Date(2026, 5, 29, 9, 0);
		play(db, rep.id, 'lost', monday);
		play(db, other.id, 'won', monday);
		play(db, other.id, 'lost', new Date(2026, 5, 26, 9, 0)); // last week: not on this week's board
		expect(leaderboard(db, team.id, now).map((row) => [row.name, row.finished])).toEqual([
			['other', 1],
			['rep', 1]
		]);
		play(db, rep.id, 'lost', monday);
		// A role-play still running is not finished.
		startAttempt(db, other.id, 'price-call', 'en', 'text', monday);
		expect(leaderboard(db, team.id, now).map((row) => [row.name, row.finished, row.best])).toEqual([
			['rep', 2, 0],
			['other', 1, 100]
		]);
		// A rep's page shows the first places and the rep's own.
		expect(leaderboard(db, team.id, now, { top: 1, userId: other.id }).map((row) => [row.name, row.place])).toEqual([
			['rep', 1],
			['other', 2]
		]);
		expect(leaderboard(db, team.id, now, { top: 1, userId: rep.id }).map((row) => row.name)).toEqual(['rep']);
		// Next week starts empty.
		expect(leaderboard(db, team.id, new Date(2026, 6, 6, 0, 0, 1))).toEqual([]);
	});

	it('name a week by its Monday, across month, year and daylight-saving changes', () => {
		expect(weekKey(new Date(2026, 5, 29, 0, 0))).toBe('2026-06-29'); // a Monday
		expect(weekKey(new Date(2026, 6, 5, 23, 59))).toBe('2026-06-29'); // the Sunday after
		expect(weekKey(new Date(2027, 0, 1, 12, 0))).toBe('2026-12-28'); // a Friday, the year before
		expect(weekKey(new Date(2026, 2, 31, 12, 0), 1)).toBe('2026-03-23'); // one week back over the March clock change
		expect(weekKey(new Date(2026, 6, 1, 15, 0), 7)).toBe('2026-05-11');
	});
});
