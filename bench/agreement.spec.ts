import { describe, expect, inject, it } from 'vitest';
import { priceCall } from '../src/lib/testing/price-call.fixture';
import { compileScenario } from '../src/lib/engine/scenario';
import {
	readCorpusFiles,
	scenarioLookup,
	scoreCorpus,
	type ScenarioLookup
} from '../scoring/graded-replies';
import { NO_PHRASEBOOK } from '../src/lib/engine/scoring/score';
import { benchAgreement } from './agreement';

const scenario = priceCall();
const compiled = compileScenario(scenario, NO_PHRASEBOOK);
const lookup: ScenarioLookup = (locale, id) =>
	locale === 'en' && id === scenario.id ? compiled : undefined;
const GOOD = 'Good morning Mr Wang, this is Kevin calling from MetalHub. Do you have a minute?';
const BAD = 'Hi, we have a discount for you today.';

function corpus(
	...lines: { part: string; grade: number; reply: string; beat?: string; scenario?: string }[]
) {
	const text = lines
		.map(({ beat = 'greet', ...line }) =>
			JSON.stringify({
				locale: 'en',
				scenario: scenario.id,
				beat,
				reason: 'test',
				kinds: [],
				...line
			})
		)
		.join('\n');
	return [{ path: 'corpus/en.jsonl', text }];
}

describe('the agreement rows of the bench', () => {
	it(
		'give each language ρ against 0.8 and two counts that must be 0, from the shipped corpus',
		{ timeout: 30_000 },
		() => {
			// The shipped content, checked once for the run (shipped-content.global.ts).
			const rows = benchAgreement(scenarioLookup(inject('shippedContent')));
			for (const locale of ['en', 'zh-TW']) {
				const mine = rows.filter((row) => row.name.startsWith(`scoring ${locale}: `));
				expect(mine.map((row) => row.target)).toEqual(['≥ 0.80', '0', '0']);
				expect(mine[0]!.name).toMatch(/held-out \(\d+ replies\)/);
				expect(mine[0]!.figure).toBe(mine[0]!.value.toFixed(2));
			}
		}
	);

	it(
		'score each corpus reply as if alone, whatever was scored before it in the process',
		{ timeout: 120_000 },
		() => {
			const shipped = scenarioLookup(inject('shippedContent'));
			const files = readCorpusFiles();
			const forwards = scoreCorpus(files, shipped).replies;
			// The same lines the other way round: every reply follows other replies than before.
			const reversed = files
				.map((file) => ({ ...file, text: file.text.split('\n').reverse().join('\n') }))
				.reverse();
			const backwards = scoreCorpus(reversed, shipped).replies.reverse();
			expect(backwards.length).toBe(forwards.length);
			const differ = forwards.filter((reply, i) => backwards[i]!.score !== reply.score);
			expect(differ.map((reply) => `${reply.file}:${reply.line}`)).toEqual([]);
		}
	);

	it('count only held-out replies that break a target', () => {
		const rows = benchAgreement(
			lookup,
			corpus(
				{ part: 'held-out', grade: 1, reply: GOOD },
				{ part: 'held-out', grade: 5, reply: BAD },
				{
					part: 'held-out',
					grade: 3,
					reply: 'I understand. How many inquiries do you get a month?',
					beat: 'price'
				},
				// The same in the tuning part: not counted.
				{ part: 'tuning', grade: 1, reply: GOOD },
				{ part: 'tuning', grade: 5, reply: BAD }
			)
		);
		const en = rows.filter((row) => row.name.startsWith('scoring en: '));
		expect(en[0]!.name).toContain('(3 replies)');
		expect(en[0]!.holds).toBe(false);
		expect(en.slice(1).map((row) => row.value)).toEqual([1, 1]);
		// No zh-TW replies: nothing to correlate, and the target does not hold.
		expect(rows.find((row) => row.name.startsWith('scoring zh-TW: '))).toMatchObject({
			figure: 'NaN',
			holds: false
		});
	});

	it('stop the bench on a corpus line that names a beat the content does not have, with its file and line', () => {
		expect(() =>
			benchAgreement(
				lookup,
				corpus(
					{ part: 'held-out', grade: 3, reply: GOOD },
					{ part: 'held-out', grade: 3, reply: GOOD, beat: 'farewell' }
				)
			)
		).toThrow('corpus/en.jsonl:2: scenario "price-call" (en) has no beat "farewell"');
		expect(() =>
			benchAgreement(lookup, corpus({ part: 'held-out', grade: 3, reply: GOOD, scenario: 'nope' }))
		).toThrow('corpus/en.jsonl:1: no scenario "nope" in en');
		expect(() => benchAgreement(lookup, corpus({ part: 'later', grade: 3, reply: GOOD }))).toThrow(
			'corpus/en.jsonl:1: part: must be one of: tuning, held-out'
		);
	});
});
