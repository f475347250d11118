import { describe, expect, it } from 'vitest';
import { coachingFor } from './coaching';
import { scoreReply } from './score';

const scenario = {
	beats: {
		price: {
			expect: [
				{ point: 'Acknowledges the concern', weight: 1, cues: ['understand', 'hear you'] },
				{ point: 'Asks about inquiries', weight: 2, cues: ['how many'] }
			],
			avoid: [{ point: 'Discounts at once', penalty: 2, cues: ['discount'] }],
			choices: [
				{ text: 'Take ten percent off.', quality: 'bad' },
				{
					text: "I hear you, Mr. Wang. Twenty-six thousand isn't small money. How many inquiries did you get last year?",
					quality: 'good'
				}
			]
		},
		close: {
			expect: [{ point: 'Fixes a time', weight: 1, cues: ['tomorrow', 'monday'] }],
			avoid: [],
			choices: []
		}
	}
};

function turn(beat: 'price' | 'close', reply: string) {
	return { beat, customer: `customer at ${beat}`, result: scoreReply(reply, scenario.beats[beat]) };
}

describe('coaching after a role-play', () => {
	it('gives, per line answered, the model answer and the sentence of it that makes each point missed', () => {
		const coaching = coachingFor(
			scenario,
			[
				turn('price', 'I hear you. I can give you a discount.'),
				turn('price', 'I understand, it is a lot. A discount then?'),
				turn('close', 'I will send it over.')
			],
			[]
		);
		expect(coaching.beats.map((b) => b.beat)).toEqual(['price', 'close']);
		const price = coaching.beats[0]!;
		expect(price.model).toContain('How many inquiries');
		expect(price.missed).toEqual([
			{ point: 'Asks about inquiries', sentence: 'How many inquiries did you get last year?' }
		]);
		// A title's full stop does not end the sentence.
		expect(
			coachingFor(scenario, [turn('price', 'How many inquiries do you get?')], []).beats[0]!.missed
		).toEqual([{ point: 'Acknowledges the concern', sentence: 'I hear you, Mr. Wang.' }]);
		// A line without a good answer still names what was missed.
		expect(coaching.beats[1]).toMatchObject({
			model: null,
			missed: [{ point: 'Fixes a time', sentence: null }]
		});
		expect(coaching.broken).toEqual(['Discounts at once']);
	});

	it('reads the model answer again when the lexicon or the answer changes (each is kept per content)', () => {
		const point = { point: 'Books a time', weight: 1, cues: ['@book-time'] };
		const withModel = (text: string) => ({
			beats: { close: { expect: [point], choices: [{ text, quality: 'good' }] } }
		});
		const booksTime = { intents: new Map([['book-time', ['give you a ring']]]), rules: [] };
		const booksNothing = { intents: new Map([['book-time', ['pencil you in']]]), rules: [] };
		const missedIn = (model: string, phrasebook: typeof booksTime) =>
			coachingFor(
				withModel(model),
				[
					{
						beat: 'close',
						customer: 'Fine.',
						result: scoreReply('OK.', { expect: [point], avoid: [] })
					}
				],
				[],
				phrasebook
			).beats[0]!.missed[0]!.sentence;
		const model = 'Thanks, Mr. Lin. Can I give you a ring on Monday at ten?';
		expect(missedIn(model, booksTime)).toBe('Can I give you a ring on Monday at ten?');
		expect(missedIn(model, booksNothing)).toBeNull();
		expect(missedIn('Shall I pencil you in for Tuesday? Great.', booksNothing)).toBe(
			'Shall I pencil you in for Tuesday?'
		);
		expect(missedIn(model, booksTime)).toBe('Can I give you a ring on Monday at ten?');
	});

	it('names a point made in any try of a line as made', () => {
		const coaching = coachingFor(
			scenario,
			[turn('price', 'How many inquiries do you get?'), turn('price', 'I hear you, really.')],
			[]
		);
		expect(coaching.beats[0]!.missed).toEqual([]);
	});

	it('picks one habit: speaking rather than notes first, then asking, then the weakest criterion', () => {
		expect(
			coachingFor(scenario, [turn('price', 'acknowledge / how many / discount / next step')], [])
				.habit
		).toEqual({ kind: 'speak' });
		expect(
			coachingFor(
				scenario,
				[
					turn('price', 'I hear you, that is a lot of money.'),
					turn('close', 'Tomorrow at ten then.')
				],
				[]
			).habit
		).toEqual({ kind: 'signal', signal: 'question' });
		const asking = [
			turn('price', 'I hear you. How many inquiries did you get?'),
			turn('close', 'I understand. Shall I call you tomorrow?')
		];
		expect(
			coachingFor(scenario, asking, [
				{ criterion: 'closing', score: 40 },
				{ criterion: 'opening', score: 90 }
			]).habit
		).toEqual({ kind: 'criterion', criterion: 'closing' });
		expect(coachingFor(scenario, asking, [{ criterion: 'opening', score: 90 }]).habit).toBeNull();
	});
});
