import { describe, expect, it } from 'vitest';
import { scoredOnShipped as scored, shippedPhrasebook } from './shipped.fixture';
import type { ContentLocale } from '../content';
import { scoreReply, SCORING } from './score';
import { foldForMatch } from './normalize';
import { harpsOn, isNotes, restatesItself } from './speech';

// How the score ranks replies as a trainer grades them (scoring/GRADING.md): a broken company rule,
// notes, repeats and off-topic talk are harmful (a 1), a pitfall of the beat is poor (a 2), a vague
// harmless reply is weak (a 3). Scored against the shipped scenarios and lexicons.

/** The words of a reply that state a wrong fact. */
const wrongWords = (locale: ContentLocale, scenario: string, beat: string, reply: string) =>
	(scored(locale, scenario, beat, reply).wrongFacts ?? []).map(([start, end]) =>
		reply.slice(start, end)
	);

describe('a broken company rule outweighs everything else the reply does well', () => {
	it('keeps at most 0.1, below a vague harmless reply', () => {
		const good =
			'I hear you, Mr. Wang. Can I ask roughly how many inquiries a month you got last year?';
		const promise = scored(
			'en',
			'renewal-price-objection',
			'price',
			`${good} I promise you'll get more orders this year.`
		);
		expect(promise.rules).toContain('promises-results');
		expect(promise.score).toBeLessThanOrEqual(SCORING.ruleCap);
		expect(scored('en', 'renewal-price-objection', 'price', good).score).toBeGreaterThanOrEqual(
			0.7
		);
		const vague = scored(
			'en',
			'renewal-price-objection',
			'price',
			'We are a very good platform with lots of happy members.'
		);
		expect(vague.score).toBeGreaterThan(promise.score);
	});

	it('counts a rule broken in words the beat’s own pitfall also names, once', () => {
		const result = scored(
			'en',
			'renewal-price-objection',
			'value',
			'That is seventy dollars a day, and I guarantee you will get more inquiries this year.'
		);
		const hit = result.pitfalls.filter((p) => p.hit);
		expect(hit.some((p) => p.breaks === 'promises-results' || p.rule === 'promises-results')).toBe(
			true
		);
		expect(result.score).toBeLessThanOrEqual(SCORING.ruleCap);
	});
});

describe('talking down to the customer is the insults rule', () => {
	it('in English, as people say it', () => {
		for (const reply of [
			'Do you even know what a website is, sir?',
			'Maybe the problem is your sales team, honestly.',
			'Just tell me yes or no now, I have other calls.',
			'Sir, it is time to get with the times.'
		]) {
			const result = scored('en', 'offline-factory-owner', 'no-online', reply);
			expect(result.rules, reply).toContain('insults');
			expect(result.signals, reply).not.toContain('question');
		}
	});

	it('in Taiwan Mandarin', () => {
		for (const reply of [
			'上個網是會怎樣？',
			'老闆你也忙太久了吧，聽我講一下。',
			'到底要不要啦，不要就算了。',
			'你懂嗎？現在大家都在網路上找廠商。'
		]) {
			expect(scored('zh-TW', 'offline-factory-owner', 'no-online', reply).rules, reply).toContain(
				'insults'
			);
		}
	});

	it('but not empathy that sounds alike', () => {
		expect(
			scored(
				'zh-TW',
				'hostile-skeptic',
				'burned',
				'難怪您會這麼小心，換作是我也會生氣。請問當初是哪一家？'
			).rules
		).toEqual([]);
		expect(
			scored(
				'en',
				'renewal-price-objection',
				'discount',
				'I know you are taking this seriously, and our price is the same for every member.'
			).rules
		).toEqual([]);
	});
});

describe('haggling is a company rule, in any wording the lexicon knows', () => {
	it('conceding the customer’s figure or going to a manager for a better price', () => {
		// Going to a manager is a rule of its own: poor rather than harmful (see below).
		for (const [reply, rule] of [
			['好啦，兩萬二就兩萬二，今天幫您送簽。', 'negotiates-price'],
			['這樣好了，我幫您問經理能不能再少一點。', 'asks-manager-for-price'],
			['我去跟主管爭取看看優惠，再回覆您。', 'asks-manager-for-price']
		] as const) {
			expect(scored('zh-TW', 'renewal-price-objection', 'discount', reply).rules, reply).toContain(
				rule
			);
		}
		for (const [reply, rule] of [
			[
				'Let me check with my manager whether we can do a better price for you.',
				'asks-manager-for-price'
			],
			['Tell you what, let’s meet you halfway on that.', 'negotiates-price'],
			['Fine, we can split the difference.', 'negotiates-price']
		] as const) {
			expect(scored('en', 'renewal-price-objection', 'discount', reply).rules, reply).toContain(
				rule
			);
		}
	});

	it('not when the rep refuses it, or offers the two-year discount', () => {
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'discount',
				'價格我沒辦法幫您去問經理算便宜，每位會員都一樣。'
			).rules
		).toEqual([]);
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'discount',
				'唯一能少一點的方式是簽兩年，第二年打九折。'
			).rules
		).toEqual([]);
		expect(
			scored(
				'en',
				'renewal-price-objection',
				'discount',
				'I won’t go to my manager for a lower price: it is the same for everyone.'
			).rules
		).toEqual([]);
	});
});

describe('telling him what he will get, and how soon, promises results', () => {
	const beat = ['en', 'send-me-material-first', 'concern'] as const;
	it('“you’ll have buyers ringing within the month” breaks the rule with no promise word', () => {
		for (const reply of [
			'Get your parts up on our site and you’ll have new buyers ringing you within the month. Shall we start Tuesday?',
			'With machines like yours you’ll get a couple of drawings a week at least. Why not start the trial?',
			'List ten products and buyers will be calling you in no time. Can I set it up today?'
		])
			expect(scored(...beat, reply).rules, reply).toContain('promises-results');
	});
	it('but not a hedge, a denial, or what the trial report will show', () => {
		for (const reply of [
			'You’ll probably see a few inquiries within the month, though I can’t promise a number. Shall we try it?',
			'I can’t tell you you’ll get inquiries within the month; nobody honest can. Shall we try it free?',
			'In two weeks you’ll have your own view and inquiry numbers to look at. Shall we start Monday?'
		])
			expect(scored(...beat, reply).rules, reply).toEqual([]);
	});
});

describe('the customer’s own words quoted back to him', () => {
	it('break no rule and fall into no pitfall; the rep’s own words still do', () => {
		const heard =
			"'How many times a day are you people going to ring': I hear you, Mr. Kuo, and I'm sorry to add to it. Is it a bad time, or is this not something you'd look at at all?";
		expect(scored('en', 'hostile-skeptic', 'hostile', heard).rules).toEqual([]);
		expect(
			scored('en', 'hostile-skeptic', 'hostile', heard.replace(/'(.*)':/, '$1?')).rules
		).toContain('insults');
		const chinese =
			'「零頭去掉、算兩萬，今天就送簽」——王經理，您這麼乾脆我很感謝。只是價格是統一的，能省的只有兩年約，第二年九折。您要不要今天就用兩年約送簽？';
		const result = scored('zh-TW', 'renewal-price-objection', 'discount', chinese);
		expect(result.pitfalls.filter((p) => p.hit)).toEqual([]);
		expect(result.score).toBeGreaterThanOrEqual(0.7);
	});
	it('but a quotation of anything else is the rep’s own', () => {
		expect(
			scored(
				'en',
				'hostile-skeptic',
				'hostile',
				"I'll tell the boss: 'you people never listen'. Is it a bad time?"
			).rules
		).toContain('insults');
	});
});

describe('answering a worry the customer never raised plants it', () => {
	it('“we’re not a scam” to “who’s this?” is poor; to “how do I know you’re not a scam?” it is the answer', () => {
		const denial =
			"Hello, this is Vincent from MetalHub. Don't worry, this isn't one of those scam calls, we're a properly registered company. Is now a bad time?";
		expect(scored('en', 'hostile-skeptic', 'greet', denial).rules).toContain('raises-unasked-scam');
		expect(scored('en', 'hostile-skeptic', 'scam', denial).rules).not.toContain(
			'raises-unasked-scam'
		);
		expect(
			scored(
				'zh-TW',
				'hostile-skeptic',
				'greet',
				'郭老闆您好，您放心，我們不是詐騙喔，我們是合法登記的公司。現在方便嗎？'
			).rules
		).toContain('raises-unasked-scam');
	});
	it('defending the price before he has mentioned it is poor, in both languages', () => {
		const en = scored(
			'en',
			'hostile-skeptic',
			'threat',
			"OK, one sentence: it's cheaper than you think, Basic is only 12,800 a year."
		);
		expect(en.rules).toContain('raises-unasked-price');
		expect(en.score).toBeLessThan(0.7);
		expect(
			scored(
				'zh-TW',
				'hostile-skeptic',
				'threat',
				'郭老闆，我知道您可能覺得價格太高，我們基礎會員一天只要三十五塊。'
			).rules
		).toContain('raises-unasked-price');
		// The bento line the knowledge base suggests when he balks at the price: to a busy man, an
		// answer to an objection he never made.
		const bento =
			'Gold is only about 73 dollars a day, less than a bento box. When could I call back?';
		expect(scored('en', 'busy-call-next-month', 'busy', bento).rules).toContain(
			'raises-unasked-price'
		);
		expect(scored('en', 'renewal-price-objection', 'price', bento).rules).not.toContain(
			'raises-unasked-price'
		);
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'value',
				'我知道您可能覺得價格太高，我們用您自己的數字算算看好嗎？'
			).rules
		).not.toContain('raises-unasked-price');
	});
});

describe('a private deal is not excused by the trial or the two-year offer said before it', () => {
	it('「十四天免費試刊…，這個月簽的話我還可以私下幫您打八折」 breaks the discount rule', () => {
		const trial = '十四天免費試刊、不收押金、不留卡號';
		expect(
			scored('zh-TW', 'busy-call-next-month', 'brushoff', `${trial}。您明天早上還是下午比較方便？`)
				.rules
		).toEqual([]);
		expect(
			scored(
				'zh-TW',
				'busy-call-next-month',
				'brushoff',
				`${trial}，這個月簽的話我還可以私下幫您打八折。您明天早上還是下午比較方便？`
			).rules
		).toContain('unapproved-discount');
	});
	it('and “surely you know it best” (您一定最清楚) promises nothing', () => {
		expect(
			scored(
				'zh-TW',
				'offline-factory-owner',
				'annoyed',
				'抱歉，是我講太多了。生意需要什麼您一定最清楚。您是完全不考慮，還是時機不對？'
			).rules
		).toEqual([]);
	});
});

describe('words said in the negative deny every cue inside them', () => {
	it('「我不會跟您保證一定有幾張詢價」 promises nothing', () => {
		const result = scored(
			'zh-TW',
			'send-me-material-first',
			'concern',
			'我不會跟您拍胸脯保證一定有幾張詢價，您先免費試刊兩週自己看，第十天我打給您好嗎？'
		);
		expect(result.rules).toEqual([]);
		expect(result.score).toBeGreaterThanOrEqual(0.4);
	});

	it('but a promise said plainly is one', () => {
		expect(
			scored(
				'zh-TW',
				'send-me-material-first',
				'concern',
				'放心，一定會有詢價進來，三個月內一定接到單。'
			).rules
		).toContain('promises-results');
	});
});

