import { describe, expect, it } from 'vitest';
import { planDate, planProgress } from './plan';
import { gradeQuiz, shuffledOrder } from './quiz';
import { isDue, makeDue, newReviewCard, reviewCard } from './review';

const curriculum = {
	days: [
		{ title: 'Day one', modules: [{ type: 'read' as const, title: 'Read', items: ['a'] }, { type: 'quiz' as const, title: 'Quiz', items: ['q'], pass: 80 }] },
		{ title: 'Day two', modules: [{ type: 'drill' as const, title: 'Drill', items: ['s'], mode: 'choice' as const, pass: 70 }] },
		{ title: 'Day three', modules: [{ type: 'signoff' as const, title: 'Sign-off', items: ['s'], rubric: 'r' }] }
	]
};

describe('working days', () => {
	it('skips weekends', () => {
		// 2026-11-26 is a Thursday.
		expect(planDate('2026-11-26', 1)).toBe('2026-11-26');
		expect(planDate('2026-11-26', 2)).toBe('2026-11-27');
		expect(planDate('2026-11-26', 3)).toBe('2026-11-30');
		expect(planDate('2026-11-26', 5)).toBe('2026-12-02');
	});

	it('moves a weekend start to Monday', () => {
		expect(planDate('2026-11-28', 1)).toBe('2026-11-30');
	});
});

describe('planProgress', () => {
	it('marks done, today, overdue and upcoming, and names the next module', () => {
		const progress = planProgress(curriculum, '2026-11-26', '2026-11-27', new Set(['d1m1']));
		expect(progress.days.map((d) => d.modules.map((m) => m.status))).toEqual([['done', 'overdue'], ['today'], ['upcoming']]);
		expect(progress.today).toBe(2);
		expect(progress).toMatchObject({ done: 1, total: 4, percent: 25, overdue: 1, finished: false });
		expect(progress.next?.key).toBe('d1m2');
	});

	it('counts the weekend: day three of a Thursday start is Monday', () => {
		const progress = planProgress(curriculum, '2026-11-26', '2026-11-29', new Set());
		expect(progress.today).toBe(2);
		expect(progress.days[2]!.modules[0]!.status).toBe('upcoming');
	});

	it('is finished when every module is done', () => {
		const progress = planProgress(curriculum, '2026-11-26', '2026-12-10', new Set(['d1m1', 'd1m2', 'd2m1', 'd3m1']));
		expect(progress).toMatchObject({ finished: true, percent: 100, next: null, overdue: 0, today: 4 });
	});
});

describe('gradeQuiz', () => {
	const quiz = {
		pass: 80,
		items: [
			{ type: 'choice' as const, question: 'q', options: ['a', 'b', 'c'], answer: 2, explanation: 'because b' },
			{ type: 'order' as const, question: 'q', items: ['mill', 'maker', 'dealer'], explanation: 'flow' },
			{ type: 'classify' as const, question: 'q', classes: ['fact', 'feeling'], statements: [{ text: 'asked price', class: 1 }, { text: 'feels keen', class: 2 }], explanation: 'evidence' }
		]
	};

	it('grades each kind of item and says why', () => {
		const graded = gradeQuiz(quiz, [{ choice: 2 }, { order: [1, 2, 3] }, { classes: [1, 1] }]);
		expect(graded.items.map((i) => [i.credit, i.correct])).toEqual([[1, true], [1, true], [0.5, false]]);
		expect(graded.items[0]!.explanation).toBe('because b');
		expect(graded).toMatchObject({ score: 83, passed: true });
	});

	it('fails a wrong order and an unanswered item', () => {
		expect(gradeQuiz(quiz, [{ choice: 1 }, { order: [2, 1, 3] }, undefined])).toMatchObject({ score: 0, passed: false });
	});

	it('never shows the right order as the starting order', () => {
		for (const seed of ['a', 'b', 'c', 'd']) expect(shuffledOrder(3, seed)).not.toEqual([1, 2, 3]);
		expect(shuffledOrder(4, 'x').sort()).toEqual([1, 2, 3, 4]);
	});
});

describe('review cards (FSRS)', () => {
	const now = new Date('2026-11-26T09:00:00Z');

	it('a new card is due at once; Good pushes it later than Again', () => {
		const card = newReviewCard(now);
		expect(isDue(card, now)).toBe(true);
		const good = reviewCard(card, 'good', now);
		const again = reviewCard(card, 'again', now);
		expect(new Date(good.due).getTime()).toBeGreaterThan(new Date(again.due).getTime());
		expect(isDue(good, now)).toBe(false);
	});

	it('Easy on a card reviewed well schedules days ahead, and a missed key point makes it due now', () => {
		let card = reviewCard(newReviewCard(now), 'easy', now);
		expect(new Date(card.due).getTime() - now.getTime()).toBeGreaterThan(24 * 3600_000);
		card = makeDue(card, now);
		expect(isDue(card, now)).toBe(true);
	});

	it('is repeatable: the same history gives the same schedule', () => {
		expect(reviewCard(newReviewCard(now), 'hard', now)).toEqual(reviewCard(newReviewCard(now), 'hard', now));
	});
});
