import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatList, listParts, trendText } from './labels';
import { m } from './paraglide/messages';
import { inTimeZone } from './test-time-zones';

// The formatters keep the time zone they were made in (a server's TZ does not change), so this
// file formats in one zone only: one where the local date differs from UTC's for a third of a day.
describe('dates shown in Asia/Taipei', () => {
	inTimeZone('Asia/Taipei');
	const newYearMorning = new Date('2026-12-31T20:00:00Z'); // 04:00 on 1 January 2027 in Taipei

	it('an instant (a certification, a candidate added) shows its local date; a plan’s day shows as written', () => {
		expect(formatDate(newYearMorning)).toBe('Jan 1, 2027');
		expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
		expect(formatDate('2027-01-01')).toBe('Jan 1, 2027');
	});

	it('a candidate’s link says until when it is active, in local time', () => {
		expect(
			m
				.interview_link_active({ date: formatDateTime(newYearMorning) }, { locale: 'en' })
				.replace(/\s/g, ' ')
		).toBe('A link is active until Jan 1, 2027, 4:00 AM.');
	});
});

describe('lists in a sentence', () => {
	it('join as each language writes them, with no punctuation of the other', () => {
		expect(formatList(['Admin', 'Trainer', 'Sales rep'], 'en')).toBe(
			'Admin, Trainer, and Sales rep'
		);
		expect(formatList(['管理員', '培訓師', '業務'], 'zh-TW')).toBe('管理員、培訓師和業務');
		expect(formatList(['Admin'], 'en')).toBe('Admin');
	});

	it('give a template each name apart from the words between them', () => {
		expect(listParts(['王經理', 'Ann Lee'], 'en')).toEqual([
			{ type: 'element', value: '王經理' },
			{ type: 'literal', value: ' and ' },
			{ type: 'element', value: 'Ann Lee' }
		]);
	});
});

describe('the sparkline’s text alternative', () => {
	it('says which way the scores went before reading every week, in each language', () => {
		const rising = [null, 62, null, 70, 78.2];
		expect(trendText(rising, 'en')).toBe(
			'Rising, from 62 to 78. Weekly average scores, oldest first: none, 62, none, 70, and 78.2'
		);
		expect(trendText(rising, 'zh-TW')).toBe(
			'上升，從 62 到 78。每週平均分數，由舊到新：無、62、無、70和78.2'
		);
		expect(trendText([80, 71], 'en')).toMatch(/^Falling, from 80 to 71\. /);
		expect(trendText([70, 40, 74], 'en')).toMatch(/^Steady, from 70 to 74\. /);
		expect(trendText([null, 55], 'zh-TW')).toMatch(/^只有一週有分數：55。/);
		expect(trendText([null, null], 'en')).toMatch(/^No scored role-plays in these 8 weeks\. /);
	});
});