describe('speech, not notes', () => {
	it('recognises keywords typed in a row and fragments that name no one', () => {
		expect(
			isNotes(
				'budget tight understood inquiries per month order value pays back one order trial option'
			)
		).toBe(true);
		expect(isNotes('fair point, not pushing, check it yourself, free trial, day 10 review')).toBe(
			true
		);
		expect(isNotes('同理預算、每月詢價幾張、平均訂單金額、一張單回本、試刊')).toBe(true);
		// "yrs" typed in sentences on a phone is no note.
		expect(
			isNotes(
				'totally get it mr huang, 30 yrs on referrals means ur quality speaks for itself, just so u know its not online selling tho, no payments or shipping on our site'
			)
		).toBe(false);
		expect(isNotes('respect 30 yrs, not selling, you know best, apologise, one question')).toBe(
			true
		);
	});

	it('but not speech that lists things, with or without punctuation', () => {
		expect(
			isNotes(
				'Understood, budgets are tight. Gold works out at about 2,200 a month, roughly 73 a day.'
			)
		).toBe(false);
		expect(
			isNotes(
				'oh sorry Mr Wu this is Jenny from MetalHub is this afternoon or tomorrow morning better for a call'
			)
		).toBe(false);
		expect(
			isNotes(
				'老闆，報表就像一個漏斗：瀏覽、聯絡資料查看、詢價單。詢價單只是最後一段，很多採購是直接打電話的。'
			)
		).toBe(false);
		// Semicolons between the items of a list said to someone are speech; between fragments naming no one, notes.
		expect(
			isNotes(
				'試刊放十項，建議從三種裡面挑：您賣最好、最不怕比價的；規格寫得清楚、照片好看的；還有您今年最想多推的。'
			)
		).toBe(false);
		expect(isNotes('acknowledge; trial 14 days; ten products; day 3 call')).toBe(true);
	});

	it('hears no question in a question word inside a clause closed by a semicolon', () => {
		const reply =
			'報表的數字是這樣看的：產品頁瀏覽代表有多少採購看到產品；點擊來源告訴您是從搜尋、分類還是廣告進來；詢價單是正式的需求。';
		expect(scored('zh-TW', 'no-results-renewal', 'funnel', reply).signals).not.toContain(
			'question'
		);
		expect(
			scored('zh-TW', 'no-results-renewal', 'funnel', '您去年大概有多少採購直接打電話來').signals
		).toContain('question');
	});

	it('hears one point harped on in other words as a repeat, not a sum of figures', () => {
		expect(
			harpsOn(foldForMatch('不好意思打擾，真的不好意思。打擾您了，打擾到您真的抱歉，打擾了。'))
		).toBe(true);
		expect(
			harpsOn(foldForMatch('Sorry, really sorry to call. So sorry, I know, sorry again.'))
		).toBe(true);
		expect(
			harpsOn(
				foldForMatch('第一年兩萬六千八，第二年打九折兩萬四千一百二，兩年合計五萬零九百二十。')
			)
		).toBe(false);
		expect(
			harpsOn(
				foldForMatch(
					'Year one is 26,800, and year two at ten percent off is 24,120, so 50,920 over two years. That saves you 2,680.'
				)
			)
		).toBe(false);
		// "those" in most clauses is grammar, whatever its stem ("thos").
		expect(
			harpsOn(
				foldForMatch(
					'Pull up the inquiries you got last month, and whatever those buyers asked for, put those products on the trial. Could you dig those out by tomorrow?'
				)
			)
		).toBe(false);
	});
});

describe('working through the customer’s own subject is no harping', () => {
	it('the words of his line may come back in every clause; a word he never said may not', () => {
		const customer =
			"Not that many turn into orders, though. An order's usually thirty or forty thousand.";
		const sums = foldForMatch(
			'Say one inquiry in twenty turns into an order: one order a month. Even two orders a year is seventy thousand. How many orders did you close?'
		);
		expect(harpsOn(sums)).toBe(true);
		expect(harpsOn(sums, undefined, customer)).toBe(false);
		const sorry = foldForMatch('Sorry, really sorry to call. So sorry, I know, sorry again.');
		expect(harpsOn(sorry, undefined, customer)).toBe(true);

		const customerZh = '我們一個月詢價大概十幾張，成交的不多。';
		const sumsZh = foldForMatch(
			'詢價十幾張，假設二十張詢價成交一張。一年就算兩張詢價成交，您覺得呢？詢價還有多少？'
		);
		expect(harpsOn(sumsZh)).toBe(true);
		expect(harpsOn(sumsZh, undefined, customerZh)).toBe(false);
	});
});

describe('confirming the time the customer gave is no restating', () => {
	it('his words do not count in the sentences compared; the same point said twice still does', () => {
		const customer = '我們老闆姓張，大家都叫他張董。他星期三下午通常會在公司，兩點以後比較好找。';
		const confirm = '好 張董 禮拜三下午兩點以後 那我就這禮拜三下午兩點半打來找張董 這樣可以嗎';
		expect(restatesItself(confirm)).toBe(true);
		expect(restatesItself(confirm, undefined, undefined, customer)).toBe(false);
		const again =
			'I really understand how you feel. I understand, I really do understand how you feel.';
		expect(restatesItself(again, undefined, undefined, 'Wednesday after two is best.')).toBe(true);
		expect(
			scored(
				'zh-TW',
				'gatekeeper-boss-not-in',
				'confirm',
				`${confirm} 我打來的時候要不要提是蔡小姐跟我說的 謝謝妳喔`
			).flags
		).not.toContain('repeated-sentence');
	});
});

describe('the opening is no pitch, and a renewal call opens on his year', () => {
	it('a price, a sign-up or buzzwords to whoever answers are the beat’s pitfall, in both languages', () => {
		const quote = scored(
			'zh-TW',
			'gatekeeper-boss-not-in',
			'greet',
			'您好，我是機械五金網的小林，我們現在金牌會員一年兩萬六千八，可以刊登三百項產品。請問你們要不要先登記一下？'
		);
		expect(quote.score).toBeLessThan(quote.passLine);
		const buzz = scored(
			'zh-TW',
			'offline-factory-owner',
			'greet',
			'黃老闆您好，我是機械五金網的小林，我們致力於為傳統產業提供數位轉型的全方位解決方案，請問您對於數位轉型有什麼看法？'
		);
		expect(buzz.score).toBeLessThan(buzz.passLine);
		const english = scored(
			'en',
			'offline-factory-owner',
			'greet',
			"Good morning, Mr. Huang, I'm Lin from MetalHub. We offer a one-stop solution for your digital transformation. What do you think of digital transformation?"
		);
		expect(english.score).toBeLessThan(english.passLine);
		expect(
			scored(
				'zh-TW',
				'gatekeeper-boss-not-in',
				'greet',
				'您好，我是機械五金網的小陳，想請問老闆在嗎？有件跟手工具產品推廣有關的事，想跟他請教一下。'
			).score
		).toBeGreaterThanOrEqual(0.7);
	});

	it('pushing the upgrade and the signature in a renewal’s first line is poor, in both languages', () => {
		const zh = scored(
			'zh-TW',
			'no-results-renewal',
			'greet',
			'李老闆您好，我是機械五金網的小林，您的基礎會員下個月到期，今天打來是要幫您辦續約，順便建議您升級金牌，效果會更好。您看要簽一年還是兩年？'
		);
		expect(zh.score).toBeLessThan(zh.passLine);
		const en = scored(
			'en',
			'no-results-renewal',
			'greet',
			"Hi Mr. Lee, Lin from MetalHub. Your Basic membership runs out next month, so I'm calling to renew you and upgrade you to Gold. One year or two?"
		);
		expect(en.score).toBeLessThan(en.passLine);
	});
});

describe('the free trial said in other words is no discount', () => {
	it('“find out for free … for fourteen days” keeps the rules; a free month still breaks them', () => {
		const trial = scored(
			'en',
			'send-me-material-first',
			'concern',
			"Honestly, I can't promise you anyone will; what I can do is let you find out for free. Put ten listings up for fourteen days and see the inquiries in your own report. Shall we pick the ten this week?"
		);
		expect(trial.rules).toEqual([]);
		expect(trial.score).toBeGreaterThanOrEqual(0.4);
		const month = scored(
			'en',
			'send-me-material-first',
			'concern',
			"I'll give you the first month for free if you sign this week. Shall we pick the ten this week?"
		);
		expect(month.rules).toContain('unapproved-discount');
		const second = scored(
			'en',
			'renewal-price-objection',
			'discount',
			"I can't do twenty, Mr. Wang. The one discount we have is two years with ten percent off the second: 26,800, then 24,120. Would that help?"
		);
		expect(second.rules).toEqual([]);
	});
});

describe('off-topic talk is no reply to this customer', () => {
	it('is flagged and kept under a vague reply, in both languages', () => {
		const baseball = scored(
			'en',
			'renewal-price-objection',
			'greet',
			'Hey, did you catch the game on TV yesterday?'
		);
		expect(baseball.flags).toContain('off-topic');
		expect(baseball.score).toBeLessThanOrEqual(SCORING.notSpeechCap);
		const lunch = scored(
			'zh-TW',
			'renewal-price-objection',
			'greet',
			'對了，你們那邊中午都去哪裡吃飯？'
		);
		expect(lunch.flags).toContain('off-topic');
	});

	it('but a vague reply about the call is not', () => {
		expect(
			scored(
				'en',
				'switch-from-competitor',
				'cheaper',
				'Because we are a better platform with better buyers.'
			).flags
		).not.toContain('off-topic');
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'close',
				'今年我們服務會更好，會更用心經營您的帳號。'
			).flags
		).not.toContain('off-topic');
	});
});

describe('a reply that asks nothing and proposes no step is a 4 at best', () => {
	it('keeps at most noQuestionCap, over the pass line when it is good', () => {
		const result = scored(
			'en',
			'switch-from-competitor',
			'trial',
			'Try it free first: 14 days, 10 products, no payment.'
		);
		expect(result.signals).not.toContain('question');
		expect(result.signals).not.toContain('next-step');
		expect(result.score).toBe(SCORING.noQuestionCap);
		expect(result.score).toBeGreaterThan(result.passLine);
	});

	it('but not when it asks', () => {
		expect(
			scored(
				'en',
				'switch-from-competitor',
				'trial',
				'Try it free first: 14 days, 10 products, no payment. Which products would you start with?'
			).score
		).toBeGreaterThan(SCORING.noQuestionCap);
	});
});

describe('a pitfall of the beat keeps the reply under the pass line', () => {
	it('however much else the reply does well', () => {
		const good =
			'Good morning, Mr. Wang. This is Kevin from MetalHub, calling about your Gold membership renewal. Have you got two minutes?';
		expect(scored('en', 'renewal-price-objection', 'greet', good).score).toBe(1);
		const result = scored(
			'en',
			'renewal-price-objection',
			'greet',
			good.replace('renewal.', 'renewal and a good deal for you.')
		);
		expect(
			result.pitfalls.some((p) => p.hit && p.rule === undefined && p.breaks === undefined)
		).toBe(true);
		expect(result.score).toBe(SCORING.pitfallCap);
		expect(result.score).toBeLessThan(result.passLine);
	});
});

describe('a relative clause after a comma asks nothing', () => {
	it('“…, which is roughly NT$90 per inquiry” is no question, “so which is” and “Which is” are', () => {
		const beat = { expect: [{ point: 'price', weight: 1, cues: ['price'] }], avoid: [] };
		expect(
			scoreReply('Gold averages 20 inquiries a month, which is roughly NT$90 per inquiry.', beat)
				.signals
		).not.toContain('question');
		expect(
			scoreReply('Mr. Lin, who is in charge of buying here, called us last week.', beat).signals
		).not.toContain('question');
		expect(
			scoreReply('OK so which is better for you the morning or the afternoon', beat).signals
		).toContain('question');
		expect(scoreReply('Fair enough. Which is your best-selling product', beat).signals).toContain(
			'question'
		);
		expect(scoreReply('Sure, when is a good time to call back', beat).signals).toContain(
			'question'
		);
	});
});

