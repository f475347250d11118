import type { ContentLocale } from '../content/kinds';

/*
 * How much speech a text is: the units a speaking rate counts, and how long a line takes to say.
 * Free of the Chinese folding tables (text/fold.ts), because the browser's call controls time the
 * customer's lines with it.
 */

/** What a speaking rate counts: Chinese characters for Chinese, words for English. */
export function spokenUnits(transcript: string, locale: ContentLocale): number {
	if (locale === 'en')
		return (
			transcript
				.normalize('NFKC')
				.toLowerCase()
				.match(/[a-z0-9]+(?:'[a-z]+)?/g)?.length ?? 0
		);
	return transcript.match(/[\u3400-\u9fff\uf900-\ufaff]/gu)?.length ?? 0;
}

/**
 * How long the browser takes to read the customer's lines aloud, estimated from their length at
 * speech synthesis's usual pace (about 240 characters or 165 words a minute): what the page
 * played is not measured, so the share of talk rests on this estimate.
 */
export function customerSpeechMs(lines: readonly string[], locale: ContentLocale): number {
	const perMinute = locale === 'en' ? 165 : 240;
	const units = lines.reduce((sum, line) => sum + spokenUnits(line, locale), 0);
	return Math.round((units * 60_000) / perMinute);
}
