import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import {
	CONTENT_LOCALES,
	parseContentFile,
	type ContentLocale,
	type Scenario,
	type Series
} from '../content';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';
import { phrasebookOf } from '../scoring/lexicon';
import { playtestSeries } from './playtest';

// The playtest bots over the shipped series: each call's good replies, played in order with the
// facts the calls before it left, win the series; the bad ones do not.
const lexicons = shippedLexicons();

function shipped<T>(locale: ContentLocale, kind: string, id: string): T {
	const path = `${locale}/${kind}/${id}.yaml`;
	const parsed = parseContentFile(path, readFileSync(`content/${path}`, 'utf8'));
	if (!parsed.ok) throw new Error(`${path} does not parse`);
	return parsed.item.data as T;
}

function playtest(locale: ContentLocale, series: Series) {
	const scenarios = new Map(
		series.calls.map((call) => [
			call.scenario,
			shipped<Scenario>(locale, 'scenarios', call.scenario)
		])
	);
	const phrasebook = phrasebookOf(lexicons.filter((l) => l.locale === locale).map((l) => l.data));
	return playtestSeries(series, scenarios, phrasebook);
}

const everySeries = CONTENT_LOCALES.flatMap((locale) =>
	readdirSync(`content/${locale}/series`).map((name) => ({
		locale,
		id: name.replace(/\.yaml$/, '')
	}))
);

describe('the playtest bots over the shipped series', () => {
	it.each(everySeries)(
		'$locale/$id: the good replies win every call and keep every promise; the bad ones do not win',
		({ locale, id }) => {
			const { runs, problems } = playtest(locale, shipped<Series>(locale, 'series', id));
			expect(problems).toEqual([]);
			const [good, bad] = runs;
			expect(good!.calls.map((call) => call.ended)).toEqual(good!.calls.map(() => 'won'));
			expect(good!.result.promises.every((p) => p.state === 'kept')).toBe(true);
			expect(bad!.won).toBe(false);
		}
	);

	it.each(CONTENT_LOCALES)(
		'%s lin-fasteners: each promise is kept in the call after it, the evidence grows call by call, and the sale closes',
		(locale) => {
			const [good] = playtest(locale, shipped<Series>(locale, 'series', 'lin-fasteners')).runs;
			expect(good!.result.promises.map((p) => [p.id, p.madeIn, p.keptIn])).toEqual([
				['send-catalogue', 1, 2],
				['visit-with-report', 3, 4],
				['call-for-decision', 4, 5]
			]);
			expect(good!.result.calls.map((call) => call.evidence.strength)).toEqual([
				'medium',
				'strong',
				'very-strong',
				'very-strong',
				'very-strong'
			]);
			expect(good!.result.outcome).toBe('won');
		}
	);

	it.each(CONTENT_LOCALES)(
		'%s xusheng-packaging: the summary promised in call 2 is kept in call 4, and a customer not ready ends in a nurture plan, with no paperwork evidence',
		(locale) => {
			const [good] = playtest(locale, shipped<Series>(locale, 'series', 'xusheng-packaging')).runs;
			expect(good!.result.promises.map((p) => [p.id, p.madeIn, p.keptIn])).toEqual([
				['send-material', 1, 2],
				['summary-for-chairman', 2, 4]
			]);
			expect(good!.result.calls.map((call) => call.evidence.strength)).toEqual([
				'medium',
				'strong',
				'strong',
				'strong',
				'strong'
			]);
			expect(good!.calls.at(-1)!.path.at(-1)).toBe('nurture');
			expect(good!.result.outcome).toBe('won');
		}
	);
});

describe('what the bots report', () => {
	const series = shipped<Series>('en', 'series', 'lin-fasteners');

	it("the scenario's own replies, made for the call alone, run out where the customer remembers the promise", () => {
		const standalone: Series = {
			...series,
			calls: series.calls.map(({ examples: _, ...call }) => call)
		};
		expect(playtest('en', standalone).problems).toEqual([
			expect.objectContaining({
				path: ['calls', 1, 'scenario'],
				code: 'series-good-fails',
				values: expect.objectContaining({
					call: 2,
					ended: null,
					beats: ['greet', 'never-got-it', 'never-got-it']
				})
			})
		]);
	});

	it('every call won but a promise broken is no win', () => {
		const late: Series = {
			...series,
			promises: [
				{
					id: 'visit',
					made: 'callback-booked',
					kept: 'meeting-booked',
					by: 2,
					label: 'Book the visit'
				}
			]
		};
		expect(playtest('en', late).problems).toEqual([
			expect.objectContaining({
				code: 'series-good-fails',
				values: expect.objectContaining({ broken: ['visit'] })
			})
		]);
	});

	it('bad replies that win the whole series are reported', () => {
		const scenarios = new Map(
			series.calls.map((call) => [
				call.scenario,
				shipped<Scenario>('en', 'scenarios', call.scenario)
			])
		);
		const goodAsBad: Series = {
			...series,
			calls: series.calls.map((call) => ({
				...call,
				examples: {
					...call.examples,
					bad: call.examples?.good ?? scenarios.get(call.scenario)!.examples.good
				}
			}))
		};
		expect(playtest('en', goodAsBad).problems).toEqual([
			expect.objectContaining({ code: 'series-bad-wins', path: ['calls', 0, 'scenario'] })
		]);
	});
});
