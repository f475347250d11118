import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { createTestDatabase, localTimeMismatch, type AppDb, type Db } from '../db/index';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { upsertContentItem } from '../content/store';
import { peopleIn } from '../testing/people';
import { deleteRolePlays, updateRolePlays } from '../testing/role-plays';
import { addTeamMember, createTeam, setLeaderboard } from '../accounts/teams';
import { expireIfDue, hangUp, startAttempt } from './attempts';
import { submitTurn } from './turns';
import { createCandidate, createInterview, startInterviewAttempt } from '../hiring/hiring';
import { overrideAttemptScore } from '../hiring/ratings';
import { deleteCandidate } from '../hiring/candidate-data';
import { deleteUser } from '../accounts/user-data';
import { dashboardRows, followedReps } from '../team/dashboard';
import { leaderboard, practiceSummaries, repLeaderboard, TREND_WEEKS, weekKey } from './totals';
import { inTimeZone, TIME_ZONES, wallClockIn } from '$lib/test-time-zones';
import { attempts, practiceTotals, practiceWeeks } from '../db/schema';
import { priceCall } from '$lib/testing/price-call.fixture';
import { ATTEMPT_STATUSES, countsAsPractice, isFinished } from '$lib/attempt-status';
import { finishedSql } from './attempt-counts';

const GOOD = [
	'Good morning, this is Kevin calling from MetalHub. Do you have a minute?',
	'I understand. How many inquiries do you get in a month right now?'
];
const BAD = 'We have a discount on now, want it?';

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	upsertContentItem(db, {
		kind: 'scenario',
		locale: 'en',
		id: 'price-call',
		data: priceCall(),
		body: ''
	});
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
		const result = submitTurn(
			db,
			attempt.id,
			{ mode: 'text', reply: outcome === 'won' ? GOOD[turn]! : BAD },
			turn,
			now
		);
		if (!result.ok || result.attempt.status !== 'active') break;
	}
	return attempt.id;
}

