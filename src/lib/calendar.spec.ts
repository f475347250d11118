import { describe, expect, it } from 'vitest';
import { localIsoDate } from './calendar';
import { planProgress } from './engine/training/plan';
import { inTimeZone, TIME_ZONES } from './test-time-zones';

describe.each(TIME_ZONES)('the local date in %s', (zone) => {
	inTimeZone(zone);

	it('is the date on the local calendar, not in UTC, over the year end', () => {
		// 04:00 on New Year's Day in Taipei; 22:00 on New Year's Eve in New York.
		const early = new Date('2026-12-31T20:00:00Z');
		const late = new Date('2027-01-01T03:00:00Z');
		expect([localIsoDate(early), localIsoDate(late)]).toEqual(
			zone === 'Asia/Taipei' ? ['2027-01-01', '2027-01-01'] : ['2026-12-31', '2026-12-31']
		);
		expect(localIsoDate(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
		expect(localIsoDate(new Date(2026, 11, 31, 23, 59, 59, 999))).toBe('2026-12-31');
	});

	it('gives the plan the local day: a cohort starting on Saturday 5 December is on day 1 at 07:00 on Monday in Taipei', () => {
		const plan = {
			days: [{ title: 'Day 1', modules: [{ type: 'read' as const, title: 'Read', items: ['a'] }] }]
		};
		// Sunday 23:00 UTC: Monday 07:00 in Taipei, Sunday 18:00 in New York.
		const today = localIsoDate(new Date('2026-12-06T23:00:00Z'));
		expect(planProgress(plan, '2026-12-05', today, new Set()).when).toEqual(
			zone === 'Asia/Taipei' ? { kind: 'day', day: 1 } : { kind: 'before', date: '2026-12-07' }
		);
	});
});
