import { localIsoDate } from '$lib/calendar';

/**
 * One CSV cell. A cell that a spreadsheet would read as a formula (=, +, -, @, tab or carriage
 * return at the start) is prefixed with an apostrophe, so opening an export never runs anything.
 * A cell holding a separator some spreadsheet splits on (comma, semicolon, tab) is quoted, or the
 * part after it would start a cell of its own, and could be a formula (`x;=1+1`).
 */
export function csvCell(value: string | number | null | undefined): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",;\t\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a byte-order mark, so that spreadsheet programs read Chinese correctly. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * An instant as a CSV cell: the date and time on the organisation's clock (this process's `TZ`)
 * with its offset from UTC, e.g. `2026-12-05 14:30 +08:00`. A manager reads the time as it was in
 * the office, and the offset keeps it one instant wherever the file is opened.
 */
export function csvDateTime(at: Date): string {
	const two = (n: number): string => String(n).padStart(2, '0');
	const offset = -at.getTimezoneOffset();
	const sign = offset < 0 ? '-' : '+';
	return `${localIsoDate(at)} ${two(at.getHours())}:${two(at.getMinutes())} ${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}