describe('lexicon phrasings from the tuning replies, as a trainer would list them', () => {
	it('“you just didn’t notice” talks down to the customer', () => {
		expect(
			scored(
				'en',
				'no-results-renewal',
				'funnel',
				'The report shows 25 inquiries, so it worked fine, you just didn’t notice.'
			).rules
		).toContain('insults');
	});

	it('the customer’s own “thirty years” is no respect for his experience, and “things have changed” argues', () => {
		const result = scored(
			'en',
			'offline-factory-owner',
			'annoyed',
			'With respect, sir, thirty years ago there was no internet. Things have changed.'
		);
		expect(result.points.find((p) => p.hit)).toBeUndefined();
		expect(result.pitfalls.some((p) => p.hit)).toBe(true);
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'annoyed',
				'Sorry, sir, thirty years of running a factory, you know your business better than I do.'
			).points.some((p) => p.hit)
		).toBe(true);
	});
});

describe('a wrong fact is poor, below the pass line, however good the rest (GRADING.md: capped at 2)', () => {
	const ask =
		"I'll put a one-page summary with last year's report together for your boss today, shall I?";
	it('a price said as an upper bound: right when a fee keeps under it', () => {
		const close = '我今天整理一頁給老闆看，好嗎？';
		const flagsOf = (locale: ContentLocale, reply: string) =>
			scored(locale, 'renewal-price-objection', 'two-year', reply).flags;
		expect(flagsOf('zh-TW', `金牌兩萬六千八，一天不到五十塊。${close}`)).toContain('wrong-fact');
		expect(flagsOf('zh-TW', `金牌兩萬六千八，一天不到八十塊。${close}`)).not.toContain(
			'wrong-fact'
		);
		expect(flagsOf('zh-TW', `兩年共五萬零九百二，一天不到七十塊。${close}`)).not.toContain(
			'wrong-fact'
		);
		expect(flagsOf('zh-TW', `金牌一年快兩萬七。${close}`)).not.toContain('wrong-fact');
		const ask = 'Shall I put that on one page for the boss?';
		expect(flagsOf('en', `Gold is under 50 dollars a day. ${ask}`)).toContain('wrong-fact');
		expect(flagsOf('en', `Gold is under 80 dollars a day. ${ask}`)).not.toContain('wrong-fact');
		expect(flagsOf('en', `Basic is less than 10,000 a year. ${ask}`)).toContain('wrong-fact');
	});

	it('a price the price list does not have, in English and in Chinese', () => {
		const wrong = scored(
			'en',
			'renewal-price-objection',
			'two-year',
			`Gold's second year is 23,500, so 50,300 for both. ${ask}`
		);
		expect(wrong.flags).toContain('wrong-fact');
		expect(
			wrong.wrongFacts?.map(([s, e]) => `Gold's second year is 23,500, so 50,300`.slice(s, e))
		).toEqual(['23,500', '50,300']);
		expect(wrong.score).toBeLessThanOrEqual(SCORING.wrongFactCap);
		expect(wrong.score).toBeLessThan(wrong.passLine);
		const right = scored(
			'en',
			'renewal-price-objection',
			'two-year',
			`Gold's second year is 24,120, so 50,920 for both. ${ask}`
		);
		expect(right.flags).not.toContain('wrong-fact');
		expect(right.score).toBeGreaterThanOrEqual(right.passLine);

		const close = '我今天整理一頁給老闆看：兩年的報價，加上您去年報表的重點，好嗎？';
		const chinese = scored(
			'zh-TW',
			'renewal-price-objection',
			'two-year',
			`金牌第一年兩萬六千八，第二年九折是兩萬三千一百二。${close}`
		);
		expect(chinese.flags).toContain('wrong-fact');
		expect(chinese.score).toBeLessThan(chinese.passLine);
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'two-year',
				`金牌第一年兩萬六千八，第二年九折是兩萬四千一百二，兩年合計五萬零九百二十。${close}`
			).flags
		).not.toContain('wrong-fact');
	});

	it('the customer’s own order value and the monthly cost worked out right are no wrong fact', () => {
		const result = scored(
			'zh-TW',
			'renewal-price-objection',
			'value',
			'王經理，金牌一年兩萬六千八，一個月大約兩千二。您一張訂單平均三、四萬，一年成交一張就回本了，您覺得呢？'
		);
		expect(result.flags).not.toContain('wrong-fact');
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'value',
				'王經理，金牌一年兩萬六千八，一個月才一千二而已，您覺得呢？'
			).flags
		).toContain('wrong-fact');
	});

	it('a claim never true (a trial deposit, a trial that turns into a paid plan), unless denied', () => {
		const trial = 'The trial is 14 days with ten products';
		const deposit = scored(
			'en',
			'hostile-skeptic',
			'trial',
			`Fair enough, Mr. Kuo. ${trial}, and there's just a small deposit we refund at the end. Shall we start on Monday?`
		);
		expect(deposit.flags).toContain('wrong-fact');
		expect(deposit.score).toBeLessThan(deposit.passLine);
		expect(
			scored(
				'en',
				'hostile-skeptic',
				'trial',
				`Fair enough, Mr. Kuo. ${trial}, there's no deposit and nothing to pay. Shall we start on Monday?`
			).flags
		).not.toContain('wrong-fact');
		expect(
			scored(
				'zh-TW',
				'hostile-skeptic',
				'trial',
				'郭老闆，我理解。試刊十四天放十項產品，試刊完會自動轉成基礎會員，您要不要星期一先開始？'
			).flags
		).toContain('wrong-fact');
		expect(
			scored(
				'zh-TW',
				'hostile-skeptic',
				'trial',
				'郭老闆，我理解。試刊十四天放十項產品，完全免費，到期也不會自動扣款，您要不要星期一先開始？'
			).flags
		).not.toContain('wrong-fact');
	});
});

describe('a feature claimed for a tier that lacks it is a wrong fact (membership-tiers)', () => {
	const decide = (locale: ContentLocale, reply: string) =>
		scored(locale, 'no-results-renewal', 'decide', reply);
	it('said of the tier named before it, in its sentence or the one before; not when denied', () => {
		const basic = decide(
			'en',
			"No, stay on Basic. It's 12,800 and you still get two keyword-ad slots and priority ranking. Which would you like?"
		);
		expect(basic.flags).toContain('wrong-fact');
		expect(basic.score).toBeLessThan(basic.passLine);
		// The same features said of Gold are right, and so is Basic said without them.
		expect(
			decide('en', 'Gold gives you two keyword ads and priority ranking. Which would you like?')
				.flags
		).not.toContain('wrong-fact');
		expect(
			decide(
				'en',
				"Basic doesn't come with keyword ads, but it keeps your company page and the monthly report. Which would you like?"
			).flags
		).not.toContain('wrong-fact');
		// The tier its own sentence names decides, and the other side of a comparison is not it.
		expect(
			decide(
				'en',
				'Basic is fine for now. Later, if you want keyword ads, we can look at Gold. Which would you like?'
			).flags
		).not.toContain('wrong-fact');
		expect(
			decide('en', 'Upgrading from Basic to Gold gets you two keyword ads. Which would you like?')
				.flags
		).not.toContain('wrong-fact');
	});

	it('in Chinese: 基礎會員有關鍵字廣告 is wrong, 基礎會員沒有關鍵字廣告 and 金牌 with them are right', () => {
		expect(
			decide('zh-TW', '續基礎就好，一年一萬兩千八，一樣有兩個關鍵字廣告跟優先排序。您覺得呢？')
				.flags
		).toContain('wrong-fact');
		expect(
			decide('zh-TW', '基礎會員沒有關鍵字廣告，但公司介紹頁和每月報表都有。您覺得呢？').flags
		).not.toContain('wrong-fact');
		expect(
			decide(
				'zh-TW',
				'您現在十二項，基礎就夠了。如果之後想排前面，金牌會員有優先排序和兩個關鍵字廣告。您覺得呢？'
			).flags
		).not.toContain('wrong-fact');
		expect(decide('zh-TW', '比基礎多了兩個關鍵字廣告的是金牌。您覺得呢？').flags).not.toContain(
			'wrong-fact'
		);
	});
});

describe('a feature one tier alone has is wrong said of another tier or of none (one-tier-features)', () => {
	const commit = (locale: ContentLocale, reply: string) =>
		scored(locale, 'no-results-renewal', 'commit', reply);
	it.each([
		[
			'en',
			"That's fair. This year you'll have a dedicated account manager, and I'll call you every month after your report. Shall we say the 3rd at ten?"
		],
		[
			'en',
			'Gold comes with unlimited listings, so put your whole catalog up. Shall we say the 3rd at ten?'
		],
		['zh-TW', '您說得對。今年開始會有專屬客戶經理每個月打給您，一起看報表。三號早上十點可以嗎？'],
		['zh-TW', '金牌會員產品不限項，您全部放上來都可以。三號早上十點可以嗎？']
	] as const)('%s: %s', (locale, reply) => {
		const result = commit(locale, reply);
		expect(result.flags).toContain('wrong-fact');
		expect(result.score).toBeLessThan(result.passLine);
	});
	it.each([
		[
			'en',
			"If you'd like someone reviewing results with you every quarter, Diamond comes with an account manager. I'll call you every month either way. Shall we say the 3rd at ten?"
		],
		[
			'en',
			"You don't need an account manager for this: I'll call you every month after your report. Shall we say the 3rd at ten?"
		],
		[
			'zh-TW',
			'鑽石會員才有專屬客戶經理；您是基礎會員，我自己每個月打給您一起看報表。三號早上十點可以嗎？'
		]
	] as const)('%s, right: %s', (locale, reply) => {
		expect(commit(locale, reply).flags).not.toContain('wrong-fact');
	});
});

describe('blaming him back talks down', () => {
	it('「是你們自己的事吧…怪我們喔」 and "that’s on you" break the rule; owning the problem does not', () => {
		const zh = scored(
			'zh-TW',
			'renewal-price-objection',
			'close',
			'王經理，產品要更新是你們自己的事吧，你們去年都不弄，怪我們喔？反正我寄給你，你自己跟老闆講。'
		);
		expect(zh.rules).toContain('insults');
		expect(zh.score).toBeLessThanOrEqual(SCORING.ruleCap);
		const en = scored(
			'en',
			'renewal-price-objection',
			'close',
			"Updating the products is your own problem, and you blame us? I'll send it, tell your boss yourself."
		);
		expect(en.rules).toContain('insults');
		expect(
			scored(
				'en',
				'no-results-renewal',
				'no-results',
				"That part's on us, Mr. Lee, and I'm sorry. Could we go through your own numbers together for ten minutes?"
			).rules
		).toEqual([]);
	});
});

describe('slogans instead of facts are poor, and so is their salad', () => {
	it('keeps a slogan reply under the pass line, not a reply that names what he can check', () => {
		const en = scored(
			'en',
			'hostile-skeptic',
			'scam',
			"I hear you, and trust is so important. That's why at MetalHub we believe in transparency, real value and real results. Would you like to know more?"
		);
		expect(en.rules).toContain('slogans');
		expect(en.score).toBeLessThan(en.passLine);
		const zh = scored(
			'zh-TW',
			'offline-factory-owner',
			'greet',
			'黃老闆您好，我是機械五金網的小林，我們提供一站式的全方位服務，幫您創造價值。現在方便講兩分鐘嗎？'
		);
		expect(zh.rules).toContain('slogans');
		expect(zh.score).toBeLessThan(zh.passLine);
		// Said in the negative it is no slogan: the rep refuses the talk.
		expect(
			scored(
				'en',
				'hostile-skeptic',
				'scam',
				"Fair question. I won't just say seamless and trust me: we're JuGong Technology, registered in Taipei since 2012, and you can look us up. Shall I text you our company number?"
			).rules
		).toEqual([]);
	});

	it('talking down before he has said a word breaks the rule, in both languages', () => {
		expect(
			scored(
				'en',
				'send-me-material-first',
				'greet',
				"Yeah, it's MetalHub. Don't hang up on me like the last guy, okay? Just listen for a sec."
			).rules
		).toContain('insults');
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'greet',
				'王經理，我機械五金網的小林，要續約了喔。先講好，價錢就是這樣，別又要殺價。'
			).rules
		).toContain('insults');
	});
});

