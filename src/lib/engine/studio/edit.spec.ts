import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	checkContentFiles,
	NOTHING_PUBLISHED,
	readDraft,
	writeDraft,
	type Draft
} from '../content';
import { followMove, followRemove, moveEntry } from './list-edit';
import {
	moveClass,
	moveOption,
	newQuizItem,
	removeClass,
	removeOption,
	type QuizItemDraft
} from './quiz-edit';
import { changeModuleType, moduleSettings, newDay } from './curriculum-edit';
import { newCriterion, weightShares } from './rubric-edit';

function quizDraft(path: string): Draft<'quiz'> {
	const read = readDraft('quiz', readFileSync(path, 'utf8'));
	if (!read.ok) throw new Error(read.message);
	return read.draft;
}

/** Checks a draft as `content:check` would, as the only file (references to the demo pack aside). */
function problemsOf(draft: Draft, id: string, locale = 'en'): string[] {
	const folder = { quiz: 'quizzes', rubric: 'rubrics', curriculum: 'curricula' }[
		draft.kind as 'quiz'
	];
	const known = new Set([
		'article:en:membership-tiers',
		'quiz:en:product-and-rules',
		'scenario:en:renewal-price-objection',
		'rubric:en:rep-certification'
	]);
	return checkContentFiles([{ path: `${locale}/${folder}/${id}.yaml`, text: writeDraft(draft) }], {
		...NOTHING_PUBLISHED,
		keys: [...known]
	}).problems.map((p) => p.message);
}

describe('lists in forms', () => {
	it('moves an entry in place', () => {
		const list = ['a', 'b', 'c', 'd'];
		moveEntry(list, 0, 2);
		expect(list).toEqual(['b', 'c', 'a', 'd']);
		moveEntry(list, 3, 0);
		expect(list).toEqual(['d', 'b', 'c', 'a']);
		moveEntry(list, 1, 9);
		expect(list).toEqual(['d', 'b', 'c', 'a']);
	});

	it('keeps a 1-based pointer on its entry through moves and removals', () => {
		// Moving entry 0 to 2 in [a b c d]: a → 3, b → 1, c → 2, d stays 4.
		expect([1, 2, 3, 4].map((ref) => followMove(ref, 0, 2))).toEqual([3, 1, 2, 4]);
		expect([1, 2, 3, 4].map((ref) => followMove(ref, 3, 1))).toEqual([1, 3, 4, 2]);
		expect([1, 2, 3].map((ref) => followRemove(ref, 1))).toEqual([1, null, 2]);
		expect(followMove(null, 0, 1)).toBeNull();
		expect(followRemove(undefined, 0)).toBeUndefined();
	});
});

describe('quiz form edits', () => {
	const path = 'content/en/quizzes/deal-coaching-evidence.yaml';

	it('keeps the right answer on the same option when options move, and in the written file', () => {
		const draft = quizDraft(path);
		const item = draft.data.items[1]!;
		const right = item.options![item.answer! - 1]!;
		moveOption(item, 3, 0);
		moveOption(item, 1, 2);
		expect(item.options![item.answer! - 1]).toBe(right);
		const written = readDraft('quiz', writeDraft(draft));
		if (!written.ok) throw new Error(written.message);
		const again = written.draft.data.items[1]!;
		expect(again.options![again.answer! - 1]).toBe(right);
		expect(problemsOf(draft, 'deal-coaching-evidence')).toEqual([]);
	});

	it('follows the right answer when another option is removed, and clears it when its own is', () => {
		const item: QuizItemDraft = {
			type: 'choice',
			question: 'Q?',
			options: ['a', 'b', 'c'],
			answer: 3,
			explanation: 'E'
		};
		removeOption(item, 0);
		expect(item.options).toEqual(['b', 'c']);
		expect(item.options![item.answer! - 1]).toBe('c');
		removeOption(item, 1);
		expect(item.answer).toBeNull();
		// The file then has no answer, and the check says so rather than picking one.
		const draft: Draft<'quiz'> = {
			kind: 'quiz',
			data: { id: 'q', title: 'Q', items: [{ ...item, options: ['b', 'x'] }] },
			body: ''
		};
		expect(writeDraft(draft)).not.toContain('answer');
		expect(problemsOf(draft, 'q').join(' ')).toMatch(/answer/);
	});

	it('keeps each statement in its class when classes move or one is removed', () => {
		const draft = quizDraft(path);
		const item = draft.data.items[0]!;
		const before = item.statements!.map((s) => [s.text, item.classes![s.class! - 1]]);
		moveClass(item, 1, 0);
		expect(item.classes).toEqual(['Subjective feeling', 'Objective evidence']);
		expect(item.statements!.map((s) => [s.text, item.classes![s.class! - 1]])).toEqual(before);
		expect(problemsOf(draft, 'deal-coaching-evidence')).toEqual([]);
		removeClass(item, 0);
		expect(item.statements!.filter((s) => s.class === null)).toHaveLength(
			before.filter(([, cls]) => cls === 'Subjective feeling').length
		);
		expect(
			item
				.statements!.filter((s) => s.class === 1)
				.every((s) => before.some(([text, cls]) => text === s.text && cls === 'Objective evidence'))
		).toBe(true);
	});

	it('starts a new question of each type with what the check asks to be filled in, and nothing else wrong', () => {
		for (const type of ['choice', 'order', 'classify'] as const) {
			const draft: Draft<'quiz'> = {
				kind: 'quiz',
				data: { id: 'q', title: 'Q', items: [newQuizItem(type)] },
				body: ''
			};
			const problems = problemsOf(draft, 'q');
			expect(problems.length, type).toBeGreaterThan(0);
			expect(
				problems.every((p) => /: (must not be empty|must be a number|is required)$/.test(p)),
				`${type}: ${problems.join('; ')}`
			).toBe(true);
		}
	});
});

