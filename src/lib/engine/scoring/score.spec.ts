import { describe, expect, it } from 'vitest';
import { scoreReply, SCORING, type KeyPoint, type Pitfall } from './score';
import { phrasebookOf } from './lexicon';
import { modelAnswer } from './closeness';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';

// The shipped lexicons hold the company rules.
const EN = phrasebookOf(
	shippedLexicons()
		.filter((l) => l.locale === 'en')
		.map((l) => l.data)
);
const ZH = phrasebookOf(
	shippedLexicons()
		.filter((l) => l.locale === 'zh-TW')
		.map((l) => l.data)
);

const greetZh = {
	expect: [
		{
			point: '自我介紹與來意',
			criterion: 'opening',
			weight: 2,
			cues: ['我是', '敝姓', '機械五金網']
		},
		{ point: '詢問是否方便', criterion: 'opening', weight: 1, cues: ['方便', '一分鐘', '兩分鐘'] }
	] satisfies KeyPoint[],
	avoid: [{ point: '一開口就報價', penalty: 2, cues: ['特價', '打折'] }] satisfies Pitfall[]
};
const priceEn = {
	expect: [
		{
			point: 'Acknowledge the concern',
			criterion: 'objection-handling',
			weight: 1,
			cues: ['understand', 'i hear you', 'fair point']
		},
		{
			point: 'Ask about inquiries',
			criterion: 'needs-discovery',
			weight: 2,
			cues: ['inquiry', 'how many']
		},
		{
			point: 'Cost per day',
			criterion: 'product-knowledge',
			weight: 1,
			cues: ['a day', 'per day', 'a month']
		}
	] satisfies KeyPoint[],
	avoid: [
		{ point: 'Discount at once', penalty: 2, cues: ['discount', 'cheaper price'] }
	] satisfies Pitfall[]
};

describe('scoreReply in Chinese', () => {
	const good = '王經理您好,我是機械五金網的小陳,只耽誤您一分鐘,現在方便嗎?';

	it('finds every key point with the spans that made it, and a question', () => {
		const result = scoreReply(good, greetZh);
		expect(result.points.map((p) => p.hit)).toEqual([true, true]);
		const [start, end] = result.points[0]!.spans[0]!;
		expect(good.slice(start, end)).toBe('我是');
		expect(result.signals).toContain('question');
		expect(result.flags).toEqual([]);
		expect(result.score).toBe(1);
	});

	it('matches Simplified and full-width input', () => {
		const result = scoreReply(
			'王经理您好，我是机械五金网的小陈，只耽误您１分钟可以吗？方便吗',
			greetZh
		);
		expect(result.points.map((p) => p.hit)).toEqual([true, true]);
	});

	it('misses a point that is not made, and falls into a pitfall', () => {
		const result = scoreReply('王經理您好,我們現在會員有特價,要不要參考一下?', greetZh);
		expect(result.points.map((p) => p.hit)).toEqual([false, false]);
		expect(result.pitfalls[0]!.hit).toBe(true);
		// Poor, not harmful: a pitfall of the beat keeps the floor.
		expect(result.score).toBe(SCORING.pitfallFloor);
	});

	it('does not pass a bare list of cue words', () => {
		const result = scoreReply('我是 機械五金網 方便 一分鐘 敝姓', greetZh);
		expect(result.flags).toContain('cue-list');
		expect(result.score).toBeLessThan(0.3);
	});

	it('does not pass the same sentence said over and over', () => {
		const sentence = '我是機械五金網的小陳,請問您方便嗎?';
		const result = scoreReply(sentence.repeat(3), greetZh);
		expect(result.flags).toContain('repeated-sentence');
		expect(result.score).toBeLessThan(0.6);
	});

	it('cuts a reply already given earlier in the role-play', () => {
		expect(scoreReply(good, greetZh, [good]).flags).toContain('repeats-earlier-reply');
		expect(scoreReply(good, greetZh, [good]).score).toBeLessThan(0.3);
	});

	it('halves a very short reply', () => {
		const result = scoreReply('我是小陳', greetZh);
		expect(result.flags).toContain('too-short');
		expect(result.score).toBeLessThanOrEqual(0.5 * (2 / 3 + 0.1));
	});
});

/** A beat pitfall with these cues is not hit by the `denied` replies and is hit by the `said` ones. */
function expectPitfall(
	cues: string[],
	{ denied, said }: { denied: readonly string[]; said: readonly string[] }
): void {
	const beat = { expect: [], avoid: [{ point: 'The pitfall', penalty: 1, cues }] };
	for (const reply of denied) expect(scoreReply(reply, beat).pitfalls[0]!.hit, reply).toBe(false);
	for (const reply of said) expect(scoreReply(reply, beat).pitfalls[0]!.hit, reply).toBe(true);
}

