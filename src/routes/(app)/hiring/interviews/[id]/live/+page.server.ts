import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import { interviewAttempt, isFormerProductInterview } from '$lib/server/hiring/hiring';
import { expireIfDue, loadAttempt } from '$lib/server/practice/attempts';
import { answerTurn } from '$lib/server/practice/turns';
import { interviewFor, soundedOnlineBefore, transcriptOf } from '$lib/server/hiring/interview-view';
import { anyText, clippedText, numberText, parseForm, readForm } from '$lib/server/forms';
import { renderMarkdown } from '$lib/server/content/markdown';
import { isBriefed } from '$lib/engine/hiring/brief';
import { cueAfterVerdict, isVerdict, VERDICT_SCORES } from '$lib/engine/hiring/verdict';
import {
	DIFFICULTY_LEVELS,
	difficultiesOf,
	isDifficultyLevel,
	LEVEL_FACT,
	type DifficultyPick
} from '$lib/engine/scenario/difficulties';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const { interview, candidate, locale } = interviewFor(db, user, event.params.id);
	const found = interviewAttempt(db, interview.id, 'live');
	const brief = isBriefed(interview) ? renderMarkdown(interview.brief).html : null;
	// The handbook's role-play: the interviewer types the product the candidate sold before.
	const formerProduct = isFormerProductInterview(db, interview)
		? { product: interview.formerProduct }
		: null;
	if (!found) {
		return {
			brief,
			formerProduct,
			interview: { id: interview.id },
			candidate: { name: candidate.name },
			scenario: { title: '', persona: { name: '', role: '', company: '' }, locale },
			attempt: null,
			card: null,
			transcript: []
		};
	}
	const attempt = expireIfDue(db, found);
	const { scenario, state, turns } = loadAttempt(db, attempt);
	const last = turns.at(-1);
	const beat = scenario.beats[state.beat]!;
	const script = beat.script ? findContent(db, 'script', beat.script, locale) : undefined;
	const level = state.context.facts?.[LEVEL_FACT];
	return {
		brief,
		formerProduct,
		interview: { id: interview.id },
		candidate: { name: candidate.name },
		scenario: { title: scenario.title, persona: scenario.persona, locale },
		attempt: {
			status: attempt.status,
			turnCount: attempt.turnCount,
			deadlineAt: attempt.deadlineAt.getTime()
		},
		// The interviewer's cue card: what to say, what a good answer contains, what to watch for.
		card:
			attempt.status === 'active'
				? {
						say: state.customer,
						listenFor: beat.expect.map((p) => p.point),
						watchOut: beat.avoid.map((p) => p.point),
						variants: script?.data.variants ?? [],
						after: cueAfterVerdict(
							last
								? {
										score: last.score,
										beat: last.beat,
										next: state.beat,
										picked: state.context.picked
									}
								: null
						),
						// What the interviewer may raise next, and how hard: the scenario's difficulty beats.
						difficulties: difficultiesOf(scenario).map(({ beat, label, category }) => ({
							beat,
							label,
							category
						})),
						levels: DIFFICULTY_LEVELS,
						level: typeof level === 'string' && isDifficultyLevel(level) ? level : 'firm',
						// How the candidate sounded on a recorded online role-play, if they did one.
						sounded: soundedOnlineBefore(db, user, candidate.id)
					}
				: null,
		transcript: transcriptOf(db, attempt)
	};
};

export const actions: Actions = {
	judge: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const form = parseForm(await readForm(event), {
			verdict: anyText,
			next: anyText,
			level: anyText,
			note: clippedText(1000),
			turn: numberText
		}).value;
		const db = getDb();
		const { interview } = interviewFor(db, user, event.params.id);
		const attempt = interviewAttempt(db, interview.id, 'live');
		const { verdict, next, level } = form;
		if (!attempt || !isVerdict(verdict)) return fail(400, { problem: 'ended' as const });
		// No next difficulty picked: the customer follows the scenario's rules.
		const pick: DifficultyPick | undefined =
			next !== '' ? { beat: next, level: isDifficultyLevel(level) ? level : 'firm' } : undefined;
		const outcome = await answerTurn(
			db,
			attempt.id,
			{
				mode: 'judged',
				score: VERDICT_SCORES[verdict],
				note: form.note,
				pick
			},
			form.turn
		);
		if (!outcome.ok)
			return fail(outcome.reason === 'stale' ? 409 : 400, { problem: outcome.reason });
		return { judged: true };
	}
};
