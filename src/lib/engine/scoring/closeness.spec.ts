import { describe, expect, it } from 'vitest';
import { CLOSENESS, closenessOf, modelAnswer, NO_MODEL_ANSWERS } from './closeness';
import { compileScenario } from '../scenario';
import { priceCall } from '../../testing/price-call.fixture';
import { scoreReply } from './score';

const good =
	'I understand, budgets are tight this year. How many inquiries did you get last year, and what is a typical order worth to you?';
const bad = 'Fine, I can give you a discount if you sign today.';
const answers = {
	good: [modelAnswer(good), modelAnswer('Sure, I will send it now. What do you mainly make?')],
	bad: [modelAnswer(bad)]
};

describe('closenessOf', () => {
	it('credits a paraphrase of a good answer in full, and names that answer', () => {
		const { nearest, credit } = closenessOf(
			'I understand that budgets are tight. How many inquiries did you get last year, and what is an order worth?',
			answers
		);
		expect(nearest?.text).toBe(good);
		expect(nearest!.closeness).toBeGreaterThan(CLOSENESS.full);
		expect(credit).toBe(CLOSENESS.maxCredit);
	});

	it('gives nothing for a reply nearer a bad answer, though it still names the nearest good one', () => {
		const { nearest, credit } = closenessOf(
			'OK, I can give you a discount if you sign the contract today.',
			answers
		);
		expect(credit).toBe(0);
		expect(nearest).not.toBeNull();
	});

	it('gives nothing for a reply about something else', () => {
		expect(
			closenessOf('Our factory tour is on Friday, bring your safety shoes.', answers).credit
		).toBe(0);
	});

	it('compares Chinese by pairs of characters, whatever the script or the width', () => {
		const zh = { good: [modelAnswer('了解，預算確實很緊。請問您去年接到幾張詢價？')], bad: [] };
		expect(closenessOf('了解，预算确实很紧。请问您去年接到几张询价？', zh).credit).toBe(
			CLOSENESS.maxCredit
		);
		expect(closenessOf('我們下週再聯絡好了。', zh).credit).toBe(0);
	});

	it('has nothing to say without model answers', () => {
		expect(closenessOf(good, NO_MODEL_ANSWERS)).toEqual({ nearest: null, credit: 0 });
	});
});

describe('model answers of a compiled scenario', () => {
	const compiled = compileScenario(priceCall());

	it('are the good choices and the good examples played on each beat; bad ones are counter-examples', () => {
		const scenario = compiled.scenario;
		for (const [id, beat] of Object.entries(scenario.beats)) {
			const texts = compiled.modelAnswers.get(id)!.good.map((a) => a.text);
			for (const choice of beat.choices.filter((c) => c.quality === 'good'))
				expect(texts).toContain(choice.text);
		}
		const firstGood = scenario.examples.good[0]!;
		expect(compiled.modelAnswers.get(scenario.start)!.good.map((a) => a.text)).toContain(firstGood);
		expect(compiled.modelAnswers.get(scenario.start)!.bad.map((a) => a.text)).toContain(
			scenario.examples.bad[0]
		);
	});

	it('are read from a revision stored before lines had examples of their own', () => {
		const stored = priceCall();
		for (const beat of Object.values(stored.beats))
			delete (beat as { examples?: unknown }).examples;
		const good = compileScenario(stored)
			.modelAnswers.get(stored.start)!
			.good.map((a) => a.text);
		expect(good).toContain(stored.examples.good[0]);
	});

	it('add a bounded credit to the score and show the nearest answer', () => {
		const start = compiled.scenario.start;
		const beat = compiled.scenario.beats[start]!;
		const reply = compiled.scenario.examples.good[0]!;
		const withModels = scoreReply(
			reply,
			beat,
			[],
			compiled.phrasebook,
			compiled.modelAnswers.get(start)
		);
		const without = scoreReply(reply, beat, [], compiled.phrasebook);
		expect(withModels.nearest?.text).toBe(reply);
		expect(withModels.closeness).toBe(CLOSENESS.maxCredit);
		expect(withModels.score).toBeLessThanOrEqual(Math.min(1, without.score + CLOSENESS.maxCredit));
		expect(without.nearest).toBeNull();
	});
});