describe('giving him credit for using the other site too', () => {
	it('“many members use both” credits the marketing he already does, in both languages', () => {
		expect(
			scored(
				'zh-TW',
				'switch-from-competitor',
				'already',
				'很多會員原本也有用百業通，後來兩邊一起用。我們只做機械五金，三萬八千位買家都是這個產業的採購。'
			).score
		).toBeGreaterThanOrEqual(0.4);
		expect(
			scored(
				'en',
				'switch-from-competitor',
				'already',
				'Plenty of our members use both, BaiYeTong and us. We only do machinery and hardware, and our 38,000 buyers are all trade purchasers.'
			).score
		).toBeGreaterThanOrEqual(0.4);
	});
});

describe('company rules in more of the words reps use', () => {
	it('an ultimatum talks down; pressure and discounts in other words break the rules, not when denied', () => {
		expect(
			scored('en', 'busy-call-next-month', 'busy', 'Look, Mr. Wu, do you want new buyers or not?')
				.rules
		).toContain('insults');
		expect(
			scored(
				'en',
				'renewal-price-objection',
				'price',
				"I understand. Act now and I'll give you a discount on Gold."
			).rules
		).toEqual(expect.arrayContaining(['pressure', 'unapproved-discount']));
		expect(
			scored(
				'en',
				'renewal-price-objection',
				'price',
				"I understand, Mr. Wang. I can't give you a discount, but how many inquiries did you get last year?"
			).rules
		).toEqual([]);
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'price',
				'王經理，機會難得，再不簽就沒了，我半價給您。'
			).rules
		).toEqual(expect.arrayContaining(['pressure', 'unapproved-discount']));
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'price',
				'王經理我理解，您不用馬上決定。想請教一下，去年一個月大概接到幾張詢價？'
			).rules
		).toEqual([]);
	});
});

describe('a rule with a penalty under 1 is poor, not harmful (GRADING.md: asking a manager for a better price is a 2)', () => {
	it('keeps the reply between the pitfall floor and cap, above haggling on the spot', () => {
		const good = 'How many inquiries did you get last year?';
		const manager = scored(
			'en',
			'renewal-price-objection',
			'price',
			`I understand, Mr. Wang. Let me check with my manager whether I can get you a better price. ${good}`
		);
		expect(manager.rules).toContain('asks-manager-for-price');
		expect(manager.score).toBeGreaterThanOrEqual(SCORING.pitfallFloor);
		expect(manager.score).toBeLessThanOrEqual(SCORING.pitfallCap);
		const haggle = scored(
			'en',
			'renewal-price-objection',
			'price',
			`I understand, Mr. Wang. I can let you have it for 22,000. ${good}`
		);
		expect(haggle.rules).toContain('negotiates-price');
		expect(haggle.score).toBeLessThanOrEqual(SCORING.ruleCap);
		expect(manager.score).toBeGreaterThan(haggle.score);
	});
});

describe('a key point done in kind, in other words than its cues, earns part of its weight', () => {
	// A pitch that makes none of the beat's points ("many members use both" would credit him).
	const pitchZh = '我們只做機械五金，三萬八千位買家都是這個產業的採購';
	const pitchEn = 'We only do machinery and hardware, and all 38,000 buyers are in the trade';

	it('a question about the customer is needs discovery in kind: more than the pitch alone, under the pass line', () => {
		for (const [locale, pitch, question] of [
			['zh-TW', pitchZh, '，您平常都賣哪幾類產品？'],
			['en', pitchEn, '. Which products do you sell the most?']
		] as const) {
			const alone = scored(locale, 'switch-from-competitor', 'already', `${pitch}。`);
			const asking = scored(locale, 'switch-from-competitor', 'already', pitch + question);
			const discovery = asking.points.find((p) => p.criterion === 'needs-discovery')!;
			expect(discovery.hit).toBe(false);
			expect(discovery.inKind).toBe('question');
			expect(asking.score, locale).toBeGreaterThanOrEqual(0.4);
			expect(asking.score).toBeGreaterThan(alone.score);
			expect(asking.score).toBeLessThan(asking.passLine);
		}
	});

	it('not for a question said twice, nor one labelled in brackets, nor one next to a broken rule', () => {
		for (const [locale, pitch, question, pressure] of [
			['zh-TW', pitchZh, '您平常都賣哪幾類產品？', '今天不簽就恢復原價。'],
			['en', pitchEn, 'Which products do you sell the most?', 'This price is only good for today.']
		] as const) {
			for (const reply of [
				`${pitch}. ${question} ${question}`,
				`${pitch}. (${locale === 'en' ? 'question' : '提問'}) ${question}`,
				`${pitch}. ${pressure} ${question}`
			]) {
				const result = scored(locale, 'switch-from-competitor', 'already', reply);
				expect(
					result.points.some((p) => p.inKind),
					reply
				).toBe(false);
				expect(result.score, reply).toBeLessThan(0.4);
			}
		}
	});
});

describe('a next step names a time or offers the trial, rather than mentioning it', () => {
	it('a day or an hour is a step; talk about the trial alone is not', () => {
		const beat = { expect: [{ point: 'price', weight: 1, cues: ['price'] }], avoid: [] };
		for (const [locale, reply] of [
			['en', 'Sure. How about I call you Friday at three?'],
			['en', 'Shall I try you tomorrow morning or this afternoon'],
			['zh-TW', '好，那我禮拜五下午三點再跟您聯絡。'],
			['zh-TW', '那您看早上還是下午比較好']
		] as const)
			expect(scoreReply(reply, beat, [], shippedPhrasebook(locale)).signals, reply).toContain(
				'next-step'
			);
		for (const reply of [
			'The trial is free, so the boss does not have to sign anything for the trial.',
			'Try it free first: 14 days, 10 products, no payment.'
		])
			expect(scoreReply(reply, beat, [], shippedPhrasebook('en')).signals, reply).not.toContain(
				'next-step'
			);
		expect(
			scoreReply('I can start a free trial for you this week.', beat, [], shippedPhrasebook('en'))
				.signals
		).toContain('next-step');
	});
});

describe('pressure in the words of a rep closing hard', () => {
	it('“buy today or lose the price” breaks the rule; “no need to decide today” does not', () => {
		expect(
			scored(
				'zh-TW',
				'offline-factory-owner',
				'enough',
				'做不完是好事，不過今天不買就沒有這個價了，您想接哪種工件？'
			).rules
		).toContain('pressure');
		expect(
			scored(
				'zh-TW',
				'offline-factory-owner',
				'enough',
				'做不完是好事，不用急著今天決定，您想接哪種工件？'
			).rules
		).toEqual([]);
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'enough',
				"That's good news. This price is only good for today, so what kind of jobs do you want?"
			).rules
		).toContain('pressure');
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'enough',
				"That's good news, and there's no need to decide now. What kind of jobs do you want more of?"
			).rules
		).toEqual([]);
	});
});

describe('the lexicon knows the phone talk of Taiwan and of English as typed', () => {
	const point = (result: ReturnType<typeof scored>, criterion: string) =>
		result.points.find((p) => p.criterion === criterion)!;

	it('拍謝、打擾、頭家哪時候會在 and “sorry to barge in … is he around” make the points; said in the negative or as notes, not', () => {
		for (const [locale, good, denied, notes] of [
			[
				'zh-TW',
				'拍謝啦，這時間打來打擾。頭家大概哪時候會在公司？',
				'拍謝，吵到您了，我不會問頭家哪時候會在，下次再說。',
				'拍謝 打擾 頭家 哪時候會在'
			],
			[
				'en',
				"Sorry to barge in, I know you're busy. Is he around in the mornings usually?",
				"Sorry to barge in. I won't ask when he's around, I'll just try again some day.",
				'sorry, barge in, busy, around, mornings'
			]
		] as const) {
			const made = scored(locale, 'gatekeeper-boss-not-in', 'guarded', good);
			expect(point(made, 'composure').hit, good).toBe(true);
			expect(point(made, 'closing').hit, good).toBe(true);
			expect(made.score).toBeGreaterThanOrEqual(made.passLine);
			expect(
				point(scored(locale, 'gatekeeper-boss-not-in', 'guarded', denied), 'closing').hit,
				denied
			).toBe(false);
			expect(scored(locale, 'gatekeeper-boss-not-in', 'guarded', notes).score).toBeLessThanOrEqual(
				SCORING.notSpeechCap
			);
		}
	});
});

describe('calling the price cheap is poor, not harmful (GRADING.md: says the price is “already cheap”, a 2)', () => {
	it('breaks the rule when said, not when denied, nor when it is the competitor that is cheaper', () => {
		for (const [locale, cheap, denied, competitor] of [
			[
				'zh-TW',
				'一萬二千八很便宜啦老闆，一天才三十五塊，您接到兩批就賺回來了啦。',
				'我不會說它很便宜，老闆，那兩批單大概多少錢？',
				'對，百業通確實很便宜，請問您在那邊一個月大概有幾張詢價？'
			],
			[
				'en',
				'Two orders already pays for it, so honestly 12,800 is cheap.',
				"I won't tell you it's cheap. What were those two orders worth?",
				"General B2B is cheaper, that's true. How many inquiries a month do you get there?"
			]
		] as const) {
			const result = scored(locale, 'no-results-renewal', 'cause', cheap);
			expect(result.rules, cheap).toContain('calls-price-cheap');
			expect(result.score).toBeGreaterThanOrEqual(SCORING.pitfallFloor);
			expect(result.score).toBeLessThan(result.passLine);
			expect(scored(locale, 'no-results-renewal', 'cause', denied).rules, denied).toEqual([]);
			expect(
				scored(locale, 'switch-from-competitor', 'cheaper', competitor).rules,
				competitor
			).toEqual([]);
		}
	});
});

