import { describe, expect, it } from 'vitest';
import { scoreReply, type KeyPoint } from './score';
import { phrasebookOf } from './lexicon';
import { checkContentFiles, formatProblem, NOTHING_PUBLISHED } from '../content';

const phrasebook = phrasebookOf([
	{
		intents: [
			{
				id: 'ask-when-boss-in',
				meaning: '問老闆什麼時候在',
				phrases: ['幾點…進公司', '什麼時候回來', '頭家…在']
			},
			{
				id: 'payback',
				meaning: 'one order pays for it',
				phrases: ['pays for itself', 'one order … covers', "don't need many"]
			}
		],
		rules: []
	}
]);
const point = (cues: string[]): { expect: KeyPoint[]; avoid: [] } => ({
	expect: [{ point: 'p', weight: 1, cues }],
	avoid: []
});
const hit = (reply: string, cues: string[]) =>
	scoreReply(reply, point(cues), [], phrasebook).points[0]!;

describe('cues that cite a lexicon intent', () => {
	it('count any phrase of the intent, with the words that made it', () => {
		const reply = '歹勢歹勢，吵到妳了。想請教一下頭家通常幾點會進公司？';
		const made = hit(reply, ['@ask-when-boss-in']);
		expect(made.hit).toBe(true);
		expect(made.spans.map(([start, end]) => reply.slice(start, end))).toContain('幾點會進公司');
		expect(
			hit('If just one of those turns into an order, it pays for itself.', ['@payback']).hit
		).toBe(true);
	});

	it('count nothing for an intent no lexicon defines, and nothing without the lexicon', () => {
		expect(hit('頭家幾點會進公司？', ['@ask-when-the-boss-is-in']).hit).toBe(false);
		expect(scoreReply('頭家幾點會進公司？', point(['@ask-when-boss-in'])).points[0]!.hit).toBe(
			false
		);
	});

	it('read negation as for any cue: a phrase said in the negative does not count', () => {
		expect(hit('I never said it pays for itself right away.', ['@payback']).hit).toBe(false);
		expect(hit('我不知道他什麼時候回來。', ['@ask-when-boss-in']).hit).toBe(false);
	});
});

describe('a cue with a gap (A … B)', () => {
	it('counts A followed by B in the same clause, within reach', () => {
		expect(hit('老闆平常幾點左右會進公司呢？', ['幾點…進公司']).hit).toBe(true);
		expect(
			hit('One good order from them basically covers the fee.', ['one order … covers']).hit
		).toBe(false);
		expect(hit('One order from them basically covers the fee.', ['one order … covers']).hit).toBe(
			true
		);
	});

	it('does not count B before A, B in the next clause, or B out of reach', () => {
		expect(hit('進公司的時間是幾點？', ['幾點…進公司']).hit).toBe(false);
		expect(hit('您幾點有空？我明天進公司。', ['幾點…進公司']).hit).toBe(false);
		expect(hit('幾點啊我們這邊的倉庫跟門市都還沒有整理好所以進公司', ['幾點…進公司']).hit).toBe(
			false
		);
		expect(
			hit('One order, and then after a long wait it covers the fee.', ['one order … covers']).hit
		).toBe(false);
	});
});

describe('English typed as people type', () => {
	it('matches a cue with an apostrophe to the word without one, and the other way round', () => {
		expect(hit('you dont need many orders for that', ['@payback']).hit).toBe(true);
		expect(hit("I don't need to call him today.", ['dont need to call']).hit).toBe(true);
		expect(hit('WHEN IS THE BOSS IN', ['when is the boss in']).hit).toBe(true);
	});

	it('reads 您, 妳 and 你 as one, and 她 and 他', () => {
		expect(hit('請問妳們老闆她什麼時候回來？', ['您們老闆']).hit).toBe(true);
		expect(hit('請問你們老闆她什麼時候回來？', ['他什麼時候回來']).hit).toBe(true);
	});
});

const lexicon = (id: string, intent: string) =>
	`id: ${id}\ntitle: Phrases\nintents:\n  - id: ${intent}\n    meaning: Asks when suits them\n    phrases: [a good time, when suits you]\n`;
