// Two people (or two tabs) acting on the same thing at once. Each side has its own connection to one
// database file, as two requests do, and acts on what it read before the other side wrote: the
// guards that count are the ones inside the writes, not the checks before them.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type AppDb } from '../db/index';
import { insertUser } from '../accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { tempDirs } from '$lib/server/testing/temp-dirs';
import { findAttempt, loadAttempt, startAttempt, useHint } from './attempts';
import { submitTurn } from './turns';
import { HINT_COST } from '$lib/engine/scoring/attempt-score';
import { createCandidate, createInterview } from '../hiring/hiring';
import { ratingsOf, saveRating } from '../hiring/ratings';
import { editorVersion, publish, publishedText, saveDraft } from '../content/studio';
import { summarizePanel } from '$lib/engine/hiring/rubric';
import type { Rubric } from '$lib/engine/content/index';

const dir = tempDirs('concurrency')();
let template: string | undefined;
let copies = 0;

/** Two connections to one fresh database file with the demo content (loaded once, then copied). */
function twoConnections(): [AppDb, AppDb] {
	if (!template) {
		template = join(dir, 'template.db');
		const db = openDatabase(template);
		loadShippedContent(db);
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
		db.$client.close();
	}
	const path = join(dir, `app-${++copies}.db`);
	copyFileSync(template, path);
	return [openDatabase(path), openDatabase(path)];
}

const SCENARIO = 'renewal-price-objection';
const OPENING =
	'Good morning, Mr. Wang. This is Kevin from MetalHub, calling about your Gold membership renewal. Have you got two minutes?';

