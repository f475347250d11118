import { describe, expect, it } from 'vitest';
import {
	countedFactOf,
	figuresIn,
	figureValue,
	spelledValue,
	wrongCounts,
	wrongPrices
} from './figures';
import { foldForMatch } from './normalize';
import type { Span } from './score';

describe('figureValue reads a number as people write and say it', () => {
	it('reads digits, with thousands separators, decimals and multipliers', () => {
		expect(figureValue('26,800')).toBe(26_800);
		expect(figureValue('26800')).toBe(26_800);
		expect(figureValue('1.2 million')).toBe(1_200_000);
		expect(figureValue('26.8k')).toBe(26_800);
	});

	it('reads Chinese numbers, with the colloquial last digit a unit down', () => {
		expect(figureValue('兩萬六千八')).toBe(26_800);
		expect(figureValue('一萬二千八')).toBe(12_800);
		expect(figureValue('兩萬四千一百二')).toBe(24_120);
		expect(figureValue('五萬零九百二十')).toBe(50_920);
		expect(figureValue('一千二')).toBe(1_200);
		expect(figureValue('三萬八')).toBe(38_000);
		expect(figureValue('十四')).toBe(14);
		expect(figureValue('一百二十萬')).toBe(1_200_000);
		expect(figureValue('2萬6千8')).toBe(26_800);
		expect(figureValue('2.68萬')).toBe(26_800);
	});

	it('reads no single figure in a range or digits read out one by one', () => {
		expect(figureValue('三四萬')).toBeNull();
		expect(figureValue('零九一二')).toBeNull();
	});

	it('finds figures in a reply, where they are, and not in 千萬 (by all means)', () => {
		const text = foldForMatch('金牌一年兩萬六千八，千萬不要錯過 NT$12,800.');
		const values = figuresIn(text).map((f) => f.value);
		expect(values).toEqual([1, 26_800, 12_800]);
		const gold = figuresIn(text)[1]!;
		expect(text.slice(gold.start, gold.end)).toBe('兩萬六千八');
	});
});

// The shipped price list, in short: the tiers a year, the two-year offer, a competitor.
const LISTED = [12_800, 26_800, 49_800, 24_120, 50_920, 2_680, 6_800];

/** The wrong figures of a reply, with the price words and the customer's words found by a simple search. */
function wrong(reply: string, customer = ''): string[] {
	const folded = foldForMatch(reply);
	const find = (words: string[]): Span[] =>
		words.flatMap((word) =>
			[...folded.matchAll(new RegExp(word, 'g'))].map((m): Span => [m.index, m.index + m[0].length])
		);
	const customerFigures = new Set(figuresIn(foldForMatch(customer)).map((f) => f.value));
	return wrongPrices(
		folded,
		LISTED,
		() => find(['gold', 'basic', 'a year', 'second year', '金牌', '基礎', '一年', '年費']),
		() => find(['order', '訂單', '張單']),
		(value) => customerFigures.has(value)
	).map(([start, end]) => reply.slice(start, end));
}

