import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../content/schemas';
import * as v from 'valibot';
import {
	BadChoiceError,
	compileScenario,
	difficultiesOf,
	readRolePlay,
	startRolePlay,
	step,
	validateScenario
} from './index';
import { phrasebookOf } from '../scoring/lexicon';
import { scoreReply } from '../scoring/score';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';

/** The handbook's role-play in miniature: an opening, two difficulties with three levels, a close. */
const formerProductCall = () =>
	v.parse(scenarioSchema, {
		id: 'sold-before',
		title: 'Sell what you sold before',
		formerProduct: true,
		persona: { name: 'Mr. Lee', role: 'Owner', company: 'A shop' },
		minutes: 8,
		pass: 60,
		start: 'open',
		beats: {
			open: {
				customer: 'Hello? Who is this?',
				expect: [{ point: 'Says who they are', cues: ['my name'] }],
				next: [{ goto: 'price' }]
			},
			price: {
				name: 'Too expensive',
				difficulty: 'price',
				customer: 'That is too expensive.',
				variants: [
					{ when: { level: 'mild' }, line: 'Hmm, is it a bit pricey?' },
					{ when: { level: 'hard' }, line: 'Way too expensive. Forget it.' }
				],
				expect: [{ point: 'Acknowledges', cues: ['understand'] }],
				next: [
					{ minScore: 0.5, goto: 'scam' },
					{ maxTries: 2, goto: 'price', say: 'Still sounds expensive to me.' },
					{ goto: 'scam' }
				]
			},
			scam: {
				difficulty: 'trust',
				customer: 'Is this a scam?',
				variants: [{ when: { level: 'hard' }, line: 'You people are all scammers.' }],
				expect: [{ point: 'Offers proof', cues: ['check'] }],
				next: [{ minScore: 0.5, goto: 'close' }, { goto: 'close' }]
			},
			close: {
				customer: 'So what now?',
				expect: [{ point: 'Proposes a next step', cues: ['tomorrow'] }],
				next: [{ minScore: 0.5, goto: 'won' }, { goto: 'lost' }]
			},
			won: { end: 'won', customer: 'Fine, send it over.' },
			lost: { end: 'lost', customer: 'Bye.' }
		}
	});

