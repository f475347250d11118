import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { replaceAllContent, upsertContentItem } from '../content/store';
import { criterionTitles, scriptAnswers } from './attempt-view';
import type { ContentItem } from '$lib/engine/content/index';

function script(answers: string[]): ContentItem {
	return {
		kind: 'script',
		locale: 'en',
		id: 'price-too-high',
		data: {
			id: 'price-too-high',
			title: "It's too expensive",
			category: 'price',
			objection: 'Too expensive.',
			variants: [],
			answers: answers.map((text) => ({ text, techniques: ['ask'], why: 'Because.' })),
			mistakes: [],
			knowledge: []
		},
		body: ''
	} as ContentItem;
}

function rubric(opening: string): ContentItem {
	const anchors = { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' };
	return {
		kind: 'rubric',
		locale: 'en',
		id: 'hiring-roleplay',
		data: {
			id: 'hiring-roleplay',
			title: 'Scorecard',
			criteria: [
				{ id: 'opening', title: opening, weight: 1, anchors },
				{ id: 'closing', title: 'Closing', weight: 1, anchors }
			]
		},
		body: ''
	} as ContentItem;
}

describe('what a role-play page shows from the content', () => {
	it("gives a script's answers and a rubric's criterion titles, and a published change at once", () => {
		const db = createTestDatabase();
		replaceAllContent(db, [script(['Ask first.']), rubric('Opening')]);
		expect(scriptAnswers(db, 'price-too-high', 'en')).toEqual({
			id: 'price-too-high',
			title: "It's too expensive",
			answers: ['Ask first.']
		});
		expect([...criterionTitles(db, 'hiring-roleplay', 'en')]).toEqual([
			['opening', 'Opening'],
			['closing', 'Closing']
		]);
		upsertContentItem(db, script(['Ask first.', 'Then show the numbers.']));
		upsertContentItem(db, rubric('First thirty seconds'));
		expect(scriptAnswers(db, 'price-too-high', 'en')!.answers).toEqual([
			'Ask first.',
			'Then show the numbers.'
		]);
		expect(criterionTitles(db, 'hiring-roleplay', 'en').get('opening')).toBe(
			'First thirty seconds'
		);
	});

	it('gives nothing for content that does not exist', () => {
		const db = createTestDatabase();
		expect(scriptAnswers(db, 'missing', 'en')).toBeNull();
		expect(criterionTitles(db, 'missing', 'en').size).toBe(0);
	});
});
