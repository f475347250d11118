import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { addTeamMember, createTeam } from '../accounts/teams';
import { hangUp, startAttempt, startAttemptOnRevision } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { peopleIn } from '../testing/people';
import { addComment, followedAmong } from '../coaching/comments';
import { cohortChoicesFor, createCohort } from '../onboarding/onboarding';
import { weakSpots } from './dashboard';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';
import {
	HISTORY_PER_PAGE,
	practiceHistory,
	repComments,
	repFor,
	repOnboarding,
	repWeakSpots
} from './rep-page';

// A plain opening (the scenario's first good example), then its bad answers to the price: the
// customer hangs up before they run out, and the price lines give the rep weak spots.
const BAD = [
	'Good morning, Mr. Wang. This is Kevin from MetalHub, calling about your Gold membership renewal. Have you got two minutes?',
	'Honestly, Mr. Wang, 26,800 is already cheap. It’s seventy dollars a day, and other sites charge a lot more than we do.',
	'OK, tell you what. I’ll knock ten percent off, call it twenty-four thousand, if you renew today. Deal?',
	'Honestly, Mr. Wang, 26,800 is already cheap. It’s seventy dollars a day, and other sites charge a lot more than we do.'
];

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const person = peopleIn(db);
	const lead = person('Lead', ['manager']);
	const otherLead = person('Other lead', ['manager']);
	const admin = person('Admin', ['admin']);
	const rep = person('Rep', ['rep']);
	const newHire = person('New hire', ['rep']);
	const team = createTeam(db, 'North');
	addTeamMember(db, team.id, lead.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	addTeamMember(db, createTeam(db, 'South').id, otherLead.id, 'manager');
	return { db, lead, otherLead, admin, rep, newHire, team };
}

/** A call played to its end with bad replies: the customer hangs up (a finished, lost role-play). */
function practise(db: ReturnType<typeof setUp>['db'], repId: string, at: Date) {
	const attempt = startAttempt(db, repId, 'renewal-price-objection', 'en', 'text', at)!;
	for (const [turn, reply] of BAD.entries()) {
		const outcome = submitTurn(db, attempt.id, { mode: 'text', reply }, turn, at);
		if (outcome.ok && outcome.attempt.status !== 'active') return outcome.attempt;
	}
	throw new Error('the call did not end');
}

const TITLE = '“Too expensive, knock a bit off”: a Gold member haggles at renewal';

// Each test loads the whole demo pack (its scenarios, scripts and rubrics feed the weak spots): slow on a busy machine.
const SLOW = { timeout: 30_000 };

