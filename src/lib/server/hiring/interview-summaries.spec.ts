import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { HIRING_CRITERIA, hiringWorld } from '../testing/hiring-world';
import type { Db } from '../db/index';
import { addTeamMember, removeTeamMember } from '../accounts/teams';
import { expireIfDue, hangUp } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { deleteUser } from '../accounts/user-data';
import { refreshInterviewSummary } from '../derived/interview-summaries';
import { deleteCandidate } from './candidate-data';
import { candidates, interviewPanel, interviewSummaries, interviews, ratings } from '../db/schema';
import { comparePosition, comparisonPage, type ComparisonSort } from './comparison';
import { interviewAttempt, startInterviewAttempt } from './hiring';
import { overrideAttemptScore, saveRating } from './ratings';
import { summarizePanel, type CriteriaWeights } from '$lib/engine/hiring/rubric';
import type { Recommendation } from '../db/schema';

const scoresOf = (...values: number[]) =>
	Object.fromEntries(HIRING_CRITERIA.map((id, i) => [id, values[i % values.length]!]));

function setUp() {
	const { db, admin, lead, panelist, outsider, team, interview: interviewOf } = hiringWorld();
	const interview = (
		name: string,
		position = 'Phone sales',
		mode: 'live' | 'online' = 'online',
		scheduledAt = new Date('2026-06-01T09:00:00Z')
	) => interviewOf(name, { position, mode, scheduledAt });
	return { db, admin, lead, panelist, outsider, team, interview };
}

/** What the table would show if worked out now from the ratings, the panel and the role-play. */
function workedOut(db: Db, interviewId: string) {
	const interview = db.select().from(interviews).where(eq(interviews.id, interviewId)).get()!;
	const all = db.select().from(ratings).where(eq(ratings.interviewId, interviewId)).all();
	const summary = summarizePanel(
		interview.rubric as CriteriaWeights,
		all.map((r) => ({
			interviewerId: r.interviewerId,
			scores: r.scores,
			recommendation: r.recommendation,
			submitted: r.submittedAt !== null
		}))
	);
	const panelSize = db
		.select({ n: sql<number>`count(*)` })
		.from(interviewPanel)
		.where(eq(interviewPanel.interviewId, interviewId))
		.get()!.n;
	const attempt = interviewAttempt(db, interviewId, interview.mode === 'live' ? 'live' : undefined);
	return {
		score: summary.score,
		spread: summary.spread,
		strongYes: summary.recommendations['strong-yes'],
		yes: summary.recommendations.yes,
		no: summary.recommendations.no,
		strongNo: summary.recommendations['strong-no'],
		submitted: summary.submitted,
		panelSize,
		autoScore: attempt && attempt.status !== 'active' ? attempt.score : null
	};
}

function kept(db: Db, interviewId: string) {
	const {
		interviewId: _id,
		candidate: _candidate,
		scheduledAt: _at,
		mode: _mode,
		...row
	} = db
		.select()
		.from(interviewSummaries)
		.where(eq(interviewSummaries.interviewId, interviewId))
		.get()!;
	return row;
}

function rate(
	db: Db,
	interview: ReturnType<ReturnType<typeof setUp>['interview']>,
	interviewerId: string,
	scores: Record<string, number>,
	recommendation: Recommendation,
	submit = true
) {
	const result = saveRating(db, interview, interviewerId, {
		scores,
		notes: '',
		recommendation,
		submit
	});
	if (!result.ok) throw new Error(result.problem);
}

