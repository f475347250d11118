import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findContent } from '$lib/server/content/store';
import {
	keptQuizAnswers,
	quizReading,
	quizRetakeAt,
	takeQuiz
} from '$lib/server/onboarding/quiz-attempts';
import { contentLocale } from '$lib/server/content/locale';
import { numberText, parseForm, readForm } from '$lib/server/forms';
import { shuffledOrder, type QuizAnswer } from '$lib/engine/training/quiz';

function quizOr404(id: string) {
	const quiz = findContent(getDb(), 'quiz', id, contentLocale());
	if (!quiz) error(404, 'Not found');
	return quiz;
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const quiz = quizOr404(event.params.id);
	const retakeAt = quizRetakeAt(getDb(), user.id, quiz.id);
	// Questions only: which option is right, and the right order, stay on the server until passed.
	return {
		wait: retakeAt && {
			retakeAt: retakeAt.getTime(),
			reading: quizReading(getDb(), user.id, quiz.id, contentLocale())
		},
		// The rep's own answers of a failed attempt, unmarked: what they chose, never what was right.
		kept: keptQuizAnswers(getDb(), user.id, quiz.id),
		quiz: {
			id: quiz.id,
			locale: quiz.locale,
			title: quiz.data.title,
			pass: quiz.data.pass,
			items: quiz.data.items.map((item, i) =>
				item.type === 'choice'
					? { type: item.type, question: item.question, options: item.options }
					: item.type === 'order'
						? {
								type: item.type,
								question: item.question,
								items: shuffledOrder(item.items.length, `${quiz.id}:${i}`).map((n) => ({
									n,
									text: item.items[n - 1]!
								}))
							}
						: {
								type: item.type,
								question: item.question,
								classes: item.classes,
								statements: item.statements.map((s) => s.text)
							}
			)
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const quiz = quizOr404(event.params.id);
		// Every answer field of the quiz's items, each a number (its names are known only now).
		const fields: Record<`q${number}` | `q${number}-${string}`, typeof numberText> =
			Object.fromEntries(
				quiz.data.items.flatMap((item, i) =>
					item.type === 'choice'
						? [[`q${i}`, numberText]]
						: item.type === 'order'
							? item.items.map((_, n) => [`q${i}-item${n + 1}`, numberText])
							: item.statements.map((_, s) => [`q${i}-s${s}`, numberText])
				)
			);
		const form = parseForm(await readForm(event), fields).value;
		// Every field named above was read: a missing one is 0, as Number('') is.
		const answer = (name: keyof typeof fields) => form[name] ?? 0;
		const answers: (QuizAnswer | undefined)[] = quiz.data.items.map((item, i) => {
			if (item.type === 'choice') {
				const choice = answer(`q${i}`);
				return choice >= 1 ? { choice } : undefined;
			}
			if (item.type === 'order') {
				// The rep gives each item its position; turn that into the item numbers in their order.
				const positions = item.items.map((_, n) => answer(`q${i}-item${n + 1}`));
				const order = positions
					.map((position, n) => ({ n: n + 1, position }))
					.sort((a, b) => a.position - b.position)
					.map((p) => p.n);
				return positions.every((p) => p >= 1) ? { order } : undefined;
			}
			return { classes: item.statements.map((_, s) => answer(`q${i}-s${s}`)) };
		});
		const outcome = takeQuiz(getDb(), user.id, quiz, answers);
		// The rep's own answers go back with every answer, so the page shows them as they were sent.
		const mine = answers.map((answer) => answer ?? null);
		if (!outcome.ok) return fail(429, { retakeAt: outcome.retakeAt.getTime(), answers: mine });
		return { graded: outcome.feedback, answers: mine };
	}
};