describe('a rep’s page', SLOW, () => {
	it('is there for the rep’s managers and admins, and for no one else, whatever the id names', () => {
		const { db, lead, otherLead, admin, rep, newHire } = setUp();
		expect(repFor(db, lead, rep.id)).toEqual({ id: rep.id, name: 'Rep', teams: ['North'] });
		expect(repFor(db, admin, rep.id)?.name).toBe('Rep');
		// An admin also sees a new hire who is in no team yet.
		expect(repFor(db, admin, newHire.id)).toEqual({ id: newHire.id, name: 'New hire', teams: [] });
		expect(repFor(db, otherLead, rep.id)).toBeNull();
		expect(repFor(db, lead, newHire.id)).toBeNull();
		expect(repFor(db, rep, rep.id)).toBeNull();
		expect(repFor(db, lead, 'no-such-user')).toBeNull();
		// The names that link to it: only the reps this manager coaches.
		expect(followedAmong(db, lead, [rep.id, newHire.id, lead.id])).toEqual(new Set([rep.id]));
		expect(followedAmong(db, otherLead, [rep.id])).toEqual(new Set());
		expect(followedAmong(db, admin, [rep.id, newHire.id, admin.id])).toEqual(
			new Set([rep.id, newHire.id])
		);
	});

	it('lists the rep’s practice, the latest first, with titles, modes, statuses and comment counts; interviews are not practice', () => {
		const { db, lead, rep } = setUp();
		const older = practise(db, rep.id, new Date('2026-05-01T09:00:00Z'));
		const newer = startAttempt(
			db,
			rep.id,
			'renewal-price-objection',
			'en',
			'choice',
			new Date('2026-05-02T09:00:00Z')
		)!;
		submitTurn(db, newer.id, { mode: 'choice', choice: 1 }, 0, new Date('2026-05-02T09:00:00Z'));
		hangUp(db, newer.id);
		// The same revision as an interview's role-play: not on the rep's page.
		startAttemptOnRevision(db, {
			revisionId: older.revisionId,
			userId: null,
			interviewId: null,
			mode: 'text'
		});
		expect(
			addComment(db, lead, {
				attemptId: older.id,
				turnIndex: 1,
				body: 'Ask about results before defending the price.'
			}).ok
		).toBe(true);
		addComment(db, lead, { attemptId: older.id, turnIndex: null, body: 'Good effort overall.' });
		const history = practiceHistory(db, rep.id, 'en', null);
		expect(history.total).toBe(2);
		expect(history.rows.map((r) => [r.id, r.title, r.mode, r.status, r.comments])).toEqual([
			[newer.id, TITLE, 'choice', 'abandoned', 0],
			[older.id, TITLE, 'text', 'lost', 2]
		]);
		expect(history.pager).toEqual({ current: 1, total: 1 });
	});

	it('pages the history', () => {
		const { db, rep } = setUp();
		for (let i = 0; i < HISTORY_PER_PAGE + 3; i++)
			startAttempt(
				db,
				rep.id,
				'renewal-price-objection',
				'en',
				'text',
				new Date(Date.UTC(2026, 4, 1, 9, i))
			);
		const first = practiceHistory(db, rep.id, 'zh-TW', null);
		expect(first.rows).toHaveLength(HISTORY_PER_PAGE);
		// In the viewer's language where the scenario has it.
		expect(first.rows[0]!.title).toMatch(/\p{Script=Han}/u);
		const second = practiceHistory(db, rep.id, 'en', '2');
		expect(second.rows).toHaveLength(3);
		expect(second.pager).toEqual({ current: 2, total: 2 });
		expect(second.rows.at(-1)!.startedAt).toEqual(new Date(Date.UTC(2026, 4, 1, 9, 0)));
	});

	it('shows the rep’s weak spots as the team’s heatmaps do, weakest first', () => {
		const { db, lead, admin, rep, newHire } = setUp();
		practise(db, rep.id, new Date());
		const own = repWeakSpots(db, repFor(db, lead, rep.id)!, 'en');
		const team = weakSpots(db, [{ id: rep.id, name: 'Rep', teamId: '', teamName: '' }], 'en');
		expect(own.categories.length).toBeGreaterThan(0);
		for (const cell of own.categories)
			expect(team.byCategory.get(rep.id)?.get(cell.category)).toEqual({
				average: cell.average,
				count: cell.count
			});
		expect(own.categories.map((c) => c.average)).toEqual(
			[...own.categories.map((c) => c.average)].sort((a, b) => a - b)
		);
		expect(own.criteria.every((c) => c.title !== '')).toBe(true);
		// Nothing practised, nothing to show.
		expect(repWeakSpots(db, repFor(db, admin, newHire.id)!, 'en')).toEqual({
			categories: [],
			criteria: [],
			suggestion: null
		});
	});

	it('lists the comments on the rep’s role-plays, the latest first, with whether the rep has seen them', () => {
		const { db, lead, admin, rep } = setUp();
		const attempt = practise(db, rep.id, new Date('2026-05-01T09:00:00Z'));
		addComment(
			db,
			lead,
			{ attemptId: attempt.id, turnIndex: 0, body: 'Nice opening.' },
			new Date('2026-05-01T10:00:00Z')
		);
		addComment(
			db,
			admin,
			{ attemptId: attempt.id, turnIndex: null, body: 'Overall fine.' },
			new Date('2026-05-01T11:00:00Z')
		);
		expect(
			repComments(db, rep.id, 'en').map((c) => [c.title, c.turnIndex, c.author, c.body, c.seenAt])
		).toEqual([
			[TITLE, null, 'Admin', 'Overall fine.', null],
			[TITLE, 0, 'Lead', 'Nice opening.', null]
		]);
	});
});

for (const zone of TIME_ZONES) {
	describe(`a rep’s onboarding on their page, in ${zone}`, SLOW, () => {
		inTimeZone(zone);

		it('shows the rep’s onboarding when they are in a cohort, and links the cohort only where the viewer follows it', () => {
			const { db, lead, otherLead, admin, rep, team } = setUp();
			expect(repOnboarding(db, lead, rep.id)).toBeNull();
			const created = createCohort(
				db,
				{
					name: 'May',
					curriculumId: 'new-rep-onboarding',
					locale: 'en',
					startDate: '2026-05-04',
					userIds: [rep.id],
					teamId: team.id,
					createdBy: lead.id
				},
				cohortChoicesFor(db, lead)
			);
			if (!created.ok) throw new Error(created.problem);
			const onboarding = repOnboarding(db, lead, rep.id, new Date('2026-05-05T12:00:00Z'))!;
			expect(onboarding).toMatchObject({
				cohort: { id: created.cohort.id, name: 'May', startDate: '2026-05-04', followed: true },
				certifiedAt: null,
				today: 2
			});
			expect(onboarding.days).toBeGreaterThan(2);
			expect(onboarding.overdue).toBeGreaterThan(0);
			expect(onboarding.next).not.toBeNull();
			expect(repOnboarding(db, otherLead, rep.id)?.cohort.followed).toBe(false);
			expect(repOnboarding(db, admin, rep.id)?.cohort.followed).toBe(true);
		});
	});
}
