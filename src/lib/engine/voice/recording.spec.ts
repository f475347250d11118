import { describe, expect, it } from 'vitest';
import {
	RECORDING_MAX_BYTES,
	checkRecording,
	parseRetentionDays,
	parseVoicedSpans,
	retentionCutoff,
	sniffRecordingType
} from './recording';

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

const WEBM = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]);
const OGG = bytes('OggS', [0, 2, 0, 0]);
const WAV = bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ');
const MP4 = bytes([0, 0, 0, 0x20], 'ftypM4A ');

describe('the type of a recording', () => {
	it('is told by its first bytes', () => {
		expect(sniffRecordingType(WEBM)).toBe('audio/webm');
		expect(sniffRecordingType(OGG)).toBe('audio/ogg');
		expect(sniffRecordingType(WAV)).toBe('audio/wav');
		expect(sniffRecordingType(MP4)).toBe('audio/mp4');
	});

	it('is none for anything else, however short', () => {
		expect(sniffRecordingType(bytes('<html><script>'))).toBeNull();
		expect(sniffRecordingType(bytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBeNull();
		expect(sniffRecordingType(bytes([0x1a, 0x45]))).toBeNull();
		expect(sniffRecordingType(new Uint8Array())).toBeNull();
	});
});

describe('checking a posted recording', () => {
	it('keeps audio within the limits, with the type its bytes are', () => {
		expect(checkRecording(WAV, 4200.4)).toEqual({ ok: true, type: 'audio/wav', durationMs: 4200 });
	});

	it('counts a missing or odd length as unknown (0)', () => {
		expect(checkRecording(OGG, Number.NaN)).toMatchObject({ ok: true, durationMs: 0 });
		expect(checkRecording(OGG, -5)).toMatchObject({ ok: true, durationMs: 0 });
	});

	it('refuses what is not audio, too large or too long', () => {
		expect(checkRecording(bytes('GIF89a'), 1000)).toEqual({ ok: false, problem: 'recording-type' });
		const large = new Uint8Array(RECORDING_MAX_BYTES + 1);
		large.set(WEBM);
		expect(checkRecording(large, 1000)).toEqual({ ok: false, problem: 'recording-too-large' });
		expect(checkRecording(WEBM, 120_001)).toEqual({ ok: false, problem: 'recording-too-long' });
		expect(checkRecording(WEBM, 120_000).ok).toBe(true);
	});
});

describe('the retention setting', () => {
	it('takes whole days from 1 to 3650', () => {
		expect(parseRetentionDays(' 30 ')).toBe(30);
		expect(parseRetentionDays('1')).toBe(1);
		expect(parseRetentionDays('3650')).toBe(3650);
		for (const bad of ['0', '3651', '-3', '2.5', '', 'ninety', '1e3'])
			expect(parseRetentionDays(bad)).toBeNull();
	});

	it('expires what was recorded more than that many days before now', () => {
		const now = new Date('2026-03-31T12:00:00Z');
		expect(retentionCutoff(now, 30).toISOString()).toBe('2026-03-01T12:00:00.000Z');
	});
});

describe('the voiced stretches a browser posts', () => {
	it('are kept when they are whole milliseconds, in order, within the recording', () => {
		const spans = [
			{ start: 400, end: 1800 },
			{ start: 2200, end: 3900 }
		];
		expect(parseVoicedSpans(JSON.stringify(spans), 4000)).toEqual(spans);
		expect(parseVoicedSpans('[]', 4000)).toEqual([]);
	});

	it('are dropped (null) when anything about them is off', () => {
		for (const bad of [
			'',
			'not json',
			'{"start":0,"end":5}',
			'[{"start":0,"end":4001}]',
			'[{"start":10,"end":10}]',
			'[{"start":-5,"end":10}]',
			'[{"start":0.5,"end":10}]',
			'[{"start":500,"end":900},{"start":800,"end":1200}]',
			'[null]',
			JSON.stringify(Array.from({ length: 401 }, (_, i) => ({ start: i * 2, end: i * 2 + 1 })))
		])
			expect(parseVoicedSpans(bad, 4000), bad.slice(0, 40)).toBeNull();
	});
});
