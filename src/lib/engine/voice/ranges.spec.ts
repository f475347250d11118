import { describe, expect, it } from 'vitest';
import { measureReply } from './measures';
import { customerSpeechMs } from './pace';
import {
	DEFAULT_SPEAKING_RANGES,
	parseSpeakingRanges,
	soundedCall,
	speakingRangeFields
} from './ranges';

describe('the ranges a trainer sets', () => {
	it('reads whole numbers with open ends, and refuses a lower end above the upper one', () => {
		const fields = {
			...speakingRangeFields(DEFAULT_SPEAKING_RANGES),
			'rate-en-max': '',
			'longest-max': '30'
		};
		expect(parseSpeakingRanges(fields)).toEqual({
			...DEFAULT_SPEAKING_RANGES,
			rate: { ...DEFAULT_SPEAKING_RANGES.rate, en: { min: 120, max: null } },
			longestStretchSeconds: { min: null, max: 30 }
		});
		expect(parseSpeakingRanges({ ...fields, 'rate-zh-TW-min': '400' })).toBeNull();
		expect(parseSpeakingRanges({ ...fields, 'share-max': '120' })).toBeNull();
		expect(parseSpeakingRanges({ ...fields, 'longest-max': '12.5' })).toBeNull();
		expect(parseSpeakingRanges({ ...fields, 'share-min': '-1' })).toBeNull();
	});

	it('round-trips through the form fields', () => {
		expect(parseSpeakingRanges(speakingRangeFields(DEFAULT_SPEAKING_RANGES))).toEqual(
			DEFAULT_SPEAKING_RANGES
		);
	});
});

describe('a whole call against the ranges', () => {
	it("estimates the customer's lines at speech synthesis's pace", () => {
		// 24 characters at 240 a minute: 6 s; 10 words (twenty-six is two) at 165 a minute.
		expect(
			customerSpeechMs(['你們那個會員一年要兩萬多，太貴了。', '我再想想，下禮拜再說。'], 'zh-TW')
		).toBe(6000);
		expect(customerSpeechMs(['Twenty-six thousand a year is too expensive for us.'], 'en')).toBe(
			Math.round((10 * 60_000) / 165)
		);
	});

	it('puts a fast, long-winded zh-TW call over its ranges and a calm one within them', () => {
		const customer = '你們那個會員一年要兩萬多，太貴了。'; // 15 characters: 3.75 s read aloud
		const fast =
			'王經理我了解您的預算壓力但是我們的會員其實非常划算因為去年您透過我們接到很多詢價而且成交率也很高所以我真的建議您續約';
		const calm = '王經理，我了解，預算確實吃緊。';
		const call = (text: string, voicedMs: number) =>
			soundedCall(
				[
					{
						measures: measureReply(
							{ transcript: text, voiced: [{ start: 800, end: 800 + voicedMs }] },
							'zh-TW'
						),
						transcript: text,
						customer
					}
				],
				'zh-TW',
				DEFAULT_SPEAKING_RANGES
			)!;
		// 58 characters in 10 s: 348 a minute; 10 s of 13.75 s of talk: 73 %.
		const rushed = call(fast, 10_000);
		expect(rushed.rate).toMatchObject({ value: 348, standing: 'over' });
		expect(rushed.talkShare).toMatchObject({ percent: 73, standing: 'over' });
		expect(rushed.longestStretch).toMatchObject({ seconds: 10, standing: 'within' });
		// 12 characters in 3 s: 240 a minute; 3 s of 6.75 s: 44 %.
		const measured = call(calm, 3000);
		expect(measured.rate).toMatchObject({ value: 240, standing: 'within' });
		expect(measured.talkShare).toMatchObject({ percent: 44, standing: 'within' });
	});

	it('says a one-minute monologue is over the longest stretch, and nothing for a call without voice', () => {
		const monologue = 'word '.repeat(150).trim();
		const call = soundedCall(
			[
				{
					measures: measureReply(
						{ transcript: monologue, voiced: [{ start: 0, end: 60_000 }] },
						'en'
					),
					transcript: monologue,
					customer: 'Go on.'
				}
			],
			'en',
			DEFAULT_SPEAKING_RANGES
		)!;
		expect(call.longestStretch).toMatchObject({ seconds: 60, standing: 'over' });
		expect(call.rate).toMatchObject({ value: 150, standing: 'within' });
		expect(
			soundedCall(
				[
					{
						measures: measureReply({ transcript: '', voiced: [] }, 'en'),
						transcript: '',
						customer: 'Hello?'
					}
				],
				'en',
				DEFAULT_SPEAKING_RANGES
			)
		).toBeNull();
	});
});
