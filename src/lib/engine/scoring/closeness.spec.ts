import { describe, expect, it } from 'vitest';
import { CLOSENESS, closenessOf, modelAnswer, NO_MODEL_ANSWERS, termsOf } from './closeness';
import { compileScenario } from '../scenario';
import { priceCall } from '../../testing/price-call.fixture';
import { meaningOf, scoreReply } from './score';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';
import { phrasebookOf } from './lexicon';
import type { ContentLocale } from '../content';

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
		expect(credit).toBeGreaterThanOrEqual(CLOSENESS.maxCredit);
		expect(credit).toBeLessThanOrEqual(CLOSENESS.maxCredit + CLOSENESS.echoCredit);
	});

	it('gives nothing for a reply nearer a bad answer, though it still names the nearest good one', () => {
		const { nearest, credit } = closenessOf(
			'OK, I can give you a discount if you sign the contract today.',
			answers
		);
		expect(credit).toBe(0);
		expect(nearest).not.toBeNull();
	});

	it('credits saying nearly all a model answer says as much again, not a reply only near it', () => {
		const near = closenessOf(
			'I understand that budgets are tight. How many inquiries did you get last year, and what is an order worth?',
			answers
		);
		const same = closenessOf(good, answers);
		expect(same.credit).toBe(CLOSENESS.maxCredit + CLOSENESS.echoCredit);
		expect(near.credit).toBeLessThan(same.credit);
	});

	it('gives nothing for a reply about something else', () => {
		expect(
			closenessOf('Our factory tour is on Friday, bring your safety shoes.', answers).credit
		).toBe(0);
	});

	it('compares Chinese by pairs of characters, whatever the script or the width', () => {
		const zh = { good: [modelAnswer('了解，預算確實很緊。請問您去年接到幾張詢價？')], bad: [] };
		expect(closenessOf('了解，预算确实很紧。请问您去年接到几张询价？', zh).credit).toBe(
			CLOSENESS.maxCredit + CLOSENESS.echoCredit
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
		// The model answer itself says all it says: both parts of the credit.
		expect(withModels.closeness).toBe(CLOSENESS.maxCredit + CLOSENESS.echoCredit);
		expect(withModels.score).toBeLessThanOrEqual(
			Math.min(1, without.score + CLOSENESS.maxCredit + CLOSENESS.echoCredit)
		);
		expect(without.nearest).toBeNull();
	});
});

describe('closeness by what is said: the lexicon intents, key points and rules of both texts', () => {
	const lexicons = shippedLexicons();
	const book = (locale: ContentLocale) =>
		phrasebookOf(lexicons.filter((l) => l.locale === locale).map((l) => l.data));
	const beat = { expect: [], avoid: [] };
	/** A reply's closeness to good and bad model answers, read for meaning as scoreReply reads them. */
	function closeness(locale: ContentLocale, reply: string, good: string[], bad: string[] = []) {
		const phrasebook = book(locale);
		const answer = (text: string) => modelAnswer(text, meaningOf(text, beat, phrasebook));
		const terms = termsOf(reply);
		for (const term of meaningOf(reply, beat, phrasebook)) terms.add(term);
		return closenessOf(reply, { good: good.map(answer), bad: bad.map(answer) }, terms);
	}

	it.each([
		{
			locale: 'en' as const,
			model: 'Sorry to bother you. When is the boss usually in?',
			paraphrase:
				'Apologies for calling at a bad moment, what time does he normally get to the office?'
		},
		// Taiwanese: no pair of characters in common.
		{
			locale: 'zh-TW' as const,
			model: '不好意思打擾了，請問老闆通常幾點會進公司？',
			paraphrase: '歹勢歹勢，頭家大概什麼時候比較會在？'
		}
	])(
		'credits a paraphrase with no word in common but the same intents ($locale)',
		({ locale, model, paraphrase }) => {
			expect([...termsOf(paraphrase)].filter((term) => termsOf(model).has(term))).toEqual([]);
			expect(closenessOf(paraphrase, { good: [modelAnswer(model)], bad: [] }).credit).toBe(0);
			const { nearest, credit } = closeness(locale, paraphrase, [model]);
			expect(credit).toBeGreaterThan(0);
			expect(nearest?.text).toBe(model);
		}
	);

	it('credits a Taiwanese paraphrase more for the intents it shares than for its characters', () => {
		const model = '不好意思打擾了，請問老闆通常幾點會進公司？';
		const paraphrase = '歹勢歹勢，吵到妳了。想請教一下頭家通常幾點會在？';
		const byWords = closenessOf(paraphrase, { good: [modelAnswer(model)], bad: [] }).credit;
		expect(closeness('zh-TW', paraphrase, [model]).credit).toBeGreaterThan(byWords);
	});

	it('gives nothing to a reply that says what a bad answer says, in other words, in both languages', () => {
		const en = {
			reply:
				'I hear you. Tell you what, I can knock a bit off the price if you sign today, how does that sound?',
			good: ['I hear you. How does a free trial sound, so you can see the results yourself?'],
			bad: ['Fine, I can give you a discount if you sign today.']
		};
		expect(closeness('en', en.reply, en.good).credit).toBeGreaterThan(0);
		expect(closeness('en', en.reply, en.good, en.bad).credit).toBe(0);
		const zh = {
			reply: '了解您的顧慮，不然今天簽的話我幫您打個折，這樣好嗎？',
			good: ['了解您的顧慮，不然先免費試刊兩個禮拜，這樣好嗎？'],
			bad: ['好啦，老闆您今天簽約的話，我就私下幫您打個折。']
		};
		expect(closeness('zh-TW', zh.reply, zh.good).credit).toBeGreaterThan(0);
		expect(closeness('zh-TW', zh.reply, zh.good, zh.bad).credit).toBe(0);
	});
});
