import { beforeAll, describe, expect, it } from 'vitest';
import { asc, count } from 'drizzle-orm';
import { createTestDatabase, type AppDb } from './db';
import { bootstrapInstance, createDemoOrganisation } from './bootstrap';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { findUserByEmail, getUserRoles } from './accounts/users';
import {
	assignments,
	attempts,
	candidates,
	coachingComments,
	cohorts,
	dealEvidence,
	deals,
	interviews,
	oneToOneActions,
	oneToOnes,
	practiceWeeks,
	ratings,
	skillRollups,
	teams,
	turns,
	users
} from './db/schema';
import { currentCohortOf, progressOf } from './onboarding/onboarding';
import { newFeedbackFor } from './coaching/comments';
import { dashboardRows, followedReps, weakSpots } from './team/dashboard';
import { comparisonPage, submittedRatingsFor } from './hiring/comparison';
import { assignmentsOfRep } from './coaching/assignments';
import { dealReview } from './coaching/deals';
import { homeOneToOnes, openActions, repsWithoutOneToOne } from './coaching/one-to-ones';
import { localIsoDate } from '$lib/calendar';
import type { SessionUser } from './auth/session';
import { DEMO_ACCOUNTS, DEMO_EXTRA_REPS } from '$lib/demo-accounts';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';

// Clocks in local time (made when a test runs, in its time zone): the history is laid out in the
// organisation's days.
const wednesday = () => new Date(2026, 2, 11, 15, 30);
const saturday = () => new Date(2026, 2, 14, 11, 0);
/** Just after midnight: what happened "today" so far happened last night. */
const mondayAtMidnight = () => new Date(2026, 2, 9, 0, 20);
const DAY_MS = 24 * 60 * 60 * 1000;

async function demoAt(now: Date): Promise<AppDb> {
	const db = createTestDatabase();
	loadShippedContent(db);
	await createDemoOrganisation(db, now);
	return db;
}

function sessionUser(db: AppDb, email: string): SessionUser {
	const user = findUserByEmail(db, email)!;
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		locale: user.locale,
		roles: getUserRoles(db, user.id)
	};
}

const idOf = (db: AppDb, email: string) => findUserByEmail(db, email)!.id;
const MANAGER = DEMO_ACCOUNTS.find((a) => a.role === 'manager')!.email;
const ADMIN = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email;
const DEMO_REP = DEMO_ACCOUNTS.find((a) => a.role === 'rep')!.email;