describe('scoreReply in English', () => {
	it('matches cues as whole words, with light stemming and in any case', () => {
		const result = scoreReply(
			'I hear you, Mr Wang. Gold works out at about seventy dollars a day. How many inquiries do you get each month?',
			priceEn
		);
		expect(result.points.map((p) => p.hit)).toEqual([true, true, true]);
		expect(result.signals).toEqual(expect.arrayContaining(['question', 'acknowledge', 'concrete']));
		expect(result.score).toBe(1);
	});

	it('reads a British double l as the word it comes from: "cancelling" says "cancel"', () => {
		const beat = {
			expect: [{ point: 'Asks what he sells', weight: 1, cues: ['products'] }],
			avoid: [{ point: 'Asks him to drop the other site', penalty: 2, cues: ['cancel'] }]
		};
		for (const reply of ["You'd be better off cancelling it.", 'Have you cancelled it yet?'])
			expect(scoreReply(reply, beat).pitfalls[0]!.hit, reply).toBe(true);
	});

	it('reads "surely" as its own word, not as "sure": it does not go along with her', () => {
		const beat = {
			expect: [{ point: 'Goes along with her', weight: 1, cues: ['sure'] }],
			avoid: []
		};
		expect(scoreReply('Sure, I understand.', beat).points[0]!.hit).toBe(true);
		expect(scoreReply('Surely the boss would want to hear about that?', beat).points[0]!.hit).toBe(
			false
		);
	});

	it('denies a cue in two parts when the negation comes right before its second part', () => {
		expectPitfall(['詢價 … 保證', 'inquiries … guaranteed'], {
			denied: ['詢價數字我不跟您保證。', 'The inquiries are not guaranteed.'],
			said: ['詢價數字我跟您保證。', 'The inquiries are guaranteed.']
		});
	});

	it('hears a sentence that opens twice the same way as speech, not as a repeat', () => {
		const beat = {
			expect: [{ point: 'Clears the worry', weight: 1, cues: ['signature'] }],
			avoid: []
		};
		const reply = "You won't need the boss's signature, and you won't need to write anything up.";
		expect(scoreReply(reply, beat).flags).not.toContain('repeated-sentence');
		expect(scoreReply(`${reply} ${reply}`, beat).flags).toContain('repeated-sentence');
	});

	it('denies what the rep says they will not say, with a price in between', () => {
		expectPitfall(['is cheap', '過了就沒有'], {
			denied: ["I won't tell you 12,800 is cheap.", '我不會說這個價格今天過了就沒有。'],
			said: ['Honestly, 12,800 is cheap.', '這個價格今天過了就沒有。']
		});
	});

	it('does not match a cue inside another word', () => {
		const result = scoreReply(
			'We have a misunderstanding about the daily plan, sorry about that.',
			priceEn
		);
		expect(result.points[0]!.hit).toBe(false);
		expect(result.points[2]!.hit).toBe(false);
	});

	it('reads `#` as any number also when it is a part of its own in a gapped cue', () => {
		const beat = {
			expect: [],
			avoid: [{ point: 'Calls the fee small', penalty: 1, cues: ['# … is small'] }]
		};
		expect(scoreReply('Honestly 26800 a year is small.', beat).pitfalls[0]!.hit).toBe(true);
		expect(scoreReply('Honestly the fee is small.', beat).pitfalls[0]!.hit).toBe(false);
	});

	it('penalizes a discount offered at once', () => {
		const result = scoreReply(
			'I understand. I can give you a discount if you sign today.',
			priceEn
		);
		expect(result.pitfalls[0]!.hit).toBe(true);
		expect(result.score).toBeLessThan(0.2);
	});

	it('is deterministic', () => {
		const reply = 'Fair point. How many inquiries did you get last month?';
		expect(scoreReply(reply, priceEn)).toEqual(scoreReply(reply, priceEn));
	});

	it('does not pass a bare list of cue words', () => {
		const result = scoreReply('understand inquiry how many per day', priceEn);
		expect(result.flags).toContain('cue-list');
		expect(result.score).toBeLessThan(0.3);
	});
});