const scenario = (cue: string) =>
	`id: call\ntitle: A call\npersona: { name: Lee, role: Owner, company: Lee Hardware }\nminutes: 5\npass: 50\nstart: greet\nbeats:\n  greet:\n    customer: Hello?\n    expect:\n      - { point: Asks for a good time, weight: 1, cues: ["${cue}"] }\n    next:\n      - { minScore: 0.5, goto: won }\n      - { goto: lost }\n  won: { end: won, customer: Fine. }\n  lost: { end: lost, customer: Bye. }\nexamples:\n  good: ["Hello Mr Lee, is this a good time to talk for a minute?"]\n  bad: [Buy it now.]\n`;

describe('content:check with lexicons', () => {
	it('accepts a scenario citing an intent of its language, and plays its examples with the phrases', () => {
		const result = checkContentFiles([
			{ path: 'en/lexicon/phrases.yaml', text: lexicon('phrases', 'ask-a-good-time') },
			{ path: 'en/scenarios/call.yaml', text: scenario('@ask-a-good-time') }
		]);
		expect(result.problems).toEqual([]);
		expect(result.items.map((item) => item.kind).sort()).toEqual(['lexicon', 'scenario']);
	});

	it('refuses an intent cited but defined nowhere in that language, on the line of the cue', () => {
		const result = checkContentFiles([
			{ path: 'zh-TW/lexicon/phrases.yaml', text: lexicon('phrases', 'ask-a-good-time') },
			{ path: 'en/scenarios/call.yaml', text: scenario('@ask-a-good-time') }
		]);
		expect(result.problems.map(formatProblem)).toContain(
			'en/scenarios/call.yaml:11: cites intent "@ask-a-good-time", which no lexicon in en/lexicon/ defines'
		);
	});

	it('refuses a fact not written subject = values, naming the phrase and its line', () => {
		const facts = (phrases: string) =>
			`id: facts\ntitle: Facts\nintents:\n  - id: counted-facts\n    meaning: Counts we state\n    phrases: ${phrases}\n  - id: company-facts\n    meaning: Founded\n    phrases: ["founded = 2012 / taipei"]\n`;
		expect(
			checkContentFiles([{ path: 'en/lexicon/facts.yaml', text: facts('["trial … day = 14"]') }])
				.problems
		).toEqual([]);
		const result = checkContentFiles([
			{ path: 'en/lexicon/facts.yaml', text: facts('["trial … day = 14", trial lasts 14 days]') }
		]);
		expect(result.problems.map(formatProblem)).toEqual([
			'en/lexicon/facts.yaml:6: intents[0].phrases[1]: "trial lasts 14 days" is not a fact: write the subject, "=", then the right values separated by "/" ("trial … day = 14 / 10")'
		]);
		expect(
			checkContentFiles([
				{
					path: 'en/lexicon/facts.yaml',
					text: facts('["trial … day = 14"]').replace('founded = 2012 / taipei', 'founded =')
				}
			]).problems.map((problem) => problem.code)
		).toEqual(['fact-form']);
		// What one tier alone has is written the same way: the tier, then its features.
		const oneTier = (phrase: string) =>
			`id: tiers\ntitle: Tiers\nintents:\n  - id: one-tier-features\n    meaning: Diamond only\n    phrases: ["${phrase}"]\n`;
		expect(
			checkContentFiles([
				{ path: 'en/lexicon/tiers.yaml', text: oneTier('diamond = account manager') }
			]).problems
		).toEqual([]);
		expect(
			checkContentFiles([
				{ path: 'en/lexicon/tiers.yaml', text: oneTier('diamond … account manager') }
			]).problems.map((problem) => problem.code)
		).toEqual(['fact-form']);
	});

	it('refuses an intent defined twice in one language', () => {
		const result = checkContentFiles([
			{ path: 'en/lexicon/a.yaml', text: lexicon('a', 'ask-a-good-time') },
			{ path: 'en/lexicon/b.yaml', text: lexicon('b', 'ask-a-good-time') }
		]);
		expect(result.problems.map(formatProblem)).toContain(
			'en/lexicon/b.yaml:4: intent "ask-a-good-time" is defined in en/lexicon/a.yaml too: an intent\'s id must be unique in its language'
		);
	});

	it('checks a scenario alone against the published lexicons, and refuses a lexicon that drops an intent a published scenario cites', () => {
		const published = {
			...NOTHING_PUBLISHED,
			lexicons: [
				{
					locale: 'en' as const,
					id: 'phrases',
					data: {
						intents: [{ id: 'ask-a-good-time', meaning: 'x', phrases: ['a good time'] }],
						rules: []
					}
				}
			],
			citations: { 'en:ask-a-good-time': ['scenario:call'] },
			scenarios: []
		};
		expect(
			checkContentFiles(
				[{ path: 'en/scenarios/call.yaml', text: scenario('@ask-a-good-time') }],
				published
			).problems
		).toEqual([]);
		const renamed = checkContentFiles(
			[{ path: 'en/lexicon/phrases.yaml', text: lexicon('phrases', 'ask-for-a-time') }],
			published
		);
		expect(renamed.problems.map(formatProblem)).toEqual([
			'en/lexicon/phrases.yaml:1: no lexicon of en defines intent "ask-a-good-time" any longer, but published scenario "call" cites it'
		]);
	});

	it('plays the examples without the phrases when a cited intent is missing: the good examples then fail too', () => {
		const result = checkContentFiles([
			{ path: 'en/scenarios/call.yaml', text: scenario('@ask-a-good-time') }
		]);
		expect(result.problems.map((p) => p.message)).toEqual(
			expect.arrayContaining([expect.stringContaining('playtest: the good examples must win')])
		);
	});
});