describe('the kept interview summary', () => {
	it('equals what summarizePanel works out after every kind of write', () => {
		const s = setUp();
		const interview = s.interview('Ada');
		const check = () => expect(kept(s.db, interview.id)).toEqual(workedOut(s.db, interview.id));
		check(); // created: a panel of two, nothing rated
		expect(kept(s.db, interview.id)).toMatchObject({ panelSize: 2, submitted: 0, score: null });

		rate(s.db, interview, s.panelist.id, scoresOf(4, 3), 'yes', false); // a draft counts for nothing
		check();
		expect(kept(s.db, interview.id).submitted).toBe(0);

		rate(s.db, interview, s.panelist.id, scoresOf(4, 3, 5), 'yes'); // submitted
		check();
		rate(s.db, interview, s.admin.id, scoresOf(1, 2), 'strong-no'); // a second one, far apart
		check();
		expect(kept(s.db, interview.id)).toMatchObject({
			submitted: 2,
			yes: 1,
			strongNo: 1,
			spread: 4
		});

		// Writes no service makes as such, with the summary worked out again as a service would.
		const written = (write: (tx: Db) => void) =>
			s.db.transaction((tx) => {
				write(tx);
				refreshInterviewSummary(tx, interview.id);
			});
		written((tx) =>
			tx.insert(interviewPanel).values({ interviewId: interview.id, userId: s.lead.id }).run()
		); // the panel grows
		check();
		written((tx) =>
			tx
				.delete(ratings)
				.where(and(eq(ratings.interviewId, interview.id), eq(ratings.interviewerId, s.admin.id)))
				.run()
		); // a rating withdrawn
		check();
		written((tx) =>
			tx
				.delete(interviewPanel)
				.where(
					and(eq(interviewPanel.interviewId, interview.id), eq(interviewPanel.userId, s.admin.id))
				)
				.run()
		); // and its rater leaves
		check();
		expect(kept(s.db, interview.id)).toMatchObject({ panelSize: 2, submitted: 1, strongNo: 0 });

		const attempt = startInterviewAttempt(s.db, interview, 'text'); // the role-play runs: no automatic score yet
		check();
		submitTurn(
			s.db,
			attempt.id,
			{ mode: 'text', reply: 'Hello, this is Ada from Rehearse.' },
			0,
			new Date(Date.now() + 60 * 60_000)
		); // ends (time out)
		check();
		expect(kept(s.db, interview.id).autoScore).not.toBeNull();
		overrideAttemptScore(s.db, interviewAttempt(s.db, interview.id)!, {
			score: 88,
			reason: 'context',
			comment: 'Line dropped',
			userId: s.lead.id
		}); // rescored
		check();
		expect(kept(s.db, interview.id).autoScore).toBe(88);
		// A live record started for the same interview is not its automatic score (an online one).
		const live = startInterviewAttempt(s.db, interview, 'live');
		check();
		expect(kept(s.db, interview.id).autoScore).toBe(88);
		// Another online role-play started: none until it ends; hung up, it counts as it stands.
		const again = startInterviewAttempt(s.db, interview, 'text', new Date(Date.now() + 1000));
		check();
		expect(kept(s.db, interview.id).autoScore).toBeNull();
		expect(hangUp(s.db, again.id).ok).toBe(true);
		check();
		expect(kept(s.db, interview.id).autoScore).toBe(0);
		expect(hangUp(s.db, live.id).ok).toBe(true);
		check();
		// A panelist whose account is deleted takes their rating and seat along.
		rate(s.db, interview, s.lead.id, scoresOf(2), 'no');
		check();
		expect(kept(s.db, interview.id)).toMatchObject({ panelSize: 2, submitted: 2, no: 1 });
		expect(deleteUser(s.db, s.admin.id, s.lead.id)).toEqual({ ok: true });
		check();
		expect(kept(s.db, interview.id)).toMatchObject({ panelSize: 1, submitted: 1, no: 0 });
	});

	it('follows a live interview’s record: started, timed out when next opened, rescored', () => {
		const s = setUp();
		const interview = s.interview('Bo', 'Phone sales', 'live');
		const check = () => expect(kept(s.db, interview.id)).toEqual(workedOut(s.db, interview.id));
		const start = new Date(Date.now() - 24 * 60 * 60_000);
		const record = startInterviewAttempt(s.db, interview, 'live', start);
		check();
		expect(kept(s.db, interview.id).autoScore).toBeNull();
		expect(expireIfDue(s.db, record).status).toBe('timeout');
		check();
		expect(kept(s.db, interview.id).autoScore).not.toBeNull();
		overrideAttemptScore(s.db, interviewAttempt(s.db, interview.id, 'live')!, {
			score: 61,
			reason: 'context',
			comment: 'Judged by hand',
			userId: s.lead.id
		});
		check();
		expect(kept(s.db, interview.id).autoScore).toBe(61);
	});

	it('stays exact with decimal weights and halves to round, for many panels', () => {
		const s = setUp();
		let seed = 7;
		const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
		for (let i = 0; i < 40; i++) {
			const interview = s.interview(`C${i}`);
			// Another pinned rubric: weights 0.1–9.9 in tenths (recomputes the summary, as any change of it would).
			const rubric = {
				id: 'pinned',
				title: 'Pinned',
				criteria: HIRING_CRITERIA.map((id) => ({
					id,
					title: id,
					weight: (1 + random(99)) / 10,
					anchors: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' }
				}))
			};
			s.db.transaction((tx) => {
				tx.update(interviews).set({ rubric }).where(eq(interviews.id, interview.id)).run();
				refreshInterviewSummary(tx, interview.id);
			});
			const pinned = { ...interview, rubric };
			rate(
				s.db,
				pinned,
				s.panelist.id,
				scoresOf(...HIRING_CRITERIA.map(() => 1 + random(5))),
				'yes'
			);
			if (random(2))
				rate(s.db, pinned, s.admin.id, scoresOf(...HIRING_CRITERIA.map(() => 1 + random(5))), 'no');
			expect(kept(s.db, interview.id)).toEqual(workedOut(s.db, interview.id));
		}
	});

	it('goes with its interview: a deleted candidate leaves no summary', () => {
		const s = setUp();
		const interview = s.interview('Ada');
		rate(s.db, interview, s.panelist.id, scoresOf(4), 'yes');
		deleteCandidate(s.db, s.admin.id, interview.candidateId);
		expect(s.db.select().from(interviewSummaries).all()).toEqual([]);
	});
});

