/**
 * The calendar date of an instant in this process's time zone (TZ), as YYYY-MM-DD: the
 * organisation's day, which differs from the UTC date for part of every day outside UTC.
 */
export function localIsoDate(at: Date): string {
	return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/**
 * The key of the calendar week `weeksBack` weeks before the one holding `at`: the date of its
 * Monday in this process's time zone (TZ), `YYYY-MM-DD`. Weeks run Monday 00:00 to Sunday
 * 23:59:59.999, local. The one rule the weekly practice totals are filed and read by.
 */
export function weekKey(at: Date, weeksBack = 0): string {
	return localIsoDate(
		new Date(
			at.getFullYear(),
			at.getMonth(),
			at.getDate() - ((at.getDay() + 6) % 7) - 7 * weeksBack
		)
	);
}