describe('a rep in two tabs', () => {
	it('replying at once: one reply is taken, the other is refused as stale, and the role-play does not fork', () => {
		const [tabA, tabB] = twoConnections();
		const rep = insertUser(tabA, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		const { id } = startAttempt(tabA, rep.id, SCENARIO, 'en', 'text')!;
		// Both tabs have read the attempt at turn 0 before either reply is written.
		const seenByA = findAttempt(tabA, id)!;
		const seenByB = findAttempt(tabB, id)!;
		expect(submitTurn(tabA, seenByA, { mode: 'text', reply: OPENING }, 0).ok).toBe(true);
		expect(
			submitTurn(tabB, seenByB, { mode: 'text', reply: 'Hello, this is the other tab.' }, 0)
		).toEqual({ ok: false, reason: 'stale' });
		const after = loadAttempt(tabB, findAttempt(tabB, id)!);
		expect(after.turns.map((t) => t.reply)).toEqual([OPENING]);
		expect(after.attempt.turnCount).toBe(1);
		expect(after.state.context.turns).toBe(1);
	});

	it('a hint opened in one tab is paid for by the reply sent from the other', () => {
		const [tabA, tabB] = twoConnections();
		const rep = insertUser(tabA, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		const { id } = startAttempt(tabA, rep.id, SCENARIO, 'en', 'text')!;
		const seenByA = findAttempt(tabA, id)!;
		useHint(tabB, id);
		const outcome = submitTurn(tabA, seenByA, { mode: 'text', reply: OPENING }, 0);
		if (!outcome.ok) throw new Error(`the reply was refused: ${outcome.reason}`);
		expect(outcome.attempt.hintsUsed).toBe(1);
		expect(outcome.state.score).toBeGreaterThan(HINT_COST);
		expect(outcome.attempt.score).toBe(outcome.state.score - HINT_COST);
	});
});

describe('a panel scoring one interview', () => {
	function interviewWithPanel(db: AppDb) {
		const first = insertUser(db, {
			email: 'first@example.com',
			name: 'First',
			passwordHash: 'x',
			roles: ['manager']
		});
		const second = insertUser(db, {
			email: 'second@example.com',
			name: 'Second',
			passwordHash: 'x',
			roles: ['manager']
		});
		const candidate = createCandidate(db, {
			name: 'Cand',
			contact: '',
			position: 'Phone sales',
			notes: '',
			createdBy: first.id
		});
		const created = createInterview(db, {
			candidateId: candidate.id,
			scenarioId: SCENARIO,
			rubricId: 'hiring-roleplay',
			locale: 'en',
			mode: 'live',
			scheduledAt: new Date(),
			panel: [first.id, second.id],
			teamId: null,
			createdBy: first.id
		});
		if (!created.ok) throw new Error(created.problem);
		return { first, second, interview: created.interview, rubric: created.interview.rubric };
	}
	const scoresOf = (rubric: Rubric, value: number) =>
		Object.fromEntries(rubric.criteria.map((c) => [c.id, value]));

	it('two members submitting at once: both ratings are kept, neither overwrites the other', () => {
		const [mine, theirs] = twoConnections();
		const { first, second, interview, rubric } = interviewWithPanel(mine);
		expect(
			saveRating(mine, interview, first.id, {
				scores: { opening: 2 },
				notes: 'draft',
				recommendation: null,
				submit: false
			}).ok
		).toBe(true);
		expect(
			saveRating(theirs, interview, second.id, {
				scores: { opening: 5 },
				notes: 'draft',
				recommendation: null,
				submit: false
			}).ok
		).toBe(true);
		expect(
			saveRating(theirs, interview, second.id, {
				scores: scoresOf(rubric, 5),
				notes: 'Strong',
				recommendation: 'strong-yes',
				submit: true
			}).ok
		).toBe(true);
		expect(
			saveRating(mine, interview, first.id, {
				scores: scoresOf(rubric, 2),
				notes: 'Weak',
				recommendation: 'no',
				submit: true
			}).ok
		).toBe(true);
		const ratings = ratingsOf(mine, interview.id);
		expect(
			Object.fromEntries(
				ratings.map((r) => [r.interviewerId, [r.scores['opening'], r.notes, r.recommendation]])
			)
		).toEqual({
			[first.id]: [2, 'Weak', 'no'],
			[second.id]: [5, 'Strong', 'strong-yes']
		});
		const summary = summarizePanel(
			rubric,
			ratings.map((r) => ({ ...r, submitted: r.submittedAt !== null }))
		);
		expect(summary.submitted).toBe(2);
		expect(summary.criteria[0]).toMatchObject({ min: 2, max: 5, disagreement: true });
	});

	it('a member’s older tab cannot change scores already submitted from another tab', () => {
		const [tabA, tabB] = twoConnections();
		const { first, interview, rubric } = interviewWithPanel(tabA);
		expect(
			saveRating(tabA, interview, first.id, {
				scores: scoresOf(rubric, 4),
				notes: 'Final',
				recommendation: 'yes',
				submit: true
			}).ok
		).toBe(true);
		expect(
			saveRating(tabB, interview, first.id, {
				scores: scoresOf(rubric, 1),
				notes: 'Old draft',
				recommendation: null,
				submit: false
			})
		).toEqual({ ok: false, problem: 'submitted' });
		expect(
			saveRating(tabB, interview, first.id, {
				scores: scoresOf(rubric, 1),
				notes: 'Changed my mind',
				recommendation: 'no',
				submit: true
			})
		).toEqual({ ok: false, problem: 'submitted' });
		expect(
			ratingsOf(tabA, interview.id).map((r) => [r.scores['opening'], r.notes, r.recommendation])
		).toEqual([[4, 'Final', 'yes']]);
	});
});

describe('a trainer publishing while reps practise', () => {
	it('running role-plays finish on the revision they started on; new ones start on the new one', async () => {
		const [reps, studio] = twoConnections();
		const rep = insertUser(reps, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		const trainer = insertUser(studio, {
			email: 'trainer@example.com',
			name: 'Trainer',
			passwordHash: 'x',
			roles: ['trainer']
		});
		const running = startAttempt(reps, rep.id, SCENARIO, 'en', 'text')!;
		expect(submitTurn(reps, running.id, { mode: 'text', reply: OPENING }, 0).ok).toBe(true);
		const before = loadAttempt(reps, findAttempt(reps, running.id)!).state.customer;
		const edited = publishedText(studio, 'scenario', 'en', SCENARIO)!.replace(
			before,
			'So. The renewal. Give me one reason.'
		);
		expect((await publish(studio, 'scenario', 'en', SCENARIO, edited, trainer.id)).ok).toBe(true);
		const resumed = loadAttempt(reps, findAttempt(reps, running.id)!);
		expect(resumed.state.customer).toBe(before);
		expect(resumed.attempt.revisionId).toBe(running.revisionId);
		expect(
			submitTurn(
				reps,
				running.id,
				{
					mode: 'text',
					reply: 'I hear you, it is not small money. Can I ask how many inquiries you get a month?'
				},
				1
			).ok
		).toBe(true);
		const fresh = startAttempt(reps, rep.id, SCENARIO, 'en', 'text')!;
		expect(fresh.revisionId).not.toBe(running.revisionId);
		expect(submitTurn(reps, fresh.id, { mode: 'text', reply: OPENING }, 0).ok).toBe(true);
		expect(loadAttempt(reps, findAttempt(reps, fresh.id)!).state.customer).toBe(
			'So. The renewal. Give me one reason.'
		);
	});

	it('two trainers editing one item: what the second saw is no longer current once the first publishes or saves', async () => {
		const [first, second] = twoConnections();
		const a = insertUser(first, {
			email: 'a@example.com',
			name: 'A',
			passwordHash: 'x',
			roles: ['trainer']
		});
		const opened = editorVersion(second, 'script', 'en', 'price-too-high');
		expect(editorVersion(first, 'script', 'en', 'price-too-high')).toBe(opened);
		const text = publishedText(first, 'script', 'en', 'price-too-high')!;
		saveDraft(
			first,
			'script',
			'en',
			'price-too-high',
			text.replace(/^title: .*$/m, 'title: Draft by A'),
			a.id
		);
		const afterDraft = editorVersion(second, 'script', 'en', 'price-too-high');
		expect(afterDraft).not.toBe(opened);
		expect(
			(
				await publish(
					first,
					'script',
					'en',
					'price-too-high',
					text.replace(/^title: .*$/m, 'title: Published by A'),
					a.id
				)
			).ok
		).toBe(true);
		expect(editorVersion(second, 'script', 'en', 'price-too-high')).not.toBe(afterDraft);
	});
});
