import { describe, expect, it } from 'vitest';
import type { Scenario } from '../content/schemas';
import { goodChoiceUsuallyLongest } from './choice-warnings';
import { priceCall } from '../../testing/price-call.fixture';

type Choice = Scenario['beats'][string]['choices'][number];
const good = (text: string): Choice => ({ text, quality: 'good' });
const bad = (text: string): Choice => ({ text, quality: 'bad' });
const ok = (text: string): Choice => ({ text, quality: 'ok' });

/** The price call with these choices on its lines: the first on "greet", the next on "price", the rest on copies of "price". */
function withChoices(...lines: Choice[][]): Scenario {
	const scenario = priceCall();
	lines.forEach((choices, index) => {
		const id = index === 0 ? 'greet' : index === 1 ? 'price' : `price-${index}`;
		scenario.beats[id] = {
			...structuredClone(scenario.beats[id === 'greet' ? 'greet' : 'price']!),
			choices
		};
	});
	return scenario;
}

describe('a good choice that is usually the longest', () => {
	it('is named with the lines where it is, out of the lines that offer one', () => {
		const scenario = withChoices(
			[
				good('I understand, it is real money. How many inquiries came in?'),
				bad('Fine, ten percent off.')
			],
			[bad('Sign now.'), good('Good morning, this is Kevin from MetalHub; have you a minute?')],
			[ok('Sure.'), good('What did last year bring you, in orders?'), bad('Everyone says that.')]
		);
		expect(goodChoiceUsuallyLongest(scenario)).toEqual({
			beats: ['greet', 'price', 'price-2'],
			outOf: 3
		});
	});

	it('is fine when a weaker choice is as long or longer in half the lines', () => {
		const scenario = withChoices(
			[
				good('I understand. How many inquiries came in?'),
				bad('Let me tell you about all three of our plans, starting with Gold at NT$26,800.')
			],
			[bad('Sign now.'), good('Good morning, this is Kevin from MetalHub; have you a minute?')],
			[good('Twelve characters'), ok('Twelve letter')],
			[good('What did last year bring you?'), ok('We have lots of buyers, it will help.')]
		);
		// "Twelve characters" is longer than "Twelve letter", so two of four: not more than half.
		expect(goodChoiceUsuallyLongest(scenario)).toBeNull();
	});

	it('does not count a tie, lines without a weaker choice, or lines without choices', () => {
		const tie = withChoices(
			[good('abcdef'), bad('ghijkl')],
			[good('Only a good one, and long.')],
			[good('long good choice'), bad('short')],
			[good('long good choice'), bad('short')]
		);
		expect(goodChoiceUsuallyLongest(tie)).toEqual({ beats: ['price-2', 'price-3'], outOf: 3 });
	});

	it('says nothing on fewer than three lines with choices, and counts Chinese by characters', () => {
		expect(
			goodChoiceUsuallyLongest(
				withChoices(
					[good('了解，請問您一年接到多少詢價？'), bad('打折')],
					[good('您好，我是金屬網的小王。'), ok('您好')]
				)
			)
		).toBeNull();
		const chinese = withChoices(
			[good('了解，請問您一年接到多少詢價？'), bad('打折')],
			[good('您好，我是金屬網的小王。'), ok('您好')],
			[good('請問淡季是幾月？'), bad('我們有優惠，這個月要決定喔，過了就沒有了。')]
		);
		expect(goodChoiceUsuallyLongest(chinese)).toEqual({ beats: ['greet', 'price'], outOf: 3 });
	});
});
