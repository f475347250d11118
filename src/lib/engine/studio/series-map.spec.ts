import { describe, expect, it } from 'vitest';
import { parseContentFile, type Scenario, type Series } from '../content';
import { validateSeries } from '../series/check';
import { CLOSING, FIRST_CALL, FOLLOW_UP, SERIES } from '../series/series.fixture';
import { seriesMap } from './series-map';
import { boxLines } from './graph-box';

function parsed<T>(path: string, text: string): T {
	const result = parseContentFile(path, text);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	return result.item.data as T;
}
const scenarios = new Map<string, Scenario>(
	Object.entries({ 'first-call': FIRST_CALL, 'follow-up': FOLLOW_UP, closing: CLOSING }).map(
		([id, text]) => [id, parsed<Scenario>(`en/scenarios/${id}.yaml`, text)]
	)
);
const series = parsed<Series>('en/series/lin-hardware.yaml', SERIES);

describe('seriesMap', () => {
	it('lists each fact with the calls that set it, to which values, and the calls that read it', () => {
		const map = seriesMap(series, scenarios, validateSeries(series, scenarios));
		expect(map.calls.map((call) => [call.scenario, call.title, call.unreachableAfter])).toEqual([
			['first-call', 'First call', null],
			['follow-up', 'Follow-up', null],
			['closing', 'Closing', null]
		]);
		expect(map.facts).toEqual([
			{
				fact: 'material-sent',
				values: [false, true],
				setBy: [0, 1],
				readBy: [1],
				readUnset: [],
				arrows: [{ from: 0, to: 1 }]
			},
			{
				fact: 'decision-maker',
				values: ['Mrs. Lin'],
				setBy: [0],
				readBy: [],
				readUnset: [],
				arrows: []
			},
			{
				fact: 'trial-booked',
				values: [true],
				setBy: [1],
				readBy: [2],
				readUnset: [],
				arrows: [{ from: 1, to: 2 }]
			}
		]);
	});

	it('says which calls can make and keep each promise', () => {
		const map = seriesMap(series, scenarios);
		expect(map.promises).toEqual([
			{
				id: 'send-catalogue',
				label: 'Send him the catalogue',
				madeBy: [0, 1],
				keptBy: [0, 1],
				arrow: { from: 0, to: 1 }
			}
		]);
	});

	it('places a fact read before it is set, and a call no path reaches, on the calls', () => {
		// The closing call first: it reads the trial booked, which only the follow-up sets, and it ends lost without it.
		const reordered: Series = {
			...series,
			calls: [series.calls[2]!, series.calls[0]!, series.calls[1]!]
		};
		const map = seriesMap(reordered, scenarios, validateSeries(reordered, scenarios));
		const trial = map.facts.find((f) => f.fact === 'trial-booked');
		expect(trial?.readUnset).toEqual([{ call: 0, beat: 'greet' }]);
		// Read in call 1, set only in call 3: no arrow goes back in time.
		expect(trial?.arrows).toEqual([]);
		expect(map.calls.map((call) => call.unreachableAfter)).toEqual([null, 1, null]);
	});

	it('reads a half-written series: a call without a scenario, a promise naming no fact yet', () => {
		const map = seriesMap(
			{
				calls: [{ scenario: 'first-call' }, { scenario: '' }],
				promises: [{ id: 'p', made: '', kept: { 'material-sent': true }, label: '' }]
			},
			scenarios
		);
		expect(map.calls[1]).toEqual({ scenario: '', title: null, unreachableAfter: null });
		expect(map.facts.map((f) => f.fact)).toEqual(['material-sent', 'decision-maker']);
		expect(map.promises).toEqual([{ id: 'p', label: '', madeBy: [], keptBy: [0], arrow: null }]);
	});
});

describe('boxLines', () => {
	it('breaks a long title after a space over two lines, and cuts what is left', () => {
		expect(boxLines('Lin Fasteners (2): following up the catalogue', 17)).toEqual([
			'Lin Fasteners',
			'(2): following u…'
		]);
		expect(boxLines('Short title', 17)).toEqual(['Short title']);
	});

	it('breaks Chinese anywhere, counting each character twice', () => {
		expect(boxLines('林記螺絲（二）：追蹤型錄，他記得你的承諾', 16)).toEqual([
			'林記螺絲（二）',
			'：追蹤型錄，他…'
		]);
	});
});
