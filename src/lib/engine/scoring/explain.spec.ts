import { describe, expect, it } from 'vitest';
import { explainReply, turnFeedback } from './explain';
import type { ReplyScore } from './score';

const reply = 'I understand. How many inquiries a month?';
const result: ReplyScore = {
	score: 0.8,
	points: [
		{ point: 'Acknowledges', criterion: 'objection', weight: 1, hit: true, spans: [[0, 12]] },
		{
			point: 'Asks for figures',
			criterion: 'needs',
			weight: 2,
			hit: true,
			spans: [
				[18, 22],
				[22, 32]
			]
		},
		{ point: 'Fixes a time', criterion: 'closing', weight: 1, hit: false, spans: [] }
	],
	pitfalls: [
		{ point: 'Offers a discount', penalty: 2, hit: false, spans: [] },
		{ point: 'Pressure', penalty: 1, hit: true, spans: [] }
	],
	signals: ['question', 'acknowledge'],
	flags: ['too-short'],
	closeness: 0.04,
	nearest: { text: 'I see. How many inquiries do you get a month?', closeness: 0.7 }
};

describe('explainReply', () => {
	it('lists the words that state a wrong fact', () => {
		const wrong = 'Gold is 23,500 a year.';
		expect(
			explainReply(wrong, { ...result, flags: ['wrong-fact'], wrongFacts: [[8, 14]] }).wrongFacts
		).toEqual(['23,500']);
	});

	it('marks what scoring found in the reply and lists the points made, missed and the pitfalls fallen into', () => {
		expect(explainReply(reply, result)).toEqual({
			reply: [
				{ text: 'I understand', match: true },
				{ text: '. How ', match: false },
				{ text: 'many inquiries', match: true },
				{ text: ' a month?', match: false }
			],
			made: ['Acknowledges', 'Asks for figures'],
			missed: ['Fixes a time'],
			pitfalls: ['Pressure'],
			signals: ['question', 'acknowledge'],
			flags: ['too-short'],
			wrongFacts: []
		});
	});
});

describe('turnFeedback', () => {
	it('shows the nearest model answer only once the role-play is over', () => {
		expect(turnFeedback(reply, result, false)).toMatchObject({
			nearest: null,
			closeness: 0.04,
			made: ['Acknowledges', 'Asks for figures']
		});
		expect(turnFeedback(reply, result, true)).toMatchObject({
			nearest: 'I see. How many inquiries do you get a month?',
			closeness: 0.04
		});
	});

	it('reads a turn scored before closeness existed as no closeness and no nearest answer', () => {
		const { closeness: _c, nearest: _n, ...older } = result;
		expect(turnFeedback(reply, older, true)).toMatchObject({ nearest: null, closeness: 0 });
	});
});
