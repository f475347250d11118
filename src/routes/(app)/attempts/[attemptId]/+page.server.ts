import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { criterionTitles, scriptAnswers } from '$lib/server/practice/attempt-view';
import { answerTurn } from '$lib/server/practice/turns';
import { compiledRevisionFor } from '$lib/server/practice/compiled-revisions';
import {
	expireIfDue,
	findAttempt,
	hangUp,
	hintOpen,
	loadAttempt,
	useHint
} from '$lib/server/practice/attempts';
import type { ReplyInput } from '$lib/engine/scenario';
import { anyText, numberText, parseForm, readForm, readFormWithFile } from '$lib/server/forms';
import {
	addComment,
	attemptReader,
	commentsByTurn,
	commentsOn,
	deleteComment,
	markCommentsSeen,
	type CommentView
} from '$lib/server/coaching/comments';
import { findUserById } from '$lib/server/accounts/users';
import { HINT_COST, criterionScores } from '$lib/engine/scoring/attempt-score';
import { turnFeedback } from '$lib/engine/scoring/explain';
import { shuffledOrder } from '$lib/engine/training/quiz';
import { coachingFor } from '$lib/engine/scoring/coaching';
import { lexiconPhrasebook } from '$lib/server/content/store';
import { markTurn, mayMarkScores, ownMarks } from '$lib/server/practice/score-marks';
import { canReplayCall, runOfAttempt } from '$lib/server/practice/series';
import {
	giveRecordingConsent,
	hasRecordingConsent,
	recordedTurns
} from '$lib/server/practice/recordings';
import {
	declaresTooLarge,
	dropRecordingIfRefused,
	readSpokenReply
} from '$lib/server/practice/spoken-reply';
import { transcriptionServer } from '$lib/server/practice/transcribe';
import { callSoundedOf } from '$lib/server/practice/call-sounded';

/** The attempt, if it is the signed-in user's own; anyone else gets a 404, not a hint it exists. */
function ownAttempt(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const attempt = findAttempt(getDb(), event.params.attemptId);
	if (!attempt || attempt.userId !== user.id) error(404, 'Not found');
	return expireIfDue(getDb(), attempt);
}

/**
 * The choices in an order fixed per attempt and turn, so a reload shows the same order. The page
 * only ever sees positions in this order, never the authored ones.
 */
function choiceOrder(count: number, attemptId: string, turn: number): number[] {
	return shuffledOrder(count, `${attemptId}:${turn}`, { mayStayInOrder: true });
}

/**
 * The attempt for reading: its rep's own, or a rep's that this manager coaches (any, for an admin),
 * decided before anything of it is loaded. Only the rep can answer; only a coach can comment.
 */
function viewableAttempt(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const db = getDb();
	const attempt = findAttempt(db, event.params.attemptId);
	const reader = attempt ? attemptReader(db, user, attempt) : null;
	if (!attempt || !reader) error(404, 'Not found');
	return { user, attempt: expireIfDue(db, attempt), own: reader === 'own' };
}

/** The attempt, if the signed-in user coaches its rep; anyone else gets a 404 whatever they post. */
function coachedAttempt(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const attempt = findAttempt(getDb(), event.params.attemptId);
	if (!attempt || attemptReader(getDb(), user, attempt) !== 'coach') error(404, 'Not found');
	return { user, attempt };
}

/** A comment as the page shows it: whose, when, and whether the viewer may delete it. */
function commentView(comment: CommentView, viewerId: string, own: boolean) {
	return {
		id: comment.id,
		body: comment.body,
		author: comment.author,
		createdAt: comment.createdAt,
		mine: comment.authorId === viewerId,
		seen: own ? null : comment.seenAt !== null
	};
}

