import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

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
