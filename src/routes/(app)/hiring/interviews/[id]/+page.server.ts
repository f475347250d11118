import { isOneOf } from '$lib/engine/one-of';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { OVERRIDE_REASONS, RECOMMENDATIONS } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/auth/guards';
import {
	createInterviewInvite,
	linkStatusOf,
	revokeInterviewInvites
} from '$lib/server/hiring/links';
import {
	interviewAttempt,
	isFormerProductInterview,
	setFormerProduct,
	startInterviewAttempt
} from '$lib/server/hiring/hiring';
import { isOnPanel } from '$lib/server/hiring/access';
import { overrideAttemptScore, overridesOf, saveRating } from '$lib/server/hiring/ratings';
import { expireIfDue } from '$lib/server/practice/attempts';
import {
	interviewFor,
	panelView,
	soundedForPanel,
	transcriptOf
} from '$lib/server/hiring/interview-view';
import * as v from 'valibot';
import {
	anyText,
	numberBetween,
	numberText,
	parseForm,
	readForm,
	requiredText
} from '$lib/server/forms';
import { missingCriteria } from '$lib/engine/hiring/rubric';
import { renderMarkdown } from '$lib/server/content/markdown';
import { assessesBriefedCriteria, isBriefed } from '$lib/engine/hiring/brief';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const { interview, candidate, scenario, locale, rubric } = interviewFor(
		db,
		user,
		event.params.id
	);
	const found = interviewAttempt(db, interview.id, interview.mode === 'live' ? 'live' : undefined);
	const attempt = found && expireIfDue(db, found);
	return {
		interview: {
			id: interview.id,
			mode: interview.mode,
			scheduledAt: interview.scheduledAt,
			cancelled: interview.cancelledAt !== null
		},
		candidate: {
			name: candidate.name,
			position: candidate.position,
			contact: candidate.contact,
			notes: candidate.notes
		},
		scenario: {
			title: scenario.title,
			persona: scenario.persona,
			minutes: scenario.minutes,
			locale
		},
		rubric,
		brief: isBriefed(interview) ? renderMarkdown(interview.brief).html : null,
		formerProduct: isFormerProductInterview(db, interview)
			? { product: interview.formerProduct }
			: null,
		// An online candidate without a brief: their replies are scored without product knowledge.
		notAssessed:
			interview.mode === 'online' && !isBriefed(interview) && assessesBriefedCriteria(scenario),
		link: interview.mode === 'online' ? linkStatusOf(db, interview) : null,
		attempt: attempt
			? { id: attempt.id, mode: attempt.mode, status: attempt.status, score: attempt.score }
			: null,
		transcript: attempt ? transcriptOf(db, attempt) : [],
		// Once the role-play is over: how it sounded, offered to the panel beside their scores.
		sounded: attempt && attempt.status !== 'active' ? soundedForPanel(db, attempt, rubric) : null,
		overrides: attempt ? overridesOf(db, attempt.id) : [],
		...panelView(db, user, interview.id, rubric)
	};
};

export const actions: Actions = {
	link: (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const { interview } = interviewFor(getDb(), user, event.params.id);
		if (interview.mode !== 'online') return fail(400, { action: 'link' as const });
		const token = createInterviewInvite(getDb(), interview.id, user.id);
		return { action: 'link' as const, link: `${event.url.origin}/try/${token}` };
	},
	revoke: (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const { interview } = interviewFor(getDb(), user, event.params.id);
		revokeInterviewInvites(getDb(), interview.id, user.id);
		return { action: 'revoke' as const };
	},
	rate: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const { interview, rubric } = interviewFor(db, user, event.params.id);
		if (!isOnPanel(db, interview.id, user.id))
			return fail(403, { action: 'rate' as const, problem: 'not-on-panel' as const });
		const data = await readForm(event);
		const form = parseForm(data, {
			recommendation: anyText,
			intent: anyText,
			notes: anyText
		}).value;
		// One score field a criterion of the interview's rubric.
		const typedScores = parseForm(
			data,
			Object.fromEntries(rubric.criteria.map((c) => [`score-${c.id}`, numberText]))
		).value;
		const scores = Object.fromEntries(
			rubric.criteria
				.map((c) => [c.id, typedScores[`score-${c.id}`]])
				.filter(([, v]) => Number.isInteger(v) && (v as number) >= 1)
		);
		const { recommendation, intent } = form;
		const input = {
			scores,
			notes: form.notes,
			recommendation: isOneOf(RECOMMENDATIONS, recommendation) ? recommendation : null
		};
		if (intent === 'submit') {
			// A submitted rating is final: first the whole scorecard to look over, kept as a draft
			// meanwhile; only "Confirm and submit" (intent=confirm) submits it.
			if (missingCriteria(rubric, scores).length > 0 || !input.recommendation)
				return fail(400, { action: 'rate' as const, problem: 'incomplete' as const });
			const draft = saveRating(db, interview, user.id, { ...input, submit: false });
			if (!draft.ok) return fail(400, { action: 'rate' as const, problem: draft.problem });
			return {
				action: 'rate' as const,
				review: {
					scores: draft.rating.scores,
					recommendation: draft.rating.recommendation!,
					notes: draft.rating.notes
				}
			};
		}
		const result = saveRating(db, interview, user.id, { ...input, submit: intent === 'confirm' });
		if (!result.ok) return fail(400, { action: 'rate' as const, problem: result.problem });
		return { action: 'rate' as const, submitted: result.rating.submittedAt !== null };
	},
	override: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const { interview } = interviewFor(db, user, event.params.id);
		const attempt = interviewAttempt(
			db,
			interview.id,
			interview.mode === 'live' ? 'live' : undefined
		);
		const form = parseForm(await readForm(event), {
			score: numberBetween(0, 100),
			reason: v.picklist(OVERRIDE_REASONS),
			comment: requiredText(2000)
		});
		if (!attempt || attempt.status === 'active' || !form.ok)
			return fail(400, { action: 'override' as const, problem: 'invalid' as const });
		overrideAttemptScore(db, attempt, { ...form.value, userId: user.id });
		return { action: 'override' as const };
	},
	live: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const db = getDb();
		const { interview } = interviewFor(db, user, event.params.id);
		if (interview.mode !== 'live') return fail(400, { action: 'live' as const });
		const running = interviewAttempt(db, interview.id, 'live');
		if (isFormerProductInterview(db, interview) && (!running || running.status !== 'active')) {
			// The handbook's role-play starts once the interviewer has typed what the candidate sells.
			const typed = parseForm(await readForm(event), { formerProduct: anyText }).value
				.formerProduct;
			const named = setFormerProduct(db, interview, typed, user.id);
			if (!named.ok)
				return fail(400, { action: 'live' as const, problem: named.problem, formerProduct: typed });
		}
		if (!running || running.status !== 'active') startInterviewAttempt(db, interview, 'live');
		redirect(303, `/hiring/interviews/${interview.id}/live`);
	}
};
