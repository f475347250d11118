import { error } from '@sveltejs/kit';
import type { Db } from '../db/index';
import type { SessionUser } from '../auth/session';
import { and, desc, eq } from 'drizzle-orm';
import { canSeeInterview, isOnPanel, isPanelOpenTo, visibleInterviewCondition } from './access';
import { findCandidate, findInterview, interviewAttempt, panelOf } from './hiring';
import { ratingsOf } from './ratings';
import { compiledRevisionFor } from '../practice/compiled-revisions';
import { loadAttempt } from '../practice/attempts';
import { recordedTurns } from '../practice/recordings';
import { callSoundedOf } from '../practice/call-sounded';
import { explainReply } from '$lib/engine/scoring/explain';
import { interviews, type Attempt } from '../db/schema';
import type { Rubric } from '$lib/engine/content/index';
import { summarizePanel, weightedScore } from '$lib/engine/hiring/rubric';
import { verdictOf } from '$lib/engine/hiring/verdict';

/** The interview if this user may see it; a 404 otherwise, so that its existence does not leak. */
export function interviewFor(db: Db, user: SessionUser, interviewId: string) {
	const interview = findInterview(db, interviewId);
	if (!interview || !canSeeInterview(db, user, interviewId)) error(404, 'Not found');
	const candidate = findCandidate(db, interview.candidateId)!;
	const { compiled, locale } = compiledRevisionFor(db, interview.revisionId);
	return { interview, candidate, scenario: compiled.scenario, locale, rubric: interview.rubric };
}

/**
 * A role-play's transcript with the scoring highlights, for interviewers (never for candidates).
 * In a live interview a turn is the interviewer's verdict and their note, not the candidate's words.
 */
export function transcriptOf(db: Db, attempt: Attempt) {
	const { turns, locale } = loadAttempt(db, attempt);
	// A spoken online role-play's replies play back to whoever reads this transcript.
	const recorded = attempt.mode === 'call' ? recordedTurns(db, attempt.id, turns, locale) : null;
	return turns.map((turn) => ({
		index: turn.index,
		recording: recorded?.get(turn.index) ?? null,
		judged: attempt.mode === 'live' ? { verdict: verdictOf(turn.score), note: turn.reply } : null,
		customer: turn.customer,
		score: turn.score,
		...explainReply(turn.reply, turn.result)
	}));
}

/** The panel's ratings as this user may see them: blind scoring (`panelOpenCondition`) decides. */
export function panelView(db: Db, user: SessionUser, interviewId: string, rubric: Rubric) {
	const panel = panelOf(db, interviewId);
	const names = new Map(panel.map((p) => [p.id, p.name]));
	const all = ratingsOf(db, interviewId).map((r) => ({
		interviewerId: r.interviewerId,
		name: names.get(r.interviewerId) ?? '—',
		scores: r.scores,
		notes: r.notes,
		recommendation: r.recommendation,
		submitted: r.submittedAt !== null,
		weighted: weightedScore(rubric, r.scores)
	}));
	const open = isPanelOpenTo(db, user.id, interviewId);
	return {
		panel,
		onPanel: isOnPanel(db, interviewId, user.id),
		mine: all.find((r) => r.interviewerId === user.id) ?? null,
		others: open ? all.filter((r) => r.submitted && r.interviewerId !== user.id) : [],
		summary: open ? summarizePanel(rubric, all) : null,
		submittedCount: all.filter((r) => r.submitted).length
	};
}

/** The criteria of the hiring rubric that how a candidate sounded speaks to. */
const SOUNDED_CRITERIA = ['composure', 'articulation'];

/**
 * How a spoken online role-play sounded, for the panel as advisory evidence for the rubric's
 * composure and articulation criteria (口條與態度): null for a typed or live one.
 */
export function soundedForPanel(db: Db, attempt: Attempt, rubric: Rubric) {
	if (attempt.mode !== 'call') return null;
	const { turns, locale } = loadAttempt(db, attempt);
	const sounded = callSoundedOf(db, attempt.id, turns, locale);
	if (!sounded) return null;
	const criteria = rubric.criteria
		.filter((criterion) => SOUNDED_CRITERIA.includes(criterion.id))
		.map((criterion) => criterion.title);
	return { sounded, criteria, locale };
}

/**
 * For a live interview's cue card: how the candidate sounded on their latest finished online
 * role-play that was recorded and that this user may see, with when it was; null when there is
 * none. A live interview records nothing, so the interviewer's evidence comes from the phone call.
 */
export function soundedOnlineBefore(db: Db, user: SessionUser, candidateId: string) {
	const online = db
		.select({ id: interviews.id, scheduledAt: interviews.scheduledAt, rubric: interviews.rubric })
		.from(interviews)
		.where(
			and(
				eq(interviews.candidateId, candidateId),
				eq(interviews.mode, 'online'),
				visibleInterviewCondition(db, user)
			)
		)
		.orderBy(desc(interviews.scheduledAt))
		.all();
	for (const interview of online) {
		const attempt = interviewAttempt(db, interview.id);
		if (!attempt || attempt.status === 'active') continue;
		const found = soundedForPanel(db, attempt, interview.rubric);
		if (found) return { ...found, interviewId: interview.id, at: interview.scheduledAt };
	}
	return null;
}
