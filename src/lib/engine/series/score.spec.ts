import { describe, expect, it } from 'vitest';
import { parseContentFile, type Series } from '../content';
import { scoreSeries, wonSeries, type PlayedCall } from './score';
import { SERIES } from './series.fixture';

const parsed = parseContentFile('en/series/lin-hardware.yaml', SERIES);
if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
const series = parsed.item.data as Series;

// Fixed runs of the fixture: first call, follow-up, closing.
const promised: PlayedCall = {
	score: 80,
	ending: 'won',
	facts: { 'material-sent': false, 'decision-maker': 'Mrs. Lin' }
};
const resent: PlayedCall = {
	score: 70,
	ending: 'won',
	facts: { 'material-sent': true, 'decision-maker': 'Mrs. Lin', 'trial-booked': true }
};
const forgot: PlayedCall = {
	score: 60,
	ending: 'won',
	facts: { 'material-sent': false, 'decision-maker': 'Mrs. Lin', 'trial-booked': true }
};
const closed = (facts: PlayedCall['facts']): PlayedCall => ({ score: 90, ending: 'won', facts });

describe('scoring a series', () => {
	it('a kept promise and a won sale: each part full, the score weighs calls, promises and outcome', () => {
		const result = scoreSeries(series, [promised, resent, closed(resent.facts)], true);
		expect(result.promises).toEqual([
			{
				id: 'send-catalogue',
				label: 'Send him the catalogue',
				madeIn: 1,
				due: 2,
				state: 'kept',
				keptIn: 2
			}
		]);
		expect(result.calls.map((c) => [c.call, c.made, c.kept, c.broken])).toEqual([
			[1, ['send-catalogue'], [], []],
			[2, [], ['send-catalogue'], []],
			[3, [], [], []]
		]);
		expect(result.outcome).toBe('won');
		expect(result.parts).toEqual({
			calls: { score: 80, weight: 0.5, played: 3, of: 3 },
			promises: { score: 100, weight: 0.25, kept: 1, broken: 0, open: 0 },
			outcome: { score: 100, weight: 0.25, outcome: 'won' }
		});
		expect(result.score).toBe(90); // 0.5 × 80 + 0.25 × 100 + 0.25 × 100
		expect(wonSeries(series, result)).toBe(true);
	});

	it('the evidence after each call is the strongest fact held, with what each says', () => {
		const result = scoreSeries(series, [promised, resent, closed(resent.facts)], true);
		expect(result.calls.map((c) => c.evidence.strength)).toEqual(['medium', 'strong', 'strong']);
		expect(result.calls.map((c) => c.evidence.rank)).toEqual([2, 3, 3]);
		expect(result.calls[1]!.evidence.held).toEqual([
			{ label: 'He booked a trial', strength: 'strong' },
			{ label: 'He named who decides', strength: 'medium' }
		]);
		const sentAtOnce = scoreSeries(
			series,
			[{ score: 90, ending: 'won', facts: { 'material-sent': true } }],
			false
		);
		expect(sentAtOnce.calls[0]!.evidence).toEqual({ strength: null, rank: 0, held: [] });
	});

	it('a promise not kept by the next call is broken there, and costs the cadence part', () => {
		const result = scoreSeries(series, [promised, forgot, closed(forgot.facts)], true);
		expect(result.promises.map((p) => [p.state, p.keptIn])).toEqual([['broken', null]]);
		expect(result.calls.map((c) => c.broken)).toEqual([[], ['send-catalogue'], []]);
		expect(result.parts.promises).toEqual({
			score: 0,
			weight: 0.25,
			kept: 0,
			broken: 1,
			open: 0
		});
		expect(result.score).toBe(63); // 0.5 × 76.7 + 0 + 0.25 × 100
		expect(wonSeries(series, result)).toBe(false);
	});

	it('while the run goes on: a promise not yet due is open, the outcome is in progress and weighs nothing', () => {
		const result = scoreSeries(series, [promised, { score: 40, ending: null, facts: null }], false);
		expect(result.calls).toHaveLength(1);
		expect(result.promises.map((p) => p.state)).toEqual(['open']);
		expect(result.outcome).toBe('in-progress');
		expect(result.parts.calls).toEqual({ score: 80, weight: 1, played: 1, of: 3 });
		expect(result.parts.promises.score).toBeNull();
		expect(result.parts.outcome).toEqual({ score: null, weight: 0, outcome: 'in-progress' });
		expect(result.score).toBe(80);
	});

	it('a run lost before a promise fell due breaks it, and the outcome is the lost call', () => {
		const hungUp: PlayedCall = { score: 30, ending: 'lost', facts: promised.facts };
		const result = scoreSeries(series, [hungUp], true);
		expect(result.promises.map((p) => [p.state, p.due])).toEqual([['broken', 2]]);
		expect(result.calls[0]!.broken).toEqual(['send-catalogue']);
		expect(result.outcome).toBe('lost');
		expect(result.score).toBe(15); // 0.5 × 30 + 0.25 × 0 + 0.25 × 0
		expect(wonSeries(series, result)).toBe(false);
	});

	it('a promise due by a later call stays open until that call, and a neutral ending is worth half', () => {
		const later: Series = { ...series, promises: [{ ...series.promises[0]!, by: 3 }] };
		const two = scoreSeries(later, [promised, forgot], false);
		expect(two.promises.map((p) => [p.state, p.due])).toEqual([['open', 3]]);
		const three = scoreSeries(
			later,
			[promised, forgot, { score: 50, ending: 'neutral', facts: resent.facts }],
			true
		);
		expect(three.promises.map((p) => [p.state, p.keptIn])).toEqual([['kept', 3]]);
		expect(three.parts.outcome.score).toBe(50);
		expect(wonSeries(later, three)).toBe(false);
	});

	it('a promise never made is not listed, and the other parts share its weight', () => {
		const sent = { 'material-sent': true, 'trial-booked': true };
		const result = scoreSeries(
			series,
			[
				{ score: 100, ending: 'won', facts: { 'material-sent': true } },
				{ score: 80, ending: 'won', facts: sent },
				closed(sent)
			],
			true
		);
		expect(result.promises).toEqual([]);
		expect(result.parts.calls.weight).toBeCloseTo(2 / 3);
		expect(result.parts.outcome.weight).toBeCloseTo(1 / 3);
		expect(result.score).toBe(93); // (2/3) × 90 + (1/3) × 100
	});
});