describe('scoreReply reads what the reply says', () => {
	it('does not count a pitfall said in the negative, nor a key point', () => {
		const refusing = scoreReply(
			'王經理您好，我是機械五金網的小陳，我們不打折也不會給特價，現在方便嗎？',
			greetZh
		);
		expect(refusing.pitfalls[0]!.hit).toBe(false);
		expect(refusing.score).toBe(1);
		const notUnderstanding = scoreReply(
			"I don't understand. Do you want a cheaper price or not?",
			priceEn
		);
		expect(notUnderstanding.points[0]!.hit).toBe(false);
		expect(notUnderstanding.signals).not.toContain('acknowledge');
	});

	it('denies with a cue said in the negative only the cues that share its words, not those in its gap', () => {
		// One key point's cues are read together: a denied one denies the others only where they share words.
		const beat = (cues: string[]) => ({
			expect: [
				{ point: 'Reassures with the trial', criterion: 'closing', weight: 1, cues }
			] satisfies KeyPoint[],
			avoid: [] satisfies Pitfall[]
		});
		// The worry is denied; the trial said inside its stretch is not: a run-on spoken reply.
		const zh = scoreReply('不用擔心我們這邊先幫您開試刊看效果', beat(['擔心 … 效果', '開試刊']));
		expect(zh.points[0]!.hit).toBe(true);
		const en = scoreReply(
			'no need to worry a free trial shows you results',
			beat(['worry … results', 'free trial'])
		);
		expect(en.points[0]!.hit).toBe(true);
		// A cue that shares the denied words is denied with them.
		const promise = scoreReply(
			'我不會跟您打包票說一年一定會有幾張詢價',
			beat(['打包票 … 詢價', '一定 … 詢價'])
		);
		expect(promise.points[0]!.hit).toBe(false);
		expect(
			scoreReply(
				"I won't promise you that leads will definitely come",
				beat(['promise … leads', 'definitely come'])
			).points[0]!.hit
		).toBe(false);
	});

	it('hears a next step in 約 and 下次 only when a call or a meeting is booked', () => {
		const signals = (reply: string) => scoreReply(reply, greetZh).signals;
		expect(signals('金牌一年大約兩萬六千八')).not.toContain('next-step');
		expect(signals('兩年約的第二年打九折')).not.toContain('next-step');
		expect(signals('好啦，那下次再說')).not.toContain('next-step');
		expect(signals('那我跟您約個時間，下次打給您')).toContain('next-step');
		expect(signals('那我再約老闆看報表')).toContain('next-step');
		expect(signals('下次打來直接給您看數字')).toContain('next-step');
	});

	it('caps stuffing: five selling points or more listed in one reply, however it asks', () => {
		const stuffedEn = scoreReply(
			'I hear you! With 38,000 registered buyers, 1.2 million visits a month, priority ranking, two keyword ads and the verified badge, it is a no-brainer. Can we start today?',
			priceEn,
			[],
			EN
		);
		expect(stuffedEn.flags).toContain('stuffing');
		expect(stuffedEn.score).toBeLessThanOrEqual(SCORING.stuffingCap);
		const stuffedZh = scoreReply(
			'了解了解！三萬八千買家、一百二十萬人次、認證標章、關鍵字廣告、免費試刊通通有，您要不要先試試看？',
			greetZh,
			[],
			ZH
		);
		expect(stuffedZh.flags).toContain('stuffing');
		// Two or three points that answer the customer are evidence, not stuffing.
		const evidence = scoreReply(
			'I understand. Our 38,000 registered buyers are all in your industry, and the monthly report shows every inquiry. How many do you get now?',
			priceEn,
			[],
			EN
		);
		expect(evidence.flags).not.toContain('stuffing');
		// Stock acknowledgements piled on a few selling points are the same pile.
		const piled = scoreReply(
			"Totally understand, I hear you, congratulations, no pressure at all! We've got 38,000 buyers, 1.2 million visits a month, a free 14-day trial and monthly reports. Shall I call you on the fifth?",
			priceEn,
			[],
			EN
		);
		expect(piled.flags).toContain('stuffing');
		// The same point said again, or a part of it (報表 after 售後報表), is not another one.
		expect(
			scoreReply(
				'我們每個月都有售後報表，瀏覽、點擊來源、詢價單都寫得清清楚楚，報表出來我會打給您一起看，好嗎？',
				greetZh,
				[],
				ZH
			).flags
		).not.toContain('stuffing');
	});

	it('hears arguing with the customer as poor, not harmful, and not when said in the negative', () => {
		const rules = (reply: string, phrasebook = EN) =>
			scoreReply(reply, priceEn, [], phrasebook)
				.pitfalls.filter((p) => p.rule)
				.map((p) => p.rule);
		const arguing = scoreReply(
			"I understand, but you've got it wrong, Mr. Lin. How many inquiries do you get?",
			priceEn,
			[],
			EN
		);
		expect(arguing.pitfalls.filter((p) => p.rule).map((p) => p.rule)).toEqual(['argues']);
		expect(arguing.score).toBeLessThanOrEqual(SCORING.pitfallCap);
		expect(arguing.score).toBeGreaterThan(SCORING.ruleCap);
		expect(rules('林老闆，這樣講不對啦，現在採購都是上網找。', ZH)).toContain('argues');
		expect(rules('您都還沒聽就說沒興趣，您先聽我講兩分鐘。', ZH)).toContain('argues');
		// Said in the negative, or a fair word for her position, it argues nothing.
		expect(rules("I'm not saying you've got it wrong. How many inquiries do you get?")).toEqual([]);
		expect(rules("I won't make you pass on a pitch, that's not fair on you.")).toEqual([]);
	});

	it('does not take calling a promise of rankings a lie for badmouthing a competitor', () => {
		const rules = (reply: string, phrasebook = EN) =>
			scoreReply(reply, priceEn, [], phrasebook)
				.pitfalls.filter((p) => p.rule)
				.map((p) => p.rule);
		expect(rules('我們不會保證排第幾頁，這種話講出來就是騙人的。', ZH)).toEqual([]);
		expect(rules('百業通那些都是騙人的。', ZH)).toContain('badmouths-competitor');
		expect(rules('Anyone who promises you page one is a scam, so we never do.')).toEqual([]);
		expect(rules('BaiYeTong is a scam.')).toContain('badmouths-competitor');
	});

	it('counts a wrong count as a wrong fact: 八萬多位註冊買家, 九折 on the first year', () => {
		expect(scoreReply('我們有八萬多位註冊買家，要不要先試刊？', greetZh, [], ZH).flags).toContain(
			'wrong-fact'
		);
		expect(
			scoreReply('兩年的話第一年打九折，第二年原價，您看好嗎？', greetZh, [], ZH).flags
		).toContain('wrong-fact');
		expect(
			scoreReply(
				'Sign for two years and the first year is 10% off. Shall I write it up?',
				priceEn,
				[],
				EN
			).flags
		).toContain('wrong-fact');
		expect(scoreReply('兩年的話第二年打九折，您看好嗎？', greetZh, [], ZH).flags).not.toContain(
			'wrong-fact'
		);
	});

	it('counts extras beyond the offer and guarantees said either way round as broken rules', () => {
		const broken = (reply: string, phrasebook = EN) =>
			scoreReply(reply, priceEn, [], phrasebook)
				.pitfalls.filter((p) => p.rule)
				.map((p) => p.rule);
		expect(
			broken("I'll make it a 30-day trial instead of 14 and throw in a free month.")
		).toContain('unapproved-extras');
		expect(broken('Our members get guaranteed inquiries every month.')).toContain(
			'promises-results'
		);
		expect(broken('We are way better than BaiYeTong.')).toContain('badmouths-competitor');
		expect(broken('這個月試刊可以延長到一個月，再加送關鍵字廣告。', ZH)).toContain(
			'unapproved-extras'
		);
		expect(broken('我們的詢價保證都是有效的。', ZH)).toContain('promises-results');
		// The two-year offer and the real trial are no extras.
		expect(
			broken('The trial is free for 14 days, and the second year is 10% off if you sign for two.')
		).toEqual([]);
		expect(broken('第一年兩萬六千八，第二年打九折。', ZH)).toEqual([]);
	});

	it('applies the company rules on every beat, unless said in the negative', () => {
		const promise = scoreReply(
			'I hear you. I guarantee you 100 inquiries this year. How many do you get now?',
			priceEn,
			[],
			EN
		);
		expect(promise.pitfalls.filter((p) => p.rule).map((p) => p.rule)).toEqual(['promises-results']);
		expect(promise.score).toBeLessThan(
			scoreReply('I hear you. How many inquiries do you get now?', priceEn, [], EN).score - 0.5
		);
		const honest = scoreReply(
			"I hear you. I won't promise you a number of inquiries; how many do you get now?",
			priceEn,
			[],
			EN
		);
		expect(honest.pitfalls.filter((p) => p.rule)).toEqual([]);
		expect(
			scoreReply(
				'王經理，今天簽的話我保證一個月至少十張詢價，您方便嗎？',
				greetZh,
				[],
				ZH
			).pitfalls.map((p) => p.rule)
		).toContain('promises-results');
		expect(
			scoreReply(
				'王經理，這個優惠只有今天，我是機械五金網的小陳，方便嗎？',
				greetZh,
				[],
				ZH
			).pitfalls.map((p) => p.rule)
		).toContain('pressure');
		// The one discount allowed is not a rule broken.
		expect(
			scoreReply(
				'The one discount we have is two years, with ten percent off the second year. How many inquiries do you get?',
				priceEn,
				[],
				EN
			).pitfalls.filter((p) => p.rule)
		).toEqual([]);
		expect(
			scoreReply(
				'Tell you what, I can knock ten percent off if you renew. How many inquiries do you get?',
				priceEn,
				[],
				EN
			).pitfalls.map((p) => p.rule)
		).toContain('unapproved-discount');
		expect(
			scoreReply(
				'Can you take a bit off the first year? How many inquiries do you get?',
				priceEn,
				[],
				EN
			).pitfalls.map((p) => p.rule)
		).toContain('unapproved-discount');
		expect(
			scoreReply(
				"I understand, I'll take you off my list. How many inquiries do you get?",
				priceEn,
				[],
				EN
			).pitfalls.filter((p) => p.rule)
		).toEqual([]);
		// A commitment is not a promised result.
		expect(
			scoreReply(
				"I hear you. I promise I'll send the report on your inquiries today; how many did you get?",
				priceEn,
				[],
				EN
			).pitfalls.filter((p) => p.rule)
		).toEqual([]);
		// The free trial is the product, not a discount.
		expect(
			scoreReply(
				'I understand. You can try it for free for 14 days first; how many inquiries do you get now?',
				priceEn,
				[],
				EN
			).pitfalls.filter((p) => p.rule)
		).toEqual([]);
		expect(
			scoreReply(
				'王經理，我是機械五金網的小陳，可以先免費試刊兩週，現在方便嗎？',
				greetZh,
				[],
				ZH
			).pitfalls.filter((p) => p.rule)
		).toEqual([]);
		// A number in digits ("10% off") and sending something (寄送您) are read as such.
		expect(
			scoreReply(
				"OK, I'll give you 10% off this year. How many inquiries do you get?",
				priceEn,
				[],
				EN
			).pitfalls.map((p) => p.rule)
		).toContain('unapproved-discount');
		expect(
			scoreReply(
				'王經理，我是機械五金網的小陳，我先寄送您一份報表，您方便看一下嗎？',
				greetZh,
				[],
				ZH
			).pitfalls.filter((p) => p.rule)
		).toEqual([]);
		// Without a lexicon there are no company rules: they are content, not code.
		expect(
			scoreReply(
				'I hear you. I guarantee you 100 inquiries this year. How many do you get now?',
				priceEn
			).pitfalls.filter((p) => p.rule)
		).toEqual([]);
	});

	it('gives nothing for rudeness: an insult asks no question and breaks a rule', () => {
		const rude = scoreReply('Are you stupid? How many inquiries do you even get?', priceEn, [], EN);
		expect(rude.signals).not.toContain('question');
		expect(rude.pitfalls.map((p) => p.rule)).toContain('insults');
		expect(rude.score).toBe(0);
		expect(scoreReply('你管我是誰，快點買我們的會員啦', greetZh, [], ZH).score).toBe(0);
		// Thanks is politeness, not acknowledging what the customer said.
		expect(scoreReply('Thanks, but no. We are busy here.', priceEn).signals).not.toContain(
			'acknowledge'
		);
	});

	it('scores notes, stage directions and pasted repetition as not speech', () => {
		const directions = scoreReply(
			'（自我介紹）我是機械五金網的小陳（確認時間）一分鐘方便嗎',
			greetZh
		);
		expect(directions.flags).toContain('stage-directions');
		expect(directions.score).toBeLessThan(0.3);
		const notes = scoreReply(
			'acknowledge concern / how many inquiries / per day / next step',
			priceEn
		);
		expect(notes.flags).toContain('notes');
		expect(notes.score).toBeLessThan(0.3);
		const pasted = '王經理您好我是機械五金網的小陳請問您現在方便嗎';
		const twice = scoreReply(pasted + pasted, greetZh);
		expect(twice.flags).toContain('repeated-sentence');
		expect(twice.score).toBeLessThan(0.3);
		// Chat asterisks and angle brackets are stage directions too.
		expect(
			scoreReply('*nods along* *mentions the daily cost* *asks about his inquiries*', priceEn).flags
		).toContain('stage-directions');
		expect(scoreReply('〈同理他的預算〉〈說明一天多少錢〉〈問詢價數〉', greetZh).flags).toContain(
			'stage-directions'
		);
		// Arrows and plus signs make notes, even when they name the customer.
		expect(
			scoreReply('your budget -> a day cost + inquiries last year -> order value', priceEn).flags
		).toContain('notes');
		// The same point again in other words is repetition.
		const restated = scoreReply(
			'I understand the budget is tight. I really do understand, the budget is tight for you. Yes, I understand.',
			priceEn
		);
		expect(restated.flags).toContain('repeated-sentence');
		expect(restated.score).toBeLessThan(0.3);
		expect(
			scoreReply(
				'I understand the budget is tight. How many inquiries did you get last year, and what is an order worth?',
				priceEn
			).flags
		).not.toContain('repeated-sentence');
		// Short fragments, or a run of words, without the little words speech is made of.
		expect(
			scoreReply('Budget. Daily cost. Inquiries last year. Order value. Next step.', priceEn).flags
		).toContain('notes');
		expect(
			scoreReply(
				'budget cut understood inquiries last year order value daily cost trial booking',
				priceEn
			).flags
		).toContain('notes');
		expect(scoreReply('預算、每天成本、去年詢價、訂單金額、試刊、約時間', greetZh).flags).toContain(
			'notes'
		);
		// Telegraphic speech, figures with commas and titles with full stops are still speech.
		expect(
			scoreReply('Hello Mr. Wang, MetalHub calling. Your membership expires next month.', priceEn)
				.flags
		).not.toContain('notes');
		expect(
			scoreReply('續基礎就好，１２，８００。如果簽兩年，第二年打九折，兩年２４，３２０。', greetZh)
				.flags
		).not.toContain('notes');
		// A transcript of speech, with its fillers and spaces, is speech.
		expect(
			scoreReply(
				'喔 好 嗯 所以 目前 主要是 老客戶介紹 那 最近 有沒有 在想 多接一些 新的客戶',
				greetZh
			).flags
		).not.toContain('notes');
		// Speech that merely uses commas is speech.
		expect(
			scoreReply('Morning, Mr. Wang, Kevin from MetalHub, got a minute?', priceEn).flags
		).not.toContain('notes');
	});

	it('cuts a long pitch that asks nothing', () => {
		const pitch =
			'I understand. Gold gives you three hundred product listings, two keyword ads, priority ranking in search results, a monthly report of views and inquiries, and a dedicated account manager who helps you update your listings, and buyers from all over Taiwan and abroad search our site every day for suppliers like you, so your products are seen by the people who buy them.';
		const result = scoreReply(pitch, priceEn);
		expect(result.flags).toContain('monologue');
		expect(result.score).toBeLessThan(
			scoreReply(`${pitch} How many inquiries did you get last year?`, priceEn).score
		);
	});

	it('lets a long answer to what the customer said run a fifth longer before it is a monologue, and never pass', () => {
		const customer =
			'Your Gold plan is too expensive. Last year the inquiries were poor and my budget got cut.';
		const answer =
			'I hear you, a budget cut makes every plan look expensive. Last year your inquiries came mostly in the autumn, and the ones that turned into orders were worth far more than the plan itself, so I would keep Gold and spend the first month with you fixing the listings.';
		expect(scoreReply(answer, { ...priceEn, customer }).flags).not.toContain('monologue');
		expect(scoreReply(answer, priceEn).flags).toContain('monologue');
		const longer = `${answer} We would start with your photos and specifications, then the keywords buyers actually type, and then the descriptions of your best sellers.`;
		const result = scoreReply(longer, { ...priceEn, customer });
		expect(result.flags).toContain('monologue');
		expect(result.score).toBeLessThanOrEqual(SCORING.monologueReferringCut);
		expect(result.score).toBeGreaterThan(scoreReply(longer, priceEn).score);
		// A pitch that would fit any customer takes up nothing of what this one said.
		const pitch =
			'MetalHub has thirty-eight thousand registered buyers and more than a million visits a month, Gold gives three hundred listings, priority ranking, two keyword ads and a verified badge, and every member receives a monthly report with views, clicks and contact details opened by buyers, plus a dedicated account manager who updates the listings for you.';
		expect(scoreReply(pitch, { ...priceEn, customer }).flags).toContain('monologue');
	});

	it('can never pass with a monologue', () => {
		const pitch =
			'I understand completely, and a fair point, let me explain: the inquiry figures show how many buyers came to you last year, it works out to seventy dollars a day, and that is a month of listings with priority ranking, keyword ads, a verified badge and a report of every inquiry, view and contact detail opened.';
		const result = scoreReply(pitch, priceEn);
		expect(result.points.every((p) => p.hit)).toBe(true);
		expect(result.flags).toContain('monologue');
		expect(result.score).toBeLessThan(0.6);
	});
});