/** The totals as computed from scratch from every role-play (finished as the shared helper says), beside the ones kept. */
function expectTotalsExact(db: Db): void {
	const scratch = db.all<{ userId: string; finished: number; scoreSum: number; best: number }>(
		sql`select user_id as userId, count(*) as finished, sum(score) as scoreSum, max(score) as best from attempts where user_id is not null and interview_id is null and ${finishedSql(attempts.status)} group by user_id`
	);
	const kept = new Map(
		db
			.select()
			.from(practiceTotals)
			.all()
			.map((row) => [row.userId, row])
	);
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

/** The weekly totals as computed from scratch from every practice role-play, beside the ones kept. */
function expectWeeksExact(db: Db): void {
	const scratch = new Map<
		string,
		{ started: number; finished: number; scoreSum: number; best: number | null }
	>();
	for (const attempt of db
		.select()
		.from(attempts)
		.where(and(isNotNull(attempts.userId), isNull(attempts.interviewId)))
		.all()) {
		const key = `${attempt.userId} ${weekKey(attempt.startedAt)}`;
		// A call hung up is not practice: not started, not finished (see $lib/attempt-status).
		if (!countsAsPractice(attempt.status)) continue;
		const week = scratch.get(key) ?? { started: 0, finished: 0, scoreSum: 0, best: null };
		week.started += 1;
		if (isFinished(attempt.status)) {
			week.finished += 1;
			week.scoreSum += attempt.score;
			week.best = Math.max(week.best ?? attempt.score, attempt.score);
		}
		scratch.set(key, week);
	}
	for (const kept of db.select().from(practiceWeeks).all()) {
		const week = scratch.get(`${kept.userId} ${kept.week}`) ?? {
			started: 0,
			finished: 0,
			scoreSum: 0,
			best: null
		};
		expect({ ...kept, scoreSum: Math.round(kept.scoreSum * 1e6) / 1e6 }).toEqual({
			userId: kept.userId,
			week: kept.week,
			...week,
			scoreSum: Math.round(week.scoreSum * 1e6) / 1e6
		});
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
		expect(
			db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()?.finished
		).toBe(2);
		// Time-out, found when the role-play is next opened.
		const start = new Date(Date.now() - 60 * 60_000);
		const late = startAttempt(db, other.id, 'price-call', 'en', 'text', start)!;
		expect(expireIfDue(db, late).status).toBe('timeout');
		expectTotalsExact(db);
		expectWeeksExact(db);
		// Any other write to a role-play's ending or score: a neutral ending, a rescoring down from the best.
		updateRolePlays(db, eq(attempts.id, running.id), { status: 'neutral', score: 55 });
		expectTotalsExact(db);
		expectWeeksExact(db);
		updateRolePlays(db, eq(attempts.userId, rep.id), { score: 10 });
		expectTotalsExact(db);
		expectWeeksExact(db);
		expect(
			db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()
		).toMatchObject({ finished: 3, best: 10 });
	});

	it('leave out calls the rep hung up: not started, not finished, not averaged, not on the leaderboard', () => {
		const { db, rep, team } = setUp();
		const now = new Date(2026, 6, 1, 15, 0);
		play(db, rep.id, 'won', now);
		const hungUp = startAttempt(db, rep.id, 'price-call', 'en', 'text', now)!;
		submitTurn(db, hungUp.id, { mode: 'text', reply: BAD }, 0, now);
		// Running, it is this week's practice but no result yet.
		expect(practiceSummaries(db, [rep.id], now).get(rep.id)).toMatchObject({
			thisWeek: 2,
			average: 100,
			best: 100
		});
		expect(hangUp(db, hungUp.id, now).ok).toBe(true);
		expectTotalsExact(db);
		expectWeeksExact(db);
		const summary = practiceSummaries(db, [rep.id], now).get(rep.id)!;
		expect(summary).toMatchObject({ thisWeek: 1, average: 100, best: 100 });
		expect(summary.weeks[0]).toEqual({ sum: 100, count: 1 });
		expect(
			db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()
		).toMatchObject({ finished: 1, scoreSum: 100, best: 100 });
		expect(leaderboard(db, team.id, now).map((row) => [row.name, row.finished, row.best])).toEqual([
			['rep', 1, 100]
		]);
		// A rep whose only call this week was hung up is not on the board at all.
		const only = startAttempt(db, rep.id, 'price-call', 'en', 'text', new Date(2026, 6, 8, 9, 0))!;
		hangUp(db, only.id, new Date(2026, 6, 8, 9, 1));
		expect(leaderboard(db, team.id, new Date(2026, 6, 8, 15, 0))).toEqual([]);
		expect(practiceSummaries(db, [rep.id], new Date(2026, 6, 8, 15, 0)).get(rep.id)!.thisWeek).toBe(
			0
		);
	});

	it('count each status as the shared helper says, whatever a role-play moves from and to', () => {
		const { db, rep, other } = setUp();
		play(db, other.id, 'won');
		const moving = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
		updateRolePlays(db, eq(attempts.id, moving.id), { score: 42 });
		// Every status after every other, with the from-scratch counts (which read the helper) checked at each step.
		for (const from of ATTEMPT_STATUSES) {
			for (const to of ATTEMPT_STATUSES) {
				updateRolePlays(db, eq(attempts.id, moving.id), { status: from });
				updateRolePlays(db, eq(attempts.id, moving.id), { status: to });
				expectTotalsExact(db);
				expectWeeksExact(db);
			}
		}
		// And deleted while hung up or finished.
		const deleted = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
		hangUp(db, deleted.id);
		deleteRolePlays(db, eq(attempts.id, deleted.id));
		deleteRolePlays(db, eq(attempts.id, moving.id));
		expectTotalsExact(db);
		expectWeeksExact(db);
	});

	it('leave interviews out, and stay exact when role-plays or whole people are deleted', () => {
		const { db, manager, rep, other, team } = setUp();
		play(db, rep.id, 'won');
		const lost = play(db, rep.id, 'lost');
		play(db, other.id, 'won');
		const candidate = createCandidate(db, {
			name: 'Cand',
			contact: '',
			position: 'Sales',
			notes: '',
			createdBy: manager.id
		});
		const created = createInterview(db, {
			candidateId: candidate.id,
			scenarioId: 'renewal-price-objection',
			rubricId: 'hiring-roleplay',
			locale: 'en',
			mode: 'online',
			scheduledAt: new Date(),
			panel: [manager.id],
			teamId: team.id,
			createdBy: manager.id
		});
		if (!created.ok) throw new Error(created.problem);
		const interviewAttempt = startInterviewAttempt(db, created.interview, 'text');
		updateRolePlays(db, eq(attempts.id, interviewAttempt.id), { status: 'won', score: 90 });
		overrideAttemptScore(
			db,
			{ ...interviewAttempt, status: 'won', score: 90 },
			{ score: 95, reason: 'other', comment: 'checked', userId: manager.id }
		);
		expectTotalsExact(db);
		expectWeeksExact(db);
		deleteCandidate(db, manager.id, candidate.id);
		expectTotalsExact(db);
		expectWeeksExact(db);
		// A practice role-play rescored (down from the best, then back).
		const won = db
			.select()
			.from(attempts)
			.where(and(eq(attempts.userId, rep.id), eq(attempts.status, 'won')))
			.get()!;
		overrideAttemptScore(db, won, { score: 20, reason: 'other', comment: '', userId: manager.id });
		expectTotalsExact(db);
		expectWeeksExact(db);
		overrideAttemptScore(
			db,
			{ ...won, score: 20 },
			{ score: 100, reason: 'other', comment: '', userId: manager.id }
		);
		expectTotalsExact(db);
		expectWeeksExact(db);
		// Deleting the best role-play brings the best down to the next one.
		const best = db.select().from(practiceTotals).where(eq(practiceTotals.userId, rep.id)).get()!
			.best;
		deleteRolePlays(db, eq(attempts.userId, rep.id));
		expectTotalsExact(db);
		expectWeeksExact(db);
		expect(best).toBe(100);
		expect(db.select().from(attempts).where(eq(attempts.id, lost)).get()).toBeUndefined();
		// A person deleted with all their role-plays (by cascade) leaves no totals behind.
		expect(deleteUser(db, manager.id, other.id)).toEqual({ ok: true });
		expectTotalsExact(db);
		expectWeeksExact(db);
		expect(
			db.select().from(practiceTotals).where(eq(practiceTotals.userId, other.id)).get()
		).toBeUndefined();
	});

	it('show on the dashboard as soon as a role-play ends', () => {
		const { db, manager, rep } = setUp();
		// A fixed clock: the role-plays and the dashboard are in one week whenever the test runs.
		const now = new Date(2026, 6, 5, 23, 59);
		expect(
			dashboardRows(db, followedReps(db, manager), now).find((row) => row.id === rep.id)
		).toMatchObject({ average: null, best: null, attemptsThisWeek: 0 });
		play(db, rep.id, 'won', now);
		expect(
			dashboardRows(db, followedReps(db, manager), now).find((row) => row.id === rep.id)
		).toMatchObject({ average: 100, best: 100, attemptsThisWeek: 1 });
		play(db, rep.id, 'lost', now);
		const row = dashboardRows(db, followedReps(db, manager), now).find((r) => r.id === rep.id)!;
		const lostScore = db
			.select({ score: attempts.score })
			.from(attempts)
			.where(sql`${attempts.userId} = ${rep.id} and ${attempts.status} = 'lost'`)
			.get()!.score;
		expect(row).toMatchObject({
			average: Math.round(((100 + lostScore) / 2) * 10) / 10,
			best: 100,
			attemptsThisWeek: 2
		});
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
		// More finished role-plays rank first, whatever the best score (the rep's are both lost).
		const repBest = db.get<{ best: number }>(
			sql`select max(score) as best from attempts where user_id = ${rep.id}`
		)!.best;
		expect(repBest).toBeLessThan(100);
		expect(leaderboard(db, team.id, now).map((row) => [row.name, row.finished, row.best])).toEqual([
			['rep', 2, repBest],
			['other', 1, 100]
		]);
		// A rep's page shows the first places and the rep's own.
		expect(
			leaderboard(db, team.id, now, { top: 1, userId: other.id }).map((row) => [
				row.name,
				row.place
			])
		).toEqual([
			['rep', 1],
			['other', 2]
		]);
		expect(
			leaderboard(db, team.id, now, { top: 1, userId: rep.id }).map((row) => row.name)
		).toEqual(['rep']);
		// Next week starts empty.
		expect(leaderboard(db, team.id, new Date(2026, 6, 6, 0, 0, 1))).toEqual([]);
	});

	it('show a rep the leaderboard of their team only once its manager has switched it on', () => {
		const { db, rep, other, manager, team } = setUp();
		const now = new Date(2026, 6, 1, 15, 0);
		const monday = new Date(2026, 5, 29, 9, 0);
		play(db, rep.id, 'lost', monday);
		play(db, other.id, 'won', monday);
		play(db, other.id, 'lost', monday);
		expect(repLeaderboard(db, rep.id, now, 5)).toEqual([]);
		setLeaderboard(db, team.id, true);
		expect(repLeaderboard(db, rep.id, now, 5)).toEqual(leaderboard(db, team.id, now));
		expect(repLeaderboard(db, rep.id, now, 1).map((row) => [row.name, row.place])).toEqual([
			['other', 1],
			['rep', 2]
		]);
		// A manager is on no board of their own, and another team's board is not the rep's.
		expect(repLeaderboard(db, manager.id, now, 5)).toEqual([]);
		const elsewhere = createTeam(db, 'U');
		addTeamMember(db, elsewhere.id, rep.id, 'rep');
		setLeaderboard(db, team.id, false);
		expect(repLeaderboard(db, rep.id, now, 5)).toEqual([]);
		setLeaderboard(db, elsewhere.id, true);
		expect(repLeaderboard(db, rep.id, now, 5).map((row) => row.name)).toEqual(['rep']);
	});
});

