import { describe, expect, it } from 'vitest';
import {
	assessesBriefedCriteria,
	briefFromScenario,
	isBriefed,
	withoutBriefedCriteria
} from './brief';
import { scoreReply } from '../scoring/score';
import type { Scenario } from '../content';

const beat = {
	customer: 'Twenty-six thousand a year is too expensive.',
	expect: [
		{ point: 'Acknowledges', criterion: 'objection-handling', weight: 1, cues: ['understand'] },
		{ point: 'Daily cost', criterion: 'product-knowledge', weight: 2, cues: ['a day'] },
		{ point: 'No criterion', weight: 1, cues: ['how many'] }
	],
	avoid: [],
	choices: [],
	next: [],
	examples: { good: [], bad: [] }
};
const scenario = {
	id: 'price',
	title: 'Price',
	objective: 'Keep the price.',
	persona: { name: 'Mr. Wang', role: 'Purchasing Manager', company: 'Yongxin', mood: 'blunt' },
	difficulty: 'medium',
	minutes: 8,
	pass: 70,
	criteria: ['objection-handling', 'product-knowledge'],
	start: 'price',
	beats: { price: beat },
	examples: { good: [], bad: [] }
} satisfies Scenario;

describe('withoutBriefedCriteria', () => {
	it('takes out the product-knowledge key points and keeps the rest', () => {
		const unbriefed = withoutBriefedCriteria(scenario);
		expect(unbriefed.beats.price!.expect.map((p) => p.point)).toEqual([
			'Acknowledges',
			'No criterion'
		]);
		expect(scenario.beats.price.expect).toHaveLength(3);
		expect(assessesBriefedCriteria(scenario)).toBe(true);
		expect(assessesBriefedCriteria({ ...unbriefed, criteria: ['objection-handling'] })).toBe(false);
	});

	it('does not hold a missing product fact against a candidate who was never told it', () => {
		const reply = 'I understand, it is real money. How many inquiries did you get last year?';
		const briefed = scoreReply(reply, scenario.beats.price);
		const unbriefed = scoreReply(reply, withoutBriefedCriteria(scenario).beats.price!);
		expect(unbriefed.points.some((p) => p.criterion === 'product-knowledge')).toBe(false);
		expect(unbriefed.score).toBeGreaterThan(briefed.score);
	});
});

describe('briefFromScenario', () => {
	const labels = { customer: 'Customer', objective: 'Goal of the call' };

	it('starts from who the customer is and the objective', () => {
		expect(briefFromScenario(scenario, labels)).toBe(
			'**Customer:** Mr. Wang, Purchasing Manager, Yongxin (blunt)\n\n**Goal of the call:** Keep the price.'
		);
	});

	it('leaves out an objective the scenario does not have', () => {
		const { objective: _objective, ...noObjective } = scenario;
		expect(briefFromScenario(noObjective, labels)).toBe(
			'**Customer:** Mr. Wang, Purchasing Manager, Yongxin (blunt)'
		);
	});

	it('counts a brief of white space as none', () => {
		expect(isBriefed({ brief: ' \n ' })).toBe(false);
		expect(isBriefed({ brief: 'Gold: NT$26,800 a year' })).toBe(true);
	});
});