describe('what a reply is worth before its key points', () => {
	it('a harmless reply is worth more than one that breaks a rule', () => {
		const vague = scoreReply(
			'Well, we are a very good platform with lots of happy members.',
			priceEn
		);
		const discount = scoreReply(
			'Well, we can give you a discount on the plan, a cheaper price.',
			priceEn
		);
		expect(vague.points.some((p) => p.hit)).toBe(false);
		expect(vague.score).toBeCloseTo(0.2);
		expect(discount.score).toBe(SCORING.pitfallFloor);
	});

	it('hears an English question without its question mark, and not a question word inside a statement', () => {
		const asks = [
			'so how many inquiries do you get a month',
			'ok when is a good time to call back',
			"what's your email",
			'Right, which products do you push most',
			'have you tried listing your best sellers'
		];
		for (const reply of asks)
			expect(scoreReply(reply, priceEn).signals, reply).toContain('question');
		const tells = [
			'The report shows how often buyers opened your pages.',
			'When buyers find your products, the inquiries go to your sales team.',
			"We'd still love to have you with us someday."
		];
		for (const reply of tells)
			expect(scoreReply(reply, priceEn).signals, reply).not.toContain('question');
	});

	it('hears a Chinese question without its question mark, and not a question word inside a statement', () => {
		for (const reply of [
			'那您想先放哪幾項產品',
			'老闆通常幾點進公司呢',
			'下午方便嗎，我再打過來',
			'您看這樣好不好'
		])
			expect(scoreReply(reply, greetZh).signals, reply).toContain('question');
		for (const reply of [
			'報表會告訴您有多少人看、多少人查看聯絡資料。',
			'什麼產品都可以放上去。我們幫您上架。'
		])
			expect(scoreReply(reply, greetZh).signals, reply).not.toContain('question');
	});

	it("hears no question in one asked for form's sake at the end of a pitch", () => {
		for (const reply of [
			'We have 38,000 registered buyers and a monthly report. Any questions?',
			'Members get a company page and fifty listings. Does that make sense?',
			'會員每個月都有報表，瀏覽、詢價都看得到。有什麼問題嗎？',
			'我們有三萬八千位註冊買家。這樣您了解嗎？',
			// Giving the call up asks nothing either.
			"Oh. Sorry to hear that. So that's a no, then?",
			'喔，好吧。那就是不要囉？'
		])
			expect(scoreReply(reply, greetZh).signals, reply).not.toContain('question');
		for (const reply of [
			"I'll call you Monday at ten, okay?",
			'Any questions about the report, or shall I go through it with you on Monday?',
			'我星期二下午兩點打給您，好嗎？',
			'星期二下午兩點打給您，有沒有問題？'
		])
			expect(scoreReply(reply, greetZh).signals, reply).toContain('question');
	});

	it("reads 算您 (I'll charge you) only where it starts a word: not in 划算您算算 or 就算您", () => {
		const beat = { expect: [], avoid: [{ point: 'Cuts the price', penalty: 3, cues: ['算您'] }] };
		expect(scoreReply('我算您便宜一點', beat).pitfalls[0]!.hit).toBe(true);
		for (const reply of ['多幾張真單划不划算您算算？', '就算您今天不決定也沒關係'])
			expect(scoreReply(reply, beat).pitfalls[0]!.hit, reply).toBe(false);
	});

	it('hears 了解 as "I see", not as "find out about"', () => {
		for (const reply of ['了解，那我下禮拜二再打給您。', '我了解您的顧慮，換作是我也會擔心。'])
			expect(scoreReply(reply, greetZh).signals, reply).toContain('acknowledge');
		for (const reply of [
			'您要不要先了解一下我們的方案？',
			'我想了解您們主要賣哪些產品。',
			'可以了解我們的報表怎麼看。'
		])
			expect(scoreReply(reply, greetZh).signals, reply).not.toContain('acknowledge');
	});
});

