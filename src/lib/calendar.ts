/**
 * The calendar date of an instant in this process's time zone (TZ), as YYYY-MM-DD: the
 * organisation's day, which differs from the UTC date for part of every day outside UTC.
 */
export function localIsoDate(at: Date): string {
	return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}
