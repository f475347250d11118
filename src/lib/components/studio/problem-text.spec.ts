import { describe, expect, it } from 'vitest';
import { checkContentFiles, NOTHING_PUBLISHED, type Published } from '$lib/engine/content/check';
import { readDraft, writeDraft, type DraftData } from '$lib/engine/content/draft';
import { parseContentFile } from '$lib/engine/content/parse';
import type { ContentProblem } from '$lib/engine/content/kinds';
import { PRICE_CALL_YAML } from '$lib/testing/price-call.fixture';
import { problemText } from './problem-text';

// Every problem is built by the checker itself, from the sound fixture with one thing broken, so
// a problem the checker stops giving (or gives with other values) fails here.

const FILE = 'en/scenarios/price-call.yaml';

function problemsOfText(text: string, published: Published = NOTHING_PUBLISHED): ContentProblem[] {
	return checkContentFiles([{ path: FILE, text }], published).problems;
}

/** The checker's one problem after a change to the fixture, as the form would write it. */
function problemAfter(
	change: (data: DraftData['scenario']) => void,
	code: ContentProblem['code']
): ContentProblem {
	const read = readDraft('scenario', PRICE_CALL_YAML);
	if (!read.ok || read.draft.kind !== 'scenario')
		throw new Error('the fixture must read as a draft');
	change(read.draft.data);
	const found = problemsOfText(writeDraft(read.draft)).find((p) => p.code === code);
	if (!found) throw new Error(`no ${code} problem`);
	return found;
}

/** What the file view can hold that the form cannot: text edited by hand. */
function problemOfText(text: string, code: ContentProblem['code']): ContentProblem {
	const found = problemsOfText(text).find((p) => p.code === code);
	if (!found) throw new Error(`no ${code} problem in ${JSON.stringify(problemsOfText(text))}`);
	return found;
}