export const load: PageServerLoad = (event) => {
	const { user, attempt, own } = viewableAttempt(event);
	const db = getDb();
	const { scenario, state, turns, locale } = loadAttempt(db, attempt);
	const beat = scenario.beats[state.beat]!;
	const active = attempt.status === 'active';
	// Comments come once a call has ended; the rep opening the result has seen them.
	const comments = active ? [] : commentsOn(db, attempt.id);
	if (own && comments.some((c) => c.seenAt === null)) markCommentsSeen(db, user.id, attempt.id);
	const { byTurn, whole } = commentsByTurn(comments);
	// Managers and trainers may say where the score was wrong, on typed turns (see $lib/server/practice/score-marks.ts).
	const marks =
		mayMarkScores(user) && attempt.interviewId === null ? ownMarks(db, user, attempt.id) : null;
	const recorded = recordedTurns(db, attempt.id, turns, locale);
	const transcript = turns.map((turn) => ({
		index: turn.index,
		// The reply as spoken, and how it sounded, for whoever may read the attempt.
		recording: recorded.get(turn.index) ?? null,
		customer: turn.customer,
		score: turn.score,
		...turnFeedback(turn.reply, turn.result, !active),
		mark: marks && turn.choice === null ? { mine: marks.get(turn.index) ?? null } : null,
		comments: (byTurn.get(turn.index) ?? []).map((c) => commentView(c, user.id, own))
	}));

	let result = null;
	if (!active) {
		const titles = criterionTitles(db, scenario.rubric ?? 'hiring-roleplay', locale);
		// A call hung up also reached the line the customer was waiting on: its answers are shown too.
		const hungUpOn = attempt.status === 'abandoned' && !beat.end ? beat : null;
		const reached = [...turns.map((turn) => scenario.beats[turn.beat]), hungUpOn];
		const scriptIds = [
			...new Set(reached.map((b) => b?.script).filter((id): id is string => !!id))
		];
		const criteria = criterionScores(
			turns.map((t) => t.result),
			scenario.criteria
		).map((c) => ({ ...c, title: titles.get(c.criterion) ?? c.criterion }));
		const coaching = coachingFor(
			scenario,
			turns.map((t) => ({ beat: t.beat, customer: t.customer, result: t.result })),
			criteria,
			lexiconPhrasebook(db, locale)
		);
		result = {
			ending: state.customer,
			hungUpOn: hungUpOn && {
				customer: state.customer,
				model: hungUpOn.choices.find((c) => c.quality === 'good')?.text ?? null
			},
			criteria,
			coaching: {
				...coaching,
				habit:
					coaching.habit?.kind === 'criterion'
						? {
								...coaching.habit,
								title: titles.get(coaching.habit.criterion) ?? coaching.habit.criterion
							}
						: coaching.habit
			},
			modelAnswers: scriptIds.flatMap((id) => scriptAnswers(db, id, locale) ?? [])
		};
	}

	const run = runOfAttempt(db, attempt.id);
	return {
		// A call of a series: the page leads back to the run (its notes, the next call).
		series: run
			? {
					path: `/practice/series/${run.seriesId}/${run.runId}`,
					number: run.index + 1,
					index: run.index,
					title: run.title,
					// Trying a call again replays it within the run, which only its latest call can be.
					replayable: !active && canReplayCall(db, run.runId, run.index)
				}
			: null,
		attempt: {
			id: attempt.id,
			mode: attempt.mode,
			status: attempt.status,
			score: attempt.score,
			turnCount: attempt.turnCount,
			hintsUsed: attempt.hintsUsed,
			deadlineAt: attempt.deadlineAt.getTime(),
			hintCost: HINT_COST
		},
		// A call's timer counts from when it began by the server's clock, and stops when it ended.
		callTime:
			attempt.mode === 'call'
				? {
						startedAt: attempt.startedAt.getTime(),
						endedAt: attempt.endedAt?.getTime() ?? null,
						serverNow: Date.now()
					}
				: null,
		scenario: {
			id: scenario.id,
			title: scenario.title,
			persona: {
				name: scenario.persona.name,
				role: scenario.persona.role,
				company: scenario.persona.company
			},
			pass: scenario.pass,
			locale
		},
		// Only what the customer says and, in choice mode, the options: never cues or key points.
		current:
			active && own
				? {
						customer: state.customer,
						choices:
							attempt.mode === 'choice'
								? choiceOrder(beat.choices.length, attempt.id, attempt.turnCount).map((n, i) => ({
										value: i + 1,
										text: beat.choices[n - 1]!.text
									}))
								: [],
						hasHint: !!beat.script,
						// Call mode records the spoken reply once the rep has agreed to it.
						recordingConsent:
							attempt.mode === 'call' ? hasRecordingConsent(db, attempt.userId!) : false,
						// Recorded replies are transcribed on the organisation's server: no browser recognition.
						serverTranscribes: transcriptionServer() !== null,
						hint: hintOpen(attempt) && beat.script ? scriptAnswers(db, beat.script, locale) : null
					}
				: null,
		transcript,
		// How the recorded call sounded as a whole, against the trainer's ranges.
		sounded: attempt.mode === 'call' ? callSoundedOf(db, attempt.id, turns, locale) : null,
		result,
		// Someone coaching the rep reads the call as the rep's, not as their own.
		rep: own ? null : { id: attempt.userId!, name: findUserById(db, attempt.userId!)?.name ?? '' },
		comments: {
			whole: whole.map((c) => commentView(c, user.id, own)),
			count: comments.length,
			mayComment: !own && !active
		}
	};
};

