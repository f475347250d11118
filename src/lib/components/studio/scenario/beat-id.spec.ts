import { describe, expect, it } from 'vitest';
import type { BeatDraft } from '$lib/engine/content/draft';
import { beatChoices, beatIdMessage } from './beat-id';

const beat = (customer: string, name?: string): BeatDraft => ({
	...(name ? { name } : {}),
	customer,
	expect: [],
	avoid: [],
	choices: [],
	next: []
});

describe('beatChoices', () => {
	it('offers each beat by its name and the first words of its line, the beat itself as "this beat again"', () => {
		const beats = {
			greet: beat('Hello?'),
			'beat-2': beat('I have to ask my boss.', '需要問老闆'),
			won: beat('')
		};
		expect(beatChoices(beats, 'greet')).toEqual([
			{ value: 'greet', label: 'greet (this beat again)' },
			{ value: 'beat-2', label: '需要問老闆 · I have to ask my boss.' },
			{ value: 'won', label: 'won · (no line yet)' }
		]);
	});

	it('tells two beats that read alike apart by their ids', () => {
		const beats = { 'beat-2': beat('Hm?', '問老闆'), 'beat-3': beat('Hm?', '問老闆') };
		expect(beatChoices(beats).map((choice) => choice.label)).toEqual([
			'問老闆 (beat-2) · Hm?',
			'問老闆 (beat-3) · Hm?'
		]);
	});
});

describe('beatIdMessage', () => {
	it('speaks of a name or of an id', () => {
		expect(beatIdMessage('taken', 'name')).toBe('Another beat already has this name.');
		expect(beatIdMessage('taken', 'id')).toBe('Another beat already has this id.');
		expect(beatIdMessage('empty', 'id')).toBe('Give the beat an id.');
		expect(beatIdMessage('format', 'id')).toBe(
			'Use lower-case letters, digits and hyphens, e.g. price-objection.'
		);
	});
});
