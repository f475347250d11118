import type { Curriculum, Quiz } from '../content/schemas';

export type QuizItem = Quiz['items'][number];

/** A rep's answer to one item: the option chosen, the order given, or a class per statement. */
export type QuizAnswer = { choice: number } | { order: number[] } | { classes: number[] };

export interface GradedItem {
	/** 0 to 1: choice and order are right or wrong; classification counts each statement. */
	credit: number;
	correct: boolean;
	explanation: string;
	/** The right answer, in the terms of a rep's: only a passed quiz shows it (see `quizFeedback`). */
	right: QuizAnswer;
}

export interface GradedQuiz {
	items: GradedItem[];
	/** 0–100. */
	score: number;
	passed: boolean;
}

function gradeItem(item: QuizItem, answer: QuizAnswer | undefined): number {
	if (!answer) return 0;
	if (item.type === 'choice') return 'choice' in answer && answer.choice === item.answer ? 1 : 0;
	if (item.type === 'order') {
		// The file lists the items in the right order; the answer gives item numbers in the rep's order.
		return 'order' in answer &&
			answer.order.length === item.items.length &&
			answer.order.every((n, i) => n === i + 1)
			? 1
			: 0;
	}
	if (!('classes' in answer)) return 0;
	const right = item.statements.filter(
		(statement, i) => answer.classes[i] === statement.class
	).length;
	return right / item.statements.length;
}

/** An item's right answer, as a rep would give it: the option, the items in order, a class per statement. */
export function rightAnswer(item: QuizItem): QuizAnswer {
	if (item.type === 'choice') return { choice: item.answer };
	// The file lists the items in the right order.
	if (item.type === 'order') return { order: item.items.map((_, i) => i + 1) };
	return { classes: item.statements.map((statement) => statement.class) };
}

export function gradeQuiz(
	quiz: Pick<Quiz, 'items' | 'pass'>,
	answers: readonly (QuizAnswer | undefined)[]
): GradedQuiz {
	const items = quiz.items.map((item, i) => {
		const credit = gradeItem(item, answers[i]);
		return {
			credit,
			correct: credit === 1,
			explanation: item.explanation,
			right: rightAnswer(item)
		};
	});
	const score =
		items.length > 0
			? Math.round((items.reduce((sum, item) => sum + item.credit, 0) / items.length) * 100)
			: 0;
	return { items, score, passed: score >= quiz.pass };
}

/**
 * How long a rep waits after a failed attempt before the next one. With only the score shown on a
 * fail, and not which answers were wrong, a quiz cannot be passed by trying answers one by one.
 */
export const QUIZ_RETAKE_WAIT_MS = 10 * 60 * 1000;

/** What a rep is told of a graded quiz: which answers were right (and what was) only once they have passed. */
export type QuizFeedback =
	{ score: number; passed: true; items: GradedItem[] } | { score: number; passed: false };

export function quizFeedback(graded: GradedQuiz): QuizFeedback {
	return graded.passed
		? { score: graded.score, passed: true, items: graded.items }
		: { score: graded.score, passed: false };
}

/** The articles a plan has a rep read on the days that hold this quiz: what to read again after a fail. */
export function readingForQuiz(curriculum: Pick<Curriculum, 'days'>, quizId: string): string[] {
	const days = curriculum.days.filter((day) =>
		day.modules.some((module) => module.type === 'quiz' && module.items.includes(quizId))
	);
	return [
		...new Set(
			days.flatMap((day) =>
				day.modules.filter((module) => module.type === 'read').flatMap((module) => module.items)
			)
		)
	];
}

/**
 * A fixed shuffle of 1..n from a seed, the same on every reload: quiz order items shown mixed up, a
 * role-play's choices shown in an order that is not the authored one (the good option is often
 * written first). A quiz never starts in the right order; a role-play's choices may
 * (`mayStayInOrder`), as their order is no answer.
 */
export function shuffledOrder(
	n: number,
	seed: string,
	options: { mayStayInOrder?: boolean } = {}
): number[] {
	let hash = 2166136261;
	for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
	const order = Array.from({ length: n }, (_, i) => i + 1);
	for (let i = n - 1; i > 0; i--) {
		hash = Math.imul(hash ^ (hash >>> 13), 1274126177);
		const j = Math.abs(hash) % (i + 1);
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	// Never show the right order as the starting point.
	if (!options.mayStayInOrder && n > 1 && order.every((v, i) => v === i + 1)) order.reverse();
	return order;
}