describe('pressure, talking down and facts in more of the words reps use', () => {
	it('pressure to decide is the rule in both languages, and not when the rep takes it away', () => {
		const pushed = scored(
			'en',
			'renewal-price-objection',
			'price',
			'I hear you. But you need to decide today, the price is going up next month.'
		);
		expect(pushed.rules).toContain('pressure');
		expect(pushed.score).toBeLessThanOrEqual(SCORING.ruleCap);
		const eased = scored(
			'en',
			'renewal-price-objection',
			'price',
			"I hear you, and there's no need to decide today. How many inquiries did you get last year?"
		);
		expect(eased.rules).toEqual([]);
		expect(eased.score).toBeGreaterThanOrEqual(eased.passLine);
		// A customer ready to decide is no pressure from the rep.
		expect(
			scored(
				'en',
				'contract-too-long',
				'discount',
				'Thanks for being ready to decide today. Would you rather start with one year, or go for two?'
			).rules
		).toEqual([]);
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'price',
				'了解。不過老闆今天就要決定喔，下個月就漲了。'
			).rules
		).toContain('pressure');
		const zhEased = scored(
			'zh-TW',
			'renewal-price-objection',
			'price',
			'了解，我不會叫您現在就決定。去年一個月大概幾張詢價？'
		);
		expect(zhEased.rules).toEqual([]);
		expect(zhEased.score).toBeGreaterThanOrEqual(zhEased.passLine);
	});

	it('talking down and fear are rules too; “it’s not that hard” argues rather than insults', () => {
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'no-online',
				"Get real, you're a dinosaur if you're not online."
			).rules
		).toContain('insults');
		expect(
			scored(
				'zh-TW',
				'offline-factory-owner',
				'no-online',
				'醒醒吧，你們這種小工廠再不上網就等著倒。'
			).rules
		).toContain('insults');
		const brushedOff = scored(
			'en',
			'offline-factory-owner',
			'no-staff',
			'you could hire someone part time to do the website, its not that hard'
		);
		expect(brushedOff.rules).toEqual(['argues']);
		expect(brushedOff.score).toBeGreaterThanOrEqual(SCORING.pitfallFloor);
		expect(
			scored('zh-TW', 'offline-factory-owner', 'no-online', '不上網的話，遲早會被淘汰啦。').rules
		).toContain('argues');
	});

	it('a price “plus tax”, monthly payments and Gold with five keyword ads are wrong facts; the right ones are not', () => {
		const cases: [ContentLocale, string, string, boolean][] = [
			[
				'en',
				'renewal-price-objection',
				'I understand. Gold is 26,800 plus tax, about 73 a day. How many inquiries do you get a month?',
				true
			],
			[
				'en',
				'renewal-price-objection',
				'I understand. Gold is 26,800 with tax included, about 73 a day. How many inquiries do you get a month?',
				false
			],
			[
				'zh-TW',
				'renewal-price-objection',
				'了解。金牌一年兩萬六千八未稅，一天大約七十三塊。您一個月大概幾張詢價？',
				true
			],
			[
				'zh-TW',
				'renewal-price-objection',
				'了解。金牌一年兩萬六千八含稅，一天大約七十三塊。您一個月大概幾張詢價？',
				false
			],
			[
				'en',
				'renewal-price-objection',
				'I understand. Gold comes with 5 keyword ads, so how many inquiries did you get last year?',
				true
			],
			[
				'en',
				'renewal-price-objection',
				'I understand. Gold comes with 2 keyword ads, so how many inquiries did you get last year?',
				false
			],
			[
				'zh-TW',
				'renewal-price-objection',
				'了解。金牌有五個關鍵字廣告，去年一個月大概幾張詢價？',
				true
			],
			[
				'zh-TW',
				'renewal-price-objection',
				'了解。金牌有兩個關鍵字廣告，去年一個月大概幾張詢價？',
				false
			]
		];
		for (const [locale, scenario, reply, wrong] of cases) {
			const result = scored(locale, scenario, 'price', reply);
			expect(result.flags.includes('wrong-fact'), reply).toBe(wrong);
			if (wrong) expect(result.score).toBeLessThanOrEqual(SCORING.wrongFactCap);
		}
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'trial-cost',
				'After the trial you can pay monthly if you carry on. Shall we pick the ten products?'
			).flags
		).toContain('wrong-fact');
		// Said in the negative, the claim is right.
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'trial-cost',
				"After the trial nothing is charged, and you don't pay monthly: Basic is one yearly fee of 12,800 if you carry on. Shall we pick the ten products?"
			).flags
		).not.toContain('wrong-fact');
		expect(
			scored(
				'zh-TW',
				'offline-factory-owner',
				'trial-cost',
				'試刊完如果要繼續，可以月繳，很輕鬆。要不要先挑十項？'
			).flags
		).toContain('wrong-fact');
	});

	it('hears spare capacity, cost per lead and side-by-side comparison in the rep’s own words, not as a keyword list', () => {
		const capacity = scored(
			'en',
			'send-me-material-first',
			'needs',
			'Makes sense, automation builders. Have you got machines free this year, or are you fully booked?'
		);
		expect(capacity.points.every((p) => p.hit)).toBe(true);
		expect(capacity.score).toBeGreaterThanOrEqual(capacity.passLine);
		const zhCapacity = scored(
			'zh-TW',
			'send-me-material-first',
			'needs',
			'了解，做自動化設備的客戶。那現在機台有空嗎？還想接新客戶嗎？'
		);
		expect(zhCapacity.points.every((p) => p.hit)).toBe(true);
		expect(zhCapacity.score).toBeGreaterThanOrEqual(zhCapacity.passLine);
		const lead = scored(
			'en',
			'switch-from-competitor',
			'cheaper',
			"Fair, on price alone they win. What I'd look at is what each real lead costs you. What's a typical order worth to you?"
		);
		expect(lead.score).toBeGreaterThanOrEqual(lead.passLine);
		// The same words typed as a list are notes, not a reply.
		expect(
			scored(
				'en',
				'send-me-material-first',
				'needs',
				'capacity machines free new customers automation'
			).score
		).toBeLessThanOrEqual(SCORING.notSpeechCap);
		expect(
			scored('zh-TW', 'send-me-material-first', 'needs', '產能 機台有空 新客戶 自動化').score
		).toBeLessThanOrEqual(SCORING.notSpeechCap);
	});
});

describe('counts in words, condescension and spoken questions', () => {
	it('reads counts said in English words: a thirty-day trial of fifty products is wrong, fourteen days and ten are right', () => {
		const wrong = scored(
			'en',
			'offline-factory-owner',
			'no-staff',
			'The free trial runs thirty days with fifty products, so send me photos of everything. Shall we start?'
		);
		expect(wrong.flags).toContain('wrong-fact');
		expect(wrong.score).toBeLessThanOrEqual(SCORING.wrongFactCap);
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'no-staff',
				'The free trial runs fourteen days with ten products, so send me photos of your best moulds. Shall we start?'
			).flags
		).not.toContain('wrong-fact');
		expect(
			scored(
				'en',
				'renewal-price-objection',
				'price',
				'I understand. Gold is 26,800 plus 5% tax. How many inquiries did you get last year?'
			).flags
		).toContain('wrong-fact');
	});

	it('condescending is poor, in both languages; the same facts said plainly pass', () => {
		const lecture = scored(
			'en',
			'switch-from-competitor',
			'products',
			"Thousands? Well, obviously you can't list thousands on a trial, it's ten products. Any experienced distributor would know to start with best sellers."
		);
		expect(lecture.rules).toContain('condescends');
		expect(lecture.score).toBeLessThan(lecture.passLine);
		const plain = scored(
			'en',
			'switch-from-competitor',
			'products',
			'Thousands, great. The trial takes ten, so which ones move the most for you?'
		);
		expect(plain.rules).toEqual([]);
		expect(plain.score).toBeGreaterThanOrEqual(plain.passLine);
		expect(
			scored(
				'zh-TW',
				'switch-from-competitor',
				'products',
				'林老闆，很多經銷商對網路平台還不太懂，所以我今天特地幫您上一課。'
			).rules
		).toContain('condescends');
	});

	it('hears a transcript’s question through fillers and stutters, and the trial’s ten products for free is no discount', () => {
		for (const reply of [
			"yeah thats fair um so lets start free ten products two weeks and I'll call you day three and day ten so which um which products move the most for you",
			"ok so we'll pick ten of your best screws and get them up for free and I call you on day three to look at the numbers does that work"
		]) {
			const result = scored('en', 'switch-from-competitor', 'trial', reply);
			expect(result.signals).toContain('question');
			expect(result.flags).not.toContain('monologue');
			expect(result.rules).toEqual([]);
			expect(result.score).toBeGreaterThanOrEqual(result.passLine);
		}
	});

	it('two yes-no questions of a Chinese transcript (有沒有人看 … 有沒有人來問) are no point said twice; the same point twice still is', () => {
		const spoken = scored(
			'zh-TW',
			'switch-from-competitor',
			'trial',
			'嗯 對啊 先不要花錢 就先試刊 免費的 十四天 放十項 那兩個禮拜有沒有人看 有沒有人來問 報表上都有 第三天我打給您 這樣好不好'
		);
		expect(spoken.flags).not.toContain('repeated-sentence');
		expect(spoken.score).toBeGreaterThanOrEqual(spoken.passLine);
		expect(restatesItself('免費試刊十四天放十項產品。試刊免費十四天可以放十項產品。')).toBe(true);
	});
});

describe('batch 6 in general rules: free years, prices offered, talking down in 「跟妳講」', () => {
	it('a free first year or free months are a discount outside the policy, in both languages', () => {
		const zh = scored(
			'zh-TW',
			'offline-factory-owner',
			'annoyed',
			'黃老闆歹勢啦，不然這樣，我幫您申請第一年免費，您完全不用花錢，用一年看看。'
		);
		expect(zh.rules).toContain('unapproved-discount');
		expect(zh.score).toBeLessThan(zh.passLine);
		const trial = scored(
			'zh-TW',
			'offline-factory-owner',
			'annoyed',
			'黃老闆歹勢，您先免費試刊兩個禮拜，放十項模具看看有沒有人問，好嗎？'
		);
		expect(trial.rules).not.toContain('unapproved-discount');
	});

	it('the customer’s price given to our tier is haggling', () => {
		const zh = scored(
			'zh-TW',
			'switch-from-competitor',
			'already',
			'百業通六千八是吧？那我們金牌也幫您算六千八就好，先讓您用用看。'
		);
		expect(zh.rules).toContain('negotiates-price');
		const en = scored(
			'en',
			'busy-call-next-month',
			'slow-season',
			'Since the boss is on at you, I can do Gold at twenty thousand for the first year if you sign before New Year.'
		);
		expect(en.rules).toEqual(expect.arrayContaining(['negotiates-price', 'pressure']));
	});

	it('「跟妳講妳可能也不太懂」 talks down; a refusal said first and a quoted word denied are no pitfall', () => {
		const down = scored(
			'zh-TW',
			'gatekeeper-boss-not-in',
			'guarded',
			'這個東西跟妳講妳可能也不太懂，請問老闆幾點在？'
		);
		expect(down.score).toBeLessThan(down.passLine);
		expect(down.words).toContain('妳可能也不太懂');
		const cheap = scored(
			'zh-TW',
			'renewal-price-objection',
			'price',
			'我不會叫您跟老闆說「很便宜」，您算算看一張單多少？'
		);
		expect(cheap.rules).not.toContain('calls-price-cheap');
		const refused = scored(
			'zh-TW',
			'renewal-price-objection',
			'discount',
			'王經理，兩萬這個數字我真的沒辦法給，私下降價我答應了也是騙您。我能給的只有簽兩年，第二年打九折，這樣跟老闆報可以嗎？'
		);
		expect(refused.pitfalls.filter((p) => p.hit)).toEqual([]);
		expect(refused.score).toBeGreaterThanOrEqual(refused.passLine);
	});

	it('promising a call after every report is no promise of results', () => {
		const service = scored(
			'zh-TW',
			'no-results-renewal',
			'commit',
			'我沒辦法保證幾張詢價，但我保證每個月報表出來就打給你。這禮拜五前請你給我五項規格，可以嗎？'
		);
		expect(service.pitfalls.filter((p) => p.hit)).toEqual([]);
		const results = scored(
			'zh-TW',
			'no-results-renewal',
			'commit',
			'我保證今年詢價一定翻倍，這禮拜五前請你給我五項規格，可以嗎？'
		);
		expect(results.score).toBeLessThan(results.passLine);
	});

	it('short fragments that name someone (look us up, ring our line back yourself) are speech, not notes', () => {
		expect(
			isNotes(
				'Fair question. Look us up, JuGong Technology, founded 2012, and ring our main line back yourself.'
			)
		).toBe(false);
	});
});

