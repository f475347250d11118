import { describe, expect, it } from 'vitest';
import { averageRanks, passLineOf, spearman, summarizeAgreement } from './agreement';

describe('averageRanks', () => {
	it('ranks from 1 in the order given, tied values sharing the mean of their ranks', () => {
		expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
		expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
		expect(averageRanks([0.5, 0.5, 0.5])).toEqual([2, 2, 2]);
		expect(averageRanks([])).toEqual([]);
	});
});

describe('spearman', () => {
	it('is 1 for the same order and −1 for the reverse, whatever the spacing', () => {
		expect(spearman([1, 2, 3, 4, 5], [2, 4, 6, 8, 100])).toBeCloseTo(1, 12);
		expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 12);
	});

	it('matches 1 − 6Σd² ÷ n(n² − 1) without ties', () => {
		// d = −1, 1, −1, 1, 0: 1 − 6·4 ÷ (5·24) = 0.8
		expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
	});

	it('correlates average ranks when there are ties, where the shortcut formula is off', () => {
		// Ranks 1 2 3 4 against 1 2.5 2.5 4: covariance 4.5, variances 5 and 4.5, so ρ = √0.9
		// (the shortcut would give 0.95).
		expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(Math.sqrt(0.9), 12);
		// Ties on both sides: ranks 1.5 1.5 3 4 against 1 2.5 2.5 4: 3.75 ÷ 4.5
		expect(spearman([1, 1, 2, 3], [1, 2, 2, 3])).toBeCloseTo(5 / 6, 12);
	});

	it('is NaN when there is nothing to correlate, and refuses unpaired lists', () => {
		expect(spearman([1], [1])).toBeNaN();
		expect(spearman([1, 2, 3], [4, 4, 4])).toBeNaN();
		expect(() => spearman([1, 2], [1])).toThrow('pairs');
	});
});

describe('passLineOf', () => {
	it('is the minScore of the first rule that has one', () => {
		const guarded = [
			{ maxTries: 2, goto: 'guarded' },
			{ minScore: 0.3, goto: 'message' },
			{ minScore: 0.6, goto: 'ally' },
			{ goto: 'hangup' }
		];
		expect(passLineOf({ next: guarded })).toBe(0.3);
		expect(passLineOf({ next: [{ minScore: 0.6, goto: 'price' }, { goto: 'hangup' }] })).toBe(0.6);
	});

	it('is null for a beat whose rules ask for no score', () => {
		expect(passLineOf({ next: [{ goto: 'hangup' }] })).toBeNull();
		expect(passLineOf({ next: [] })).toBeNull();
	});
});

describe('summarizeAgreement', () => {
	const replies = [
		{ id: 'a', grade: 5, score: 0.9, passLine: 0.6, kinds: [] },
		{ id: 'b', grade: 4, score: 0.3, passLine: 0.6, kinds: ['paraphrase'] },
		{ id: 'c', grade: 2, score: 0.6, passLine: 0.6, kinds: [] },
		{ id: 'd', grade: 1, score: 0.1, passLine: 0.6, kinds: ['gaming-keywords'] },
		{ id: 'e', grade: 1, score: 0.8, passLine: 0.6, kinds: ['gaming-repeat'] },
		{ id: 'f', grade: 3, score: 0.5, passLine: null, kinds: ['gaming-monologue'] }
	];
	const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

	it('gives ρ, and the count and mean score of every grade', () => {
		const summary = summarizeAgreement(replies);
		expect(summary.count).toBe(6);
		// Score ranks 6 2 4 1 5 3 against grade ranks 6 5 3 1.5 1.5 4: covariance 5.5, variances 17.5 and 17.
		expect(summary.rho).toBeCloseTo(5.5 / Math.sqrt(17.5 * 17), 12);
		expect(summary.grades.map((g) => [g.grade, g.count])).toEqual([
			[1, 2],
			[2, 1],
			[3, 1],
			[4, 1],
			[5, 1]
		]);
		expect(summary.grades[0]!.meanScore).toBeCloseTo(0.45, 12);
		expect(summary.grades.map((g) => g.meanScore).slice(1)).toEqual([0.6, 0.5, 0.3, 0.9]);
	});

	it('lists the replies whose score rank is furthest from their grade rank first', () => {
		const { worst } = summarizeAgreement(replies, { worst: 3 });
		// Gaps: a 0, b −3, c 1, d −0.5, e 3.5, f −1; c and f tie, c comes first in the corpus.
		expect(ids(worst.map((w) => w.reply))).toEqual(['e', 'b', 'c']);
		expect(worst[0]).toMatchObject({ scoreRank: 5, gradeRank: 1.5, gap: 3.5 });
		expect(worst[1]).toMatchObject({ scoreRank: 2, gradeRank: 5, gap: -3 });
	});

	it('names the replies that break each target, and the gaming replies that reach the pass line', () => {
		const summary = summarizeAgreement(replies);
		// Reaching the pass line exactly counts as passing, as it does in a role-play.
		expect(ids(summary.poorPassing)).toEqual(['c', 'e']);
		expect(ids(summary.goodScoredLow)).toEqual(['b']);
		// f has no pass line to reach; d stays under it.
		expect(ids(summary.gamingPassing)).toEqual(['e']);
		expect(summary.targets).toEqual({ rho: false, poorPassing: false, goodScoredLow: false });
	});

	it('holds every target when the score orders the replies as the grades do', () => {
		const agreeing = [1, 2, 3, 4, 5].map((grade) => ({
			grade,
			score: grade / 5 - 0.15,
			passLine: 0.6,
			kinds: []
		}));
		const summary = summarizeAgreement(agreeing);
		expect(summary.rho).toBeCloseTo(1, 12);
		expect(summary.targets).toEqual({ rho: true, poorPassing: true, goodScoredLow: true });
		expect(summary.worst.every((w) => w.gap === 0)).toBe(true);
	});

	it('does not hold the ρ target when there is nothing to correlate', () => {
		expect(summarizeAgreement([]).targets.rho).toBe(false);
		expect(summarizeAgreement([]).grades.every((g) => g.count === 0 && g.meanScore === null)).toBe(
			true
		);
	});
});
