import { describe, expect, it } from 'vitest';
import { scoredOnShipped as scored } from './shipped.fixture';

// The replies a reviewer quoted when the score could not be trusted, scored against the shipped
// scenarios and lexicons as the practice room scores them.

describe('the replies quoted when the score was not trusted', () => {
	it('keeping the company rules in the negative is no pitfall, and earns its points', () => {
		const price = scored(
			'zh-TW',
			'renewal-price-objection',
			'price',
			'價格我沒辦法私下打折，也不會跟您保證一定會有幾張詢價。不過想請教您，去年一個月大概接到幾張詢價？'
		);
		expect(price.fell).toEqual([]);
		expect(price.score).toBeGreaterThanOrEqual(price.passLine);
		expect(
			scored(
				'zh-TW',
				'gatekeeper-boss-not-in',
				'guarded',
				'我們不是推銷特價的，也沒有什麼優惠，不好意思打擾您。請問老闆通常什麼時候在公司？'
			).fell
		).toEqual([]);
	});

	it('an accident of a cue earns nothing, and rudeness is no question', () => {
		const rude = scored(
			'zh-TW',
			'gatekeeper-boss-not-in',
			'greet',
			'你管我是誰，快點買我們的會員啦'
		);
		expect(rude.made).toEqual([]);
		expect(rude.score).toBe(0);
		const stupid = scored('en', 'renewal-price-objection', 'price', 'Are you stupid?');
		expect(stupid.signals).not.toContain('question');
		expect(stupid.score).toBe(0);
	});

	it('good answers in other words make their points', () => {
		const payback = scored(
			'en',
			'renewal-price-objection',
			'value',
			'If just one of those turns into an order of thirty or forty thousand, the membership has already paid for itself.'
		);
		expect(payback.made).toContain(
			'Uses his own order value to show how quickly it pays for itself'
		);
		const taiwanese = scored(
			'zh-TW',
			'gatekeeper-boss-not-in',
			'guarded',
			'歹勢歹勢，吵到妳了。想請教一下頭家通常幾點會進公司？'
		);
		expect(taiwanese.made).toEqual(['不急不躁，先為打擾道歉', '不請她轉達，只問老闆什麼時候好找']);
		expect(taiwanese.score).toBeGreaterThanOrEqual(taiwanese.passLine);
	});

	it('gaming does not pass: stage directions, a list of cue words, a promise of results', () => {
		for (const [locale, scenario, beat, reply] of [
			['zh-TW', 'renewal-price-objection', 'price', '（同理）理解預算（提問）請問一個月幾張詢價'],
			[
				'en',
				'renewal-price-objection',
				'value',
				'acknowledge price per day pays for itself one order what do you think'
			],
			['en', 'renewal-price-objection', 'value', 'I guarantee you 100 inquiries this year.']
		] as const) {
			const result = scored(locale, scenario, beat, reply);
			expect(result.score, reply).toBeLessThan(result.passLine);
		}
	});
});
