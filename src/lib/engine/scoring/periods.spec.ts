import { describe, expect, it } from 'vitest';
import { foldForMatch } from './normalize';
import { wrongConversions } from './periods';

/** The words of a reply said as a conversion of a figure before them that it is not. */
function wrong(reply: string): string[] {
	const folded = foldForMatch(reply);
	return wrongConversions(folded).map(([start, end]) => reply.slice(start, end));
}

describe('wrongConversions: a figure per one period said again per another must convert', () => {
	it('takes a month to a year, as people round it', () => {
		expect(wrong('Fifteen to twenty inquiries a month is around two hundred a year.')).toEqual([]);
		expect(wrong("So two or three a month, that's maybe thirty a year.")).toEqual([]);
		expect(wrong('Fifteen to twenty inquiries a month is around five hundred a year.')).toEqual([
			'five hundred'
		]);
		expect(wrong('15-20 inquiries a month, which is about 60 a year')).toEqual(['60']);
	});

	it('takes a year to a month and a day, prices too', () => {
		expect(wrong("At 26,800 a year, that's about NT$2,233 a month or NT$73 a day.")).toEqual([]);
		expect(wrong("At 26,800 a year that's about NT$7 a day, less than a coffee.")).toEqual(['7']);
		expect(wrong('基礎會員一年一萬兩千八，一天大概三十五塊。')).toEqual([]);
		expect(wrong('基礎會員一年一萬兩千八，一天大概二十塊。')).toEqual(['二十']);
		expect(wrong('金牌一年兩萬六千八，換算一個月大概兩千二、一天七十三塊左右。')).toEqual([]);
		expect(wrong('金牌一年兩萬六千八，換算一個月大概一千二、一天七十三塊左右。')).toEqual([
			'一千二'
		]);
	});

	it('reads the Chinese way, the period before the figure', () => {
		expect(wrong('您一個月十五到二十張詢價，一年就是兩百張左右。')).toEqual([]);
		expect(wrong('您一個月十五到二十張詢價，一年就是五百張。')).toEqual(['五百']);
		expect(wrong('一個月十幾二十張詢價，一年就一、兩百張。')).toEqual([]);
	});

	it('compares only the same thing counted, linked as one', () => {
		// Two facts side by side, not one converted.
		expect(wrong('每個月一百二十萬人次造訪，金牌會員一年兩萬六千八。')).toEqual([]);
		expect(
			wrong('Gold is 26,800 a year, so with 15 inquiries a month you pay about 150 each.')
		).toEqual([]);
		expect(wrong('You get 2,400 views a month and 300 inquiries a year.')).toEqual([]);
		// A figure between them: the second is not the first converted.
		expect(wrong('每個月一百二十萬人次，三萬八千位買家，金牌一年兩萬六千八。')).toEqual([]);
		// Another sentence.
		expect(wrong('Fifteen inquiries a month. A year is 26,800.')).toEqual([]);
	});

	it('leaves bounds, shares and ranks alone', () => {
		expect(wrong('金牌一年兩萬六千八，一天不到一百塊。')).toEqual([]);
		expect(wrong('Fifteen a month is more than a hundred a year.')).toEqual([]);
		expect(wrong('The second year is 10% off, that is 2,680 a year saved.')).toEqual([]);
	});
});
