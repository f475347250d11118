import { describe, expect, it } from 'vitest';
import { planDate, planProgress, planStatuses, type PlanToday } from './plan';
import { gradeQuiz, quizFeedback, shuffledOrder } from './quiz';
import { isDue, makeDue, newReviewCard, reviewCard } from './review';

const curriculum = {
	days: [
		{
			title: 'Day one',
			modules: [
				{ type: 'read' as const, title: 'Read', items: ['a'] },
				{ type: 'quiz' as const, title: 'Quiz', items: ['q'], pass: 80 }
			]
		},
		{
			title: 'Day two',
			modules: [
				{ type: 'drill' as const, title: 'Drill', items: ['s'], mode: 'choice' as const, pass: 70 }
			]
		},
		{
			title: 'Day three',
			modules: [{ type: 'signoff' as const, title: 'Sign-off', items: ['s'], rubric: 'r' }]
		}
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
		expect(progress.days.map((d) => d.modules.map((m) => m.status))).toEqual([
			['done', 'overdue'],
			['today'],
			['upcoming']
		]);
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
		const progress = planProgress(
			curriculum,
			'2026-11-26',
			'2026-12-10',
			new Set(['d1m1', 'd1m2', 'd2m1', 'd3m1'])
		);
		expect(progress).toMatchObject({
			finished: true,
			percent: 100,
			next: null,
			overdue: 0,
			today: 4
		});
	});

	it('tells the managers’ tables the same statuses, percent and overdue as planProgress, on any day', () => {
		const completions = [
			new Set<string>(),
			new Set(['d1m1']),
			new Set(['d1m2', 'd3m1']),
			new Set(['d1m1', 'd1m2', 'd2m1', 'd3m1'])
		];
		for (const start of ['2026-11-26', '2026-11-28', '2026-12-31'])
			for (let offset = -3; offset < 12; offset++) {
				const today = new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000)
					.toISOString()
					.slice(0, 10);
				for (const completed of completions) {
					const progress = planProgress(curriculum, start, today, completed);
					expect(planStatuses(curriculum, start, today, completed)).toEqual({
						statuses: progress.days.flatMap((d) => d.modules.map((m) => m.status)),
						percent: progress.percent,
						overdue: progress.overdue
					});
				}
			}
		expect(planStatuses({ days: [] }, '2026-11-26', '2026-11-27', new Set())).toEqual({
			statuses: [],
			percent: 0,
			overdue: 0
		});
	});
});

// Fixed calendars: the week of Monday 2026-11-30 to Sunday 2026-12-06, and the one after it.
const WEEK = [
	'2026-11-30',
	'2026-12-01',
	'2026-12-02',
	'2026-12-03',
	'2026-12-04',
	'2026-12-05',
	'2026-12-06'
] as const;
const WEEKDAYS = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday'
] as const;
const fiveDays = {
	days: Array.from({ length: 5 }, (_, d) => ({
		title: `Day ${d + 1}`,
		modules: [{ type: 'read' as const, title: 'Read', items: [`a${d}`] }]
	}))
};

describe('a cohort started on each day of the week', () => {
	// What the rep's home says on the start date itself: a working day is day 1; a weekend start
	// says the plan begins on Monday and day 1 is open to begin early.
	const expected: Record<(typeof WEEKDAYS)[number], PlanToday> = {
		Monday: { kind: 'day', day: 1 },
		Tuesday: { kind: 'day', day: 1 },
		Wednesday: { kind: 'day', day: 1 },
		Thursday: { kind: 'day', day: 1 },
		Friday: { kind: 'day', day: 1 },
		Saturday: { kind: 'before', date: '2026-12-07' },
		Sunday: { kind: 'before', date: '2026-12-07' }
	};
	WEEK.forEach((start, i) => {
		it(`on a ${WEEKDAYS[i]} (${start}), the start date itself`, () => {
			const progress = planProgress(fiveDays, start, start, new Set());
			expect(progress.when).toEqual(expected[WEEKDAYS[i]!]);
			expect(progress.overdue).toBe(0);
			// The next thing to do is day 1's first module, whatever the day: it can always begin.
			expect(progress.next?.key).toBe('d1m1');
		});
	});

	it('a Saturday start: day 1 done early counts, and Monday is day 1', () => {
		const early = planProgress(fiveDays, '2026-12-05', '2026-12-06', new Set(['d1m1']));
		expect(early.when).toEqual({ kind: 'before', date: '2026-12-07' });
		expect(early.done).toBe(1);
		expect(early.next?.key).toBe('d2m1');
		expect(planProgress(fiveDays, '2026-12-05', '2026-12-07', new Set()).when).toEqual({
			kind: 'day',
			day: 1
		});
		expect(planProgress(fiveDays, '2026-12-05', '2026-12-11', new Set()).when).toEqual({
			kind: 'day',
			day: 5
		});
	});

	it('a Wednesday start runs across the weekend: Saturday and Sunday are days off before day 4 on Monday', () => {
		const on = (today: string) => planProgress(fiveDays, '2026-12-02', today, new Set());
		expect(on('2026-12-04').when).toEqual({ kind: 'day', day: 3 });
		expect(on('2026-12-05').when).toEqual({ kind: 'between', day: 4, date: '2026-12-07' });
		expect(on('2026-12-06').when).toEqual({ kind: 'between', day: 4, date: '2026-12-07' });
		expect(on('2026-12-06').overdue).toBe(3);
		expect(on('2026-12-07').when).toEqual({ kind: 'day', day: 4 });
		expect(on('2026-12-08').when).toEqual({ kind: 'day', day: 5 });
		expect(on('2026-12-09').when).toEqual({ kind: 'after' });
	});

	it('runs across a month and a year end', () => {
		// Thursday 2026-12-31: day 2 is Friday 2027-01-01, day 3 Monday 2027-01-04.
		expect(fiveDays.days.map((_, d) => planDate('2026-12-31', d + 1))).toEqual([
			'2026-12-31',
			'2027-01-01',
			'2027-01-04',
			'2027-01-05',
			'2027-01-06'
		]);
		expect(planProgress(fiveDays, '2026-12-31', '2027-01-02', new Set()).when).toEqual({
			kind: 'between',
			day: 3,
			date: '2027-01-04'
		});
	});
});

