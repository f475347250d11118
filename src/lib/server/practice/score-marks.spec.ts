import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { addTeamMember, createTeam } from '../accounts/teams';
import { startAttempt } from './attempts';
import { submitTurn } from './turns';
import { peopleIn } from '../testing/people';
import { parseCorpusLine } from '../../../../scoring/graded-replies';
import {
	acceptedMarksAsCorpus,
	acceptMark,
	markTurn,
	openMarkCount,
	openMarksByBeat,
	ownMarks,
	resolveMark
} from './score-marks';
import { draftOf } from '../content/studio';
import { readDraft } from '$lib/engine/content/index';

const OPENING =
	'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?';

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const person = peopleIn(db);
	const lead = person('lead', ['manager']);
	const rep = person('rep', ['rep']);
	const otherLead = person('other-lead', ['manager']);
	const trainer = person('trainer', ['trainer']);
	const team = createTeam(db, 'T');
	addTeamMember(db, team.id, lead.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
	submitTurn(db, attempt.id, { mode: 'text', reply: OPENING }, 0);
	const choice = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'choice')!;
	submitTurn(db, choice.id, { mode: 'choice', choice: 1 }, 0);
	return { db, lead, rep, otherLead, trainer, attempt, choice };
}

describe('marking where the score was wrong', () => {
	it('a manager marks a typed turn of a rep they follow; the mark copies what was judged', () => {
		const { db, lead, attempt } = setUp();
		expect(
			markTurn(db, lead, {
				attemptId: attempt.id,
				turnIndex: 0,
				kind: 'missed',
				note: 'He asked for a minute: that is asking permission.'
			})
		).toEqual({ ok: true });
		expect(ownMarks(db, lead, attempt.id).get(0)).toEqual({
			kind: 'missed',
			note: 'He asked for a minute: that is asking permission.',
			status: 'open'
		});
		const [group] = openMarksByBeat(db);
		expect(group).toMatchObject({
			scenarioId: 'renewal-price-objection',
			locale: 'en',
			beat: 'greet'
		});
		expect(group!.marks.map((m) => [m.reply, m.author])).toEqual([[OPENING, 'lead']]);
		// Marking again replaces one's own open mark.
		markTurn(db, lead, {
			attemptId: attempt.id,
			turnIndex: 0,
			kind: 'wrong-credit',
			note: 'On second thought.'
		});
		expect(openMarkCount(db)).toBe(1);
		expect(ownMarks(db, lead, attempt.id).get(0)?.kind).toBe('wrong-credit');
	});

	it('refuses whoever may not read the attempt, reps, chosen options, and an empty note', () => {
		const { db, rep, otherLead, trainer, attempt, choice, lead } = setUp();
		const input = { attemptId: attempt.id, turnIndex: 0, kind: 'missed' as const, note: 'x' };
		expect(markTurn(db, otherLead, input)).toEqual({ ok: false, problem: 'not-found' });
		expect(markTurn(db, trainer, input)).toEqual({ ok: false, problem: 'not-found' });
		expect(markTurn(db, rep, input)).toEqual({ ok: false, problem: 'not-found' });
		expect(markTurn(db, lead, { ...input, turnIndex: 5 })).toEqual({ ok: false, problem: 'turn' });
		expect(markTurn(db, lead, { ...input, attemptId: choice.id })).toEqual({
			ok: false,
			problem: 'not-typed'
		});
		expect(markTurn(db, lead, { ...input, note: '   ' })).toEqual({ ok: false, problem: 'note' });
		expect(markTurn(db, lead, { ...input, kind: '' })).toEqual({ ok: false, problem: 'kind' });
		// Access is decided first: whoever may not mark learns nothing from what they sent.
		expect(markTurn(db, otherLead, { ...input, kind: '', note: '' })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(openMarkCount(db)).toBe(0);
	});

	it('a trainer marks their own practice turns', () => {
		const { db, trainer } = setUp();
		const own = startAttempt(db, trainer.id, 'renewal-price-objection', 'en', 'text')!;
		submitTurn(db, own.id, { mode: 'text', reply: OPENING }, 0);
		expect(
			markTurn(db, trainer, {
				attemptId: own.id,
				turnIndex: 0,
				kind: 'missed',
				note: 'Asked permission.'
			})
		).toEqual({ ok: true });
	});
});

describe('reviewing marks in the studio', () => {
	it('an accepted mark carries the trainer’s grade and joins the corpus as a tuning line; a dismissed one does not', () => {
		const { db, lead, trainer, attempt } = setUp();
		submitTurn(
			db,
			attempt.id,
			{ mode: 'text', reply: 'I hear you. How many inquiries do you get in a month?' },
			1
		);
		markTurn(db, lead, {
			attemptId: attempt.id,
			turnIndex: 0,
			kind: 'missed',
			note: 'Asked permission.'
		});
		markTurn(db, lead, {
			attemptId: attempt.id,
			turnIndex: 1,
			kind: 'wrong-credit',
			note: 'Too easy.'
		});
		const [first, second] = openMarksByBeat(db).flatMap((g) => g.marks);
		expect(resolveMark(db, trainer, first!.id, { accept: { grade: 6, reason: 'x' } })).toEqual({
			ok: false,
			problem: 'grade'
		});
		expect(resolveMark(db, trainer, first!.id, { accept: { grade: 5, reason: '' } })).toEqual({
			ok: false,
			problem: 'reason'
		});
		expect(
			resolveMark(db, trainer, first!.id, {
				accept: { grade: 5, reason: 'Name, company, asks for a minute.' }
			})
		).toEqual({ ok: true });
		expect(resolveMark(db, trainer, second!.id, 'dismiss')).toEqual({ ok: true });
		// Each is decided once.
		expect(resolveMark(db, trainer, second!.id, 'dismiss')).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(openMarkCount(db)).toBe(0);
		expect(ownMarks(db, lead, attempt.id).get(0)?.status).toBe('accepted');

		const corpus = acceptedMarksAsCorpus(db);
		const lines = corpus.trimEnd().split('\n').map(parseCorpusLine);
		expect(lines).toEqual([
			{
				ok: true,
				value: expect.objectContaining({
					locale: 'en',
					scenario: 'renewal-price-objection',
					beat: 'greet',
					reply: OPENING,
					grade: 5,
					part: 'tuning'
				})
			}
		]);
	});

	it('accepting can bring the phrasing the score missed into the lexicon, as a draft to publish', () => {
		const { db, lead, trainer, attempt } = setUp();
		markTurn(db, lead, {
			attemptId: attempt.id,
			turnIndex: 0,
			kind: 'missed',
			note: 'Asked permission.'
		});
		const [mark] = openMarksByBeat(db).flatMap((g) => g.marks);
		const accept = { grade: 5, reason: 'Asks for a minute in other words.' };
		expect(
			acceptMark(db, trainer, mark!.id, accept, {
				phrase: { intent: 'no-such-intent', phrase: 'spare me a sec' }
			})
		).toEqual({ ok: false, problem: 'phrase' });
		expect(openMarkCount(db)).toBe(1);
		expect(
			acceptMark(db, trainer, mark!.id, accept, {
				phrase: { intent: 'ask-good-time-now', phrase: 'spare me a sec' }
			})
		).toEqual({
			ok: true,
			added: {
				phrase: 'spare me a sec',
				intent: 'ask-good-time-now',
				lexicon: 'sales-phrasebook',
				locale: 'en'
			},
			scenario: null
		});
		const draft = readDraft('lexicon', draftOf(db, 'lexicon', 'en', 'sales-phrasebook')!);
		if (!draft.ok || draft.draft.kind !== 'lexicon') throw new Error('the draft does not read');
		expect(draft.draft.data.intents.find((i) => i.id === 'ask-good-time-now')!.phrases).toContain(
			'spare me a sec'
		);
		// Decided already: nothing more is written.
		expect(
			acceptMark(db, trainer, mark!.id, accept, {
				phrase: { intent: 'ask-good-time-now', phrase: 'lend me a tick' }
			})
		).toEqual({ ok: false, problem: 'not-found' });
		expect(draftOf(db, 'lexicon', 'en', 'sales-phrasebook')).not.toContain('lend me a tick');
	});

	it('accepting can keep the reply as an example of its line and add a cue to one of its points, in the scenario draft', () => {
		const { db, lead, trainer, attempt } = setUp();
		markTurn(db, lead, {
			attemptId: attempt.id,
			turnIndex: 0,
			kind: 'missed',
			note: 'Asked permission.'
		});
		const [mark] = openMarksByBeat(db).flatMap((g) => g.marks);
		const scenarioDraft = () => {
			const read = readDraft(
				'scenario',
				draftOf(db, 'scenario', 'en', 'renewal-price-objection') ?? ''
			);
			if (!read.ok || read.draft.kind !== 'scenario') throw new Error('no scenario draft');
			return read.draft.data.beats.greet!;
		};
		// A middling reply is an example of neither; a point that is not there takes no cue; neither writes anything.
		expect(
			acceptMark(db, trainer, mark!.id, { grade: 3, reason: 'So-so.' }, { example: true })
		).toEqual({ ok: false, problem: 'example' });
		expect(
			acceptMark(
				db,
				trainer,
				mark!.id,
				{ grade: 5, reason: 'Good.' },
				{ example: true, cue: { list: 'expect', index: 99, cue: 'got a minute' } }
			)
		).toEqual({ ok: false, problem: 'cue' });
		expect(draftOf(db, 'scenario', 'en', 'renewal-price-objection')).toBeNull();
		expect(openMarkCount(db)).toBe(1);
		const outcome = acceptMark(
			db,
			trainer,
			mark!.id,
			{ grade: 5, reason: 'Good.' },
			{ example: true, cue: { list: 'expect', index: 0, cue: 'got a minute' } }
		);
		expect(outcome).toEqual({
			ok: true,
			added: null,
			scenario: { id: 'renewal-price-objection', locale: 'en' }
		});
		// Added after the line's own good examples, which stay.
		const good = scenarioDraft().examples?.good ?? [];
		expect(good.at(-1)).toBe(OPENING);
		expect(good.filter((example) => example === OPENING)).toHaveLength(1);
		expect(good.length).toBeGreaterThan(1);
		expect(scenarioDraft().expect[0]!.cues).toContain('got a minute');
		expect(openMarkCount(db)).toBe(0);
	});
});
