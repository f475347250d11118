import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseContentFile, type ContentLocale, type Scenario } from '../content';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';
import { passLineOf } from './agreement';
import { phrasebookOf } from './lexicon';
import { scoreReply } from './score';

// The right words at the wrong moment (issue #17, batch 8): asking for the order before the
// customer has said yes, pushing an upgrade on a customer who worries about the cost. Company rules
// that are on at some beats only, scored against the shipped scenarios and lexicons.
const lexicons = shippedLexicons();

function scored(locale: ContentLocale, scenarioId: string, beatId: string, reply: string) {
	const path = `${locale}/scenarios/${scenarioId}.yaml`;
	const parsed = parseContentFile(path, readFileSync(`content/${path}`, 'utf8'));
	if (!parsed.ok || parsed.item.kind !== 'scenario') throw new Error(`${path} does not parse`);
	const beat = (parsed.item.data as Scenario).beats[beatId]!;
	const phrasebook = phrasebookOf(lexicons.filter((l) => l.locale === locale).map((l) => l.data));
	const result = scoreReply(reply, beat, [], phrasebook);
	return {
		score: result.score,
		passLine: passLineOf(beat)!,
		rules: result.pitfalls.filter((p) => p.hit).flatMap((p) => [p.rule, p.breaks])
	};
}

describe('asking for the order is a wrong move until the moment is a close', () => {
	it('signing up a customer who asked to be called next month is poor, in both languages', () => {
		const en = scored(
			'en',
			'busy-call-next-month',
			'next-month',
			'Of course, Mr. Wu, busy months come first. Would you like me to sign you up for Gold now, so it is all done before you go?'
		);
		expect(en.rules).toContain('asks-for-order');
		expect(en.score).toBeLessThan(en.passLine);
		const zh = scored(
			'zh-TW',
			'busy-call-next-month',
			'next-month',
			'了解吳先生，您先忙出貨。那我先把金牌的合約寄給您，您有空簽一下回傳就好，好嗎？'
		);
		expect(zh.rules).toContain('asks-for-order');
		expect(zh.score).toBeLessThan(zh.passLine);
	});

	it('is right where the beat asks for the close, or the customer asks what to sign', () => {
		// Where he offers to sign at his own price, the renewal beat expects the rep to ask for the order.
		expect(
			scored(
				'en',
				'renewal-price-objection',
				'discount',
				'I can’t do twenty thousand, everyone pays the same. Two years takes 10% off the second year. Can we get the renewal signed by Friday?'
			).rules
		).not.toContain('asks-for-order');
		// "Do you send me a contract?": he has said yes.
		expect(
			scored(
				'en',
				'contract-too-long',
				'decide',
				'Great, Mr. Chen. I’ll send you the contract today; shall we go through it together tomorrow at ten?'
			).rules
		).not.toContain('asks-for-order');
		expect(
			scored(
				'zh-TW',
				'contract-too-long',
				'decide',
				'好的，合約我今天寄給您，您簽一簽回傳，明天十點我再打給您確認。'
			).rules
		).not.toContain('asks-for-order');
	});

	it('signing up for the free trial is a next step, not asking for the order', () => {
		expect(
			scored(
				'en',
				'busy-call-next-month',
				'next-month',
				'Sure. Shall I sign you up for the free 14-day trial, so buyers can see your spindles while you ship?'
			).rules
		).not.toContain('asks-for-order');
		expect(
			scored(
				'zh-TW',
				'busy-call-next-month',
				'next-month',
				'好，那我先幫您開通十四天免費試刊，您出貨的時候買家也看得到。'
			).rules
		).not.toContain('asks-for-order');
	});
});

describe('pushing an upgrade is a wrong move where the customer worries about the cost', () => {
	it('an upgrade offered to a customer who says the price is too high is poor, in both languages', () => {
		const en = scored(
			'en',
			'renewal-price-objection',
			'price',
			'I hear you. Honestly, for a factory like yours I’d go for Diamond: the homepage banner pays for itself. How many inquiries did you get last year?'
		);
		expect(en.rules).toContain('pushes-upgrade');
		expect(en.score).toBeLessThan(en.passLine);
		const zh = scored(
			'zh-TW',
			'renewal-price-objection',
			'price',
			'我懂，預算被砍很頭痛。其實我建議您乾脆升級到鑽石，首頁橫幅效果比較好。您去年一個月大概幾張詢價？'
		);
		expect(zh.rules).toContain('pushes-upgrade');
		expect(zh.score).toBeLessThan(zh.passLine);
	});

	it('naming the customer’s fear of an upgrade is no upgrade, and the rule is off where cost is not his worry', () => {
		expect(
			scored(
				'en',
				'no-results-renewal',
				'decide',
				'You asked whether I’m going to tell you to upgrade to Gold. No: renew Basic, and let’s fix the listings first. Which products matter most?'
			).rules
		).not.toContain('pushes-upgrade');
		expect(
			scored(
				'zh-TW',
				'no-results-renewal',
				'decide',
				'您怕我又叫您升級金牌，不會啦，先續基礎的，我們先把產品資料弄好。您最想先推哪幾樣？'
			).rules
		).not.toContain('pushes-upgrade');
	});
});