describe('company rules written by trainers', () => {
	const rules = phrasebookOf([
		{
			intents: [
				{ id: 'promise-words', meaning: 'promising', phrases: ['guarantee', 'promise you'] }
			],
			rules: [
				{
					id: 'promises-results',
					point: 'Company rule: promises results',
					penalty: 3,
					cues: ['@promise-words … inquiries'],
					unless: [],
					rude: false,
					ourOffer: false,
					offWhereExpected: [],
					offWhenCustomerSays: [],
					onlyWhenCustomerSays: [],
					onlyWithout: []
				},
				{
					id: 'discount',
					point: 'Company rule: a discount',
					penalty: 3,
					cues: ['# off', 'percent off'],
					unless: ['second year'],
					rude: false,
					ourOffer: true,
					offWhereExpected: [],
					offWhenCustomerSays: [],
					onlyWhenCustomerSays: [],
					onlyWithout: []
				},
				{
					id: 'insults',
					point: 'Company rule: insults',
					penalty: 3,
					cues: ['stupid'],
					unless: [],
					rude: true,
					ourOffer: false,
					offWhereExpected: [],
					offWhenCustomerSays: [],
					onlyWhenCustomerSays: [],
					onlyWithout: []
				}
			]
		}
	]);
	const beat = { expect: [{ point: 'Asks', weight: 1, cues: ['how many'] }], avoid: [] };
	const broken = (reply: string) =>
		scoreReply(reply, beat, [], rules)
			.pitfalls.filter((p) => p.hit)
			.map((p) => p.rule);

	it('apply on any beat, with intents and gaps in their cues, and cost their penalty', () => {
		expect(broken('I guarantee you a hundred inquiries. How many do you get?')).toEqual([
			'promises-results'
		]);
		expect(
			scoreReply('I guarantee you a hundred inquiries. How many do you get?', beat, [], rules).score
		).toBe(0);
		expect(broken("I won't promise you inquiries, but how many do you get now?")).toEqual([]);
	});

	it('are excused by their unless phrases nearby, and a rude one takes the question away', () => {
		expect(broken('I can take 10% off. How many do you get?')).toEqual(['discount']);
		expect(broken('There is ten percent off the second year. How many do you get?')).toEqual([]);
		const rude = scoreReply('Are you stupid? How many do you get?', beat, [], rules);
		expect(rude.signals).not.toContain('question');
		expect(broken('Are you stupid? How many do you get?')).toEqual(['insults']);
	});

	it('are checked like the rest: an intent they cite must exist, and a rule id is unique in its language', () => {
		const file = (id: string, cue: string) =>
			`id: ${id}\ntitle: Rules\nrules:\n  - id: pressure\n    point: "Company rule: pressure"\n    penalty: 2\n    cues: ["${cue}"]\n`;
		const result = checkContentFiles([
			{ path: 'en/lexicon/a.yaml', text: file('a', '@hurry-words … today') },
			{ path: 'en/lexicon/b.yaml', text: file('b', 'only today') }
		]);
		expect(result.problems.map(formatProblem)).toEqual([
			'en/lexicon/a.yaml:4: rule "pressure" is defined in en/lexicon/b.yaml too: a rule\'s id must be unique in its language',
			'en/lexicon/a.yaml:7: cites intent "@hurry-words", which no lexicon in en/lexicon/ defines',
			'en/lexicon/b.yaml:4: rule "pressure" is defined in en/lexicon/a.yaml too: a rule\'s id must be unique in its language'
		]);
	});
});