describe('wrongPrices: a price not on the price list is a wrong fact', () => {
	it('finds a wrong yearly price, in digits or in Chinese', () => {
		expect(wrong('Basic is only 8,800 a year, so it is an easy decision.')).toEqual(['8,800']);
		// "About" rounds: 51,600 is near enough 50,920; 24,800 said outright is not 24,120.
		expect(wrong('Second year is 24,800, so about 51,600 for the two.')).toEqual(['24,800']);
		expect(wrong('之後如果要正式加入，金牌一年也才兩萬四千八。')).toEqual(['兩萬四千八']);
	});

	it('accepts the listed prices and rounding', () => {
		expect(wrong('Gold is NT$26,800 a year, and the second year is 24,120.')).toEqual([]);
		expect(wrong('金牌一年兩萬六千八，兩年合計五萬零九百二十，省兩千六百八。')).toEqual([]);
		expect(wrong('Gold is about 27,000 a year.')).toEqual([]);
	});

	it('reads a monthly figure as a yearly price over twelve, the one the sentence names', () => {
		expect(wrong('金牌一年兩萬六千八，一個月大約兩千二，一天七十幾塊。')).toEqual([]);
		expect(wrong('一年兩萬六千八，一個月才一千二而已。')).toEqual(['一千二']);
		expect(wrong('Gold works out at about 2,233 a month.')).toEqual([]);
	});

	it('reads a daily figure as a yearly price over 365, in digits, Chinese or English words', () => {
		// Gold is 26,800 a year: 73 a day. Fifty is no price of ours by the day.
		expect(wrong('Gold works out to about fifty dollars a day, less than a bento box.')).toEqual([
			'fifty'
		]);
		expect(wrong('金牌算下來一天才五十塊，比便當還便宜。')).toEqual(['五十']);
		expect(wrong('Gold works out to about seventy dollars a day.')).toEqual([]);
		expect(wrong('Gold is 26,800 a year, or seventy-odd dollars a day.')).toEqual([]);
		expect(wrong('金牌一年兩萬六千八，一天七十三塊。')).toEqual([]);
		// Basic's day (35) is no Gold day: the yearly price the sentence names decides.
		expect(wrong('Gold is 26,800 a year, so about 35 a day.')).toEqual(['35']);
		// A bound is no price stated.
		expect(wrong('金牌一天不到一百塊。')).toEqual([]);
	});

	it('reads 多、幾 and 出頭 as the range they say, and 起 as the starting price itself', () => {
		// 12,800 a year is about 1,067 a month: not five hundred-odd.
		expect(wrong('續約一樣是一年一萬兩千八，一個月才五百多。')).toEqual(['五百']);
		expect(wrong('基礎一年一萬兩千八，一個月一千出頭。')).toEqual([]);
		// Gold's month is about 2,233, not a little over a thousand (that is Basic's).
		expect(wrong('金牌一年兩萬六千八，一個月才一千出頭。')).toEqual(['一千']);
		expect(wrong('金牌一年兩萬六千八，一天才三十幾塊。')).toEqual(['三十']);
		expect(wrong('基礎會員一年一萬八千八起。')).toEqual(['一萬八千八']);
		expect(wrong('基礎會員一年一萬兩千八起。')).toEqual([]);
	});

	it('takes the yearly price the customer said as the one a sum of its sentence divides', () => {
		expect(wrong('金牌一年兩萬六千八，一個月才一千出頭。', '可是兩萬六千八還是很多錢啊。')).toEqual(
			['一千']
		);
		expect(wrong('金牌一年兩萬六千八，一個月兩千二左右。', '可是兩萬六千八還是很多錢啊。')).toEqual(
			[]
		);
	});

	it('reads a yearly price said in words as speech rounds it', () => {
		expect(wrong('Twenty-six thousand a year for Gold is not small money.')).toEqual([]);
		expect(wrong('Gold is only fifteen thousand a year.')).toEqual(['fifteen thousand']);
	});

	it('leaves alone bounds, counts, the customer’s own figures and sentences not about our price', () => {
		expect(wrong('一年兩萬多確實不是小數目。')).toEqual([]);
		expect(wrong('Gold gives you 38,000 buyers and 1.2 million visits a year.')).toEqual([]);
		expect(wrong('金牌會員有三萬八千位買家。')).toEqual([]);
		expect(wrong('金牌一年兩萬六千八，您一張單三、四萬就回本。')).toEqual([]);
		expect(wrong('金牌一年兩萬六千八，成交一張三、四萬的單就回本。')).toEqual([]);
		expect(wrong('金牌一年兩萬六千八，成交一張三到四萬的單就回本。')).toEqual([]);
		expect(wrong('If one order is worth 30,000 a year, Gold pays for itself.')).toEqual([]);
		expect(
			wrong('You said 20,000 a year is your budget for Gold.', 'My budget is 20,000.')
		).toEqual([]);
		expect(wrong('We have 38,000 registered buyers.')).toEqual([]);
		expect(wrong('Since 2012, Gold has been our best seller.')).toEqual([]);
	});
});

describe('spelledValue reads numbers said in English words', () => {
	it('reads tens, hundreds and thousands, and leaves alone what is no number it reads', () => {
		expect(spelledValue('fifty')).toBe(50);
		expect(spelledValue('seventy-three')).toBe(73);
		expect(spelledValue('a hundred and thirty-six')).toBe(136);
		expect(spelledValue('twenty-six thousand eight hundred')).toBe(26_800);
		expect(spelledValue('one')).toBeNull();
		expect(spelledValue('fifty twenty')).toBeNull();
	});
});