describe('a key point done in kind counts only on a reply about the call', () => {
	const slowSeason = {
		customer: 'Chinese New Year is coming, so things are slow here.',
		expect: [
			{
				point: 'Asks how many orders',
				criterion: 'needs-discovery',
				weight: 2,
				cues: ['how many']
			},
			{ point: 'Sees his point', criterion: 'objection-handling', weight: 1, cues: ['fair point'] }
		] satisfies KeyPoint[],
		avoid: [] satisfies Pitfall[]
	};
	const slowSeasonZh = {
		customer: '快過年了，最近比較淡。',
		expect: [
			{ point: '問訂單數', criterion: 'needs-discovery', weight: 2, cues: ['幾張'] },
			{ point: '認同他的說法', criterion: 'objection-handling', weight: 1, cues: ['有道理'] }
		] satisfies KeyPoint[],
		avoid: [] satisfies Pitfall[]
	};

	it('a question about his business is needs discovery in kind; one about his holiday is not', () => {
		for (const [beat, phrasebook, business, holiday] of [
			[
				slowSeason,
				EN,
				'Chinese New Year, right. Which products do your buyers order before it?',
				'Chinese New Year, right. Are you going anywhere nice for it?'
			],
			[
				slowSeasonZh,
				ZH,
				'快過年了喔，那過年前買家最常問哪些產品？',
				'最近比較淡喔，您過年有要出國嗎？'
			]
		] as const) {
			const asking = scoreReply(business, beat, [], phrasebook);
			expect(asking.points[0]!.inKind, business).toBe('question');
			const chatting = scoreReply(holiday, beat, [], phrasebook);
			expect(chatting.flags, holiday).not.toContain('off-topic');
			expect(
				chatting.points.some((p) => p.inKind),
				holiday
			).toBe(false);
			expect(chatting.score).toBeLessThan(asking.score);
		}
	});
});