describe('the demo history', () => {
	// One demo for the tests that only read it: making one takes a few seconds.
	let db: AppDb;
	let now: Date;
	beforeAll(async () => {
		now = wednesday();
		db = await demoAt(now);
	}, 30_000);

	it('gives the team three weeks of scored practice in both languages, before the clock', () => {
		const all = db.select().from(attempts).all();
		const practice = all.filter((a) => a.userId);
		expect(practice.length).toBeGreaterThan(30);
		for (const attempt of all) {
			expect(attempt.startedAt.getTime()).toBeLessThan(now.getTime());
			expect(attempt.startedAt.getTime()).toBeGreaterThan(now.getTime() - 23 * DAY_MS);
			// Every role-play ended the way the engine ends them, with a score.
			expect(attempt.status).not.toBe('active');
			expect(attempt.endedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
		}
		expect(new Set(practice.map((a) => a.mode))).toEqual(new Set(['text', 'choice']));
		const replies = db.select({ reply: turns.reply }).from(turns).all();
		expect(replies.some((t) => /[\u4e00-\u9fff]/.test(t.reply))).toBe(true);
		expect(replies.some((t) => /^[\x20-\x7e’]+$/.test(t.reply))).toBe(true);

		// Six reps in the team, each with practice; the four with three weeks of it practised in each week.
		const manager = sessionUser(db, MANAGER);
		const reps = followedReps(db, manager);
		expect(reps).toHaveLength(1 + DEMO_EXTRA_REPS.length);
		expect(reps.length).toBeGreaterThanOrEqual(6);
		const practised = new Set(practice.map((a) => a.userId));
		for (const rep of reps) expect(practised.has(rep.id)).toBe(true);
		for (const email of ['rep2@rehearse.test', 'rep5@rehearse.test', 'rep6@rehearse.test']) {
			const weeks = db
				.select()
				.from(practiceWeeks)
				.all()
				.filter((w) => w.userId === idOf(db, email));
			expect(weeks.length).toBeGreaterThanOrEqual(3);
		}
		// What the manager's pages show is what the app worked out from those role-plays.
		const rows = dashboardRows(db, reps, now);
		expect(rows.filter((row) => row.average !== null).length).toBe(reps.length);
		const spots = weakSpots(db, reps, 'en');
		expect(spots.anyPractice).toBe(true);
		expect([...spots.suggestions.values()].filter(Boolean).length).toBeGreaterThan(0);
		expect(db.select({ n: count() }).from(skillRollups).get()!.n).toBeGreaterThan(20);
	});

	it('has the manager’s comments on role-plays, new to the demo rep, and candidates rated by the panel', () => {
		const manager = sessionUser(db, MANAGER);
		const comments = db.select().from(coachingComments).all();
		expect(comments.length).toBeGreaterThanOrEqual(2);
		expect(comments.every((c) => c.authorId === manager.id)).toBe(true);
		const feedback = newFeedbackFor(db, idOf(db, DEMO_REP));
		expect(feedback).toHaveLength(1);
		expect(feedback[0]!.authors).toEqual([manager.name]);

		// Completed interviews with both ratings, and one still waiting for the admin's.
		const page = comparisonPage(db, manager, { position: null, sort: 'score', page: null });
		expect(page.rows.length).toBeGreaterThanOrEqual(4);
		const submitted = page.rows.map((row) => row[10]);
		expect(submitted.filter((n) => n === 2).length).toBeGreaterThanOrEqual(3);
		expect(submitted.filter((n) => n === 1)).toHaveLength(1);
		expect(page.rows.every((row) => row[12] !== null)).toBe(true);
		const calibration = submittedRatingsFor(db, sessionUser(db, ADMIN));
		expect(new Set(calibration.map((r) => r.interviewerId))).toEqual(
			new Set([manager.id, idOf(db, ADMIN)])
		);
	});

	it('has assignments done, due and overdue, from what the reps did', () => {
		const statuses = (email: string) =>
			assignmentsOfRep(db, idOf(db, email), 'en', now).map(
				(a) => `${a.kind} ${a.contentId}: ${a.status}`
			);
		expect(statuses(DEMO_REP).sort()).toEqual([
			'scenario renewal-price-objection: due',
			'script can-you-discount: due'
		]);
		expect(statuses('rep3@rehearse.test').sort()).toEqual([
			'scenario send-me-material-first: overdue',
			'script think-about-it: due'
		]);
		// Done by the role-play the rep played after it was assigned, at or over the pass mark.
		const [done] = assignmentsOfRep(db, idOf(db, 'rep5@rehearse.test'), 'en', now);
		expect(done).toMatchObject({ contentId: 'switch-from-competitor', status: 'done' });
		expect(done!.completedScore).toBeGreaterThanOrEqual(done!.passMark!);
	});

	it('has deals with evidence of every strength, in the weekly review with every flag', () => {
		const review = dealReview(db, sessionUser(db, MANAGER), localIsoDate(now));
		const all = review.reps.flatMap((rep) => rep.deals);
		expect(all.length).toBeGreaterThanOrEqual(8);
		expect(new Set(all.flatMap((deal) => deal.evidence.map((e) => e.strength)))).toEqual(
			new Set(['weak', 'medium', 'strong', 'very-strong'])
		);
		expect(new Set(all.flatMap((deal) => deal.flags))).toEqual(
			new Set([
				'feelings-only',
				'no-contact-14-days',
				'past-11-calls-without-strong-evidence',
				'next-step-overdue'
			])
		);
		expect(new Set(all.map((deal) => deal.locale))).toEqual(new Set(['en', 'zh-TW']));
		// The rep falling behind comes first: the most flagged deals, among them one on a feeling only.
		expect(review.reps[0]!.id).toBe(idOf(db, 'rep3@rehearse.test'));
		expect(review.reps[0]!.deals.some((deal) => deal.flags.includes('feelings-only'))).toBe(true);
		const demoRep = review.reps.find((rep) => rep.id === idOf(db, DEMO_REP))!;
		expect(demoRep.deals.map((deal) => deal.flags)).toContainEqual(['feelings-only']);
		// Every piece of evidence is dated on or before its deal's last contact.
		for (const deal of all)
			for (const piece of deal.evidence) expect(piece.date <= deal.lastContact).toBe(true);
	});

	it('has one-to-ones with open actions, and a rep due one with an action still open', () => {
		const team = db.select().from(teams).get()!;
		const due = repsWithoutOneToOne(db, team.id, team.oneToOneWeeks, now);
		const behind = due.find((rep) => rep.id === idOf(db, 'rep3@rehearse.test'))!;
		expect(behind.days).toBeGreaterThanOrEqual(24);
		expect(openActions(db, behind.id, localIsoDate(now)).map((a) => a.due?.state)).toEqual([
			'overdue'
		]);
		expect(due.map((rep) => rep.id)).not.toContain(idOf(db, DEMO_REP));
		expect(due.map((rep) => rep.id)).not.toContain(idOf(db, 'rep2@rehearse.test'));

		const home = homeOneToOnes(db, idOf(db, DEMO_REP), now);
		expect(home.open.map((a) => a.owner).sort()).toEqual(['manager', 'rep']);
		expect(home.open.every((a) => a.due?.state !== 'overdue')).toBe(true);
		const talk = db
			.select()
			.from(oneToOnes)
			.all()
			.find((o) => o.repId === idOf(db, DEMO_REP))!;
		expect(talk.links).toHaveLength(1);
		expect(talk.heldOn <= localIsoDate(now)).toBe(true);
	});

	it('is the same history for the same clock', { timeout: 60_000 }, async () => {
		const shape = (demo: AppDb) => {
			const emails = new Map(
				demo
					.select({ id: users.id, email: users.email })
					.from(users)
					.all()
					.map((u) => [u.id, u.email])
			);
			return {
				attempts: demo
					.select({
						user: attempts.userId,
						scenario: attempts.scenarioId,
						mode: attempts.mode,
						status: attempts.status,
						score: attempts.score,
						startedAt: attempts.startedAt,
						turns: attempts.turnCount
					})
					.from(attempts)
					.orderBy(asc(attempts.startedAt), asc(attempts.scenarioId))
					.all()
					.map(({ user, ...rest }) => ({ ...rest, user: user && emails.get(user) })),
				replies: demo
					.select({ reply: turns.reply, score: turns.score })
					.from(turns)
					.orderBy(asc(turns.createdAt), asc(turns.index))
					.all(),
				ratings: demo
					.select({ scores: ratings.scores, recommendation: ratings.recommendation })
					.from(ratings)
					.all()
					.map((r) => JSON.stringify(r))
					.sort(),
				cohorts: demo
					.select({ name: cohorts.name, startDate: cohorts.startDate })
					.from(cohorts)
					.orderBy(asc(cohorts.name))
					.all(),
				assignments: demo
					.select({
						contentId: assignments.contentId,
						dueDate: assignments.dueDate,
						completedAt: assignments.completedAt
					})
					.from(assignments)
					.orderBy(asc(assignments.contentId))
					.all(),
				evidence: demo
					.select({ text: dealEvidence.text, date: dealEvidence.date })
					.from(dealEvidence)
					.orderBy(asc(dealEvidence.text))
					.all(),
				actions: demo
					.select({ text: oneToOneActions.text, dueOn: oneToOneActions.dueOn })
					.from(oneToOneActions)
					.orderBy(asc(oneToOneActions.text))
					.all()
			};
		};
		expect(shape(await demoAt(now))).toEqual(shape(db));
	});

	it(
		'is not made with DEMO=0, nor added to a database that has accounts',
		{ timeout: 60_000 },
		async () => {
			const empty = createTestDatabase();
			await bootstrapInstance(
				empty,
				{ DEMO: '0', ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'a long admin password' },
				() => {}
			);
			for (const table of [
				attempts,
				cohorts,
				coachingComments,
				candidates,
				interviews,
				assignments,
				deals,
				oneToOnes
			])
				expect(empty.select({ n: count() }).from(table).get()!.n).toBe(0);

			const db = createTestDatabase();
			await bootstrapInstance(db, {}, () => {});
			const tables = [
				attempts,
				turns,
				cohorts,
				coachingComments,
				candidates,
				interviews,
				ratings,
				assignments,
				deals,
				oneToOnes
			];
			const before = tables.map((table) => db.select({ n: count() }).from(table).get()!.n);
			expect(before[0]).toBeGreaterThan(0);
			await bootstrapInstance(db, {}, () => {});
			expect(tables.map((table) => db.select({ n: count() }).from(table).get()!.n)).toEqual(before);
		}
	);
});

for (const zone of TIME_ZONES) {
	describe(`the demo's plans, in ${zone}`, () => {
		inTimeZone(zone);

		it(
			'puts a new hire on day 2 of the Chinese plan and the demo rep on day 3 of the English one, with progress',
			{ timeout: 90_000 },
			async () => {
				for (const now of [wednesday(), saturday(), mondayAtMidnight()]) {
					const db = await demoAt(now);
					const zhRep = idOf(db, 'rep4@rehearse.test');
					const zhCohort = currentCohortOf(db, zhRep)!;
					expect(zhCohort.locale).toBe('zh-TW');
					const zh = progressOf(db, zhCohort, zhRep, now);
					// On a working day, today is day 2; on a weekend, day 2 was the Friday before.
					expect(zh.today).toBe(2);
					expect(zh.when.kind).toBe(now.getDay() === 6 ? 'between' : 'day');
					expect(zh.days[0]!.modules.every((m) => m.status === 'done')).toBe(true);

					const demoRep = idOf(db, DEMO_REP);
					const enCohort = currentCohortOf(db, demoRep)!;
					expect(enCohort.locale).toBe('en');
					const en = progressOf(db, enCohort, demoRep, now);
					expect(en.today).toBe(3);
					expect(en.done).toBeGreaterThan(4);
					expect(en.finished).toBe(false);
					expect(en.next).not.toBeNull();
				}
			}
		);
	});
}
