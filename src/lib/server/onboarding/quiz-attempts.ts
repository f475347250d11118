import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/index';
import { quizResults } from '../db/schema';
import { currentCohortOf, recordQuizResult } from './onboarding';
import { findContent } from '../content/store';
import type { ContentLocale, Quiz } from '$lib/engine/content/index';
import {
	gradeQuiz,
	quizFeedback,
	readingForQuiz,
	QUIZ_RETAKE_WAIT_MS,
	type QuizAnswer,
	type QuizFeedback
} from '$lib/engine/training/quiz';

/** The rep's latest result of a quiz, if any. */
function lastResult(db: Db, userId: string, quizId: string) {
	return db
		.select({
			passed: quizResults.passed,
			answers: quizResults.answers,
			createdAt: quizResults.createdAt
		})
		.from(quizResults)
		.where(and(eq(quizResults.userId, userId), eq(quizResults.quizId, quizId)))
		.orderBy(desc(quizResults.createdAt))
		.limit(1)
		.get();
}

/** When the rep may take the quiz again, if they must wait: only after a failed attempt. */
export function quizRetakeAt(
	db: Db,
	userId: string,
	quizId: string,
	now = new Date()
): Date | null {
	const last = lastResult(db, userId, quizId);
	if (!last || last.passed) return null;
	const retakeAt = new Date(last.createdAt.getTime() + QUIZ_RETAKE_WAIT_MS);
	return retakeAt > now ? retakeAt : null;
}

/**
 * The rep's answers of their last attempt, when it failed: shown again, marked neither right nor
 * wrong, so that they can set them beside what they read again and change them for the retake.
 * Null after a pass or before any attempt (the quiz starts blank).
 */
export function keptQuizAnswers(
	db: Db,
	userId: string,
	quizId: string
): (QuizAnswer | null)[] | null {
	const last = lastResult(db, userId, quizId);
	if (!last || last.passed || !Array.isArray(last.answers)) return null;
	return last.answers.map((answer) => answer ?? null);
}

/** The quizzes the rep has passed at least once, for the library's list of quizzes. */
export function passedQuizIds(db: Db, userId: string): Set<string> {
	return new Set(
		db
			.selectDistinct({ quizId: quizResults.quizId })
			.from(quizResults)
			.where(and(eq(quizResults.userId, userId), eq(quizResults.passed, true)))
			.all()
			.map((row) => row.quizId)
	);
}

export type QuizOutcome = { ok: true; feedback: QuizFeedback } | { ok: false; retakeAt: Date };

/** Grades and records an attempt, unless the rep is still waiting after a fail (then nothing is recorded). */
export function takeQuiz(
	db: Db,
	userId: string,
	quiz: { id: string; data: Pick<Quiz, 'items' | 'pass'> },
	answers: readonly (QuizAnswer | undefined)[],
	now = new Date()
): QuizOutcome {
	const retakeAt = quizRetakeAt(db, userId, quiz.id, now);
	if (retakeAt) return { ok: false, retakeAt };
	const graded = gradeQuiz(quiz.data, answers);
	recordQuizResult(db, userId, quiz.id, graded, answers, now);
	return { ok: true, feedback: quizFeedback(graded) };
}

/** The articles to read again before a retake: those of the rep's plan on the quiz's day. */
export function quizReading(
	db: Db,
	userId: string,
	quizId: string,
	locale: ContentLocale
): { id: string; title: string }[] {
	const cohort = currentCohortOf(db, userId);
	if (!cohort) return [];
	return readingForQuiz(cohort.curriculum, quizId).flatMap((id) => {
		const article = findContent(db, 'article', id, locale);
		return article ? [{ id, title: article.data.title }] : [];
	});
}
