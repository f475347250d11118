import { describe, expect, it } from 'vitest';
import { cuesHitByBadAnswers, examplesMisjudged } from './cue-warnings';
import { checkContentFiles } from '../content';
import { PRICE_CALL_YAML } from '../../testing/price-call.fixture';
import { priceCall } from '../../testing/price-call.fixture';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';
import { phrasebookOf } from '../scoring/lexicon';

describe('cues that bad answers hit', () => {
	it('are none in a scenario whose bad answers are caught by pitfalls or make no point', () => {
		expect(cuesHitByBadAnswers(priceCall())).toEqual([]);
	});

	it('names the line, the key point, the cue and the bad answer it gives the point to', () => {
		const scenario = priceCall();
		scenario.beats.price!.choices = [
			{ text: 'How many times must I say it, you just do not get it.', quality: 'bad' }
		];
		expect(cuesHitByBadAnswers(scenario)).toEqual([
			{
				beat: 'price',
				point: 'Asks about inquiries',
				cue: 'how many',
				reply: 'How many times must I say it, you just do not get it.'
			}
		]);
	});

	it('leaves out a bad answer that states a wrong fact: it is bad for that reason', () => {
		const english = phrasebookOf(
			shippedLexicons()
				.filter((l) => l.locale === 'en')
				.map((l) => l.data)
		);
		const withBad = (text: string) => {
			const scenario = priceCall();
			scenario.beats.price!.choices = [{ text, quality: 'bad' }];
			return cuesHitByBadAnswers(scenario, english).map((w) => w.cue);
		};
		expect(withBad('How many inquiries did you get? Gold is 26,800 a year.')).toContain('how many');
		expect(withBad('How many inquiries did you get? Gold is 26,800 plus tax.')).toEqual([]);
	});

	it('tries the bad examples on the line the playtest answered with them', () => {
		const scenario = priceCall();
		scenario.examples.bad = ['Hi, this is Amy. Nice weather.', 'How many more times, sign or not?'];
		// The first moves the customer on (its "this is" makes the point), so the second answers the price line.
		expect(cuesHitByBadAnswers(scenario).map((w) => [w.beat, w.cue])).toEqual([
			['greet', 'this is'],
			['price', 'how many']
		]);
	});
});

describe("a line's own examples", () => {
	it('are fine when the good ones reach the pass line and the bad ones do not', () => {
		const scenario = priceCall();
		scenario.beats.price!.examples = {
			good: ['I understand, it is a lot. How many inquiries did you get last year?'],
			bad: ['Fine, I will knock some off for you.']
		};
		expect(examplesMisjudged(scenario)).toEqual([]);
	});

	it('are named when the score gets them wrong, with the score and the pass line', () => {
		const scenario = priceCall();
		scenario.beats.price!.examples = {
			good: ['Sure, it is real money. What did last year bring you?'],
			bad: ['I understand. How many inquiries? Whatever, sign it.']
		};
		expect(
			examplesMisjudged(scenario).map(({ beat, quality, index, passLine }) => ({
				beat,
				quality,
				index,
				passLine
			}))
		).toEqual([
			{ beat: 'price', quality: 'good', index: 0, passLine: 0.6 },
			{ beat: 'price', quality: 'bad', index: 0, passLine: 0.6 }
		]);
	});

	it('are warnings of content:check on the line of the example', () => {
		const yaml = PRICE_CALL_YAML.replace(
			/(\n {2}price:\n)/,
			'$1    examples:\n      good:\n        - "Sure, it is real money. What did last year bring you?"\n'
		);
		const { problems, warnings } = checkContentFiles([
			{ path: 'en/scenarios/price-call.yaml', text: yaml }
		]);
		expect(problems).toEqual([]);
		const line = yaml.split('\n').findIndex((l) => l.includes('What did last year bring you?')) + 1;
		expect(warnings).toContainEqual(
			expect.objectContaining({
				file: 'en/scenarios/price-call.yaml',
				line,
				message: expect.stringContaining('its good example "Sure, it is real money.')
			})
		);
	});
});
