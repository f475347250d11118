import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { peopleIn } from '../testing/people';
import { newId } from '../ids';
import { loadAttempt, findAttempt, startAttempt } from './attempts';
import { submitTurn } from './turns';
import { insertRecording } from './recordings';
import { callSoundedOf, setSpeakingRanges, speakingRanges } from './call-sounded';
import { DEFAULT_SPEAKING_RANGES } from '../../engine/voice/ranges';

const OPENING =
	'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?';

function recordedCall() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const rep = peopleIn(db)('rep', ['rep']);
	const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'call')!;
	submitTurn(db, attempt.id, { mode: 'text', reply: OPENING }, 0);
	// 15 words in 4 s of voice after 0.8 s: 225 words a minute, over the English default.
	insertRecording(
		db,
		{
			id: newId(),
			mime: 'audio/webm',
			bytes: 2000,
			durationMs: 5000,
			voiced: [{ start: 800, end: 4800 }]
		},
		attempt.id,
		0,
		new Date()
	);
	const { turns } = loadAttempt(db, findAttempt(db, attempt.id)!);
	return { db, attempt, turns };
}

describe("a recorded call's sound against the organisation's ranges", { timeout: 60_000 }, () => {
	it('uses the defaults until a trainer sets ranges, then theirs', () => {
		const { db, attempt, turns } = recordedCall();
		expect(speakingRanges(db)).toEqual(DEFAULT_SPEAKING_RANGES);
		expect(callSoundedOf(db, attempt.id, turns, 'en')!.rate).toMatchObject({
			value: 225,
			standing: 'over'
		});
		setSpeakingRanges(db, {
			...DEFAULT_SPEAKING_RANGES,
			rate: { ...DEFAULT_SPEAKING_RANGES.rate, en: { min: 150, max: 230 } }
		});
		expect(callSoundedOf(db, attempt.id, turns, 'en')!.rate).toMatchObject({
			value: 225,
			range: { min: 150, max: 230 },
			standing: 'within'
		});
	});

	it('says nothing of a call without recordings', () => {
		const { db, turns } = recordedCall();
		const typed = startAttempt(
			db,
			peopleIn(db)('other', ['rep']).id,
			'renewal-price-objection',
			'en',
			'call'
		)!;
		expect(callSoundedOf(db, typed.id, turns, 'en')).toBeNull();
	});
});
