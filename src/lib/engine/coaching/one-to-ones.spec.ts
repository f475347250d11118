import { afterEach, describe, expect, it, vi } from 'vitest';
import { TIME_ZONES, inTimeZone } from '$lib/test-time-zones';
import {
	ONE_TO_ONE_WEEKS_DEFAULT,
	actionDue,
	actionDueProblem,
	isOneToOneWeeks,
	oneToOneDateProblem,
	oneToOneGap
} from './index';

const SATURDAY = '2026-12-05';

describe.each(TIME_ZONES)('one-to-one dates, with TZ=%s', (zone) => {
	inTimeZone(zone);

	it('lists a rep after two weeks without a one-to-one, counted in calendar days on a Saturday', () => {
		expect(ONE_TO_ONE_WEEKS_DEFAULT).toBe(2);
		// Saturday two weeks back: due today; the Sunday after it: not yet.
		expect(oneToOneGap('2026-11-21', SATURDAY, 2)).toEqual({ due: true, days: 14 });
		expect(oneToOneGap('2026-11-22', SATURDAY, 2)).toEqual({ due: false, days: 13 });
		// Friday the day before: one day, whatever the weekend.
		expect(oneToOneGap('2026-12-04', SATURDAY, 2)).toEqual({ due: false, days: 1 });
		expect(oneToOneGap(SATURDAY, SATURDAY, 1)).toEqual({ due: false, days: 0 });
		expect(oneToOneGap('2026-11-28', SATURDAY, 1)).toEqual({ due: true, days: 7 });
	});

	it('lists a rep who has had none at all', () => {
		expect(oneToOneGap(null, SATURDAY, 2)).toEqual({ due: true, days: null });
		expect(oneToOneGap(null, SATURDAY, 12)).toEqual({ due: true, days: null });
	});

	it('counts across a year end and a leap day', () => {
		expect(oneToOneGap('2026-12-18', '2027-01-01', 2)).toEqual({ due: true, days: 14 });
		expect(oneToOneGap('2026-12-19', '2027-01-01', 2)).toEqual({ due: false, days: 13 });
		expect(oneToOneGap('2026-12-31', '2027-01-01', 2)).toEqual({ due: false, days: 1 });
		expect(oneToOneGap('2026-12-04', '2027-01-01', 4)).toEqual({ due: true, days: 28 });
		expect(oneToOneGap('2028-02-16', '2028-03-01', 2)).toEqual({ due: true, days: 14 });
		expect(oneToOneGap('2028-02-17', '2028-03-01', 2)).toEqual({ due: false, days: 13 });
	});

	it('counts days, not 24-hour periods, across the changes of summer time', () => {
		// The US leaves summer time on 2026-11-01 and enters it on 2026-03-08.
		expect(oneToOneGap('2026-10-25', '2026-11-08', 2)).toEqual({ due: true, days: 14 });
		expect(oneToOneGap('2026-03-02', '2026-03-15', 2)).toEqual({ due: false, days: 13 });
	});

	it('takes a talk dated after today as today’s', () => {
		expect(oneToOneGap('2026-12-09', SATURDAY, 2)).toEqual({ due: false, days: 0 });
	});

	it('says how an action stands: overdue by days, due today, or days ahead', () => {
		// Due Friday, read on Saturday: one day overdue, weekend or not.
		expect(actionDue('2026-12-04', SATURDAY)).toEqual({ state: 'overdue', days: 1 });
		expect(actionDue(SATURDAY, SATURDAY)).toEqual({ state: 'today', days: 0 });
		expect(actionDue('2026-12-06', SATURDAY)).toEqual({ state: 'upcoming', days: 1 });
		expect(actionDue('2026-12-31', '2027-01-01')).toEqual({ state: 'overdue', days: 1 });
		expect(actionDue('2027-01-04', '2026-12-31')).toEqual({ state: 'upcoming', days: 4 });
	});

	it('takes a one-to-one dated today or earlier, never later', () => {
		expect(oneToOneDateProblem(SATURDAY, SATURDAY)).toBeNull();
		expect(oneToOneDateProblem('2026-11-30', SATURDAY)).toBeNull();
		expect(oneToOneDateProblem('2026-12-06', SATURDAY)).toBe('future');
		expect(oneToOneDateProblem('2027-01-01', '2026-12-31')).toBe('future');
		expect(oneToOneDateProblem('2026-12-31', '2026-12-31')).toBeNull();
		for (const bad of ['', '2026-02-30', '5/12/2026', '1999-12-31', '2026-12-05T10:00'])
			expect(oneToOneDateProblem(bad, SATURDAY), bad).toBe('invalid');
	});

	it('takes an action due on the talk’s day or later', () => {
		expect(actionDueProblem('2026-12-05', SATURDAY)).toBeNull();
		expect(actionDueProblem('2027-01-04', SATURDAY)).toBeNull();
		expect(actionDueProblem('2026-12-04', SATURDAY)).toBe('before-talk');
		expect(actionDueProblem('2026-13-01', SATURDAY)).toBe('invalid');
		expect(actionDueProblem('', SATURDAY)).toBe('invalid');
	});
});

describe('the clock and the setting', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('never reads the clock: the same dates give the same answers at any real time', () => {
		const ask = () => [
			oneToOneGap('2026-11-21', SATURDAY, 2),
			actionDue('2026-12-04', SATURDAY),
			oneToOneDateProblem('2026-12-06', SATURDAY)
		];
		const expected = ask();
		vi.useFakeTimers();
		for (const now of [
			'1999-12-31T23:59:59Z',
			'2026-12-05T00:30:00+08:00',
			'2026-12-05T23:30:00-08:00',
			'2041-06-01T12:00:00Z'
		]) {
			vi.setSystemTime(new Date(now));
			expect(ask(), now).toEqual(expected);
		}
	});

	it('takes whole weeks from 1 to 12 only, and today as a calendar date', () => {
		expect([0, 1, 2, 12, 13, 1.5, Number.NaN, '2'].map(isOneToOneWeeks)).toEqual([
			false,
			true,
			true,
			true,
			false,
			false,
			false,
			false
		]);
		expect(() => oneToOneGap(null, SATURDAY, 0)).toThrow(RangeError);
		expect(() => oneToOneGap(null, '2026-12-05T10:00:00Z', 2)).toThrow(RangeError);
	});
});