describe('a clean reply close to a good model answer is acceptable at least', () => {
	const beat = (cue: string, pitfall: string) => ({
		expect: [
			{ point: 'The beat’s own words', criterion: 'opening', weight: 1, cues: [cue] }
		] satisfies KeyPoint[],
		avoid: [{ point: 'Pitfall', penalty: 1, cues: [pitfall] }] satisfies Pitfall[]
	});
	const answers = (good: string, bad: string) => ({
		good: [modelAnswer(good)],
		bad: [modelAnswer(bad)]
	});

	it('keeps closeFloor in its own words; not with a pitfall, nor when nearer a bad answer', () => {
		for (const [b, model, phrasebook, close, pitfall, nearBad] of [
			[
				beat('xyzzy', 'mobile number'),
				answers(
					'Sorry to call out of the blue, Mr. Wu. When would suit you for a short call next week?',
					'Give me his mobile number so I can call him right now.'
				),
				EN,
				'Sorry to call out of the blue about the site, Mr. Wu, I will be quick and keep it to two minutes.',
				'Sorry to call out of the blue, Mr. Wu, give me your mobile number please.',
				'Give me his mobile so I can call him right now, it is quick.'
			],
			[
				beat('xyzzy', '手機號碼'),
				answers(
					'吳經理不好意思突然打來，下禮拜哪天方便跟您約個五分鐘？',
					'您給我老闆的手機，我現在直接打給他。'
				),
				ZH,
				'吳經理不好意思突然打來，網站的事我講重點就好，五分鐘內講完。',
				'吳經理不好意思突然打來，麻煩給我您的手機號碼。',
				'您給我老闆的手機，我現在直接打，很快。'
			]
		] as const) {
			const result = scoreReply(close, b, [], phrasebook, model);
			expect(result.points[0]!.hit).toBe(false);
			expect(result.closeness, close).toBeGreaterThan(0);
			expect(result.score, close).toBeGreaterThanOrEqual(SCORING.closeFloor);
			expect(scoreReply(pitfall, b, [], phrasebook, model).score, pitfall).toBeLessThan(
				SCORING.closeFloor
			);
			expect(scoreReply(nearBad, b, [], phrasebook, model).score, nearBad).toBeLessThan(
				SCORING.closeFloor
			);
		}
	});
});

describe('acknowledging in the words reps use', () => {
	it('hears “no wonder”, “I can imagine”, 說的也是、換作是我; not the same words denied, nor thanks', () => {
		for (const reply of [
			'No wonder you are fed up with these calls.',
			'I can imagine, after a year like that.',
			'Got it, next month then.'
		])
			expect(scoreReply(reply, priceEn, [], EN).signals, reply).toContain('acknowledge');
		for (const reply of [
			'說的也是，一年兩萬多不是小數目。',
			'換作是我也會小心，被騙過一次誰都怕。'
		])
			expect(scoreReply(reply, greetZh, [], ZH).signals, reply).toContain('acknowledge');
		for (const reply of [
			"I can't imagine why you would say no to this.",
			'Thanks, but we will keep calling you.'
		])
			expect(scoreReply(reply, priceEn, [], EN).signals, reply).not.toContain('acknowledge');
		expect(scoreReply('我不是說您說的是錯的，是您不懂。', greetZh, [], ZH).signals).not.toContain(
			'acknowledge'
		);
	});
});
