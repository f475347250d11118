import { describe, expect, it } from 'vitest';
import { fillersIn, inRange, measureCall, measureReply } from './measures';
import { spokenUnits } from './pace';
import { voicedSpans } from './voiced';

const RATE = 16_000;

/** A recording made of stretches: quiet room noise, or a voice (a 220 Hz tone) at some level. */
function recording(parts: readonly { ms: number; voice?: number }[]): Float32Array {
	const total = parts.reduce((sum, part) => sum + (part.ms * RATE) / 1000, 0);
	const samples = new Float32Array(total);
	let at = 0;
	let noise = 1;
	for (const part of parts) {
		const length = (part.ms * RATE) / 1000;
		for (let i = 0; i < length; i++, at++) {
			// A fixed pseudo-random hiss of about 0.002, the same on every run.
			noise = (noise * 16_807) % 2_147_483_647;
			const hiss = ((noise / 2_147_483_647) * 2 - 1) * 0.002;
			samples[at] =
				hiss + (part.voice ? part.voice * Math.sin((2 * Math.PI * 220 * at) / RATE) : 0);
		}
	}
	return samples;
}

describe('voicedSpans', () => {
	it('finds the voice after the pause, joining a breath between words and keeping a real pause', () => {
		const samples = recording([
			{ ms: 800 },
			{ ms: 1200, voice: 0.3 },
			{ ms: 200 },
			{ ms: 600, voice: 0.2 },
			{ ms: 700 },
			{ ms: 500, voice: 0.3 },
			{ ms: 400 }
		]);
		expect(voicedSpans(samples, RATE)).toEqual([
			{ start: 800, end: 2800 },
			{ start: 3500, end: 4000 }
		]);
	});

	it('finds nothing in a quiet room, in a click, or in an empty recording', () => {
		expect(voicedSpans(recording([{ ms: 2000 }]), RATE)).toEqual([]);
		expect(
			voicedSpans(recording([{ ms: 1000 }, { ms: 40, voice: 0.5 }, { ms: 1000 }]), RATE)
		).toEqual([]);
		expect(voicedSpans(new Float32Array(0), RATE)).toEqual([]);
	});

	it('is measured against the room: a loud hum throughout is not voice, speech over it is', () => {
		const hum = recording([{ ms: 3000, voice: 0.05 }]);
		expect(voicedSpans(hum, RATE)).toEqual([]);
		const speech = recording([
			{ ms: 1000, voice: 0.05 },
			{ ms: 1000, voice: 0.4 },
			{ ms: 1000, voice: 0.05 }
		]);
		expect(voicedSpans(speech, RATE)).toEqual([{ start: 1000, end: 2000 }]);
	});
});

describe('the words', () => {
	it('counts Chinese fillers, also typed in Simplified', () => {
		expect(fillersIn('嗯，那個，我們就是想說，然后您這邊方便嗎？', 'zh-TW')).toEqual([
			'嗯',
			'那個',
			'就是',
			'然後'
		]);
		expect(fillersIn('王老闆您好，我是五金網的小陳。', 'zh-TW')).toEqual([]);
	});

	it('counts English fillers, but not "like" or "you know" that belong to the sentence', () => {
		expect(
			fillersIn('Um, so, like, you know, I would like to ask, uh, when is he in?', 'en')
		).toEqual(['um', 'like', 'you know', 'uh']);
		expect(
			fillersIn('Do you know when he is in? I would like to call him, just like last year.', 'en')
		).toEqual([]);
		expect(fillersIn('It is, like, cheaper. I mean it.', 'en')).toEqual(['like', 'i mean']);
	});

	it('counts Chinese characters and English words, not punctuation or spaces', () => {
		expect(spokenUnits('王老闆您好，我是小陳。', 'zh-TW')).toBe(9);
		expect(spokenUnits("Hi, Mr. Wang, it's Kevin from MetalHub.", 'en')).toBe(7);
	});
});

describe('a reply and a call', () => {
	it('measures the pause before answering, the speaking time, the rate and the fillers', () => {
		const reply = measureReply(
			{
				transcript: '嗯，王老闆您好，我是五金網的小陳，想跟您約個時間。',
				voiced: [
					{ start: 1200, end: 3000 },
					{ start: 3400, end: 7200 }
				]
			},
			'zh-TW'
		);
		expect(reply).toEqual({ pauseBeforeMs: 1200, speakingMs: 6000, rate: 210, fillers: ['嗯'] });
	});

	it('gives no pause and no rate for a reply without voice', () => {
		expect(measureReply({ transcript: '', voiced: [] }, 'en')).toEqual({
			pauseBeforeMs: null,
			speakingMs: 0,
			rate: null,
			fillers: []
		});
	});

	it('sums a call: rate over all speaking, fillers a minute, the median pause, the longest stretch, the share of talk', () => {
		const transcripts = [
			'Um, hi, this is Kevin from MetalHub.',
			'Would this afternoon or tomorrow morning suit you better?',
			'Great, I will call you at three, uh, thank you.'
		];
		const replies = [
			measureReply({ transcript: transcripts[0]!, voiced: [{ start: 600, end: 3600 }] }, 'en'),
			measureReply({ transcript: transcripts[1]!, voiced: [{ start: 2400, end: 6400 }] }, 'en'),
			measureReply({ transcript: transcripts[2]!, voiced: [{ start: 1000, end: 4000 }] }, 'en')
		];
		const call = measureCall(replies, 'en', transcripts, 10_000);
		// 26 words in 10 s of speaking (156 a minute); 2 fillers; pauses 0.6, 1.0 and 2.4 s; 10 s of 20 s of talk.
		expect(call).toEqual({
			rate: 156,
			fillers: 2,
			fillersPerMinute: 12,
			medianPauseMs: 1000,
			longestStretchMs: 4000,
			talkShare: 0.5
		});
	});

	it('says where a figure stands against a trainer’s range, open at either end', () => {
		expect(inRange(150, { min: 120, max: 180 })).toBe('within');
		expect(inRange(100, { min: 120, max: null })).toBe('under');
		expect(inRange(260, { min: null, max: 240 })).toBe('over');
		expect(inRange(null, { min: 120, max: 180 })).toBe('within');
	});
});