describe('wrongCounts tells a count the company states otherwise', () => {
	const FACTS = [
		'trial … day = 14 / 10 / 3',
		'trial … product = 10',
		'gold … product = 300',
		'registered buyer = 38,000',
		'second year … % = 10',
		'試刊 … 天 = 14 / 10 / 3',
		'試刊 … 禮拜 = 2',
		'試刊 … 項 = 10',
		'金牌 … 項 = 300',
		'基礎 … 項 = 50',
		'註冊買家 = 38,000',
		'第二年 … 折 = 9',
		'visit = 1,200,000',
		'we … buyer = 38,000',
		'人次 = 1,200,000',
		'gold … keyword = 2',
		'續約率 … 成 = 68 / 81 when 更新',
		'renew at … % = 68 / 81 when updat, refresh'
	].map((phrase) => countedFactOf(phrase, foldForMatch)!);
	const wrong = (reply: string) => {
		const folded = foldForMatch(reply);
		return wrongCounts(folded, FACTS).map(([start, end]) => reply.slice(start, end));
	};

	it('finds a wrong trial length, trial size, buyer count or second-year discount', () => {
		expect(wrong('The trial is free for 30 days, shall I set it up?')).toEqual(['30']);
		expect(wrong('A 14-day trial with 20 products, no payment.')).toEqual(['20']);
		expect(wrong('We have 50,000 registered buyers in machinery.')).toEqual(['50,000']);
		expect(wrong('On two years the second year is 20% off.')).toEqual(['20']);
		expect(wrong('不用錢，試刊免費一個禮拜，可以放二十項產品。')).toEqual(['一', '二十']);
		expect(wrong('我們有五萬八千位註冊買家。')).toEqual(['五萬八千']);
		expect(wrong('簽兩年的話第二年打八折。')).toEqual(['八']);
	});

	it('takes a value said with its condition only where the condition is said before it or in its clause', () => {
		// 81% is the renewal rate of members who update monthly; 68% of all of them.
		expect(wrong('Members who update every month renew at 81%, against 68% overall.')).toEqual([]);
		expect(wrong('You update every month. Members who do that renew at 81%.')).toEqual([]);
		expect(wrong('Our members renew at 81%, even more of those who update.')).toEqual(['81']);
		expect(wrong('我們會員整體續約率是八成一，每個月有更新產品的更高。')).toEqual(['八']);
		expect(wrong('每個月更新產品的會員，續約率是八成一，整體是六成八。')).toEqual([]);
		expect(wrong('整體續約率六成八。')).toEqual([]);
	});

	it('finds a large count far under the right one, and a small count said after "the"', () => {
		// 12,000 visits a month for 1.2 million: the fact said wrong, not something else counted.
		expect(wrong('我們網站一個月大概有一萬兩千人次在找廠商。')).toEqual(['一萬兩千']);
		expect(wrong('Your Gold membership, the one with the three keyword-ad slots.')).toEqual([
			'three'
		]);
		expect(wrong('Your Gold membership, the one with the two keyword-ad slots.')).toEqual([]);
		// Far under and small: two buyers who called are not the count of registered buyers.
		expect(wrong('We had two buyers call you back last month.')).toEqual([]);
	});

	it('reads a day of the trial (第七天, day 7) against its days, and shares said the Chinese way', () => {
		expect(wrong('試刊第三天我打給您，第七天再一起看數據。')).toEqual(['七']);
		expect(wrong('The trial runs 14 days, and I call on day 3 and day 7.')).toEqual(['7']);
		// 八五折 is 85%, not the second year's 九折; 八成一 is 81%.
		expect(wrong('簽兩年，第二年可以打八五折。')).toEqual(['八五']);
		expect(wrong('簽兩年，第二年打九折。')).toEqual([]);
		expect(wrong('每月更新的會員續約率有九成一。')).toEqual(['九']);
		expect(wrong('每月更新的會員續約率有八成一，整體六成八。')).toEqual([]);
		// Other ordinals count nothing: the report of the 1st, the third month.
		expect(wrong('試刊結束後，第三個月我再打給您。')).toEqual([]);
		// A day said as an ordinal counts the trial named sentences before; a plain count does not.
		expect(wrong('試刊十四天不收錢。您挑十項就好。第五天跟第十天我打給您。')).toEqual(['五']);
		expect(wrong('試刊十四天不收錢。您考慮兩天再回我。')).toEqual([]);
	});

	it('reads counts said in millions, with "or so", after "the", and after a word ending in -nt', () => {
		expect(wrong('The site gets around three million visits a month.')).toEqual(['three million']);
		expect(wrong('About a million visits a month.')).toEqual([]);
		expect(wrong('You reach the 50,000 or so registered buyers.')).toEqual(['50,000']);
		expect(wrong('You reach the 38,000 registered buyers.')).toEqual([]);
		// "Front" is no "don't": only a negation typed with or without its apostrophe denies.
		expect(wrong('Your work is in front of 83,000 registered buyers.')).toEqual(['83,000']);
		expect(wrong('it isnt 30 days, the trial is 14')).toEqual([]);
	});

	it('leaves the right counts, ordinals, corrections and other subjects alone', () => {
		expect(wrong('The trial is 14 days with ten products; I call on day 3 and day 10.')).toEqual(
			[]
		);
		expect(wrong('試刊十四天、十項產品，第三天和第十天我會打給您。')).toEqual([]);
		// The nearest subject decides: the trial's ten, Gold's three hundred.
		expect(wrong('試刊先放十項，之後金牌可以放三百項。')).toEqual([]);
		// A subject after the figure counts only in its own clause: his twelve products are his.
		expect(wrong('您現在十二項產品，基礎會員可以放五十項。')).toEqual([]);
		// Correcting the customer is no wrong fact.
		expect(wrong('試刊不是一個禮拜，是十四天。')).toEqual([]);
		expect(wrong("No, the trial isn't 30 days, it's 14.")).toEqual([]);
		// Far under the right figure, a count is of something else: two buyers who called.
		expect(wrong('Two registered buyers called, 2 registered buyers in fact.')).toEqual([]);
	});

	it('reads a sentence that opens on "it" as speaking of the subject named before it', () => {
		expect(wrong("You don't need a request for the trial. It's free for 30 days.")).toEqual(['30']);
		expect(wrong('我們有試刊。它可以放二十項產品。')).toEqual(['二十']);
		expect(wrong('The trial is free. It runs 14 days.')).toEqual([]);
		// A sentence of its own subject, and his own count, stay as they are.
		expect(wrong('Gold has 300 product listings. Your 20 products fit easily.')).toEqual([]);
		expect(wrong('The trial is free. In 30 days I will call you.')).toEqual([]);
	});

	it('reads a count said roughly as the least and most it may mean', () => {
		expect(wrong('我們有十幾萬個註冊買家。')).toEqual(['十幾萬']);
		expect(wrong('我們有幾十萬個註冊買家。')).toEqual(['幾十萬']);
		expect(wrong('我們有八萬多個註冊買家。')).toEqual(['八萬']);
		expect(wrong('We have hundreds of thousands of registered buyers.')).toEqual([
			'hundreds of thousands of'
		]);
		expect(wrong('我們有三萬多個註冊買家，幾萬個註冊買家都在找廠商。')).toEqual([]);
		expect(wrong('We have tens of thousands of registered buyers.')).toEqual([]);
		// A round figure said as one: about a million visits for 1.2 million.
		expect(wrong('We get about 1 million visits a month.')).toEqual([]);
		expect(wrong('每個月大約一百萬人次。')).toEqual([]);
		expect(wrong('每個月有一千兩百萬人次。')).toEqual(['一千兩百萬']);
		expect(wrong('About 20,000 registered buyers use it.')).toEqual(['20,000']);
		// A bound is right when the right figure lies within it.
		expect(wrong('We have over 30,000 registered buyers.')).toEqual([]);
		expect(wrong('我們有超過三萬個註冊買家。')).toEqual([]);
		expect(wrong('We have over 100,000 registered buyers.')).toEqual(['100,000']);
		expect(wrong('不到兩萬個註冊買家。')).toEqual(['兩萬']);
		expect(wrong('The trial lets you list up to 20 products.')).toEqual(['20']);
		expect(wrong("We've got over 100,000 buyers in the mould trade.")).toEqual(['100,000']);
		expect(wrong('We had 2 buyers call about moulds.')).toEqual([]);
		// A small rough count is mostly his own: eighty-odd products, more than Basic's fifty.
		expect(wrong('八十幾項超過基礎會員的五十項。')).toEqual([]);
	});
});