/** Local dates of the week under test, Monday 29 June to Sunday 5 July 2026. */
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
	(name, i) => ({ name, date: 29 + i })
);

/** Sunday evening's last moment and Monday's first, local: a week ends between them. */
const BOUNDARIES = [
	{ what: 'an ordinary week', sunday: [2026, 6, 5], weeks: ['2026-06-29', '2026-07-06'] },
	{
		what: 'the week of New Year (31 December is a Thursday)',
		sunday: [2027, 0, 3],
		weeks: ['2026-12-28', '2027-01-04']
	},
	{
		what: 'the year end falling on a Sunday night',
		sunday: [2028, 11, 31],
		weeks: ['2028-12-25', '2029-01-01']
	},
	{ what: 'a month end', sunday: [2026, 4, 31], weeks: ['2026-05-25', '2026-06-01'] },
	{
		what: 'the Sunday the clocks go forward (New York)',
		sunday: [2026, 2, 8],
		weeks: ['2026-03-02', '2026-03-09']
	},
	{
		what: 'the Sunday the clocks go back (New York)',
		sunday: [2026, 10, 1],
		weeks: ['2026-10-26', '2026-11-02']
	}
] as const;

describe.each(TIME_ZONES)('practice weeks in %s', (zone) => {
	inTimeZone(zone);

	/** What the dashboard and the leaderboard show of a rep at `now`: this week's count, this week's and last week's totals, the board's line. */
	function weekOfRep(db: AppDb, teamId: string, userId: string, now: Date) {
		const summary = practiceSummaries(db, [userId], now).get(userId)!;
		return {
			thisWeek: summary.thisWeek,
			weeks: summary.weeks.slice(0, 2),
			board: leaderboard(db, teamId, now)
				.filter((row) => row.userId === userId)
				.map((row) => [row.finished, row.best])
		};
	}

	/** A role-play started at `at` and ended (or still running) with a score, without playing its turns. */
	function practised(
		db: AppDb,
		userId: string,
		at: Date,
		status: 'won' | 'lost' | 'active',
		score: number
	): void {
		const attempt = startAttempt(db, userId, 'price-call', 'en', 'text', at)!;
		updateRolePlays(db, eq(attempts.id, attempt.id), { status, score });
	}

	function lightSetUp() {
		const db = createTestDatabase();
		upsertContentItem(db, {
			kind: 'scenario',
			locale: 'en',
			id: 'price-call',
			data: priceCall(),
			body: ''
		});
		const person = peopleIn(db);
		const team = createTeam(db, 'T');
		const repIn = (name: string) => {
			const rep = person(name, ['rep']);
			addTeamMember(db, team.id, rep.id, 'rep');
			return rep;
		};
		return { db, team, repIn };
	}

	it('SQLite’s localtime follows the zone too, and its week of every quarter hour around New Year and both clock changes is weekKey’s', () => {
		const db = createTestDatabase();
		const instants: number[] = [];
		for (const [from, to] of [
			[new Date(2026, 11, 20), new Date(2027, 0, 12)],
			[new Date(2026, 1, 27), new Date(2026, 2, 17)],
			[new Date(2026, 9, 24), new Date(2026, 10, 10)]
		] as const) {
			for (let t = from.getTime(); t < to.getTime(); t += 15 * 60_000)
				instants.push(t, t + 15 * 60_000 - 1);
		}
		const rows = db.all<{ at: number; clock: string; week: string }>(
			sql`select value as at, datetime(value / 1000, 'unixepoch', 'localtime') as clock, date(value / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') as week from json_each(${JSON.stringify(instants)})`
		);
		expect(rows).toHaveLength(instants.length);
		const disagreeing = rows.filter(
			(row) =>
				row.clock !== wallClockIn(zone, new Date(row.at)) || row.week !== weekKey(new Date(row.at))
		);
		expect(disagreeing).toEqual([]);
	});

	it('the app checks at start that SQLite tells the local time as JavaScript does, and says so on a system without time zone data', () => {
		const { $client } = createTestDatabase();
		expect(localTimeMismatch($client)).toBeNull();
		// The C library reads its zone files again when TZ changes; TZDIR points it where there are none.
		const reload = () => {
			process.env.TZ = 'UTC';
			process.env.TZ = zone;
		};
		process.env.TZDIR = '/nonexistent';
		reload();
		try {
			expect(localTimeMismatch($client)).toMatch(
				/^TZ=.+: SQLite's local time is UTC\+0 h on 2026-01-15, JavaScript's UTC[+-]\d+ h\. Install .*tzdata/
			);
		} finally {
			delete process.env.TZDIR;
			reload();
		}
		expect(localTimeMismatch($client)).toBeNull();
	});

	it.each(WEEKDAYS)(
		'on a $name, this week runs from Monday 00:00 to now: week key, dashboard, trend and leaderboard',
		({ date }) => {
			const { db, team, repIn } = lightSetUp();
			for (const [hour, minute, second, ms] of [
				[0, 0, 0, 0],
				[12, 30, 0, 0],
				[23, 59, 59, 999]
			] as const) {
				const rep = repIn(`rep-${hour}`);
				const now = new Date(2026, 5, date, hour, minute, second, ms);
				expect(weekKey(now)).toBe('2026-06-29');
				expect(weekKey(now, 1)).toBe('2026-06-22');
				practised(db, rep.id, new Date(2026, 5, 28, 23, 59, 59, 999), 'won', 90); // the Sunday before
				practised(db, rep.id, new Date(2026, 5, 29, 0, 0, 0, 0), 'won', 70); // the first moment of the week
				practised(db, rep.id, now, 'lost', 30);
				practised(db, rep.id, now, 'active', 0);
				expect(weekOfRep(db, team.id, rep.id, now)).toEqual({
					thisWeek: 3,
					weeks: [
						{ sum: 100, count: 2 },
						{ sum: 90, count: 1 }
					],
					board: [[2, 70]]
				});
			}
		}
	);

	it.each(BOUNDARIES)(
		'a week ends on Sunday at 23:59:59.999 and the next starts on Monday at 00:00: $what',
		({ sunday: [year, month, day], weeks: [before, after] }) => {
			const { db, team, repIn } = lightSetUp();
			const rep = repIn('rep');
			const last = new Date(year, month, day, 23, 59, 59, 999);
			const first = new Date(year, month, day + 1, 0, 0, 0, 0);
			expect(first.getTime() - last.getTime()).toBe(1);
			expect([weekKey(last), weekKey(first), weekKey(first, 1)]).toEqual([before, after, before]);
			practised(db, rep.id, last, 'won', 80);
			practised(db, rep.id, first, 'lost', 20);
			// Each was filed in its own week, under the same key.
			expect(
				db
					.select({ week: practiceWeeks.week, finished: practiceWeeks.finished })
					.from(practiceWeeks)
					.orderBy(practiceWeeks.week)
					.all()
			).toEqual([
				{ week: before, finished: 1 },
				{ week: after, finished: 1 }
			]);
			expect(weekOfRep(db, team.id, rep.id, last)).toEqual({
				thisWeek: 1,
				weeks: [
					{ sum: 80, count: 1 },
					{ sum: 0, count: 0 }
				],
				board: [[1, 80]]
			});
			expect(weekOfRep(db, team.id, rep.id, first)).toEqual({
				thisWeek: 1,
				weeks: [
					{ sum: 20, count: 1 },
					{ sum: 80, count: 1 }
				],
				board: [[1, 20]]
			});
			// Deleting Sunday night's role-play empties its week and leaves Monday's alone.
			deleteRolePlays(db, eq(attempts.startedAt, last));
			expect(
				db
					.select({
						week: practiceWeeks.week,
						started: practiceWeeks.started,
						best: practiceWeeks.best
					})
					.from(practiceWeeks)
					.orderBy(practiceWeeks.week)
					.all()
			).toEqual([
				{ week: before, started: 0, best: null },
				{ week: after, started: 1, best: 20 }
			]);
		}
	);

	it.each([
		{
			what: 'over New Year',
			now: [2027, 0, 6],
			mondays: [
				'2027-01-04',
				'2026-12-28',
				'2026-12-21',
				'2026-12-14',
				'2026-12-07',
				'2026-11-30',
				'2026-11-23',
				'2026-11-16'
			]
		},
		{
			what: 'over the March clock change',
			now: [2026, 2, 25],
			mondays: [
				'2026-03-23',
				'2026-03-16',
				'2026-03-09',
				'2026-03-02',
				'2026-02-23',
				'2026-02-16',
				'2026-02-09',
				'2026-02-02'
			]
		},
		{
			what: 'over the November clock change',
			now: [2026, 10, 18],
			mondays: [
				'2026-11-16',
				'2026-11-09',
				'2026-11-02',
				'2026-10-26',
				'2026-10-19',
				'2026-10-12',
				'2026-10-05',
				'2026-09-28'
			]
		}
	] as const)(
		'the eight-week trend steps back one calendar week at a time $what',
		({ now: [year, month, day], mondays }) => {
			const { db, repIn } = lightSetUp();
			const rep = repIn('rep');
			const now = new Date(year, month, day, 10, 0);
			expect(Array.from({ length: TREND_WEEKS }, (_, k) => weekKey(now, k))).toEqual(mondays);
			// One role-play on each Monday at 00:00 and on each Sunday at 23:59:59.999, scored by how far back.
			mondays.forEach((monday, k) => {
				const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
				practised(db, rep.id, new Date(y, m - 1, d, 0, 0, 0, 0), 'won', 10 * k);
				practised(db, rep.id, new Date(y, m - 1, d - 1, 23, 59, 59, 999), 'won', 1);
			});
			// Each week holds its Monday's role-play and the next Sunday night's (the oldest Sunday is before the trend).
			expect(practiceSummaries(db, [rep.id], now).get(rep.id)!.weeks).toEqual(
				mondays.map((_, k) => (k === 0 ? { sum: 0, count: 1 } : { sum: 10 * k + 1, count: 2 }))
			);
		}
	);
});