describe('batch 7 in general rules: cheap said of the price only, the trial in other words, upselling a doubter', () => {
	it('“isn’t a lot” about something else than the price is no calling it cheap', () => {
		const other = scored(
			'en',
			'no-results-renewal',
			'cause',
			'Fair enough, one customer in a year isn’t a lot. But roughly what were those two orders worth to you?'
		);
		expect(other.rules).not.toContain('calls-price-cheap');
		const price = scored(
			'en',
			'renewal-price-objection',
			'price',
			'Honestly, 26,800 isn’t a lot for a company your size. How many inquiries did you get last year?'
		);
		expect(price.rules).toContain('calls-price-cheap');
	});

	it('seeing “for free” whether buyers look is the trial, not a discount; knocking the price down is haggling', () => {
		const trial = scored(
			'en',
			'offline-factory-owner',
			'annoyed',
			'I’m sorry if it came across that way. Would it hurt to see, for free, whether buyers you don’t know are looking for moulds like yours?'
		);
		expect(trial.rules).not.toContain('unapproved-discount');
		const haggle = scored(
			'en',
			'offline-factory-owner',
			'trial-cost',
			'No catch at all. And if you sign up for Gold I can knock the first year down to 20,000, but only if you decide this week.'
		);
		expect(haggle.rules).toEqual(expect.arrayContaining(['negotiates-price', 'pressure']));
		const afterwards = scored(
			'en',
			'hostile-skeptic',
			'trial',
			'The fourteen days are free. Only if you decide afterwards that it’s worth it would you sign a contract. Which ten products would you list?'
		);
		expect(afterwards.rules).not.toContain('pressure');
	});

	it('lecturing him on old thinking, or settling the price before he speaks, talks down, in both languages', () => {
		const en = scored(
			'en',
			'offline-factory-owner',
			'greet',
			'Hi, this is Kevin from MetalHub. Mr. Huang, a lot of mould shops think the internet isn’t for them, but that’s outdated thinking.'
		);
		expect(en.score).toBeLessThan(en.passLine);
		const zh = scored(
			'zh-TW',
			'renewal-price-objection',
			'greet',
			'王經理您好，我機械五金網小陳。我知道您一定又要說貴，不過我們價格是全業界最合理的，這點沒什麼好談的。'
		);
		expect(zh.score).toBeLessThan(zh.passLine);
	});

	it('upselling Gold to a renewal customer who says Basic is not worth it is a pitfall, in both languages', () => {
		const en = scored(
			'en',
			'no-results-renewal',
			'cause',
			'I hear you, 12,800 is a lot. That’s why I’d really recommend upgrading to Gold. Shall I send the Gold contract?'
		);
		expect(en.score).toBeLessThan(en.passLine);
		const zh = scored(
			'zh-TW',
			'no-results-renewal',
			'cause',
			'我懂，一萬二千八不便宜，所以我建議您直接升級金牌，排序比較前面，我把金牌的合約寄給您好嗎？'
		);
		expect(zh.score).toBeLessThan(zh.passLine);
	});
});

describe('model answers written blind (exemplars of batch 8): the general rules their bad ones break', () => {
	it('a number of customers promised "at least", in English', () => {
		const promise = scored(
			'en',
			'busy-call-next-month',
			'slow-season',
			"Put your parts up before New Year and you'll land at least five new customers by February. Shall I set it up?"
		);
		expect(promise.rules).toContain('promises-results');
		const honest = scored(
			'en',
			'busy-call-next-month',
			'slow-season',
			"Put your parts up before New Year so buyers find you in the quiet months. I can't promise a number, but which parts would you want them to see first?"
		);
		expect(honest.rules).not.toContain('promises-results');
	});

	it('a special renewal price this week is a discount and pressure; the best price from a manager is asking for one', () => {
		const special = scored(
			'en',
			'renewal-price-objection',
			'greet',
			'Good morning, Kevin from MetalHub. If you renew Gold this week I can do you a special renewal price.'
		);
		expect(special.rules).toEqual(expect.arrayContaining(['unapproved-discount', 'pressure']));
		const manager = scored(
			'en',
			'renewal-price-objection',
			'price',
			"I understand the budget's tight. Let me check with my manager what the best price we can do is."
		);
		expect(manager.rules).toContain('asks-manager-for-price');
		expect(manager.score).toBeLessThan(manager.passLine);
	});

	it('asking for the money before the owner has agreed is pressure, in both languages', () => {
		const en = scored(
			'en',
			'gatekeeper-boss-not-in',
			'confirm',
			"Thanks, Ms. Tsai, Wednesday at two it is. Could you ask him to transfer the 26,800 before we speak? I'll email our bank details."
		);
		expect(en.rules).toContain('pressure');
		const zh = scored(
			'zh-TW',
			'offline-factory-owner',
			'no-staff',
			'沒關係，上架我們會處理，您只要先把年費匯過來，剩下的我們幫您弄。'
		);
		expect(zh.score).toBeLessThan(zh.passLine);
		const notFirst = scored(
			'zh-TW',
			'offline-factory-owner',
			'no-staff',
			'沒關係，上架我們會處理，不用先匯款也不用簽約，您拍幾張模具的照片給我就好。哪幾組模具最想先放？'
		);
		expect(notFirst.rules).not.toContain('pressure');
	});

	it('"like it or not", "that is more about how your team followed up" and "not your call to" argue', () => {
		for (const [scenario, beat, reply] of [
			[
				'offline-factory-owner',
				'annoyed',
				'Buyers are moving online whether you like it or not, Mr. Huang.'
			],
			[
				'no-results-renewal',
				'funnel',
				"It shows 26 inquiries, so the platform did its job. That's more about how your team followed up."
			],
			[
				'gatekeeper-boss-not-in',
				'guarded',
				"I understand, but it's really not your call to screen it. Could you give me his mobile?"
			]
		] as const)
			expect(scored('en', scenario, beat, reply).rules).toContain('argues');
	});

	it('a trial that rolls straight into a plan unless he cancels is a wrong fact', () => {
		const trap = scored(
			'en',
			'hostile-skeptic',
			'trial',
			"The trial's free for the first month and then rolls straight into Basic unless you cancel. Shall I sign you up?"
		);
		expect(trap.flags).toContain('wrong-fact');
		expect(trap.score).toBeLessThan(trap.passLine);
	});

	it('a feature said of Basic "same as Gold" is said of Basic', () => {
		const same = scored(
			'en',
			'no-results-renewal',
			'decide',
			"Basic is fine. It's 12,800 a year and now includes priority ranking and two keyword ads, same as Gold. Shall I send the form?"
		);
		expect(same.flags).toContain('wrong-fact');
	});

	it('his own count is no count of ours, and a monthly figure keeps its month beside a daily one', () => {
		const his = scored(
			'en',
			'no-results-renewal',
			'decide',
			"Honestly, you've got twelve products and Basic takes up to fifty, so it fits you fine. Does Basic sound right to you?"
		);
		expect(his.flags).not.toContain('wrong-fact');
		expect(his.score).toBeGreaterThanOrEqual(his.passLine);
		const breakdown = scored(
			'zh-TW',
			'renewal-price-objection',
			'value',
			'攤下來一個月約兩千二、一天七十幾塊。您一張單三、四萬，一年成交一張就回本了，您覺得呢？'
		);
		expect(breakdown.flags).not.toContain('wrong-fact');
		const wrongMonth = scored(
			'zh-TW',
			'renewal-price-objection',
			'value',
			'攤下來一個月約一千二、一天七十幾塊。您一張單三、四萬，一年成交一張就回本了，您覺得呢？'
		);
		expect(wrongMonth.flags).toContain('wrong-fact');
	});
});

describe('batch 8 in general rules', () => {
	it('polite and empty: courtesies with nothing asked, proposed or shown stay under the pass line, in both languages', () => {
		const en = scored(
			'en',
			'send-me-material-first',
			'greet',
			"Good morning! Thank you so much for picking up, I hope your day is going well. I'm calling from MetalHub."
		);
		expect(en.flags).toContain('polite-empty');
		expect(en.score).toBeLessThan(en.passLine);
		const zh = scored(
			'zh-TW',
			'offline-factory-owner',
			'annoyed',
			'黃老闆，真的很抱歉讓您不舒服，我們非常尊重您的經驗。希望以後有機會能為您服務，祝您生意興隆。'
		);
		expect(zh.flags).toContain('polite-empty');
		expect(zh.score).toBeLessThan(zh.passLine);
		// The same courtesy beside a question, or a step, is no empty reply.
		const asks = scored(
			'en',
			'send-me-material-first',
			'greet',
			'Good morning, Mr. Hsu, thanks for picking up. This is Ken from MetalHub. Do new machining jobs mostly come to you through referrals?'
		);
		expect(asks.flags).not.toContain('polite-empty');
	});

	it('"貴不貴" asks whether it is dear: it is no "不貴"', () => {
		const zh = scored(
			'zh-TW',
			'renewal-price-objection',
			'price',
			'王經理，說真的，如果這一年網站沒幫您做到生意，兩萬六千八一塊錢都是貴。所以我不跟您爭貴不貴，我們直接看帳：您報表上詢價一個月大概幾張，成交了幾張？'
		);
		expect(zh.words).not.toContain('不貴');
		expect(zh.score).toBeGreaterThanOrEqual(zh.passLine);
	});

	it('an app named in two sentences (LINE) is no sentence said twice', () => {
		const zh = scored(
			'zh-TW',
			'offline-factory-owner',
			'no-staff',
			'這個您放心，不用您的師傅碰電腦。您只要拍幾張模具的照片，我們的助理幫您上架、寫規格。您平常用 LINE 嗎？用 LINE 傳照片給我就好。'
		);
		expect(zh.flags).not.toContain('repeated-sentence');
		expect(zh.score).toBeGreaterThanOrEqual(zh.passLine);
	});

	it('wrong claims: "80,000 of our registered buyers", "the biggest B2B site in Taiwan", 全台最大, a trial that turns into Gold', () => {
		const wrong = [
			scored(
				'en',
				'switch-from-competitor',
				'quality',
				"With us it's different, all 80,000 of our registered buyers are in metal parts. How many products would you list?"
			),
			scored(
				'en',
				'offline-factory-owner',
				'greet',
				'Hello Mr. Huang, this is Wei-ting from MetalHub, the biggest B2B site in Taiwan. How do new customers find you these days?'
			),
			scored(
				'zh-TW',
				'offline-factory-owner',
				'greet',
				'黃老闆您好，我是機械五金網的小王，我們是全台最大的機械五金平台。請問您現在新客戶都是怎麼來的？'
			),
			scored(
				'zh-TW',
				'offline-factory-owner',
				'trial-cost',
				'試刊十四天、十項產品，免費的。試刊結束後直接轉金牌會員，您覺得好嗎？'
			)
		];
		for (const result of wrong) expect(result.flags).toContain('wrong-fact');
		const right = scored(
			'en',
			'switch-from-competitor',
			'quality',
			"With us it's different, all 38,000 of our registered buyers are in metal parts. How many products would you list?"
		);
		expect(right.flags).not.toContain('wrong-fact');
	});

	it('a price called a rounding error, "more inquiries" given, a renewal "signed by Friday", 簽一簽回傳', () => {
		expect(
			scored(
				'en',
				'busy-call-next-month',
				'boss-approval',
				"The trial's free, no signature needed. And Gold is only twenty-six eight a year, that's a rounding error for a company your size."
			).rules
		).toContain('calls-price-cheap');
		const close = scored(
			'en',
			'renewal-price-objection',
			'close',
			"Absolutely, I'll put it in writing. This year we'll give you even better service and more inquiries. Can you get the renewal signed by Friday?"
		);
		expect(close.rules).toEqual(expect.arrayContaining(['promises-results', 'pressure']));
		expect(
			scored(
				'zh-TW',
				'renewal-price-objection',
				'greet',
				'王經理您好，我是機械五金網的小黃。您的合約下個月到期，我先把續約單寄過去，您簽一簽回傳就好。'
			).rules
		).toContain('pressure');
	});

	it('"something that works for you" books nothing', () => {
		const result = scored(
			'en',
			'switch-from-competitor',
			'already',
			"It's great that you've found something that works for you."
		);
		expect(result.signals).not.toContain('next-step');
	});
});

