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
