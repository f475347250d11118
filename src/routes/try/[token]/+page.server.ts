import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { wrongLinks } from '$lib/server/auth/wrong-links';
import {
	isFormerProductInterview,
	setFormerProduct,
	startInterviewAttempt
} from '$lib/server/hiring/hiring';
import { lookUpCandidateLink } from '$lib/server/hiring/links';
import { compiledRevisionFor } from '$lib/server/practice/compiled-revisions';
import { expireIfDue, loadAttempt } from '$lib/server/practice/attempts';
import { answerTurn } from '$lib/server/practice/turns';
import { anyText, numberText, parseForm, readForm, readFormWithFile } from '$lib/server/forms';
import {
	giveCandidateRecordingConsent,
	hasCandidateRecordingConsent
} from '$lib/server/practice/recordings';
import {
	declaresTooLarge,
	dropRecordingIfRefused,
	readSpokenReply
} from '$lib/server/practice/spoken-reply';
import { transcriptionServer } from '$lib/server/practice/transcribe';
import { renderMarkdown } from '$lib/server/content/markdown';
import { isBriefed } from '$lib/engine/hiring/brief';

function openLink(event: Pick<RequestEvent, 'params' | 'getClientAddress'>) {
	return wrongLinks.lookUp(event.getClientAddress(), () =>
		lookUpCandidateLink(getDb(), event.params.token)
	);
}

export const load: PageServerLoad = (event) => {
	const link = openLink(event);
	if (!link.ok) return { problem: link.reason, candidate: null, roleplay: null };
	const db = getDb();
	const attempt = link.attempt && expireIfDue(db, link.attempt);
	if (attempt && attempt.status !== 'active')
		return { problem: 'used' as const, candidate: null, roleplay: null };
	const intro = { name: link.candidate.name };
	// The brief is the one thing of the interview a candidate reads besides the customer's lines.
	const brief = isBriefed(link.interview) ? renderMarkdown(link.interview.brief).html : null;
	if (!attempt) {
		const { compiled, locale } = compiledRevisionFor(db, link.interview.revisionId);
		return {
			problem: null,
			candidate: intro,
			intro: {
				minutes: compiled.scenario.minutes,
				persona: compiled.scenario.persona,
				locale,
				brief,
				// The handbook's role-play: the candidate names the product they sold before.
				asksFormerProduct: isFormerProductInterview(db, link.interview)
			},
			roleplay: null
		};
	}
	const { scenario, state, turns, locale } = loadAttempt(db, attempt);
	// Only what the candidate said and what the customer answered: no score, key point or cue.
	return {
		problem: null,
		candidate: intro,
		intro: null,
		roleplay: {
			locale,
			persona: scenario.persona,
			brief,
			customer: state.customer,
			turn: attempt.turnCount,
			deadlineAt: attempt.deadlineAt.getTime(),
			// A spoken role-play records the replies once the candidate has agreed to it.
			call:
				attempt.mode === 'call'
					? {
							recordingConsent: hasCandidateRecordingConsent(db, link.candidate.id),
							serverTranscribes: transcriptionServer() !== null,
							// The call's timer counts from when it began by the server's clock.
							time: {
								startedAt: attempt.startedAt.getTime(),
								endedAt: null,
								serverNow: Date.now()
							}
						}
					: null,
			transcript: turns.map((t) => ({ index: t.index, customer: t.customer, reply: t.reply }))
		}
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { formerProduct, consent, mode } = parseForm(await readForm(event), {
			formerProduct: anyText,
			consent: anyText,
			mode: anyText
		}).value;
		const link = openLink(event);
		if (!link.ok) return fail(400, { problem: link.reason });
		if (consent !== 'yes') return fail(400, { problem: 'consent' as const, formerProduct });
		if (!link.attempt) {
			if (isFormerProductInterview(getDb(), link.interview)) {
				const named = setFormerProduct(getDb(), link.interview, formerProduct, null);
				if (!named.ok) return fail(400, { productProblem: named.problem, formerProduct });
			}
			// Spoken like a phone call, or typed: the candidate's choice, and typing works in both.
			startInterviewAttempt(getDb(), link.interview, mode === 'call' ? 'call' : 'text');
		}
		return { started: true };
	},
	reply: async (event) => {
		// A recording over the limit is refused by the size it declares, before its body is read.
		if (declaresTooLarge(event.request))
			return fail(413, { problem: 'recording-too-large' as const, reply: '' });
		const { form: data, file: audio } = await readFormWithFile(event, 'audio');
		const form = parseForm(data, { reply: anyText, turn: numberText }).value;
		const link = openLink(event);
		if (!link.ok || !link.attempt)
			return fail(400, { problem: link.ok ? ('ended' as const) : link.reason });
		const attempt = link.attempt;
		const spoken = await readSpokenReply(
			data,
			audio,
			{ mode: 'text', reply: form.reply },
			// Only a spoken role-play records, and only once the candidate has agreed to it.
			() => attempt.mode === 'call' && hasCandidateRecordingConsent(getDb(), link.candidate.id),
			// The scenario's language from the compile cache: loading the attempt would restore its machine.
			() => compiledRevisionFor(getDb(), attempt.revisionId).locale
		);
		if (!spoken.ok) return fail(spoken.status, { problem: spoken.problem, reply: spoken.reply });
		const { input, recording } = spoken;
		const outcome = await answerTurn(getDb(), attempt, input, form.turn, new Date(), recording);
		await dropRecordingIfRefused(outcome, recording);
		if (!outcome.ok)
			return fail(outcome.reason === 'stale' ? 409 : 400, {
				problem: outcome.reason,
				reply: input.mode === 'text' ? input.reply : ''
			});
		return { answered: true };
	},
	consent: (event) => {
		// Agreeing to be recorded is the candidate's own, on their spoken role-play.
		const link = openLink(event);
		if (!link.ok || link.attempt?.mode !== 'call')
			return fail(400, { problem: 'recording-not-allowed' as const, reply: '' });
		giveCandidateRecordingConsent(getDb(), link.candidate.id);
		return { consented: true };
	}
};
