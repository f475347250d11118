import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inTimeZone } from '$lib/test-time-zones';
import {
	DEAL_FLAGS,
	daysBetween,
	dealFlags,
	isCalendarDate,
	type Deal,
	type DealEvidence
} from './index';

const ASKED_PRICE: DealEvidence = {
	text: '老闆問我價格能不能再優惠一點。',
	date: '2026-11-30',
	strength: 'strong'
};
const INVOICE: DealEvidence = {
	text: 'The assistant asked which company name should go on the invoice.',
	date: '2026-12-01',
	strength: 'very-strong'
};
const SOUNDS_GOOD: DealEvidence = {
	text: 'He said it sounds good.',
	date: '2026-11-20',
	strength: 'weak'
};
const FEELING: DealEvidence = { text: '感覺意向很大', date: '2026-12-01', strength: 'very-strong' };
const NICE: DealEvidence = {
	text: 'The boss is really nice to me.',
	date: '2026-12-02',
	strength: 'strong'
};

/** A deal in good order on Saturday 2026-12-05: objective strong evidence, contact this week, a next step ahead. */
function deal(change: Partial<Deal> = {}): Deal {
	return {
		callNumber: 5,
		lastContact: '2026-12-03',
		evidence: [ASKED_PRICE],
		nextStep: { text: 'Send the two-year quote', date: '2026-12-08' },
		...change
	};
}

const SATURDAY = '2026-12-05';

// Winter and summer time on both sides of UTC, and a zone a whole day ahead of Los Angeles.
describe.each(['Asia/Taipei', 'America/Los_Angeles', 'America/New_York', 'Pacific/Kiritimati'])(
	'deal flags, with TZ=%s',
	(zone) => {
		inTimeZone(zone);

		it('flags nothing on a deal in good order', () => {
			expect(dealFlags(deal(), SATURDAY)).toEqual([]);
		});

		it('flags feelings only when no evidence is objective, whatever its ranking', () => {
			expect(dealFlags(deal({ evidence: [FEELING, NICE] }), SATURDAY)).toEqual(['feelings-only']);
			expect(dealFlags(deal({ evidence: [] }), SATURDAY)).toEqual(['feelings-only']);
			expect(dealFlags(deal({ evidence: [FEELING, SOUNDS_GOOD] }), SATURDAY)).toEqual([]);
		});

		it('counts 14 calendar days without contact on a Saturday, weekends included', () => {
			expect(dealFlags(deal({ lastContact: '2026-11-21' }), SATURDAY)).toEqual([
				'no-contact-14-days'
			]);
			expect(dealFlags(deal({ lastContact: '2026-11-22' }), SATURDAY)).toEqual([]);
			expect(dealFlags(deal({ lastContact: SATURDAY }), SATURDAY)).toEqual([]);
			// A contact dated after today (a typing slip) is no gap; a contact that is no date is one.
			expect(dealFlags(deal({ lastContact: '2026-12-09' }), SATURDAY)).toEqual([]);
			expect(dealFlags(deal({ lastContact: '2026-11-31' }), SATURDAY)).toEqual([
				'no-contact-14-days'
			]);
			expect(dealFlags(deal({ lastContact: '' }), SATURDAY)).toEqual(['no-contact-14-days']);
		});

		it('counts across a month end, February and a leap day', () => {
			const at = (lastContact: string, today: string) =>
				dealFlags(deal({ lastContact, nextStep: { text: 'Call', date: today } }), today);
			expect(at('2026-01-31', '2026-02-14')).toEqual(['no-contact-14-days']);
			expect(at('2026-02-01', '2026-02-14')).toEqual([]);
			expect(at('2026-02-15', '2026-03-01')).toEqual(['no-contact-14-days']);
			expect(at('2026-02-16', '2026-03-01')).toEqual([]);
			expect(at('2028-02-16', '2028-03-01')).toEqual(['no-contact-14-days']);
			expect(at('2028-02-17', '2028-03-01')).toEqual([]);
			expect(at('2026-04-30', '2026-05-14')).toEqual(['no-contact-14-days']);
		});

		it('counts across a year end', () => {
			const at = (lastContact: string, today: string) =>
				dealFlags(deal({ lastContact, nextStep: { text: 'Call', date: '2027-01-04' } }), today);
			expect(at('2026-12-18', '2027-01-01')).toEqual(['no-contact-14-days']);
			expect(at('2026-12-19', '2027-01-01')).toEqual([]);
			expect(at('2026-12-31', '2027-01-01')).toEqual([]);
			expect(at('2026-12-17', '2026-12-31')).toEqual(['no-contact-14-days']);
		});

		it('counts across the changes of summer time (days, not 24-hour periods)', () => {
			// The US leaves summer time on 2026-11-01 and enters it on 2026-03-08; Europe on 2026-03-29.
			const at = (lastContact: string, today: string) =>
				dealFlags(deal({ lastContact, nextStep: { text: 'Call', date: today } }), today);
			expect(at('2026-10-25', '2026-11-08')).toEqual(['no-contact-14-days']);
			expect(at('2026-10-26', '2026-11-08')).toEqual([]);
			expect(at('2026-03-01', '2026-03-15')).toEqual(['no-contact-14-days']);
			expect(at('2026-03-02', '2026-03-15')).toEqual([]);
			expect(at('2026-03-22', '2026-04-05')).toEqual(['no-contact-14-days']);
		});

		it('proposes nurture from the 11th call without objective evidence ranked strong or very strong', () => {
			const weak = [SOUNDS_GOOD, FEELING, NICE];
			expect(dealFlags(deal({ callNumber: 10, evidence: weak }), SATURDAY)).toEqual([]);
			expect(dealFlags(deal({ callNumber: 11, evidence: weak }), SATURDAY)).toEqual([
				'past-11-calls-without-strong-evidence'
			]);
			expect(dealFlags(deal({ callNumber: 14, evidence: weak }), SATURDAY)).toEqual([
				'past-11-calls-without-strong-evidence'
			]);
			expect(
				dealFlags(
					deal({ callNumber: 11, evidence: [SOUNDS_GOOD, { ...SOUNDS_GOOD, strength: 'medium' }] }),
					SATURDAY
				)
			).toEqual(['past-11-calls-without-strong-evidence']);
			expect(
				dealFlags(deal({ callNumber: 11, evidence: [...weak, ASKED_PRICE] }), SATURDAY)
			).toEqual([]);
			expect(dealFlags(deal({ callNumber: 12, evidence: [INVOICE] }), SATURDAY)).toEqual([]);
			// A feeling ranked very strong is still a feeling.
			expect(dealFlags(deal({ callNumber: 11, evidence: [FEELING] }), SATURDAY)).toEqual([
				'feelings-only',
				'past-11-calls-without-strong-evidence'
			]);
		});

		it('flags a missing next step, one without words or date, and one overdue (due today is not)', () => {
			expect(dealFlags(deal({ nextStep: null }), SATURDAY)).toEqual(['no-next-step']);
			expect(dealFlags(deal({ nextStep: { text: '  ', date: '2026-12-08' } }), SATURDAY)).toEqual([
				'no-next-step'
			]);
			expect(dealFlags(deal({ nextStep: { text: 'Call', date: '' } }), SATURDAY)).toEqual([
				'no-next-step'
			]);
			expect(dealFlags(deal({ nextStep: { text: 'Call', date: '2026-02-29' } }), SATURDAY)).toEqual(
				['no-next-step']
			);
			// Due Friday, read on Saturday: overdue, weekend or not.
			expect(dealFlags(deal({ nextStep: { text: 'Call', date: '2026-12-04' } }), SATURDAY)).toEqual(
				['next-step-overdue']
			);
			expect(dealFlags(deal({ nextStep: { text: 'Call', date: SATURDAY } }), SATURDAY)).toEqual([]);
			expect(
				dealFlags(
					deal({ lastContact: '2026-12-31', nextStep: { text: 'Call', date: '2026-12-31' } }),
					'2027-01-01'
				)
			).toEqual(['next-step-overdue']);
			expect(
				dealFlags(
					deal({ lastContact: '2026-01-31', nextStep: { text: 'Call', date: '2026-01-31' } }),
					'2026-02-01'
				)
			).toEqual(['next-step-overdue']);
			expect(
				dealFlags(
					deal({ lastContact: '2028-02-28', nextStep: { text: 'Call', date: '2028-02-29' } }),
					'2028-02-29'
				)
			).toEqual([]);
		});

		it('gives every flag at once in one order', () => {
			expect(
				dealFlags(
					{
						callNumber: 11,
						lastContact: '2026-11-01',
						evidence: [FEELING],
						nextStep: { text: 'Call', date: '2026-11-02' }
					},
					SATURDAY
				)
			).toEqual([
				'feelings-only',
				'no-contact-14-days',
				'past-11-calls-without-strong-evidence',
				'next-step-overdue'
			]);
			expect(
				dealFlags(
					{ callNumber: 12, lastContact: '2026-11-01', evidence: [], nextStep: null },
					SATURDAY
				)
			).toEqual([
				'feelings-only',
				'no-contact-14-days',
				'past-11-calls-without-strong-evidence',
				'no-next-step'
			]);
			expect(DEAL_FLAGS).toHaveLength(5);
		});
	}
);

