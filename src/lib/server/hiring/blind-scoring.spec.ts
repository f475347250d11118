import { describe, expect, it } from 'vitest';
import { HIRING_CRITERIA, hiringWorld } from '../testing/hiring-world';
import {
	comparePosition,
	comparisonPage,
	submittedRatingsFor,
	type ComparisonSort
} from './comparison';
import { saveRating } from './ratings';
import { panelView } from './interview-view';
import { candidateDataAccess, exportHeldBack } from './candidate-data';
import type { Interview } from '../db/schema';
import type { SessionUser } from '../auth/session';

const all = (score: number) => Object.fromEntries(HIRING_CRITERIA.map((id) => [id, score]));

/**
 * Two managers on a panel (first and second), the team's lead who is not on it, an admin who is
 * not on it either. The first has submitted; the second has saved a draft.
 */
function setUp() {
	const { db, person, admin, lead, interview: interviewOf } = hiringWorld();
	const first = person('first', ['manager']);
	const second = person('second', ['manager']);
	const interview = (
		name: string,
		scheduledAt: string,
		panel: SessionUser[] = [first, second]
	): Interview =>
		interviewOf(name, {
			contact: `${name}@example.com`,
			createdBy: lead,
			scheduledAt: new Date(scheduledAt),
			panel
		});
	function rate(
		on: Interview,
		who: SessionUser,
		score: number,
		submit: boolean,
		notes = `${who.name}'s notes`
	) {
		const result = saveRating(db, on, who.id, {
			scores: all(score),
			notes,
			recommendation: score >= 4 ? 'strong-yes' : 'no',
			submit
		});
		if (!result.ok) throw new Error(result.problem);
	}
	const ada = interview('Ada', '2026-06-01T09:00:00Z');
	rate(ada, first, 5, true);
	rate(ada, second, 2, false);
	return { db, admin, first, second, lead, ada, interview, rate };
}

type World = ReturnType<typeof setUp>;
const viewers = ['first', 'second', 'lead', 'admin'] as const;

/** Everything a user can open that could show the panel's ratings of Ada's interview. */
function whatTheySee(s: World, who: (typeof viewers)[number]) {
	const user = s[who];
	const view = panelView(s.db, user, s.ada.id, s.ada.rubric);
	const [row] = comparisonPage(s.db, user, {
		position: 'Phone sales',
		sort: 'score',
		page: null
	}).rows;
	const [csvRow] = comparePosition(s.db, user, 'Phone sales');
	return {
		page: {
			others: view.others.map((r) => r.notes),
			summary: view.summary?.score ?? null,
			mine: view.mine?.notes ?? null
		},
		comparison: row!.slice(4, 10),
		csv: csvRow!.slice(4, 10),
		calibration: submittedRatingsFor(s.db, user)
			.map((r) =>
				r.interviewerId === s.first.id
					? 'first'
					: r.interviewerId === s.second.id
						? 'second'
						: 'other'
			)
			.sort(),
		exportHeld: exportHeldBack(s.db, user, s.ada.candidateId)
	};
}

const HIDDEN = [null, null, null, null, null, null];

describe('blind scoring, everywhere ratings show', () => {
	it.each([
		// Submitted: sees the panel's submitted figures, never the second's draft (so no export yet).
		[
			'first',
			{
				page: { others: [], summary: 100, mine: "first's notes" },
				comparison: [100, 0, 1, 0, 0, 0],
				calibration: ['first'],
				exportHeld: true
			}
		],
		// Not submitted: nothing but their own draft.
		[
			'second',
			{
				page: { others: [], summary: null, mine: "second's notes" },
				comparison: HIDDEN,
				calibration: [],
				exportHeld: true
			}
		],
		// Off the panel: nothing until the panel is complete.
		[
			'lead',
			{
				page: { others: [], summary: null, mine: null },
				comparison: HIDDEN,
				calibration: [],
				exportHeld: true
			}
		],
		// An admin off the panel: the same on every page, but the privacy export stays complete.
		[
			'admin',
			{
				page: { others: [], summary: null, mine: null },
				comparison: HIDDEN,
				calibration: [],
				exportHeld: false
			}
		]
	] as const)('before the panel is complete, %s sees %j', (who, expected) => {
		const s = setUp();
		const seen = whatTheySee(s, who);
		expect(seen).toEqual({ ...expected, csv: expected.comparison });
	});

	it('once every panelist has submitted, everyone who may see the interview sees the panel, and the export opens', () => {
		const s = setUp();
		s.rate(s.ada, s.second, 2, true);
		const others = {
			first: ["second's notes"],
			second: ["first's notes"],
			lead: ["first's notes", "second's notes"],
			admin: ["first's notes", "second's notes"]
		};
		for (const who of viewers) {
			const seen = whatTheySee(s, who);
			expect(seen.page.summary, who).toBe(62.5);
			expect(seen.page.others.sort(), who).toEqual(others[who]);
			expect(seen.comparison, who).toEqual([62.5, 3, 1, 0, 1, 0]);
			expect(seen.calibration, who).toEqual(['first', 'second']);
			expect(seen.exportHeld, who).toBe(false);
		}
	});

	it('holds back the export from an admin who sits on the panel and has not submitted', () => {
		const s = setUp();
		const bo = s.interview('Bo', '2026-06-02T09:00:00Z', [s.first, s.admin]);
		s.rate(bo, s.first, 4, true);
		expect(candidateDataAccess(s.db, s.admin, bo.candidateId)).toBe('full');
		expect(exportHeldBack(s.db, s.admin, bo.candidateId)).toBe(true);
		s.rate(bo, s.admin, 3, true);
		expect(exportHeldBack(s.db, s.admin, bo.candidateId)).toBe(false);
	});
});

describe('the comparison’s order tells nothing hidden', () => {
	const names = (s: World, user: SessionUser, sort: ComparisonSort) =>
		comparisonPage(s.db, user, { position: 'Phone sales', sort, page: null }).rows.map(
			([, candidate]) => candidate
		);

	it('hidden interviews sort as if nothing were submitted, and take their place once the viewer may see them', () => {
		const s = setUp();
		// Ada (scored 100 by the first, earlier) and Bo (scored 0 by the first, later, far apart from the second).
		const bo = s.interview('Bo', '2026-06-02T09:00:00Z');
		s.rate(bo, s.first, 1, true);
		s.rate(bo, s.second, 5, true);
		// The lead sees Bo's complete panel; Ada's still waits for the second: it sorts as unscored.
		expect(names(s, s.lead, 'score')).toEqual(['Bo', 'Ada']);
		expect(names(s, s.lead, 'spread')).toEqual(['Ada', 'Bo']);
		// The second submits Ada with the first's very scores: the kept figures do not change, what the lead may see does.
		s.rate(s.ada, s.second, 5, true);
		expect(names(s, s.lead, 'score')).toEqual(['Ada', 'Bo']);
		expect(names(s, s.lead, 'spread')).toEqual(['Ada', 'Bo']);
	});
});
