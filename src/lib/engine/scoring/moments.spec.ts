import { describe, expect, it } from 'vitest';
import { scoredOnShipped as scored } from './shipped.fixture';

// The right words at the wrong moment (issue #17, batch 8): asking for the order before the
// customer has said yes, pushing an upgrade on a customer who worries about the cost. Company rules
// that are on at some beats only, scored against the shipped scenarios and lexicons.

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

describe('wrong figures, calling the price trivial and empty words, said in passing', () => {
	const flagged = (...args: Parameters<typeof scored>) => scored(...args).flags;

	it('a buyer count with "of our" before its unit, and a fastener member’s inquiries, are checked', () => {
		expect(
			flagged(
				'en',
				'switch-from-competitor',
				'quality',
				'All 60,000 of our registered buyers are in metal parts. Which products would you list?'
			)
		).toContain('wrong-fact');
		expect(
			flagged(
				'en',
				'switch-from-competitor',
				'quality',
				'All 38,000 of our registered buyers are in the trade. Which products would you list?'
			)
		).not.toContain('wrong-fact');
		expect(
			flagged(
				'zh-TW',
				'switch-from-competitor',
				'quality',
				'我們扣件類的金牌會員，一個月差不多有一百張詢價。您想先放哪幾項？'
			)
		).toContain('wrong-fact');
		expect(
			flagged(
				'zh-TW',
				'switch-from-competitor',
				'quality',
				'我們扣件類的金牌會員，一個月大約二十張詢價。您想先放哪幾項？'
			)
		).not.toContain('wrong-fact');
	});

	it('calling the site the biggest is a wrong claim, unless denied', () => {
		expect(
			flagged(
				'en',
				'offline-factory-owner',
				'greet',
				'Hi Mr. Huang, Kevin from MetalHub, the largest B2B site in Taiwan. How do new customers find you?'
			)
		).toContain('wrong-fact');
		expect(
			flagged(
				'en',
				'offline-factory-owner',
				'greet',
				'Hi Mr. Huang, Kevin from MetalHub. We are not the biggest B2B site in Taiwan, only machinery and hardware. How do new customers find you?'
			)
		).not.toContain('wrong-fact');
		expect(
			flagged(
				'zh-TW',
				'offline-factory-owner',
				'greet',
				'黃老闆您好，我是機械五金網小林，全台最大的B2B平台。想請教您新客戶都怎麼來的？'
			)
		).toContain('wrong-fact');
	});

	it('the price called trivial, boilerplate reassurance and a vague promise of more results keep a reply under the pass line', () => {
		const trivial = scored(
			'en',
			'busy-call-next-month',
			'boss-approval',
			'No need to bother the boss yet. And Gold is a drop in the bucket for a factory your size. Shall we start the free trial this week?'
		);
		expect(trivial.rules).toContain('calls-price-cheap');
		expect(trivial.score).toBeLessThan(trivial.passLine);
		const boilerplate = scored(
			'en',
			'hostile-skeptic',
			'threat',
			'I understand, sir. We value every customer and our team always does our very best. I hope you give us a chance.'
		);
		expect(boilerplate.rules).toContain('slogans');
		expect(boilerplate.score).toBeLessThan(boilerplate.passLine);
		const zh = scored(
			'zh-TW',
			'hostile-skeptic',
			'threat',
			'了解郭老闆。我們公司以客為尊，服務品質一流，一定讓您滿意。'
		);
		expect(zh.rules).toContain('slogans');
		expect(zh.score).toBeLessThan(zh.passLine);
		const promise = scored(
			'en',
			'renewal-price-objection',
			'close',
			'I’ll put it in writing. This year we’ll give you a lot more orders. Can we talk on Friday at ten?'
		);
		expect(promise.rules).toContain('promises-results');
	});
});

describe('a pleasantry that gives the call up', () => {
	it('ends a reply that asks nothing and proposes no step under the pass line, in both languages', () => {
		const en = scored(
			'en',
			'switch-from-competitor',
			'already',
			'That’s great to hear, Mr. Lin, and I respect that. Maybe someday we can work together. Have a great day!'
		);
		expect(en.rules).toContain('gives-up');
		expect(en.score).toBeLessThan(en.passLine);
		const zh = scored(
			'zh-TW',
			'switch-from-competitor',
			'already',
			'林老闆，那很好啊，用得順就好。以後有機會再合作，祝您生意興隆。'
		);
		expect(zh.rules).toContain('gives-up');
		expect(zh.score).toBeLessThan(zh.passLine);
	});

	it('is no finding after a question', () => {
		expect(
			scored(
				'en',
				'switch-from-competitor',
				'already',
				'Good to hear. Out of interest, how many of those inquiries turn into real orders? Have a great day either way!'
			).rules
		).not.toContain('gives-up');
		expect(
			scored(
				'zh-TW',
				'switch-from-competitor',
				'already',
				'那很好。好奇請教一下，那邊的詢價一個月有幾張是真的在找螺絲的？祝您生意興隆。'
			).rules
		).not.toContain('gives-up');
	});
});

describe('an A-not-A question says nothing in the negative', () => {
	it('「貴不貴」 is no “not expensive”: declining to argue over the price is no calling it cheap', () => {
		const zh = scored(
			'zh-TW',
			'renewal-price-objection',
			'price',
			'王經理，貴不貴我們先不爭，直接看您的報表：去年一個月大概幾張詢價、成交幾張？'
		);
		expect(zh.rules).not.toContain('calls-price-cheap');
		expect(zh.score).toBeGreaterThanOrEqual(zh.passLine);
		const cheap = scored(
			'zh-TW',
			'renewal-price-objection',
			'price',
			'王經理，其實一年兩萬六千八不貴啦。您去年一個月大概幾張詢價？'
		);
		expect(cheap.score).toBeLessThan(cheap.passLine);
	});
});