describe('the clock', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('is never read: the same deal on the same day gives the same flags at any real time', () => {
		const deals = [
			deal(),
			deal({ lastContact: '2026-11-21', nextStep: { text: 'Call', date: '2026-12-04' } }),
			deal({ callNumber: 11, evidence: [FEELING] })
		];
		const expected = deals.map((d) => dealFlags(d, SATURDAY));
		vi.useFakeTimers();
		for (const now of [
			'1999-12-31T23:59:59Z',
			'2026-12-05T00:30:00+08:00',
			'2026-12-05T23:30:00-08:00',
			'2041-06-01T12:00:00Z'
		]) {
			vi.setSystemTime(new Date(now));
			expect(
				deals.map((d) => dealFlags(d, SATURDAY)),
				now
			).toEqual(expected);
		}
	});

	it('takes today as a calendar date, and refuses anything else', () => {
		expect(() => dealFlags(deal(), '2026-12-05T10:00:00Z')).toThrow(RangeError);
		expect(() => dealFlags(deal(), '2026-13-01')).toThrow(RangeError);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-29')).toBe(false);
		expect(isCalendarDate(20261205)).toBe(false);
		expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
		expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
		expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
		expect(() => daysBetween('2026-12-31', 'tomorrow')).toThrow(RangeError);
	});
});

describe('the module', () => {
	it('is pure: it imports no Kit, database, Paraglide or server code, and reads no clock', () => {
		const dir = 'src/lib/engine/coaching';
		const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
		expect(sources).toEqual(expect.arrayContaining(['index.ts', 'evidence.ts', 'deal.ts']));
		for (const file of sources) {
			const source = readFileSync(`${dir}/${file}`, 'utf8');
			const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
			for (const from of imports) expect(from, `${file} imports ${from}`).toMatch(/^\.\.?\//);
			expect(
				imports.filter((from) =>
					/server|paraglide|\$app|\$env|@sveltejs|drizzle|sqlite/.test(from)
				),
				file
			).toEqual([]);
			expect(source, file).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now/);
		}
	});
});
