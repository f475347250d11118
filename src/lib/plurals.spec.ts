import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from './paraglide/messages';

// English says "1 reply" and "2 replies"; Chinese has one form (「1 句回答」「2 句回答」). A message
// that counts is written in messages/en.json with plural variants:
//   "weak_replies": [{ "declarations": ["input count", "input average", "local countPlural = count: plural"],
//                      "selectors": ["countPlural"],
//                      "match": { "countPlural=one": "{count} reply, …", "countPlural=*": "{count} replies, …" } }]

type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> }[];
type Message = (inputs: Record<string, unknown>, options: { locale: 'en' | 'zh-TW' }) => string;

const english = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<
	string,
	string | Variants
>;
const message = (key: string): Message => (m as unknown as Record<string, Message>)[key]!;

// Words after a placeholder that end in "s" without being plural nouns.
const NOT_PLURAL = new Set([
	'is',
	'was',
	'has',
	'does',
	'its',
	'this',
	'as',
	'us',
	'unpacks',
	'reads',
	'always'
]);
// Bounds set in code, always more than one: "more than {limit} files".
const NEVER_ONE = new Set(['limit', 'max']);

describe('English messages that count', () => {
	const counting = Object.entries(english).filter((entry): entry is [string, Variants] =>
		Array.isArray(entry[1])
	);

	it('include the ones a user reads most', () => {
		expect(counting.map(([key]) => key)).toEqual(
			expect.arrayContaining([
				'weak_replies',
				'team_members',
				'compare_total',
				'teams_counts',
				'review_due'
			])
		);
	});

	it('say "1 reply" and "2 replies", and Chinese keeps its one form', () => {
		expect(m.weak_replies({ count: 1, average: 80 }, { locale: 'en' })).toBe('1 reply, average 80');
		expect(m.weak_replies({ count: 2, average: 80 }, { locale: 'en' })).toBe(
			'2 replies, average 80'
		);
		expect(m.weak_replies({ count: 0, average: 0 }, { locale: 'en' })).toBe('0 replies, average 0');
		expect(m.weak_replies({ count: 1, average: 80 }, { locale: 'zh-TW' })).toBe(
			'1 句回答，平均 80'
		);
		expect(m.compare_total({ count: 1 }, { locale: 'en' })).toBe('1 interview for this position');
		expect(m.teams_counts({ managers: 1, reps: 8 }, { locale: 'en' })).toBe('1 manager · 8 reps');
		expect(m.teams_counts({ managers: 2, reps: 1 }, { locale: 'en' })).toBe('2 managers · 1 rep');
	});

	it.each(counting.map(([key, variants]) => [key, variants] as const))(
		'%s: with every count at 1, no plural noun follows it',
		(key, variants) => {
			const inputs = Object.fromEntries(
				variants[0]!.declarations
					.filter((line) => line.startsWith('input '))
					.map((line) => [line.slice(6).trim(), 1])
			);
			const one = message(key)(inputs, { locale: 'en' });
			const two = message(key)(Object.fromEntries(Object.keys(inputs).map((name) => [name, 2])), {
				locale: 'en'
			});
			expect(one).not.toMatch(/\b1 [a-z]+s\b/);
			expect(one).not.toBe(two.replaceAll('2', '1'));
		}
	);

	it('leave no count in a plain English message before a plural noun', () => {
		const plain = Object.entries(english).filter(
			(entry): entry is [string, string] => typeof entry[1] === 'string'
		);
		const found = plain.flatMap(([key, text]) =>
			[...text.matchAll(/\{(\w+)\}\s+([A-Za-z]+s)\b/g)]
				.filter(([, name, word]) => !NEVER_ONE.has(name!) && !NOT_PLURAL.has(word!.toLowerCase()))
				.map(([found]) => `${key}: ${found}`)
		);
		expect(found).toEqual([]);
	});
});
