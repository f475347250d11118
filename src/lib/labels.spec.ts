import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatList, listParts } from './labels';
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
		expect(m.interview_link_active({ date: formatDateTime(newYearMorning) }, { locale: 'en' }).replace(/\s/g, ' ')).toBe('A link is active until Jan 1, 2027, 4:00 AM.');
	});
});

describe('lists in a sentence', () => {
	it('join as each language writes them, with no punctuation of the other', () => {
		expect(formatList(['Admin', 'Trainer', 'Sales rep'], 'en')).toBe('Admin, Trainer, and Sales rep');
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