export const actions: Actions = {
	reply: async (event) => {
		// Whose call it is comes first; then a recording over the limit is refused before its body
		// is read, by the size it declares.
		const attempt = ownAttempt(event);
		if (declaresTooLarge(event.request))
			return fail(413, { problem: 'recording-too-large' as const, reply: '' });
		const { form: data, file: audio } = await readFormWithFile(event, 'audio');
		const form = parseForm(data, { turn: numberText, choice: numberText, reply: anyText }).value;
		const { turn: expectedTurn, choice: position } = form;
		let input: ReplyInput = { mode: 'text', reply: form.reply };
		if (attempt.mode === 'choice') {
			// The page sent a position in its shuffled order; turn it back into the authored choice.
			const { scenario, state } = loadAttempt(getDb(), attempt);
			const order = choiceOrder(
				scenario.beats[state.beat]?.choices.length ?? 0,
				attempt.id,
				expectedTurn
			);
			const choice = order[position - 1];
			if (attempt.turnCount === expectedTurn && !choice)
				return fail(400, { problem: 'bad-choice' as const, reply: '' });
			input = { mode: 'choice', choice: choice ?? 0 };
		}
		const spoken = await readSpokenReply(
			data,
			audio,
			input,
			// Only call mode records, and only once the rep has agreed to it.
			() => attempt.mode === 'call' && hasRecordingConsent(getDb(), attempt.userId!),
			// The scenario's language from the compile cache: loading the attempt would restore its machine.
			() => compiledRevisionFor(getDb(), attempt.revisionId).locale
		);
		if (!spoken.ok) return fail(spoken.status, { problem: spoken.problem, reply: spoken.reply });
		const { recording } = spoken;
		input = spoken.input;
		const outcome = await answerTurn(getDb(), attempt, input, expectedTurn, new Date(), recording);
		await dropRecordingIfRefused(outcome, recording);
		if (!outcome.ok) {
			const reply = input.mode === 'text' ? input.reply : '';
			return fail(outcome.reason === 'stale' ? 409 : 400, { problem: outcome.reason, reply });
		}
		return { answered: true };
	},
	consent: (event) => {
		// Agreeing to be recorded is the rep's own, on their own call in call mode.
		const attempt = ownAttempt(event);
		if (attempt.mode !== 'call')
			return fail(400, { problem: 'recording-not-allowed' as const, reply: '' });
		giveRecordingConsent(getDb(), attempt.userId!);
		return { consented: true };
	},
	mark: async (event) => {
		const user = requireUser(event);
		const form = parseForm(await readForm(event), {
			turn: numberText,
			kind: anyText,
			note: anyText
		}).value;
		const turnIndex = form.turn;
		const outcome = markTurn(getDb(), user, {
			attemptId: event.params.attemptId,
			turnIndex,
			kind: form.kind,
			note: form.note
		});
		if (!outcome.ok) {
			const { problem } = outcome;
			if (problem === 'not-found') error(404, 'Not found');
			return fail(400, { markProblem: problem, markTurn: turnIndex });
		}
		return { marked: turnIndex };
	},
	hangup: async (event) => {
		// Whose call it is comes first: another's attempt is a 404 whatever the form holds.
		const attempt = ownAttempt(event);
		const { confirm } = parseForm(await readForm(event), { confirm: anyText }).value;
		// Only the confirming button sends this: a bare post (or a stray one) ends nothing.
		if (confirm !== 'yes') return fail(400, { problem: 'hangup-unconfirmed' as const, reply: '' });
		const outcome = hangUp(getDb(), attempt.id);
		if (!outcome.ok) return fail(400, { problem: 'hangup-ended' as const, reply: '' });
		redirect(303, `/attempts/${attempt.id}`);
	},
	comment: async (event) => {
		// Whose rep it is comes first: to anyone else the role-play does not exist, whatever the form holds.
		const { user, attempt } = coachedAttempt(event);
		const { turn, body } = parseForm(await readForm(event), {
			turn: anyText,
			body: anyText
		}).value;
		const turnIndex = turn === '' ? null : /^\d+$/.test(turn) ? Number(turn) : Number.NaN;
		const outcome = addComment(getDb(), user, { attemptId: attempt.id, turnIndex, body });
		if (!outcome.ok) {
			if (outcome.problem === 'not-found') error(404, 'Not found');
			return fail(400, { commentProblem: outcome.problem, commentTurn: turn, commentBody: body });
		}
		return { commented: turn };
	},
	deleteComment: async (event) => {
		const { user, attempt } = coachedAttempt(event);
		const { turn, comment } = parseForm(await readForm(event), {
			turn: anyText,
			comment: anyText
		}).value;
		const outcome = deleteComment(getDb(), user, { attemptId: attempt.id, commentId: comment });
		if (!outcome.ok) {
			if (outcome.problem === 'not-found') error(404, 'Not found');
			return fail(400, { commentProblem: outcome.problem, commentTurn: turn, commentBody: '' });
		}
		return { commentDeleted: turn };
	},
	hint: (event) => {
		const attempt = ownAttempt(event);
		const { scenario, state } = loadAttempt(getDb(), attempt);
		if (attempt.status !== 'active' || !scenario.beats[state.beat]?.script)
			return fail(400, { problem: 'ended' as const, reply: '' });
		// The load shows the hint from now on for this turn; opening it again costs nothing.
		useHint(getDb(), attempt.id);
		return { hintOpened: true };
	}
};
