import { describe, expect, it } from 'vitest';
import { callClock, callDuration, callElapsedMs, lineSpeakingMs } from './call-time';

describe('callClock', () => {
	it('shows minutes and seconds, both with two digits, and goes past an hour in minutes', () => {
		expect(callClock(0)).toBe('00:00');
		expect(callClock(59_999)).toBe('00:59');
		expect(callClock(187_000)).toBe('03:07');
		expect(callClock(75 * 60_000)).toBe('75:00');
	});

	it('never shows a negative time', () => {
		expect(callClock(-5000)).toBe('00:00');
	});
});

describe('callDuration', () => {
	it('gives the ISO 8601 duration a <time> element reads', () => {
		expect(callDuration(187_400)).toBe('PT3M7S');
	});
});

describe('callElapsedMs', () => {
	const started = Date.UTC(2026, 11, 6, 9, 0, 0);

	it('counts from the start to now while the call runs', () => {
		expect(callElapsedMs(started, null, started + 65_000)).toBe(65_000);
	});

	it('is the call length once it ended, however much later it is read', () => {
		expect(callElapsedMs(started, started + 200_000, started + 86_400_000)).toBe(200_000);
	});

	it('is zero for a start a skewed clock puts in the future', () => {
		expect(callElapsedMs(started, null, started - 3000)).toBe(0);
	});
});

describe('lineSpeakingMs', () => {
	it('grows with the line, by characters in Chinese and words in English', () => {
		const short = lineSpeakingMs('喂？', 'zh-TW');
		const long = lineSpeakingMs(
			'你們那個會員一年要兩萬多，太貴了，我們今年預算真的不夠。',
			'zh-TW'
		);
		expect(long).toBeGreaterThan(short);
		expect(
			lineSpeakingMs('It is far too expensive for a small shop like ours, really.', 'en')
		).toBeGreaterThan(lineSpeakingMs('Too expensive.', 'en'));
	});

	it('shows even a one-word line long enough to read it', () => {
		expect(lineSpeakingMs('喂？', 'zh-TW')).toBeGreaterThanOrEqual(1500);
	});
});
