import { daysBetween, isCalendarDate, type IsoDate } from './deal';

/*
 * Where a rep's assignment stands, and what a manager may set on one: pure rules, with `today`
 * passed in as a calendar day of the organisation (the caller's `localIsoDate(now)` in TZ), so
 * they read no clock and give the same answer in any time zone the process runs in.
 */

export const ASSIGNMENT_STATUSES = ['done', 'due', 'overdue'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** The longest note a manager adds to an assignment, in characters. */
export const ASSIGNMENT_NOTE_MAX_LENGTH = 500;
/** How far ahead a due date may be: a quarter is far enough for practice. */
export const ASSIGNMENT_MAX_DAYS_AHEAD = 92;

/** What an assignment's standing depends on: its due day, and whether what completes it has happened. */
export interface AssignmentFacts {
	dueDate: IsoDate;
	/** When the rep did what completes it; null while they have not. */
	completedAt: Date | null;
}

/**
 * Done once the rep did it (late or not: doing it counts whenever it happens); otherwise due up to
 * and including its due day, overdue from the next calendar day on (weekends count: a due date is
 * a day the manager chose). `today` is a calendar date; a due date that is no date is overdue, as
 * no one can say it is not.
 */
export function assignmentStatus(facts: AssignmentFacts, today: IsoDate): AssignmentStatus {
	if (!isCalendarDate(today)) throw new RangeError(`today is not a calendar date: ${today}`);
	if (facts.completedAt) return 'done';
	if (!isCalendarDate(facts.dueDate)) return 'overdue';
	return daysBetween(today, facts.dueDate) < 0 ? 'overdue' : 'due';
}

export type DueDateProblem = 'due-date' | 'due-past' | 'due-far';

/**
 * Whether a manager may set `dueDate` on a new assignment on `today`: a real calendar day, from
 * today (an assignment born overdue would only be noise on the rep's home; "now" is today) up to
 * ASSIGNMENT_MAX_DAYS_AHEAD days ahead. Null when it may.
 */
export function dueDateProblem(dueDate: string, today: IsoDate): DueDateProblem | null {
	if (!isCalendarDate(dueDate)) return 'due-date';
	const ahead = daysBetween(today, dueDate);
	if (ahead < 0) return 'due-past';
	if (ahead > ASSIGNMENT_MAX_DAYS_AHEAD) return 'due-far';
	return null;
}

/** A pass mark as typed: a whole number from 0 to 100, or null when it is not one. */
export function parsePassMark(value: string): number | null {
	const text = value.trim();
	if (!/^\d{1,3}$/.test(text)) return null;
	const mark = Number(text);
	return mark <= 100 ? mark : null;
}

/** A calendar date `days` after `date` (before it when negative), for a form's default due date. */
export function addDays(date: IsoDate, days: number): IsoDate {
	if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
