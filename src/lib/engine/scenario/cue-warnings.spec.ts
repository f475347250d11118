import { describe, expect, it } from 'vitest';
import { cuesHitByBadAnswers } from './cue-warnings';
import { priceCall } from './price-call.fixture';

describe('cues that bad answers hit', () => {
	it('are none in a scenario whose bad answers are caught by pitfalls or make no point', () => {
		expect(cuesHitByBadAnswers(priceCall())).toEqual([]);
	});

	it('names the line, the key point, the cue and the bad answer it gives the point to', () => {
		const scenario = priceCall();
		scenario.beats.price!.choices = [{ text: 'How many times must I say it, you just do not get it.', quality: 'bad' }];
		expect(cuesHitByBadAnswers(scenario)).toEqual([{ beat: 'price', point: 'Asks about inquiries', cue: 'how many', reply: 'How many times must I say it, you just do not get it.' }]);
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
