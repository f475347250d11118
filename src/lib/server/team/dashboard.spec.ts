import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { addTeamMember, createTeam } from '../accounts/teams';
import { findAttempt, hangUp, loadAttempt, startAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import {
	attemptsBehind,
	dashboardRows,
	followedReps,
	recordedRepliesBehind,
	weakSpots
} from './dashboard';
import { insertRecording } from '../practice/recordings';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { attempts, skillRollups } from '../db/schema';
import { eq } from 'drizzle-orm';
import { updateRolePlays } from '../testing/role-plays';

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const lead = insertUser(db, {
		email: 'lead@example.com',
		name: 'Lead',
		passwordHash: 'x',
		roles: ['manager']
	});
	const rep = insertUser(db, {
		email: 'rep@example.com',
		name: 'Rep',
		passwordHash: 'x',
		roles: ['rep']
	});
	const outsider = insertUser(db, {
		email: 'out@example.com',
		name: 'Out',
		passwordHash: 'x',
		roles: ['rep']
	});
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, lead.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	const manager: SessionUser = {
		id: lead.id,
		email: lead.email,
		name: 'Lead',
		locale: null,
		roles: ['manager']
	};
	return { db, rep, outsider, manager };
}

const OPENING =
	'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?';

describe('dashboard aggregations', () => {
	it('roll each reply up to its objection category and the rubric criteria, as computed by hand', () => {
		const { db, rep, manager } = setUp();
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
		submitTurn(db, attempt.id, { mode: 'text', reply: OPENING }, 0);
		submitTurn(
			db,
			attempt.id,
			{ mode: 'text', reply: 'I hear you. How many inquiries do you get in a month right now?' },
			1
		);
		const { turns } = loadAttempt(db, findAttempt(db, attempt.id)!);
		const priceTurn = turns[1]!;
		expect(priceTurn.scriptId).toBe('price-too-high');

		const spots = weakSpots(db, followedReps(db, manager), 'en');
		expect(spots.reps.map((r) => r.id)).toEqual([rep.id]);
		// One reply in the price category: the cell is that reply's score.
		expect(spots.byCategory.get(rep.id)?.get('price')).toEqual({
			average: Math.round(priceTurn.score * 1000) / 10,
			count: 1
		});
		const opening = spots.byCriterion.get(rep.id)?.get('opening');
		expect(opening?.count).toBe(1);
		expect(attemptsBehind(db, rep.id, 'price').map((a) => a.id)).toEqual([attempt.id]);
	});

	it("lists a cell's spoken replies with their players, newest first, and no other rep's", () => {
		const { db, rep, outsider } = setUp();
		const recorded = (userId: string, at: Date) => {
			const attempt = startAttempt(db, userId, 'renewal-price-objection', 'en', 'call', at)!;
			submitTurn(db, attempt.id, { mode: 'text', reply: OPENING }, 0, at);
			submitTurn(db, attempt.id, { mode: 'text', reply: 'I hear you. How many inquiries?' }, 1, at);
			// The opening (no objection category) and the price objection were both spoken.
			for (const turnIndex of [0, 1])
				insertRecording(
					db,
					{
						id: newId(),
						mime: 'audio/webm',
						bytes: 3000,
						durationMs: 4000,
						voiced: [{ start: 500, end: 3500 }]
					},
					attempt.id,
					turnIndex,
					at
				);
			return attempt;
		};
		const earlier = recorded(rep.id, new Date('2026-03-01T09:00:00Z'));
		const later = recorded(rep.id, new Date('2026-03-02T09:00:00Z'));
		recorded(outsider.id, new Date('2026-03-03T10:00:00Z'));
		const typed = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
		submitTurn(db, typed.id, { mode: 'text', reply: OPENING }, 0);
		submitTurn(db, typed.id, { mode: 'text', reply: 'Typed, so nothing to hear.' }, 1);

		const behind = recordedRepliesBehind(db, rep.id, 'price');
		expect(behind.map((turn) => turn.attemptId)).toEqual([later.id, earlier.id]);
		expect(behind[1]).toMatchObject({
			attemptId: earlier.id,
			turnIndex: 1,
			reply: 'I hear you. How many inquiries?',
			locale: 'en',
			recording: {
				audio: `/attempts/${earlier.id}/recordings/1`,
				// Six words in three seconds of voice, after half a second of silence.
				sounded: { pauseBeforeMs: 500, speakingMs: 3000, rate: 120 }
			}
		});
		expect(recordedRepliesBehind(db, rep.id, 'timing')).toEqual([]);
	});

	it('works out cells and suggestions for the reps of the page only, each as it would be among all, with the columns of every rep', () => {
		const { db, rep, manager } = setUp();
		const other = insertUser(db, {
			email: 'other@example.com',
			name: 'Other',
			passwordHash: 'x',
			roles: ['rep']
		});
		addTeamMember(db, followedReps(db, manager)[0]!.teamId, other.id, 'rep');
		// Running totals as practice leaves them: the rep is weakest on price, the other rep practised competitors only.
		db.insert(skillRollups)
			.values([
				{ userId: rep.id, dimension: 'script', key: 'price-too-high', sum: 120, count: 4 },
				{ userId: rep.id, dimension: 'script', key: 'can-you-discount', sum: 100, count: 2 },
				{ userId: rep.id, dimension: 'script', key: 'think-about-it', sum: 240, count: 3 },
				{ userId: rep.id, dimension: 'criterion', key: 'opening', sum: 150, count: 3 },
				{ userId: other.id, dimension: 'script', key: 'competitor-is-cheaper', sum: 90, count: 3 },
				{ userId: other.id, dimension: 'criterion', key: 'closing', sum: 60, count: 3 }
			])
			.run();
		const all = followedReps(db, manager);
		const page = all.filter((r) => r.id === rep.id);
		const everyone = weakSpots(db, all, 'en');
		const spots = weakSpots(db, all, 'en', page);

		expect(spots.reps).toEqual(page);
		expect([...spots.suggestions.keys()]).toEqual([rep.id]);
		expect([...spots.byCategory.keys()]).toEqual([rep.id]);
		expect([...spots.byCriterion.keys()]).toEqual([rep.id]);
		expect(spots.suggestions.get(rep.id)).toEqual({
			category: 'price',
			average: 36.7,
			count: 6,
			scenarioId: expect.any(String),
			scriptId: 'price-too-high'
		});
		expect(spots.suggestions.get(rep.id)).toEqual(everyone.suggestions.get(rep.id));
		expect(spots.byCategory.get(rep.id)).toEqual(everyone.byCategory.get(rep.id));
		expect(spots.byCriterion.get(rep.id)).toEqual(everyone.byCriterion.get(rep.id));
		expect(everyone.suggestions.get(other.id)).toMatchObject({ category: 'competitor' });
		// The columns are the library's categories and the scenarios' criteria, practised or not, whichever page is shown.
		expect(spots.categories).toEqual(
			expect.arrayContaining(['competitor', 'price', 'timing', 'authority'])
		);
		expect(spots.categories).toEqual([...spots.categories].sort());
		expect(spots.criteria).toEqual(
			expect.arrayContaining(['closing', 'opening', 'composure', 'needs-discovery'])
		);
		expect([spots.categories, spots.criteria]).toEqual([everyone.categories, everyone.criteria]);
		// "No practice yet" only while none of the followed reps has practised.
		const newcomer = insertUser(db, {
			email: 'new@example.com',
			name: 'New',
			passwordHash: 'x',
			roles: ['rep']
		});
		addTeamMember(db, all[0]!.teamId, newcomer.id, 'rep');
		const onlyNewcomer = followedReps(db, manager).filter((r) => r.id === newcomer.id);
		expect([spots.anyPractice, weakSpots(db, onlyNewcomer, 'en').anyPractice]).toEqual([
			true,
			false
		]);
	});

	it('counts this week’s practice and the best score, and leaves out reps the manager does not follow', () => {
		const { db, rep, outsider, manager } = setUp();
		// Sunday night, local: the role-play and the dashboard are in the same week whenever the test runs.
		const now = new Date(2026, 6, 5, 23, 58);
		startAttempt(db, outsider.id, 'renewal-price-objection', 'en', 'text', now);
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text', now)!;
		submitTurn(
			db,
			attempt.id,
			{ mode: 'text', reply: 'Hello, we are the best platform, buy now please.' },
			0,
			now
		);
		const rows = dashboardRows(
			db,
			followedReps(db, manager),
			new Date(2026, 6, 5, 23, 59, 59, 999)
		);
		expect(rows.map((r) => r.name)).toEqual(['Rep']);
		expect(rows[0]).toMatchObject({ attemptsThisWeek: 1, onboarding: null });
		expect(rows[0]!.trend).toHaveLength(8);
	});

	it('leaves a call the rep hung up out of every figure: this week, average, best, trend, weak spots and the calls behind them', () => {
		const { db, rep, manager } = setUp();
		const now = new Date(2026, 6, 5, 23, 58);
		const reps = followedReps(db, manager);
		const played = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text', now)!;
		submitTurn(db, played.id, { mode: 'text', reply: OPENING }, 0, now);
		submitTurn(
			db,
			played.id,
			{ mode: 'text', reply: 'I hear you. How many inquiries do you get in a month right now?' },
			1,
			now
		);
		updateRolePlays(db, eq(attempts.id, played.id), { status: 'lost', score: 30 });
		const figures = () => {
			const spots = weakSpots(db, reps, 'en');
			const [row] = dashboardRows(db, reps, now);
			// Review cards are left aside: a missed key point brings its entry back for review whether or not the call is finished.
			const { cardsOverdue: _cards, ...figures } = row!;
			return {
				row: { ...figures, trend: row!.trend.map((p) => p.count) },
				price: spots.byCategory.get(rep.id)?.get('price'),
				criteria: spots.byCriterion.get(rep.id),
				behind: attemptsBehind(db, rep.id, 'price').map((a) => a.id)
			};
		};
		const before = figures();
		expect(before.row).toMatchObject({ attemptsThisWeek: 1, average: 30, best: 30 });
		expect(before.behind).toEqual([played.id]);
		// The rep answers the price objection badly, then hangs up.
		const dropped = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text', now)!;
		submitTurn(db, dropped.id, { mode: 'text', reply: OPENING }, 0, now);
		submitTurn(
			db,
			dropped.id,
			{ mode: 'text', reply: 'It is not expensive at all, everybody pays that much.' },
			1,
			now
		);
		expect(figures().behind.sort()).toEqual([dropped.id, played.id].sort());
		expect(hangUp(db, dropped.id, now).ok).toBe(true);
		expect(figures()).toEqual(before);
		expect(dashboardRows(db, reps, now)[0]!.cardsOverdue).toBe(1);
	});

	it('adds up finished role-plays by week, as computed by hand: average, best and the trend', () => {
		const { db, rep, manager } = setUp();
		// A Thursday: three days ago is Monday, the first day of this week.
		const now = new Date('2026-07-02T12:00:00Z');
		const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
		const finish = (days: number, score: number, status: 'won' | 'lost' | 'active') => {
			const attempt = startAttempt(
				db,
				rep.id,
				'renewal-price-objection',
				'en',
				'text',
				daysAgo(days)
			)!;
			updateRolePlays(db, eq(attempts.id, attempt.id), { status, score });
		};
		finish(1, 80, 'won'); // this week
		finish(3, 40, 'lost'); // this week
		finish(2, 10, 'active'); // this week, not finished: no score
		finish(9, 90, 'won'); // last week (a Tuesday)
		finish(70, 100, 'won'); // ten weeks ago: in the average and best, not in the trend
		finish(1, 0, 'abandoned' as 'won'); // this week, hung up: not practice, no score
		finish(3, 99, 'abandoned' as 'won'); // this week, hung up with a high running score: no best either
		const [row] = dashboardRows(db, followedReps(db, manager), now);
		expect(row).toMatchObject({ attemptsThisWeek: 3, average: 77.5, best: 100 });
		expect(row!.trend.map((p) => p.average)).toEqual([null, null, null, null, null, null, 90, 60]);
		expect(row!.trend.map((p) => p.count)).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
	});
});
