import { describe, expect, it } from 'vitest';
import { localIsoDate } from './calendar';
import { inTimeZone, TIME_ZONES } from './test-time-zones';

describe.each(TIME_ZONES)('the local date in %s', (zone) => {
	inTimeZone(zone);

	it('is the date on the local calendar, not in UTC, over the year end', () => {
		// 04:00 on New Year's Day in Taipei; 22:00 on New Year's Eve in New York.
		const early = new Date('2026-12-31T20:00:00Z');
		const late = new Date('2027-01-01T03:00:00Z');
		expect([localIsoDate(early), localIsoDate(late)]).toEqual(zone === 'Asia/Taipei' ? ['2027-01-01', '2027-01-01'] : ['2026-12-31', '2026-12-31']);
		expect(localIsoDate(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
		expect(localIsoDate(new Date(2026, 11, 31, 23, 59, 59, 999))).toBe('2026-12-31');
	});
});