/** Latin words left in a Chinese text once the names it quotes (beat ids, values) are taken out. */
function englishIn(text: string, ...quoted: string[]): string[] {
	const rest = quoted.reduce((out, name) => out.replaceAll(name, ''), text);
	return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

function texts(problem: ContentProblem): { en: string; zh: string } {
	return { en: problemText(problem, 'en'), zh: problemText(problem, 'zh-TW') };
}

describe('problemText: the common problems in the trainer’s words', () => {
	it('an empty customer line: the beat, what the customer says, and to write it', () => {
		const { en, zh } = texts(problemAfter((d) => (d.beats.price!.customer = ''), 'empty'));
		expect(en).toBe('In the beat “price”, write what the customer says.');
		expect(zh).toBe('在「price」這一段，請填寫客戶說的話。');
		expect(englishIn(zh, 'price')).toEqual([]);
	});

	it('an unreachable beat', () => {
		const problem = problemAfter(
			(d) =>
				(d.beats.later = {
					customer: 'Call me later.',
					end: 'neutral',
					expect: [],
					avoid: [],
					choices: [],
					next: []
				}),
			'unreachable'
		);
		const { en, zh } = texts(problem);
		expect(en).toBe(
			'No rule leads to the beat “later” yet: choose it under “Go to” in a rule of another beat, or remove it.'
		);
		expect(zh).toContain('「later」這一段');
		expect(zh).toContain('「前往」');
		expect(englishIn(zh, 'later')).toEqual([]);
	});

	it('names a beat as the trainer named it, in the text and in the field it points to', () => {
		const names: Record<string, string> = { later: '改天再打', price: '嫌太貴' };
		const beatName = (id: string) => names[id] ?? id;
		const unreachable = problemAfter(
			(d) =>
				(d.beats.later = {
					customer: 'Call me later.',
					end: 'neutral',
					expect: [],
					avoid: [],
					choices: [],
					next: []
				}),
			'unreachable'
		);
		expect(problemText(unreachable, 'zh-TW', beatName)).toContain('「改天再打」這一段');
		const empty = problemAfter((d) => (d.beats.price!.customer = ''), 'empty');
		expect(problemText(empty, 'zh-TW', beatName)).toContain('嫌太貴');
		expect(problemText(empty, 'zh-TW', beatName)).not.toContain('price');
	});

	it('a dead end', () => {
		const problem = problemAfter((d) => {
			d.beats.stuck = {
				customer: 'Hm.',
				expect: [],
				avoid: [],
				choices: [],
				next: [{ goto: 'stuck' }]
			};
			d.beats.greet!.next[0]!.goto = 'stuck';
		}, 'dead-end');
		const { en, zh } = texts(problem);
		expect(en).toBe(
			'No ending can be reached from the beat “stuck”: add a rule that leads on towards an ending.'
		);
		expect(zh).toBe('從「stuck」這一段走不到任何結局：請加入一條通往結局的規則。');
		expect(englishIn(zh, 'stuck')).toEqual([]);
	});

	it('a rule that goes to a beat that is not there: the beat, the rule, and the beat it names', () => {
		const { en, zh } = texts(
			problemAfter((d) => (d.beats.greet!.next[2]!.goto = 'gone'), 'goto-missing')
		);
		expect(en).toBe(
			'In the beat “greet”, rule 3 has “gone” under “Go to”, which is not a beat: choose another.'
		);
		expect(zh).toBe(
			'在「greet」這一段，規則 3 前往「gone」，但沒有這個段落：請在「前往」另選一段。'
		);
		expect(englishIn(zh, 'greet', 'gone')).toEqual([]);
	});

	it('a rule with no beat to go to, in the rule it is about', () => {
		const { en, zh } = texts(problemAfter((d) => (d.beats.greet!.next[2]!.goto = ''), 'empty'));
		expect(en).toBe('In rule 3 of the beat “greet”, choose a beat under “Go to”.');
		expect(zh).toBe('在「greet」這一段的規則 3，請選擇「前往」的段落。');
	});

	it('a YAML indentation error, without the parser’s words', () => {
		const broken = PRICE_CALL_YAML.replace(
			"    customer: It's too expensive.\n",
			"    customer: It's too expensive.\n   expect: []\n"
		);
		const problem = problemOfText(broken, 'yaml-indent');
		expect(problem.message).toMatch(/^YAML: /);
		const { en, zh } = texts(problem);
		expect(en).toMatch(/^The indentation is off here/);
		expect(englishIn(zh)).toEqual([]);
	});

	it('a field that is too long: the beat, the field, and the limit', () => {
		const { en, zh } = texts(
			problemAfter((d) => (d.beats.greet!.customer = 'Hello? '.repeat(200)), 'too-long')
		);
		expect(en).toBe(
			'In the beat “greet”, what the customer says must be at most 1000 characters: shorten it.'
		);
		expect(zh).toBe('在「greet」這一段，客戶說的話最多 1000 個字：請縮短。');
		expect(englishIn(zh, 'greet')).toEqual([]);
	});

	it('a cue that cites an intent (the placeholder for a lexicon’s phrases) no lexicon defines', () => {
		const { en, zh } = texts(
			problemAfter(
				(d) => (d.beats.greet!.expect[1]!.cues = ['@ask-for-a-minute']),
				'missing-intent'
			)
		);
		expect(en).toBe(
			'In key point 2 of the beat “greet”, the cue cites the intent “@ask-for-a-minute”, which no lexicon of this language defines: add it to a lexicon, or correct its name.'
		);
		expect(zh).toBe(
			'在「greet」這一段的重點 2，提示詞引用了意圖「@ask-for-a-minute」，但這個語言的用語庫都沒有定義它：請把它加進用語庫，或修正名稱。'
		);
		expect(englishIn(zh, 'greet', 'ask-for-a-minute')).toEqual([]);
	});

	it('an intent cited unquoted at the start of a value, which YAML cannot read', () => {
		const problem = problemOfText(
			PRICE_CALL_YAML.replace('cues: [a minute, a moment]', 'cues: [@ask-for-a-minute]'),
			'yaml-reserved-start'
		);
		const { en, zh } = texts(problem);
		expect(en).toBe('A value cannot start with @: put it in quotes.');
		expect(zh).toBe('內容不能以 @ 開頭：請加上引號。');
	});
});

describe('problemText: fields by what they mean in the form', () => {
	it('names a key point’s cues, and an empty cue as its entry', () => {
		expect(
			problemText(
				problemAfter((d) => (d.beats.greet!.avoid[0]!.cues = []), 'too-few'),
				'en'
			)
		).toBe('In pitfall 1 of the beat “greet”, the cues must have at least one entry.');
		const entry = problemAfter((d) => (d.beats.greet!.expect[0]!.cues = ['my name', '']), 'empty');
		expect(problemText(entry, 'en')).toBe(
			'In key point 1 of the beat “greet”, write entry 2 of the cues, or remove it.'
		);
		expect(problemText(entry, 'zh-TW')).toBe(
			'在「greet」這一段的重點 1，請填寫提示詞的第 2 項，或把它刪除。'
		);
	});

	it('names the scenario’s own fields without a beat, starting with a capital', () => {
		expect(
			problemText(
				problemAfter((d) => (d.persona.name = ''), 'empty'),
				'en'
			)
		).toBe("Write the customer's name.");
		expect(
			problemText(
				problemAfter((d) => (d.minutes = null), 'required'),
				'zh-TW'
			)
		).toBe('請填寫時間限制。');
		expect(
			problemText(
				problemAfter((d) => (d.minutes = 45), 'too-large'),
				'en'
			)
		).toBe('The time limit must be at most 30.');
	});

	it('says a beat’s bad name, and a choice it must make, in the trainer’s language', () => {
		const badName = problemsOfText(PRICE_CALL_YAML.replace('  hangup:', '  Hang Up:')).find(
			(p) => p.code === 'id-format' && p.values.path.length === 2
		)!;
		expect(problemText(badName, 'en')).toBe(
			"In the beat “Hang Up”, the beat's name may use only lower-case letters, digits and hyphens, e.g. price-objection."
		);
		const ending = problemOfText(PRICE_CALL_YAML.replace('end: lost', 'end: maybe'), 'not-one-of');
		expect(problemText(ending, 'en')).toBe(
			'In the beat “hangup”, the ending must be one of: won, lost, neutral.'
		);
		expect(problemText(ending, 'zh-TW')).toBe(
			'在「hangup」這一段，結局必須是其中之一：won、lost、neutral。'
		);
	});

	it('gives a field it does not know a readable name: the beat and the field’s own key', () => {
		const unknown = problemOfText(
			PRICE_CALL_YAML.replace(
				"    customer: Hello? I'm busy.\n",
				"    customer: Hello? I'm busy.\n    colour: red\n"
			),
			'unknown-field'
		);
		expect(problemText(unknown, 'en')).toBe(
			'In the beat “greet”, there is no field “colour”: remove it, or check its spelling.'
		);
		expect(problemText(unknown, 'zh-TW')).toBe(
			'在「greet」這一段，沒有「colour」這個欄位：請刪除，或檢查拼字。'
		);
		expect(
			problemText({ code: 'required', values: { path: ['beats', 'greet', 'mood', 'level'] } }, 'en')
		).toBe('In the beat “greet”, write “level”.');
		expect(problemText({ code: 'not-list', values: { path: ['extras', 2, 'tags'] } }, 'en')).toBe(
			'“tags” must be a list.'
		);
	});

	it('names the parts of other kinds, with the form’s labels', () => {
		const parsed = parseContentFile(
			'en/quizzes/q.yaml',
			'id: q\ntitle: Q\nitems:\n  - type: choice\n    question: Which?\n    options: [A, B]\n    answer: 3\n    explanation: Because.\n'
		);
		if (parsed.ok) throw new Error('the quiz must be refused');
		expect(problemText(parsed.problems[0]!, 'en')).toBe(
			'In question 1, “Which option is right?” must be one of the options (they count from 1).'
		);
		expect(problemText(parsed.problems[0]!, 'zh-TW')).toBe(
			'在第 1 題，「哪一個選項正確？」必須是其中一個選項（從 1 開始數）。'
		);
	});
});

describe('problemText: a lexicon’s facts', () => {
	it('says which phrase is not written as a fact, and how to write one, in both languages', () => {
		const { problems } = checkContentFiles([
			{
				path: 'zh-TW/lexicon/facts.yaml',
				text: 'id: facts\ntitle: 事實\nintents:\n  - id: company-facts\n    meaning: 成立\n    phrases: [成立於台北]\n'
			}
		]);
		const [problem] = problems;
		expect(problem?.code).toBe('fact-form');
		const { en, zh } = texts(problem!);
		expect(en).toContain('“成立於台北” is not written as a fact');
		expect(zh).toContain('「成立於台北」不是事實的寫法');
		expect(englishIn(zh, 'phrases')).toEqual([]);
	});
});

describe('problemText: the playtest and the warnings', () => {
	it('says where the good replies stopped, with the outcome in the trainer’s language', () => {
		const ranOut = problemAfter((d) => (d.examples.good = ['Hi.']), 'good-fails');
		// The score is the engine's for 'Hi.' on the fixture (about 20); the wording is what is checked.
		const score = (ranOut.values as { score: number }).score;
		expect(score).toBeLessThan(70);
		expect(problemText(ranOut, 'en')).toBe(
			`The good replies must win with at least 70, but they ran out at the beat “greet” with ${score} (path: greet → greet). Write one reply for each beat on the way, and check that they contain the cues.`
		);
		const lost = problemAfter((d) => (d.examples.good = ['Hi.', 'Hi.', 'Hi.']), 'good-fails');
		expect(problemText(lost, 'zh-TW')).toContain('以「失敗」結束');
	});

	it('words a warning about a cue a bad answer hits', () => {
		// No pitfall catches the bad answers any longer, and a key point's cue is one of their words.
		const { warnings } = checkContentFiles([
			{
				path: FILE,
				text: PRICE_CALL_YAML.replace('cues: [discount]', 'cues: [special offer]').replace(
					'cues: [a minute, a moment]',
					'cues: [a minute, a moment, discount]'
				)
			}
		]);
		const warning = warnings.find((w) => w.code === 'cue-too-general');
		if (!warning) throw new Error(`no cue warning in ${JSON.stringify(warnings)}`);
		expect(problemText(warning, 'en')).toMatch(
			/^In the beat “greet”, the cue “discount” of the key point “Asks for a minute” also matches a bad answer/
		);
		expect(
			englishIn(
				problemText(warning, 'zh-TW'),
				warning.code === 'cue-too-general' ? warning.values.reply : '',
				'greet',
				'discount',
				'Asks for a minute'
			)
		).toEqual([]);
	});
});

describe('problemText: the message content:check prints stays English', () => {
	it('keeps the checker’s message as it was', () => {
		const problem = problemAfter((d) => (d.beats.price!.customer = ''), 'empty');
		expect(problem.message).toBe('beats.price.customer: must not be empty');
		expect(problem.line).toBeGreaterThan(1);
	});
});