describe('curriculum form edits', () => {
	it('drops items of another kind and settings the new type does not use', () => {
		const module = {
			type: 'drill',
			title: 'Drill',
			items: ['renewal-price-objection'],
			mode: 'text',
			pass: 70
		};
		changeModuleType(module, 'scenario');
		expect(module).toEqual({
			type: 'scenario',
			title: 'Drill',
			items: ['renewal-price-objection'],
			mode: 'text',
			pass: 70
		});
		changeModuleType(module, 'signoff');
		expect(module).toEqual({ type: 'signoff', title: 'Drill', items: ['renewal-price-objection'] });
		changeModuleType(module, 'read');
		expect(module).toEqual({ type: 'read', title: 'Drill', items: [] });
		expect(moduleSettings('quiz')).toEqual({ mode: false, pass: false, rubric: false });
		expect(moduleSettings('drill')).toEqual({ mode: true, pass: true, rubric: false });
	});

	it('a plan built from new days passes the check once titles and items are filled in', () => {
		const days = [newDay(), newDay(), newDay()];
		const draft: Draft<'curriculum'> = {
			kind: 'curriculum',
			data: { id: 'plan', title: 'Plan', days },
			body: ''
		};
		expect(problemsOf(draft, 'plan')).toEqual(
			[
				'days[0].title',
				'days[0].modules[0].title',
				'days[1].title',
				'days[1].modules[0].title',
				'days[2].title',
				'days[2].modules[0].title'
			].map((field) => `${field}: must not be empty`)
		);
		days.forEach((day, i) => {
			day.title = `Day ${i + 1}`;
			day.modules[0]!.title = 'Read';
			day.modules[0]!.items.push('membership-tiers');
		});
		changeModuleType(days[2]!.modules[0]!, 'signoff');
		days[2]!.modules[0]!.items.push('renewal-price-objection');
		days[2]!.modules[0]!.rubric = 'rep-certification';
		expect(problemsOf(draft, 'plan')).toEqual([]);
	});
});

describe('rubric form edits', () => {
	it('says how much each criterion counts, as relative weights', () => {
		expect(weightShares([20, 30, 50])).toEqual([20, 30, 50]);
		expect(weightShares([1, 1, 2])).toEqual([25, 25, 50]);
		expect(weightShares([1, null, 3])).toEqual([25, null, 75]);
		expect(weightShares([null, 0])).toEqual([null, null]);
	});

	it('a new criterion needs an id, a title, a weight and five anchors', () => {
		const draft: Draft<'rubric'> = {
			kind: 'rubric',
			data: { id: 'r', title: 'R', criteria: [newCriterion()] },
			body: ''
		};
		expect(problemsOf(draft, 'r').length).toBeGreaterThanOrEqual(7);
		Object.assign(draft.data.criteria[0]!, {
			id: 'listening',
			title: 'Listening',
			weight: 1,
			anchors: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' }
		});
		expect(problemsOf(draft, 'r')).toEqual([]);
	});
});