describe('the comparison page', () => {
	const page = (
		s: ReturnType<typeof setUp>,
		user: ReturnType<typeof setUp>['lead'],
		sort: ComparisonSort = 'score',
		pageNumber: string | null = null,
		position: string | null = 'Phone sales'
	) => comparisonPage(s.db, user, { position, sort, page: pageNumber });

	it('shows 25 interviews a page, sorted on the server, and says how many there are', () => {
		const s = setUp();
		const made = Array.from({ length: 30 }, (_, i) =>
			s.interview(
				`Cand ${String(i).padStart(2, '0')}`,
				'Phone sales',
				'online',
				new Date(Date.UTC(2026, 5, 1 + i))
			)
		);
		// Seen by a panelist: their panel's figures are open to them where they have submitted theirs.
		made
			.slice(0, 3)
			.forEach((interview, i) => rate(s.db, interview, s.panelist.id, scoresOf(2 + i), 'yes'));
		const first = page(s, s.panelist);
		expect(first.total).toBe(30);
		expect(first.pager).toEqual({ current: 1, total: 2 });
		expect(first.rows).toHaveLength(25);
		// Best score first, the unscored after them, latest first.
		expect(first.rows.slice(0, 4).map(([, candidate]) => candidate)).toEqual([
			'Cand 02',
			'Cand 01',
			'Cand 00',
			'Cand 29'
		]);
		const second = page(s, s.panelist, 'score', '2');
		expect(second.rows.map(([, candidate]) => candidate)).toEqual([
			'Cand 07',
			'Cand 06',
			'Cand 05',
			'Cand 04',
			'Cand 03'
		]);
		expect(page(s, s.panelist, 'score', '9').pager.current).toBe(2);
		expect(page(s, s.panelist, 'candidate', '2').rows.map(([, candidate]) => candidate)).toEqual([
			'Cand 25',
			'Cand 26',
			'Cand 27',
			'Cand 28',
			'Cand 29'
		]);
		expect(page(s, s.panelist, 'date').rows[0]![1]).toBe('Cand 29');
		// The CSV keeps every row.
		expect(comparePosition(s.db, s.panelist, 'Phone sales')).toHaveLength(30);
	});

	it('shows a new rating, a renamed candidate and a cancelled interview on the next view', () => {
		const s = setUp();
		const [a, b] = [
			s.interview('Ada'),
			s.interview('Bo', 'Phone sales', 'live', new Date('2026-06-02T09:00:00Z'))
		];
		rate(s.db, a, s.panelist.id, scoresOf(3), 'yes');
		expect(page(s, s.panelist).rows.map(([, candidate]) => candidate)).toEqual(['Ada', 'Bo']);
		rate(s.db, b, s.panelist.id, scoresOf(5), 'strong-yes');
		expect(
			page(s, s.panelist).rows.map(([, candidate, , , score, , strongYes]) => [
				candidate,
				score,
				strongYes
			])
		).toEqual([
			['Bo', 100, 1],
			['Ada', 50, 0]
		]);
		// No service renames a candidate yet: one that did would work the summaries out again with it.
		s.db.transaction((tx) => {
			tx.update(candidates).set({ name: 'Bob' }).where(eq(candidates.id, b.candidateId)).run();
			refreshInterviewSummary(tx, b.id);
		});
		expect(page(s, s.panelist).rows[0]![1]).toBe('Bob');
		s.db.update(interviews).set({ cancelledAt: new Date() }).where(eq(interviews.id, b.id)).run();
		const after = page(s, s.panelist);
		expect(after.total).toBe(1);
		expect(after.rows.map(([, candidate]) => candidate)).toEqual(['Ada']);
	});

	it('shows each manager only what they may see, and follows changes to who may', () => {
		const s = setUp();
		s.interview('Ada');
		s.interview('Eve', 'Field sales');
		expect(page(s, s.outsider, 'score', null, null)).toMatchObject({
			positions: [],
			total: 0,
			rows: []
		});
		expect(page(s, s.lead, 'score', null, null)).toMatchObject({
			positions: ['Field sales', 'Phone sales'],
			position: 'Field sales',
			total: 1
		});
		addTeamMember(s.db, s.team.id, s.outsider.id, 'manager');
		expect(page(s, s.outsider).rows.map(([, candidate]) => candidate)).toEqual(['Ada']);
		removeTeamMember(s.db, s.team.id, s.outsider.id);
		expect(page(s, s.outsider)).toMatchObject({ positions: [], rows: [] });
		// Another user's view, kept just before, is not theirs.
		expect(page(s, s.admin).rows).toHaveLength(1);
		expect(page(s, s.outsider).rows).toHaveLength(0);
	});
});