describe('gradeQuiz', () => {
	const quiz = {
		pass: 80,
		items: [
			{
				type: 'choice' as const,
				question: 'q',
				options: ['a', 'b', 'c'],
				answer: 2,
				explanation: 'because b'
			},
			{
				type: 'order' as const,
				question: 'q',
				items: ['mill', 'maker', 'dealer'],
				explanation: 'flow'
			},
			{
				type: 'classify' as const,
				question: 'q',
				classes: ['fact', 'feeling'],
				statements: [
					{ text: 'asked price', class: 1 },
					{ text: 'feels keen', class: 2 }
				],
				explanation: 'evidence'
			}
		]
	};

	it('grades each kind of item and says why', () => {
		const graded = gradeQuiz(quiz, [{ choice: 2 }, { order: [1, 2, 3] }, { classes: [1, 1] }]);
		expect(graded.items.map((i) => [i.credit, i.correct])).toEqual([
			[1, true],
			[1, true],
			[0.5, false]
		]);
		expect(graded.items[0]!.explanation).toBe('because b');
		expect(graded).toMatchObject({ score: 83, passed: true });
	});

	it('gives each item’s right answer in the terms of a rep’s answer, which grades full marks', () => {
		const graded = gradeQuiz(quiz, []);
		expect(graded.items.map((item) => item.right)).toEqual([
			{ choice: 2 },
			{ order: [1, 2, 3] },
			{ classes: [1, 2] }
		]);
		expect(
			gradeQuiz(
				quiz,
				graded.items.map((item) => item.right)
			)
		).toMatchObject({ score: 100, passed: true });
	});

	it('tells a failed quiz’s score only: no item, no right answer, no explanation', () => {
		const failed = quizFeedback(gradeQuiz(quiz, [{ choice: 2 }]));
		expect(failed).toEqual({ score: 33, passed: false });
		const passed = quizFeedback(
			gradeQuiz(quiz, [{ choice: 2 }, { order: [1, 2, 3] }, { classes: [1, 1] }])
		);
		expect(passed.passed && passed.items.map((item) => item.right)).toEqual([
			{ choice: 2 },
			{ order: [1, 2, 3] },
			{ classes: [1, 2] }
		]);
	});

	it('fails a wrong order and an unanswered item', () => {
		expect(gradeQuiz(quiz, [{ choice: 1 }, { order: [2, 1, 3] }, undefined])).toMatchObject({
			score: 0,
			passed: false
		});
	});

	it('never shows the right order as the starting order', () => {
		for (const seed of ['a', 'b', 'c', 'd']) expect(shuffledOrder(3, seed)).not.toEqual([1, 2, 3]);
		expect(shuffledOrder(4, 'x').sort()).toEqual([1, 2, 3, 4]);
	});

	it('shuffles a role-play’s choices the same way, but may leave them in order', () => {
		// 's0' happens to shuffle 1..3 back into order: a quiz reverses it, a role-play's choices keep it.
		expect(shuffledOrder(3, 's0', { mayStayInOrder: true })).toEqual([1, 2, 3]);
		expect(shuffledOrder(3, 's0')).toEqual([3, 2, 1]);
		expect(shuffledOrder(4, 'x', { mayStayInOrder: true })).toEqual(shuffledOrder(4, 'x'));
		expect(shuffledOrder(0, 'x', { mayStayInOrder: true })).toEqual([]);
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
		expect(reviewCard(newReviewCard(now), 'hard', now)).toEqual(
			reviewCard(newReviewCard(now), 'hard', now)
		);
	});
});
