import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import { HINT_COST, criterionScores, expireIfDue, findAttempt, loadAttempt, submitTurn, useHint } from '$lib/server/practice';
import { textField } from '$lib/server/forms';
import { partsFromSpans } from '$lib/highlight-spans';
import type { ReplyScore } from '$lib/engine/scoring/score';

/** The attempt, if it is the signed-in user's own; anyone else gets a 404, not a hint it exists. */
function ownAttempt(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const attempt = findAttempt(getDb(), event.params.attemptId);
	if (!attempt || attempt.userId !== user.id) error(404, 'Not found');
	return expireIfDue(getDb(), attempt);
}

/** Mixes the choices in an order fixed per attempt and beat, so a reload shows the same order. */
function choiceOrder(count: number, seed: string): number[] {
	let hash = 2166136261;
	for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
	const order = Array.from({ length: count }, (_, i) => i + 1);
	for (let i = order.length - 1; i > 0; i--) {
		hash = Math.imul(hash ^ (hash >>> 13), 1274126177);
		const j = Math.abs(hash) % (i + 1);
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	return order;
}

function explain(reply: string, result: ReplyScore) {
	return {
		reply: partsFromSpans(reply, result.points.flatMap((p) => p.spans)),
		made: result.points.filter((p) => p.hit).map((p) => p.point),
		missed: result.points.filter((p) => !p.hit).map((p) => p.point),
		pitfalls: result.pitfalls.filter((p) => p.hit).map((p) => p.point),
		signals: result.signals,
		flags: result.flags
	};
}

export const load: PageServerLoad = (event) => {
	const attempt = ownAttempt(event);
	const db = getDb();
	const { scenario, state, turns, locale } = loadAttempt(db, attempt);
	const beat = scenario.beats[state.beat]!;
	const active = attempt.status === 'active';
	const transcript = turns.map((turn) => ({ index: turn.index, customer: turn.customer, score: turn.score, ...explain(turn.reply, turn.result as ReplyScore) }));

	let result = null;
	if (!active) {
		const rubric = findContent(db, 'rubric', scenario.rubric ?? 'hiring-roleplay', locale);
		const titles = new Map(rubric?.data.criteria.map((c) => [c.id, c.title]) ?? []);
		const scriptIds = [...new Set(turns.map((turn) => scenario.beats[turn.beat]?.script).filter((id): id is string => !!id))];
		result = {
			ending: state.customer,
			criteria: criterionScores(turns.map((t) => t.result as ReplyScore), scenario.criteria).map((c) => ({ ...c, title: titles.get(c.criterion) ?? c.criterion })),
			modelAnswers: scriptIds.flatMap((id) => {
				const script = findContent(db, 'script', id, locale);
				return script ? [{ id, title: script.data.title, answers: script.data.answers.map((a) => a.text) }] : [];
			})
		};
	}

	return {
		attempt: { id: attempt.id, mode: attempt.mode, status: attempt.status, score: attempt.score, turnCount: attempt.turnCount, hintsUsed: attempt.hintsUsed, deadlineAt: attempt.deadlineAt.getTime(), hintCost: HINT_COST },
		scenario: { id: scenario.id, title: scenario.title, persona: scenario.persona, pass: scenario.pass, locale },
		// Only what the customer says and, in choice mode, the options: never cues or key points.
		current: active
			? {
					customer: state.customer,
					choices: attempt.mode === 'choice' ? choiceOrder(beat.choices.length, `${attempt.id}:${attempt.turnCount}`).map((n) => ({ value: n, text: beat.choices[n - 1]!.text })) : [],
					hasHint: !!beat.script
				}
			: null,
		transcript,
		result
	};
};

export const actions: Actions = {
	reply: async (event) => {
		const attempt = ownAttempt(event);
		const data = await event.request.formData();
		const expectedTurn = Number(textField(data, 'turn'));
		const choice = Number(textField(data, 'choice'));
		const input = attempt.mode === 'choice' ? { mode: 'choice' as const, choice } : { mode: 'text' as const, reply: textField(data, 'reply') };
		if (input.mode === 'choice' && !(choice >= 1)) return fail(400, { problem: 'bad-choice' as const });
		const outcome = submitTurn(getDb(), attempt, input, expectedTurn);
		if (!outcome.ok) {
			const reply = input.mode === 'text' ? input.reply : '';
			return fail(outcome.reason === 'stale' ? 409 : 400, { problem: outcome.reason, reply });
		}
		return { answered: true };
	},
	hint: (event) => {
		const attempt = ownAttempt(event);
		const db = getDb();
		const { scenario, state, locale } = loadAttempt(db, attempt);
		const scriptId = scenario.beats[state.beat]?.script;
		if (attempt.status !== 'active' || !scriptId) return fail(400, { problem: 'ended' as const });
		const script = findContent(db, 'script', scriptId, locale);
		if (!script) return fail(404, { problem: 'ended' as const });
		useHint(db, attempt);
		return { hint: { id: script.id, title: script.data.title, answers: script.data.answers.map((a) => a.text) } };
	}
};