describe('batch 17 in general rules', () => {
	it('a service promised after refusing to promise results is no promise of results, in both languages', () => {
		const english = scored(
			'en',
			'renewal-price-objection',
			'close',
			"Each month I'll go through the report with you and fix one thing. I won't promise a number of inquiries, but I'll promise you that."
		);
		expect(english.fell).toEqual([]);
		expect(english.rules).toEqual([]);
		// Results promised still are.
		expect(
			scored(
				'en',
				'renewal-price-objection',
				'close',
				"I'll go through the report with you, and I promise you more inquiries this year."
			).fell
		).not.toEqual([]);
		const chinese = scored(
			'zh-TW',
			'renewal-price-objection',
			'close',
			'每個月報表出來，我一定會打給您，一起看數字、改一個地方。'
		);
		expect(chinese.fell).toEqual([]);
		expect(
			scored('zh-TW', 'renewal-price-objection', 'close', '續約之後我保證今年詢價一定會更多。').fell
		).not.toEqual([]);
	});

	it('"want me to send that over" asks, typed without a question mark', () => {
		const result = scored(
			'en',
			'renewal-price-objection',
			'two-year',
			'so one year of gold is 26800 and two years is 50920 want me to send that over today'
		);
		expect(result.signals).toContain('question');
		expect(result.flags).not.toContain('monologue');
	});

	it('asking for a call sooner than the month he asked for is pushing, in both languages', () => {
		expect(
			scored(
				'en',
				'busy-call-next-month',
				'book-date',
				"Next month is too far away, why wait? I'll call you this Friday at ten."
			).fell
		).not.toEqual([]);
		expect(
			scored(
				'zh-TW',
				'busy-call-next-month',
				'book-date',
				'下個月太久了啦，我這個禮拜五十點先打給您。'
			).fell
		).not.toEqual([]);
		expect(
			scored('zh-TW', 'busy-call-next-month', 'book-date', '好，那我下個月五號上午十點打給您。')
				.fell
		).toEqual([]);
	});
});

describe('batch 18 in general rules', () => {
	it('a phrase is not said across the end of a sentence', () => {
		const result = scored(
			'en',
			'busy-call-next-month',
			'brushoff',
			"Fair enough. Let me make it easy: I'll call once more, Thursday at eleven, for sixty seconds, and if it's still a no, I'll take you off my list for good. Deal?"
		);
		expect(result.fell).toEqual([]);
		// Said in one sentence, it is the phrase.
		expect(
			scored('en', 'busy-call-next-month', 'brushoff', 'I have a good deal for you this month.')
				.fell
		).not.toEqual([]);
	});

	it('addressing the boss in most sentences is no harping on one point', () => {
		const result = scored(
			'zh-TW',
			'switch-from-competitor',
			'greet',
			'您好，我是機械五金網的怡君，想找林老闆。想請教老闆一個跟扣件接新客戶有關的問題，大概兩分鐘，請問老闆現在方便嗎？'
		);
		expect(result.flags).not.toContain('repeated-sentence');
		expect(result.score).toBeGreaterThanOrEqual(result.passLine);
	});
});

describe('a competitor’s price said as ours, and a small daily sum, are wrong prices', () => {
	const saysWrongFact = (locale: ContentLocale, scenario: string, beat: string, reply: string) =>
		scored(locale, scenario, beat, reply).flags.includes('wrong-fact');

	// A competitor's price is right only in a sentence that names a competitor; a day's price with
	// its currency is checked however small (Gold is about NT$73 a day).
	it.each([
		[
			'en',
			'hostile-skeptic',
			'threat',
			"For NT$6,800 a year you're in front of 38,000 buyers.",
			true
		],
		[
			'en',
			'hostile-skeptic',
			'threat',
			'BaiYeTong is NT$6,800 a year; our Basic is NT$12,800.',
			false
		],
		['zh-TW', 'hostile-skeptic', 'threat', '一年六千八，您的螺絲就在三萬八千位買家面前。', true],
		['zh-TW', 'hostile-skeptic', 'threat', '百業通一年六千八，我們基礎會員一萬兩千八。', false],
		['en', 'renewal-price-objection', 'value', "At 26,800 a year that's about NT$7 a day.", true],
		['en', 'renewal-price-objection', 'value', "At 26,800 a year that's about NT$73 a day.", false]
	] as const)('%s %s/%s: %j is a wrong fact: %s', (locale, scenario, beat, reply, wrong) => {
		expect(saysWrongFact(locale, scenario, beat, reply)).toBe(wrong);
	});
});

describe('batch 20 in general rules', () => {
	it('"does next month free up?" gives no free month; "I can promise there’ll be twenty inquiries" promises', () => {
		expect(
			scored(
				'en',
				'busy-call-next-month',
				'next-month',
				'Fair enough. Once that shipment is gone, does the first week of next month free up? I could ring you Wednesday at ten.'
			).rules
		).toEqual([]);
		expect(
			scored(
				'en',
				'busy-call-next-month',
				'next-month',
				"I can promise there'll be at least twenty inquiries waiting for you. Can I call you on the fifth at ten?"
			).rules
		).toContain('promises-results');
	});
});

describe('the company’s founding year and city, said otherwise, are wrong facts (shipped company-facts)', () => {
	it.each([
		[
			'en',
			"That's a fair question. We're JuGong Technology, set up in Taichung back in 2005, so we've been around a long time. You can look us up, and call our main line back to check it's me.",
			['Taichung', '2005']
		],
		[
			'zh-TW',
			'您會懷疑很正常，被騙過換誰都會怕。我們是聚工科技股份有限公司，二〇〇二年在台中成立，經濟部商工登記查得到，您可以先掛掉，自己查我們總機再打回來找我。',
			['二〇〇二', '台中']
		]
	] as const)(
		'%s: a reply that is right in every other way stays under the pass line',
		(locale, reply, said) => {
			const wrong = scored(locale, 'hostile-skeptic', 'scam', reply);
			expect(wrong.flags).toContain('wrong-fact');
			expect(wrong.wrongFacts?.map(([s, e]) => reply.slice(s, e)).sort()).toEqual([...said].sort());
			expect(wrong.score).toBeLessThan(wrong.passLine);
			const right = scored(
				locale,
				'hostile-skeptic',
				'scam',
				reply
					.replace('Taichung', 'Taipei')
					.replace('2005', '2012')
					.replace('二〇〇二', '二〇一二')
					.replace('台中', '台北')
			);
			expect(right.flags).not.toContain('wrong-fact');
			expect(right.score).toBeGreaterThanOrEqual(right.passLine);
		}
	);
});

describe('claims never true of the offer, said in passing, are wrong facts (shipped wrong-facts)', () => {
	it.each([
		[
			'en',
			'hostile-skeptic',
			'trial',
			'With us you only start paying after your first inquiry comes in, so you never pay for nothing. Shall I set up the trial?'
		],
		[
			'en',
			'offline-factory-owner',
			'greet',
			"Hello, is that Mr. Huang? I'm Eric from MetalHub. We're an online shop for machinery where buyers order parts and pay online. How do you find new customers at the moment?"
		],
		[
			'zh-TW',
			'busy-call-next-month',
			'slow-season',
			'難怪壓力都在您身上。我們有十四天免費試刊，時間到了會自動幫您轉成基礎會員，您最想先推哪幾項？'
		],
		[
			'zh-TW',
			'offline-factory-owner',
			'no-online',
			'了解，老客戶介紹最實在。我們有一個月的免費試刊，您可以先放十項產品看看。您現在新客戶大多是怎麼來的？'
		]
	] as const)('%s %s/%s', (locale, scenario, beat, reply) => {
		const result = scored(locale, scenario, beat, reply);
		expect(result.flags).toContain('wrong-fact');
		expect(result.score).toBeLessThan(result.passLine);
	});

	// Denied, the same claims are right.
	it.each([
		[
			'en',
			'offline-factory-owner',
			'no-online',
			"Fair enough. We're not an online shop: buyers don't pay online, they send you an inquiry and you quote as you always do. How do new customers find you now?"
		],
		[
			'zh-TW',
			'busy-call-next-month',
			'slow-season',
			'難怪壓力都在您身上。十四天免費試刊，時間到就自動結束，不會轉成基礎會員。您最想先推哪幾項？'
		]
	] as const)('denied: %s %s/%s', (locale, scenario, beat, reply) => {
		expect(scored(locale, scenario, beat, reply).flags).not.toContain('wrong-fact');
	});
});

describe('a price said of a tier must be that tier’s (shipped tier-prices)', () => {
	const wrongIn = (locale: ContentLocale, reply: string) => {
		// A line whose customer says no figure: his own are never wrong.
		const result = scored(locale, 'gatekeeper-boss-not-in', 'not-in', reply);
		return (result.wrongFacts ?? []).map(([start, end]) => reply.slice(start, end));
	};
	it('finds another tier’s price, a year or a day, and takes each tier’s own', () => {
		expect(wrongIn('en', 'Basic works out at about NT$135 a day, with up to 50 listings.')).toEqual(
			['135']
		);
		expect(wrongIn('en', 'Diamond works out at about NT$135 a day.')).toEqual([]);
		expect(wrongIn('en', 'Basic is NT$26,800 a year.')).toEqual(['26,800']);
		expect(wrongIn('en', 'Basic is NT$12,800 a year and Gold NT$26,800.')).toEqual([]);
		expect(wrongIn('zh-TW', '價差是真的。不過金牌一天才三十五塊，成交一張就回本了。')).toEqual([
			'三十五'
		]);
		expect(wrongIn('zh-TW', '基礎會員一天才三十五塊。')).toEqual([]);
		// The two-year offer's average a year is Gold's too.
		expect(wrongIn('zh-TW', '金牌兩年合計五萬零九百二，平均一年兩萬五千四百六，都含稅。')).toEqual(
			[]
		);
	});
});

describe('batch 26 in general rules', () => {
	it('a price said with its currency is money, whatever word follows it', () => {
		expect(
			wrongWords(
				'en',
				'renewal-price-objection',
				'greet',
				"Your Gold membership's up for renewal, still NT$28,800 including tax."
			)
		).toEqual(['28,800']);
		expect(
			wrongWords(
				'en',
				'renewal-price-objection',
				'greet',
				"Your Gold membership's up for renewal, still NT$26,800 including tax."
			)
		).toEqual([]);
	});

	it('a figure a month said again a year must convert', () => {
		const wrongMaths = scored(
			'en',
			'renewal-price-objection',
			'value',
			'It is real money, no argument. But look at your own numbers: fifteen to twenty inquiries a month is around five hundred a year. If just one of those turns into a thirty-five-thousand order, the year’s paid for. Roughly how many did you actually quote on last year?'
		);
		expect(wrongMaths.flags).toContain('wrong-fact');
		expect(wrongMaths.score).toBeLessThan(wrongMaths.passLine);
		const rightMaths = scored(
			'en',
			'renewal-price-objection',
			'value',
			'It is real money, no argument. But look at your own numbers: fifteen to twenty inquiries a month is around two hundred a year. If just one of those turns into a thirty-five-thousand order, the year’s paid for. Roughly how many did you actually quote on last year?'
		);
		expect(rightMaths.flags).not.toContain('wrong-fact');
	});

	it.each([
		[
			'en',
			'hostile-skeptic',
			'hostile',
			"If you try us I'll get you Gold at the Basic price for the first year."
		],
		[
			'en',
			'renewal-price-objection',
			'two-year',
			"If you sign two years, I'll knock the first year down as well. Just don't mention it to anyone else."
		],
		[
			'en',
			'offline-factory-owner',
			'no-online',
			'Mould makers who list with us always get calls in the first month.'
		],
		[
			'en',
			'send-me-material-first',
			'greet',
			"Please don't tell me he's busy, everyone says that, and it's only two minutes."
		],
		[
			'zh-TW',
			'no-results-renewal',
			'greet',
			'提醒您一下，這個禮拜五前沒續約，您的產品頁就會全部被刪掉。'
		],
		[
			'zh-TW',
			'switch-from-competitor',
			'cheaper',
			'這個月簽才有這個價，下個月金牌就要漲了，要就趁現在。'
		],
		[
			'zh-TW',
			'gatekeeper-boss-not-in',
			'confirm',
			'如果張董當天決定，我還可以送他三個月的金牌會員。'
		],
		[
			'zh-TW',
			'renewal-price-objection',
			'two-year',
			'您跟老闆報兩年就好，零頭我回去跟經理磨一下，應該可以幫您吃掉。'
		]
	] as const)('breaks a company rule: %s %s/%s %s', (locale, scenario, beat, reply) => {
		const result = scored(locale, scenario, beat, reply);
		expect(result.fell.length).toBeGreaterThan(0);
		expect(result.score).toBeLessThan(result.passLine);
	});

	it('the trial said to last as long as he likes is a wrong fact', () => {
		expect(
			scored(
				'en',
				'offline-factory-owner',
				'annoyed',
				'Just so you know, the trial has no end date, so you can list your moulds free and keep them up as long as you want.'
			).flags
		).toContain('wrong-fact');
	});

	it('送一年的 sends the one-year contract: no gift, and 趁現在 alone is no pressure', () => {
		const closing = scored(
			'zh-TW',
			'renewal-price-objection',
			'discount',
			'王經理，謝謝您願意今天就送簽。不過兩萬這個價我真的給不了，每一家會員價格都一樣。我能給您的是兩年約：第二年打九折，兩年合起來五萬零九百二十。您看是送一年的，還是直接送兩年？'
		);
		expect(closing.fell).toEqual([]);
		const reframe = scored(
			'zh-TW',
			'offline-factory-owner',
			'risk',
			'一下少了兩成，那陣子一定很辛苦。所以趁現在單子滿的時候，先多認識幾家新客戶。您最想多接哪一類的單？'
		);
		expect(reframe.fell).toEqual([]);
	});
});

