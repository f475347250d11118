import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { findContent } from '../content/store';
import { cohortChoicesFor, createCohort } from './onboarding';
import {
	keptQuizAnswers,
	passedQuizIds,
	quizReading,
	quizRetakeAt,
	takeQuiz
} from './quiz-attempts';
import { rightAnswer } from '$lib/engine/training/quiz';

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const rep = insertUser(db, {
		email: 'r@example.com',
		name: 'R',
		passwordHash: 'x',
		roles: ['rep']
	});
	const quiz = findContent(db, 'quiz', 'product-and-rules', 'en')!;
	const right = quiz.data.items.map((item) =>
		item.type === 'choice'
			? { choice: item.answer }
			: item.type === 'order'
				? { order: item.items.map((_, i) => i + 1) }
				: { classes: item.statements.map((s) => s.class) }
	);
	// The first two items wrong, the rest right: a fail that must not say which were wrong.
	const twoWrong = right.map((answer, i) =>
		i < 2 && 'choice' in answer ? { choice: answer.choice === 1 ? 2 : 1 } : answer
	);
	return { db, rep, quiz, right, twoWrong };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));

describe('taking a quiz', () => {
	it('on a fail tells the score only, not which answers were right or why', () => {
		const { db, rep, quiz, twoWrong } = setUp();
		const outcome = takeQuiz(db, rep.id, quiz, twoWrong, at(0));
		expect(outcome).toEqual({ ok: true, feedback: { score: 75, passed: false } });
		expect(JSON.stringify(outcome)).not.toContain(quiz.data.items[0]!.explanation);
		expect(JSON.stringify(outcome)).not.toContain('right');
	});

	it('keeps a failed attempt’s answers, as given, to show again; a pass or a new quiz keeps none', () => {
		const { db, rep, quiz, right, twoWrong } = setUp();
		expect(keptQuizAnswers(db, rep.id, quiz.id)).toBeNull();
		// One item left unanswered: kept as no answer.
		const withGap = twoWrong.map((answer, i) => (i === 3 ? undefined : answer));
		takeQuiz(db, rep.id, quiz, withGap, at(0));
		expect(keptQuizAnswers(db, rep.id, quiz.id)).toEqual(withGap.map((answer) => answer ?? null));
		takeQuiz(db, rep.id, quiz, right, at(10));
		expect(keptQuizAnswers(db, rep.id, quiz.id)).toBeNull();
	});

	it('on a pass shows every item right or wrong with its explanation, and may be retaken at once', () => {
		const { db, rep, quiz, right } = setUp();
		const outcome = takeQuiz(db, rep.id, quiz, right, at(0));
		expect(outcome.ok && outcome.feedback).toEqual({
			score: 100,
			passed: true,
			items: quiz.data.items.map((item) => ({
				credit: 1,
				correct: true,
				explanation: item.explanation,
				right: rightAnswer(item)
			}))
		});
		expect(quizRetakeAt(db, rep.id, quiz.id, at(0))).toBeNull();
		expect(takeQuiz(db, rep.id, quiz, right, at(1)).ok).toBe(true);
	});

	it('after a fail, refuses another attempt for 10 minutes without recording it, then grades it', () => {
		const { db, rep, quiz, right, twoWrong } = setUp();
		takeQuiz(db, rep.id, quiz, twoWrong, at(0));
		expect(takeQuiz(db, rep.id, quiz, right, at(9))).toEqual({ ok: false, retakeAt: at(10) });
		// The refused attempt did not restart the wait.
		expect(quizRetakeAt(db, rep.id, quiz.id, at(9))).toEqual(at(10));
		expect(takeQuiz(db, rep.id, quiz, right, at(10))).toMatchObject({
			ok: true,
			feedback: { passed: true }
		});
	});

	it('names the quizzes a rep has passed once, for the library’s list, whatever came after', () => {
		const { db, rep, quiz, right, twoWrong } = setUp();
		expect(passedQuizIds(db, rep.id)).toEqual(new Set());
		takeQuiz(db, rep.id, quiz, twoWrong, at(0));
		expect(passedQuizIds(db, rep.id)).toEqual(new Set());
		takeQuiz(db, rep.id, quiz, right, at(10));
		takeQuiz(db, rep.id, quiz, twoWrong, at(11));
		expect(passedQuizIds(db, rep.id)).toEqual(new Set([quiz.id]));
	});

	it('names the articles of the plan day that holds the quiz, to read again', () => {
		const { db, rep, quiz } = setUp();
		expect(quizReading(db, rep.id, quiz.id, 'en')).toEqual([]);
		const manager = insertUser(db, {
			email: 'm@example.com',
			name: 'M',
			passwordHash: 'x',
			roles: ['admin']
		});
		const choices = cohortChoicesFor(db, {
			id: manager.id,
			email: manager.email,
			name: 'M',
			locale: null,
			roles: ['admin']
		});
		createCohort(
			db,
			{
				name: 'Dec',
				curriculumId: 'new-rep-onboarding',
				locale: 'en',
				startDate: '2026-11-26',
				userIds: [rep.id],
				teamId: null,
				createdBy: manager.id
			},
			choices
		);
		expect(quizReading(db, rep.id, quiz.id, 'en').map((article) => article.id)).toEqual([
			'company-rules-and-culture',
			'membership-tiers',
			'after-sales-report'
		]);
		expect(quizReading(db, rep.id, quiz.id, 'en')[0]!.title).toBe(
			findContent(db, 'article', 'company-rules-and-culture', 'en')!.data.title
		);
	});
});
