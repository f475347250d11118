import { eq } from 'drizzle-orm';
import type { Db } from '../db/index';
import { appSettings } from '../db/schema';
import { recordingsOf } from './recordings';
import { measureReply } from '../../engine/voice/measures';
import {
	DEFAULT_SPEAKING_RANGES,
	parseSpeakingRanges,
	soundedCall,
	speakingRangeFields,
	type SoundedCall,
	type SpeakingRanges
} from '../../engine/voice/ranges';
import type { ContentLocale } from '../../engine/content/kinds';

/*
 * How a recorded call sounded as a whole (issue #21 item 3), against the organisation's speaking
 * ranges: trainers and admins set them in the studio; until then the defaults hold.
 */

const RANGES_KEY = 'speaking-ranges';

/** The organisation's speaking ranges: as set, or the defaults (also for a setting that no longer reads). */
export function speakingRanges(db: Db): SpeakingRanges {
	const stored = db
		.select({ value: appSettings.value })
		.from(appSettings)
		.where(eq(appSettings.key, RANGES_KEY))
		.get()?.value;
	if (!stored) return DEFAULT_SPEAKING_RANGES;
	try {
		return (
			parseSpeakingRanges(JSON.parse(stored) as Record<string, string>) ?? DEFAULT_SPEAKING_RANGES
		);
	} catch {
		return DEFAULT_SPEAKING_RANGES;
	}
}

export function setSpeakingRanges(db: Db, ranges: SpeakingRanges): void {
	const value = JSON.stringify(speakingRangeFields(ranges));
	db.insert(appSettings)
		.values({ key: RANGES_KEY, value })
		.onConflictDoUpdate({ target: appSettings.key, set: { value } })
		.run();
}

/**
 * The call's recorded replies taken together, against the ranges; null when no reply was recorded
 * with voice found in it. `turns` are the attempt's, with the customer line each answered.
 */
export function callSoundedOf(
	db: Db,
	attemptId: string,
	turns: readonly { index: number; reply: string; customer: string }[],
	locale: ContentLocale
): SoundedCall | null {
	const byIndex = new Map(turns.map((turn) => [turn.index, turn]));
	const replies = recordingsOf(db, attemptId).flatMap((recording) => {
		const turn = byIndex.get(recording.turnIndex);
		if (!turn || !recording.voiced) return [];
		return [
			{
				measures: measureReply({ transcript: turn.reply, voiced: recording.voiced }, locale),
				transcript: turn.reply,
				customer: turn.customer
			}
		];
	});
	return replies.length === 0 ? null : soundedCall(replies, locale, speakingRanges(db));
}