describe('difficulties a live interviewer picks', () => {
	const scenario = formerProductCall();
	const compiled = compileScenario(scenario);

	it('are the beats marked as a difficulty, in the scenario’s order, named as the trainer named them', () => {
		expect(validateScenario(scenario)).toEqual([]);
		expect(difficultiesOf(scenario)).toEqual([
			{ beat: 'price', label: 'Too expensive', category: 'price' },
			{ beat: 'scam', label: 'scam', category: 'trust' }
		]);
	});

	it('go before the beat’s rules, whatever the verdict, and are said at the level picked', () => {
		const start = startRolePlay(compiled);
		const hard = step(compiled, start.snapshot, {
			mode: 'judged',
			score: 0,
			pick: { beat: 'scam', level: 'hard' }
		});
		expect(hard.state).toMatchObject({ beat: 'scam', customer: 'You people are all scammers.' });
		expect(hard.state.context.picked).toBe(true);
		expect(hard.turn).toMatchObject({ beat: 'open', next: 'scam', score: 0 });
		const mild = step(compiled, hard.snapshot, {
			mode: 'judged',
			score: 1,
			pick: { beat: 'price', level: 'mild' }
		});
		expect(mild.state.customer).toBe('Hmm, is it a bit pricey?');
		// The same difficulty again, harder: the beat's own line is not a re-ask of anything said.
		const again = step(compiled, mild.snapshot, {
			mode: 'judged',
			score: 0.5,
			pick: { beat: 'price', level: 'hard' }
		});
		expect(again.state).toMatchObject({ beat: 'price', customer: 'Way too expensive. Forget it.' });
		expect(readRolePlay(compiled, JSON.parse(JSON.stringify(again.snapshot))).customer).toBe(
			'Way too expensive. Forget it.'
		);
	});

	it('at the firm level, or a level the beat has no line for, say the beat’s own line', () => {
		const start = startRolePlay(compiled);
		const firm = step(compiled, start.snapshot, {
			mode: 'judged',
			score: 1,
			pick: { beat: 'price', level: 'firm' }
		});
		expect(firm.state.customer).toBe('That is too expensive.');
		const mildScam = step(compiled, firm.snapshot, {
			mode: 'judged',
			score: 1,
			pick: { beat: 'scam', level: 'mild' }
		});
		expect(mildScam.state.customer).toBe('Is this a scam?');
	});

	it('without a pick, follow the scenario’s order at the firm level, as an online candidate hears it', () => {
		let { snapshot, state } = startRolePlay(compiled);
		const heard = [state.customer];
		for (const reply of [
			'Good morning, my name is Ann, I look after shops like yours',
			'I understand, many owners felt the same before they tried it',
			'Fair question: you can check our registration on the ministry site',
			'Shall I call you tomorrow at ten to go through it together?'
		]) {
			({ snapshot, state } = step(compiled, snapshot, { mode: 'text', reply }));
			heard.push(state.customer);
		}
		expect(heard).toEqual([
			'Hello? Who is this?',
			'That is too expensive.',
			'Is this a scam?',
			'So what now?',
			'Fine, send it over.'
		]);
		expect(state.ended).toBe('won');
		expect(state.context.picked).toBe(false);
	});

	it('after a pick, a verdict without one follows the beat’s rules again, at the level picked last', () => {
		const start = startRolePlay(compiled);
		const picked = step(compiled, start.snapshot, {
			mode: 'judged',
			score: 1,
			pick: { beat: 'price', level: 'hard' }
		});
		const not = step(compiled, picked.snapshot, { mode: 'judged', score: 0 });
		expect(not.state).toMatchObject({
			beat: 'price',
			customer: 'Way too expensive. Forget it.',
			context: { picked: false }
		});
		const handled = step(compiled, not.snapshot, { mode: 'judged', score: 1 });
		expect(handled.state).toMatchObject({ beat: 'scam', customer: 'You people are all scammers.' });
	});

	it('refuses a pick of a beat that is no difficulty, or of no level', () => {
		const { snapshot } = startRolePlay(compiled);
		for (const pick of [
			{ beat: 'close', level: 'hard' },
			{ beat: 'won', level: 'hard' },
			{ beat: 'nowhere', level: 'mild' },
			{ beat: 'price', level: 'brutal' }
		] as const)
			expect(() =>
				step(compiled, snapshot, { mode: 'judged', score: 1, pick: pick as never })
			).toThrow(BadChoiceError);
	});
});

describe('a candidate selling their former product', () => {
	const english = phrasebookOf(
		shippedLexicons()
			.filter((lexicon) => lexicon.locale === 'en')
			.map((lexicon) => lexicon.data)
	);
	// Their own offer: a free month and a price of their own, which our price list does not have.
	const reply =
		'I understand it feels expensive. We can add a free month, and it is only 1,990 a year. Could I call you tomorrow at ten?';
	const pitfallsAndFlags = (scenario: ReturnType<typeof formerProductCall>) => {
		const compiled = compileScenario(scenario, english);
		const result = scoreReply(reply, scenario.beats.price!, [], compiled.phrasebook);
		return {
			pitfalls: result.pitfalls.map((pitfall) => pitfall.point),
			wrongFact: result.flags.includes('wrong-fact')
		};
	};

	it('is not held to our offer’s rules and prices, which a product scenario keeps', () => {
		const ours = pitfallsAndFlags({ ...formerProductCall(), formerProduct: undefined });
		expect(ours.pitfalls.some((point) => /extras beyond the offer/.test(point))).toBe(true);
		expect(ours.wrongFact).toBe(true);
		expect(pitfallsAndFlags(formerProductCall())).toEqual({ pitfalls: [], wrongFact: false });
	});

	it('still breaks the rules of any sale: promising results', () => {
		const compiled = compileScenario(formerProductCall(), english);
		const result = scoreReply(
			'I guarantee you 100 new customers next month.',
			formerProductCall().beats.price!,
			[],
			compiled.phrasebook
		);
		expect(result.pitfalls.map((pitfall) => pitfall.point).join(' ')).toMatch(/promises/);
	});
});
