import { describe, expect, it } from 'vitest';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';
import { localIsoDate } from '$lib/calendar';
import {
	ASSIGNMENT_MAX_DAYS_AHEAD,
	addDays,
	assignmentStatus,
	dueDateProblem,
	parsePassMark
} from './index';

const open = (dueDate: string) => ({ dueDate, completedAt: null });

describe('an assignment’s status on a calendar day', () => {
	it('is due up to and including its due day, overdue from the next day on', () => {
		expect(assignmentStatus(open('2026-12-05'), '2026-12-04')).toBe('due');
		expect(assignmentStatus(open('2026-12-05'), '2026-12-05')).toBe('due');
		expect(assignmentStatus(open('2026-12-05'), '2026-12-06')).toBe('overdue');
	});

	it('counts weekends: due on a Friday, it is overdue on the Saturday', () => {
		expect(assignmentStatus(open('2026-12-04'), '2026-12-05')).toBe('overdue');
		expect(assignmentStatus(open('2026-12-05'), '2026-12-05')).toBe('due');
	});

	it('crosses a month end and a year end by the calendar', () => {
		expect(assignmentStatus(open('2026-11-30'), '2026-11-30')).toBe('due');
		expect(assignmentStatus(open('2026-11-30'), '2026-12-01')).toBe('overdue');
		expect(assignmentStatus(open('2027-02-28'), '2027-03-01')).toBe('overdue');
		expect(assignmentStatus(open('2026-12-31'), '2027-01-01')).toBe('overdue');
		expect(assignmentStatus(open('2027-01-01'), '2026-12-31')).toBe('due');
	});

	it('is done once completed, late or not', () => {
		const completedAt = new Date('2026-12-10T03:00:00Z');
		expect(assignmentStatus({ dueDate: '2026-12-05', completedAt }, '2026-12-20')).toBe('done');
		expect(assignmentStatus({ dueDate: '2026-12-25', completedAt }, '2026-12-20')).toBe('done');
	});

	it('reads a due date that is no date as overdue, and refuses a today that is none', () => {
		expect(assignmentStatus(open('2026-02-30'), '2026-01-01')).toBe('overdue');
		expect(() => assignmentStatus(open('2026-12-05'), '5 Dec')).toThrow(RangeError);
	});
});

// The caller's today is the organisation's calendar day (localIsoDate in TZ): the same instant is
// Saturday evening in New York and already Sunday morning in Taipei.
describe.each(TIME_ZONES)('with the clock of an instant, TZ=%s', (zone) => {
	inTimeZone(zone);
	const saturdayEveningUtc = new Date('2026-12-05T20:00:00Z');
	const newYorkMonthEnd = new Date('2026-12-01T04:30:00Z'); // 23:30 on 30 November in New York, 12:30 on 1 December in Taipei

	it('decides on the local calendar day, not UTC’s', () => {
		const today = localIsoDate(saturdayEveningUtc);
		expect(today).toBe(zone === 'Asia/Taipei' ? '2026-12-06' : '2026-12-05');
		expect(assignmentStatus(open('2026-12-05'), today)).toBe(
			zone === 'Asia/Taipei' ? 'overdue' : 'due'
		);
		expect(assignmentStatus(open('2026-12-06'), today)).toBe('due');
	});

	it('turns overdue at local midnight at a month end', () => {
		const today = localIsoDate(newYorkMonthEnd);
		expect(assignmentStatus(open('2026-11-30'), today)).toBe(
			zone === 'Asia/Taipei' ? 'overdue' : 'due'
		);
		expect(
			assignmentStatus(
				open('2026-11-30'),
				localIsoDate(new Date(newYorkMonthEnd.getTime() + 60 * 60_000))
			)
		).toBe('overdue');
	});

	it('takes a due date from today, on a Saturday too, up to the limit ahead', () => {
		const today = localIsoDate(saturdayEveningUtc);
		expect(dueDateProblem(today, today)).toBeNull();
		expect(dueDateProblem(addDays(today, -1), today)).toBe('due-past');
		expect(dueDateProblem(addDays(today, ASSIGNMENT_MAX_DAYS_AHEAD), today)).toBeNull();
		expect(dueDateProblem(addDays(today, ASSIGNMENT_MAX_DAYS_AHEAD + 1), today)).toBe('due-far');
	});
});

describe('what a manager types', () => {
	it('takes real calendar days only', () => {
		expect(dueDateProblem('2026-02-29', '2026-01-01')).toBe('due-date');
		expect(dueDateProblem('2026-12-5', '2026-12-01')).toBe('due-date');
		expect(dueDateProblem('', '2026-12-01')).toBe('due-date');
		expect(dueDateProblem('2028-02-29', '2028-01-01')).toBeNull();
	});

	it('takes a pass mark from 0 to 100 as a whole number', () => {
		expect(parsePassMark('0')).toBe(0);
		expect(parsePassMark(' 70 ')).toBe(70);
		expect(parsePassMark('100')).toBe(100);
		for (const bad of ['101', '-1', '70.5', '', 'seventy', '1e2', '0x10'])
			expect(parsePassMark(bad)).toBeNull();
	});

	it('adds days across a month end and a leap day', () => {
		expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-12-05', 7)).toBe('2026-12-12');
		expect(addDays('2026-12-01', -1)).toBe('2026-11-30');
	});
});
