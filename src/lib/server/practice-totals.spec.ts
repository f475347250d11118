import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type AppDb, type Db } from './db';
import { syncContentOnFirstStart } from './bootstrap';
import { upsertContentItem } from './content/store';
import { peopleIn } from './test-people';
import { addTeamMember, createTeam } from './teams';
import { expireIfDue, startAttempt, submitTurn } from './practice';
import { createCandidate, createInterview, overrideAttemptScore, startInterviewAttempt } from './hiring';
import { deleteCandidate } from './candidate-data';
import { dashboardRows } from './dashboard';
import { practiceSummaries } from './practice-totals';
import { attempts, practiceTotals, users } from './db/schema';
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

describe('practice totals', () => {
	it('equal a from-scratch count after turns, wins, losses, time-outs and other endings', () => {
		const { db, rep, other } = setUp();
		expectTotalsExact(db);
		play(db, rep.id, 'won');
		expectTotalsExact(db);
		play(db, rep.id, 'lost');
		play(db, other.id, 'lost');
		expectTotalsExact(db);
		// A role-play that runs (turns taken, not ended) is not counted yet.
		const running = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
		submitTurn(db, running.id, { mode: 'text', reply: GOOD[0]! }, 0);
		expectTotalsExact(db);
		expect(db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()?.finished).toBe(2);
		// Time-out, found when the role-play is next opened.
		const start = new Date(Date.now() - 60 * 60_000);
		const late = startAttempt(db, other.id, 'price-call', 'en', 'text', start)!;
		expect(expireIfDue(db, late).status).toBe('timeout');
		expectTotalsExact(db);
		// Any other write to a role-play's ending or score: a neutral ending, a rescoring down from the best.
		db.update(attempts).set({ status: 'neutral', score: 55 }).where(eq(attempts.id, running.id)).run();
		expectTotalsExact(db);
		db.update(attempts).set({ score: 10 }).where(eq(attempts.userId, rep.id)).run();
		expectTotalsExact(db);
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
		deleteCandidate(db, manager.id, candidate.id);
		expectTotalsExact(db);
		// Deleting the best role-play brings the best down to the next one.
		const best = db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()!.best;
		db.delete(attempts).where(eq(attempts.userId, rep.id)).run();
		expectTotalsExact(db);
		expect(best).toBe(100);
		expect(db.select().from(attempts).where(eq(attempts.id, lost)).get()).toBeUndefined();
		// A person deleted with all their role-plays (by cascade) leaves no totals behind.
		db.delete(users).where(eq(users.id, other.id)).run();
		expectTotalsExact(db);
		expect(db.select().from(practiceTotals).where(eq(practiceTotals.userId, other.id)).get()).toBeUndefined();
	});

	it('show on the dashboard as soon as a role-play ends', () => {
		const { db, manager, rep } = setUp();
		expect(dashboardRows(db, manager).find((row) => row.id === rep.id)).toMatchObject({ average: null, best: null, attemptsThisWeek: 0 });
		play(db, rep.id, 'won');
		expect(dashboardRows(db, manager).find((row) => row.id === rep.id)).toMatchObject({ average: 100, best: 100, attemptsThisWeek: 1 });
		play(db, rep.id, 'lost');
		const row = dashboardRows(db, manager).find((r) => r.id === rep.id)!;
		const lostScore = db.select({ score: attempts.score }).from(attempts).where(sql`${attempts.userId} = ${rep.id} and ${attempts.status} = 'lost'`).get()!.score;
		expect(row).toMatchObject({ average: Math.round(((100 + lostScore) / 2) * 10) / 10, best: 100, attemptsThisWeek: 2 });
		expect(row.trend.at(-1)).toMatchObject({ count: 2 });
	});

	it('put role-plays in the week they started, counted back from now', () => {
		const { db, rep } = setUp();
		const now = new Date('2026-06-30T12:00:00Z');
		const week = 7 * 24 * 3600_000;
		play(db, rep.id, 'won', new Date(now.getTime() - week + 1)); // the last moment of this week
		play(db, rep.id, 'won', new Date(now.getTime() - week)); // exactly a week ago: last week
		play(db, rep.id, 'won', new Date(now.getTime() - 8 * week)); // past the trend
		const summary = practiceSummaries(db, [rep.id], now).get(rep.id)!;
		expect(summary.thisWeek).toBe(2);
		expect(summary.weeks.map((w) => w.count)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
		expect(summary).toMatchObject({ average: 100, best: 100 });
	});
});
