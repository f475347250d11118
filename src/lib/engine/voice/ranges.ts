import type { ContentLocale } from '../content/kinds';
import {
	inRange,
	measureCall,
	type CallMeasures,
	type MeasureRange,
	type ReplyMeasures
} from './measures';
import { customerSpeechMs } from './pace';

/*
 * How a whole call sounded against the ranges a trainer sets (issue #21 item 3): the speaking rate
 * (characters a minute in Chinese, words in English), the longest stretch without letting the
 * customer speak and the rep's share of the talk, each under, within or over its range. Figures for
 * a panel to weigh as evidence for composure, never a score. Pure: the caller reads the setting.
 */

export interface SpeakingRanges {
	/** Characters a minute for zh-TW, words a minute for English. */
	rate: Record<ContentLocale, MeasureRange>;
	/** The longest reply, in seconds. */
	longestStretchSeconds: MeasureRange;
	/** The rep's share of the talk, in percent. */
	talkSharePercent: MeasureRange;
}

/**
 * Usual ranges for a sales call: Taiwanese Mandarin on the phone runs about 200–300 characters a
 * minute, English about 120–170 words; a reply of more than 45 s is a monologue; a rep who talks
 * for more than two thirds of the call is not listening, one under a third is not leading.
 */
export const DEFAULT_SPEAKING_RANGES: SpeakingRanges = {
	rate: { 'zh-TW': { min: 200, max: 300 }, en: { min: 120, max: 170 } },
	longestStretchSeconds: { min: null, max: 45 },
	talkSharePercent: { min: 33, max: 67 }
};

/** The form fields of the setting, each end of each range: '' for an open end. */
export const RANGE_FIELDS = [
	'rate-zh-TW-min',
	'rate-zh-TW-max',
	'rate-en-min',
	'rate-en-max',
	'longest-min',
	'longest-max',
	'share-min',
	'share-max'
] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

const MOST = 1000;

function end(text: string | undefined): number | null | undefined {
	const trimmed = (text ?? '').trim();
	if (trimmed === '') return null;
	if (!/^\d{1,4}$/.test(trimmed)) return undefined;
	const value = Number(trimmed);
	return value <= MOST ? value : undefined;
}

function range(fields: Partial<Record<string, string>>, name: string): MeasureRange | undefined {
	const min = end(fields[`${name}-min`]);
	const max = end(fields[`${name}-max`]);
	if (min === undefined || max === undefined) return undefined;
	if (min !== null && max !== null && min > max) return undefined;
	return { min, max };
}

/**
 * The ranges as a trainer posted them (or as stored): whole numbers from 0 to 1000, either end
 * open, the lower end not above the upper one, a share at most 100. Null if any is not.
 */
export function parseSpeakingRanges(
	fields: Partial<Record<string, string>>
): SpeakingRanges | null {
	const zh = range(fields, 'rate-zh-TW');
	const en = range(fields, 'rate-en');
	const longest = range(fields, 'longest');
	const share = range(fields, 'share');
	if (!zh || !en || !longest || !share) return null;
	if ((share.max ?? 0) > 100 || (share.min ?? 0) > 100) return null;
	return {
		rate: { 'zh-TW': zh, en },
		longestStretchSeconds: longest,
		talkSharePercent: share
	};
}

/** The ranges as form fields, to fill the setting's form and to store. */
export function speakingRangeFields(ranges: SpeakingRanges): Record<RangeField, string> {
	const text = (value: number | null) => (value === null ? '' : String(value));
	return {
		'rate-zh-TW-min': text(ranges.rate['zh-TW'].min),
		'rate-zh-TW-max': text(ranges.rate['zh-TW'].max),
		'rate-en-min': text(ranges.rate.en.min),
		'rate-en-max': text(ranges.rate.en.max),
		'longest-min': text(ranges.longestStretchSeconds.min),
		'longest-max': text(ranges.longestStretchSeconds.max),
		'share-min': text(ranges.talkSharePercent.min),
		'share-max': text(ranges.talkSharePercent.max)
	};
}

export type Standing = 'under' | 'within' | 'over';

export interface SoundedCall {
	measures: CallMeasures;
	rate: { value: number | null; range: MeasureRange; standing: Standing };
	longestStretch: { seconds: number; range: MeasureRange; standing: Standing };
	talkShare: { percent: number | null; range: MeasureRange; standing: Standing };
}

/**
 * A call's recorded replies (each measured, with its words and the customer line it answered)
 * against the trainer's ranges. Null for a call with no reply in which voice was found.
 */
export function soundedCall(
	replies: readonly { measures: ReplyMeasures; transcript: string; customer: string }[],
	locale: ContentLocale,
	ranges: SpeakingRanges
): SoundedCall | null {
	const voiced = replies.filter((reply) => reply.measures.speakingMs > 0);
	if (voiced.length === 0) return null;
	const measures = measureCall(
		voiced.map((reply) => reply.measures),
		locale,
		voiced.map((reply) => reply.transcript),
		customerSpeechMs(
			voiced.map((reply) => reply.customer),
			locale
		)
	);
	const seconds = Math.round(measures.longestStretchMs / 100) / 10;
	const percent = measures.talkShare === null ? null : Math.round(measures.talkShare * 100);
	return {
		measures,
		rate: {
			value: measures.rate,
			range: ranges.rate[locale],
			standing: inRange(measures.rate, ranges.rate[locale])
		},
		longestStretch: {
			seconds,
			range: ranges.longestStretchSeconds,
			standing: inRange(seconds, ranges.longestStretchSeconds)
		},
		talkShare: {
			percent,
			range: ranges.talkSharePercent,
			standing: inRange(percent, ranges.talkSharePercent)
		}
	};
}
