import { describe, expect, it } from 'vitest';
import { cueAfterVerdict, isVerdict, VERDICT_SCORES, verdictOf } from './verdict';

describe('an interviewer’s verdict', () => {
	it('maps to the judged score and back', () => {
		expect(VERDICT_SCORES).toEqual({ handled: 1, partly: 0.5, not: 0 });
		expect([1, 0.5, 0, 0.7, 0.2].map(verdictOf)).toEqual([
			'handled',
			'partly',
			'not',
			'partly',
			'not'
		]);
		expect(['handled', 'partly', 'not', 'maybe', ''].map(isVerdict)).toEqual([
			true,
			true,
			true,
			false,
			false
		]);
	});

	it('tells the interviewer what the customer does next', () => {
		expect(cueAfterVerdict(null)).toBeNull();
		expect(cueAfterVerdict({ score: 1, beat: 'discount', next: 'two-year' })).toEqual({
			verdict: 'handled',
			customer: 'moved-on'
		});
		expect(cueAfterVerdict({ score: 0.5, beat: 'discount', next: 'discount' })).toEqual({
			verdict: 'partly',
			customer: 'pushes-back'
		});
		expect(cueAfterVerdict({ score: 0, beat: 'discount', next: 'discount' })).toEqual({
			verdict: 'not',
			customer: 'asks-again'
		});
		expect(cueAfterVerdict({ score: 0, beat: 'discount', next: 'hangup' })).toEqual({
			verdict: 'not',
			customer: 'changes-course'
		});
	});

	it('says the customer raises the picked difficulty, whatever the verdict', () => {
		for (const score of [1, 0.5, 0])
			expect(cueAfterVerdict({ score, beat: 'price', next: 'scam', picked: true })?.customer).toBe(
				'picked'
			);
		// A pick of the same difficulty at another level is still the interviewer's pick, not a re-ask.
		expect(cueAfterVerdict({ score: 0, beat: 'price', next: 'price', picked: true })).toEqual({
			verdict: 'not',
			customer: 'picked'
		});
	});
});
