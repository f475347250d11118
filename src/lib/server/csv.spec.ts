import { describe, expect, it } from 'vitest';
import { csvCell, csvDateTime, toCsv } from './csv';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';

describe('csv', () => {
	it.each([
		['plain', 'plain'],
		['王小明', '王小明'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
		['+1 555', "'+1 555"],
		['-2', "'-2"],
		['@SUM(A1)', "'@SUM(A1)"],
		// Spreadsheets set to split on semicolons or tabs would read the rest as a cell of its own.
		['x;=1+1', '"x;=1+1"'],
		['x\t=1+1', '"x\t=1+1"'],
		['\t=1+1', `"'\t=1+1"`],
		[null, '']
	])('%j → %j', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});

	it('numbers stay numbers', () => {
		expect(toCsv([[1, 2.5]])).toBe('\uFEFF1,2.5\r\n');
	});
});

// Fixed instants, not the time of the run: the same cells on any day, at any hour, on any machine.
const WINTER = new Date('2026-12-05T06:30:00Z');
const NEW_YEAR = new Date('2026-12-31T20:05:00Z');
const SUMMER = new Date('2026-07-01T02:15:00Z');

const expectedCells: Record<(typeof TIME_ZONES)[number], [Date, string][]> = {
	'Asia/Taipei': [
		[WINTER, '2026-12-05 14:30 +08:00'],
		// 04:05 on New Year's Day in Taipei, while it is still the old year in UTC.
		[NEW_YEAR, '2027-01-01 04:05 +08:00'],
		[SUMMER, '2026-07-01 10:15 +08:00']
	],
	'America/New_York': [
		[WINTER, '2026-12-05 01:30 -05:00'],
		[NEW_YEAR, '2026-12-31 15:05 -05:00'],
		// The evening before in New York, on summer time.
		[SUMMER, '2026-06-30 22:15 -04:00']
	]
};

describe.each(TIME_ZONES)('a time in a CSV, in %s', (zone) => {
	inTimeZone(zone);

	it.each(expectedCells[zone])(
		'%s reads %s: the local date and time with the offset',
		(at, cell) => {
			expect(csvDateTime(at)).toBe(cell);
		}
	);

	it('is written as it is, not as a formula or a quoted cell', () => {
		expect(toCsv([[csvDateTime(WINTER)]])).toBe(`\uFEFF${expectedCells[zone][0]![1]}\r\n`);
	});
});

describe('a time in a CSV, half an hour off a whole hour behind UTC', () => {
	inTimeZone('America/St_Johns');

	it('gives the minutes of the offset and its sign', () => {
		expect(csvDateTime(WINTER)).toBe('2026-12-05 03:00 -03:30');
	});
});