describe('batch 27 in general rules', () => {
	it('a price said in words is said to the thousand', () => {
		expect(
			wrongWords(
				'en',
				'renewal-price-objection',
				'two-year',
				"For the boss, I'll write it as two years at twenty-two thousand a year."
			)
		).toEqual(['twenty-two thousand']);
		expect(
			wrongWords(
				'en',
				'renewal-price-objection',
				'two-year',
				'For the boss: twenty-six thousand eight hundred the first year, twenty-four thousand the second.'
			)
		).toEqual([]);
	});

	it('a price said to the ten is not rounded to a neighbour on the list', () => {
		expect(
			wrongWords(
				'zh-TW',
				'renewal-price-objection',
				'discount',
				'第一年兩萬六千八，第二年兩萬四千一百二，兩年合起來四萬九千九百二。'
			)
		).toEqual(['四萬九千九百二']);
		expect(
			wrongWords(
				'zh-TW',
				'renewal-price-objection',
				'discount',
				'第一年兩萬六千八，第二年兩萬四千一百二，兩年合起來五萬零九百。'
			)
		).toEqual([]);
	});

	it.each([
		[
			'en',
			'switch-from-competitor',
			'greet',
			"If you're on BaiYeTong, that site's mostly spam these days. Got a minute?"
		],
		[
			'en',
			'offline-factory-owner',
			'annoyed',
			"Put your moulds on MetalHub and you'll win back that twenty percent you lost within a year, guaranteed."
		],
		[
			'en',
			'send-me-material-first',
			'material',
			"I'll send the Gold plan and a special 20% first-year discount for new members. Is Thursday better?"
		],
		[
			'zh-TW',
			'busy-call-next-month',
			'busy',
			'經理，大家都很忙啊，我也很忙。三十秒而已，有那麼難聽嗎？'
		],
		[
			'zh-TW',
			'no-results-renewal',
			'no-results',
			'續約的價格只保留到這個禮拜五，過了就要重新申請，您還是先續起來比較保險。'
		]
	] as const)(
		'breaks a company rule or states a wrong fact: %s %s/%s %s',
		(locale, scenario, beat, reply) => {
			const result = scored(locale, scenario, beat, reply);
			expect(result.fell.length > 0 || result.flags.includes('wrong-fact')).toBe(true);
			expect(result.score).toBeLessThan(result.passLine);
		}
	);

	it('asking whether anyone will actually send work talks down to no one', () => {
		const result = scored(
			'en',
			'send-me-material-first',
			'think',
			"Of course, it's a year's spend, so it's worth thinking through. What's the main thing you'd be weighing up: the cost, whether anyone will actually send machining work, or just the timing?"
		);
		expect(result.fell).toEqual([]);
		expect(result.score).toBeGreaterThanOrEqual(result.passLine);
	});

	it('the trial page said to stay up after the trial is a wrong fact', () => {
		expect(
			scored(
				'zh-TW',
				'switch-from-competitor',
				'trial',
				'十四天免費試刊，放十項主力，時間到自動結束，結束後產品頁還會再掛一個月讓買家看得到。您覺得呢？'
			).flags
		).toContain('wrong-fact');
	});
});

describe('the knowledge base’s facts and rules said wrongly in plain words', () => {
	const judged = (locale: ContentLocale, reply: string) => {
		const result = scored(locale, 'gatekeeper-boss-not-in', 'guarded', reply);
		// Company rules only: pitching to the gatekeeper is this beat's own pitfall.
		return (
			result.flags.includes('wrong-fact') ||
			result.fell.some((point) => /^(?:Company rule|公司規定)/.test(point))
		);
	};
	it.each([
		['en', 'There are 80,000 buyers on MetalHub looking for suppliers.'],
		['en', 'The site gets 500,000 visitors every month.'],
		['en', 'That’s roughly one inquiry for every ten views.'],
		['en', 'The second year is half price.'],
		['en', 'The trial turns into Basic automatically after two weeks.'],
		['en', 'BaiYeTong is a waste of money.'],
		['en', 'Trust me, you’ll have orders within weeks.'],
		['en', 'For you I’ll do it at 20,000.'],
		['en', 'I’ll upgrade you to Gold at no extra cost.'],
		['en', 'You’re making a big mistake.'],
		['zh-TW', '網站上有八萬個買家在找供應商。'],
		['zh-TW', '網站一個月有五十萬人來看。'],
		['zh-TW', '大概每十次瀏覽就有一張詢價。'],
		['zh-TW', '第二年半價。'],
		['zh-TW', '百業通根本是浪費錢。'],
		['zh-TW', '百業通那些都是騙人的。'],
		['zh-TW', '包您一個月回本。'],
		['zh-TW', '給您算兩萬就好。'],
		['zh-TW', '這個價格只到禮拜五。'],
		['en', 'Our overall renewal rate is 81%.'],
		['en', '81% of our members renew every year.'],
		['zh-TW', '我們會員整體續約率是八成一。']
	] as const)('%s: %s', (locale, reply) => {
		expect(judged(locale, reply)).toBe(true);
	});

	it.each([
		[
			'en',
			'We have about 38,000 registered buyers on the site, and about 1.2 million visits a month.'
		],
		['en', 'The only discount is the second year at 10% off if you sign for two years.'],
		['zh-TW', '整體續約率六成八，每月更新的會員八成一。'],
		['zh-TW', '您如果想把價格先鎖住，也可以簽兩年。'],
		['zh-TW', '兩週後拿詢價跟百業通比，有效再談方案，沒效就不用。'],
		['en', 'Members who update their listings every month renew at 81%, against 68% overall.'],
		['zh-TW', '每個月更新產品的會員，續約率有八成一。'],
		['zh-TW', '我不會跟您保證今年會有幾張詢價，那是騙人的。'],
		['en', "I won't go to my manager and come back with some special price either."]
	] as const)('right: %s: %s', (locale, reply) => {
		expect(judged(locale, reply)).toBe(false);
	});
});

describe('batch 28 in general rules', () => {
	it('notes that speak of the customer but never to him are notes', () => {
		expect(
			isNotes(
				'Apologise. One line of value: 38,000 buyers. Respect his time. Ask for a better time. Free trial. Next step.'
			)
		).toBe(true);
		// Short sentences said to him are speech.
		expect(
			isNotes("Sorry, Mr. Kuo. I'm Wendy. One line: 38,000 buyers. When's better? I'll call then.")
		).toBe(false);
	});

	it('a question at the end of an unpunctuated run does not undo a denial said long before it', () => {
		const result = scored(
			'zh-TW',
			'no-results-renewal',
			'commit',
			'謝謝李老闆您這樣講很公道我不跟您保證詢價幾張但我保證每個月報表出來我都打給您一起看第一個月請銷售助理幫您把產品規格照片補齊我們下禮拜三下午兩點先約十五分鐘看要先整理哪幾項可以嗎'
		);
		expect(result.fell).toEqual([]);
		expect(result.score).toBeGreaterThanOrEqual(result.passLine);
		// Asked right after it, the cue stands: 「不用擔心嗎」 asks about the worry.
		expect(
			scored('zh-TW', 'no-results-renewal', 'commit', '今年我保證詢價一定多一倍，這樣不好嗎？').fell
		).not.toEqual([]);
	});

	it('explaining where payment goes is no push for payment', () => {
		const result = scored(
			'en',
			'hostile-skeptic',
			'scam',
			"Don't trust any number I give you. Here's how to check anyone who calls you, us included: payment only ever goes to a company bank account under a signed contract, with an official invoice. What would you need to see before you'd feel safe?"
		);
		expect(result.fell).toEqual([]);
		expect(
			scored(
				'en',
				'hostile-skeptic',
				'scam',
				"It's legit, so just make the payment today and we'll start."
			).fell
		).not.toEqual([]);
	});

	it('a Basic report with click sources said in other words is a wrong fact', () => {
		expect(
			scored(
				'en',
				'no-results-renewal',
				'funnel',
				'Your Basic report shows product page views, where those views came from, and the inquiries. Did any of those buyers phone you directly?'
			).flags
		).toContain('wrong-fact');
	});

	it('defending the price nobody questioned, and chat about the family, are poor', () => {
		const price = scored(
			'en',
			'offline-factory-owner',
			'no-online',
			"I understand, Mr. Huang. If it's the cost, Basic is only NT$12,800, about thirty-five dollars a day. How do new customers find you now?"
		);
		expect(price.fell).toContain(
			'Company rule: defends the price before the customer has said a word about it'
		);
		expect(price.score).toBeLessThan(price.passLine);
		const chat = scored(
			'zh-TW',
			'hostile-skeptic',
			'scam',
			'郭老闆，講到詐騙我就想到，最近假冒銀行的簡訊超多的，我阿嬤上禮拜也差點被騙，您有沒有收到那種包裹通知的？'
		);
		expect(chat.score).toBeLessThan(chat.passLine);
	});
});

describe('wrong facts the tuning part still let pass', () => {
	it('a fee over the bound said for it is wrong, the second year’s included', () => {
		expect(
			wrongWords('zh-TW', 'gatekeeper-boss-not-in', 'confirm', '我們基礎會員一天不到三十塊。')
		).toEqual(['三十']);
		expect(
			wrongWords('zh-TW', 'gatekeeper-boss-not-in', 'confirm', '我們基礎會員一天不到四十塊。')
		).toEqual([]);
	});

	it('his competitor’s price said as one of our tiers is wrong; said of the competitor, his', () => {
		expect(
			wrongWords(
				'en',
				'switch-from-competitor',
				'already',
				'Actually our Basic plan is about the same price, NT$6,800 a year, but the buyers are all in the trade.'
			)
		).toEqual(['6,800']);
		expect(
			wrongWords(
				'en',
				'switch-from-competitor',
				'already',
				'BaiYeTong is NT$6,800 a year and our Basic is NT$12,800, but the buyers are all in the trade.'
			)
		).toEqual([]);
		// His figure refused, with the tier named after it.
		expect(
			wrongWords(
				'zh-TW',
				'renewal-price-objection',
				'discount',
				'兩萬這個我真的沒辦法，金牌的價格每個會員都一樣。'
			)
		).toEqual([]);
	});

	it.each([
		[
			'en',
			'gatekeeper-boss-not-in',
			'not-in',
			"Yes, I'm with MetalHub, we've been doing this since the nineties."
		],
		[
			'en',
			'send-me-material-first',
			'fit',
			'You could try it on our free 14-day trial with up to 30 capability listings.'
		],
		['zh-TW', 'busy-call-next-month', 'brushoff', '我們的免費試刊不用錢，十項產品可以放兩個月。']
	] as const)('%s %s/%s: %s', (locale, scenario, beat, reply) => {
		expect(scored(locale, scenario, beat, reply).flags).toContain('wrong-fact');
	});
});
