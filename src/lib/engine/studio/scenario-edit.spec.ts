import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { readDraft, writeDraft, type DraftData, type RuleDraft } from '../content/draft';
import { checkContentFiles, NOTHING_PUBLISHED } from '../content/check';
import type { CodedProblem } from '../content/problems';
import { shippedLexicons } from '../content/shipped-lexicons.fixture';
import {
	addBeat,
	beatIdProblem,
	checkBeatName,
	firstWords,
	moveBeat,
	referencesTo,
	removeBeat,
	renameBeat,
	ruleCondition,
	setRuleCondition,
	toBeatId,
	usualRules
} from './scenario-edit';
import { pathAtLine } from './locate';
import { PRICE_CALL_YAML } from '../../testing/price-call.fixture';

const FILE = 'en/scenarios/renewal-price-objection.yaml';

function demo(): DraftData['scenario'] {
	const read = readDraft('scenario', readFileSync(`content/${FILE}`, 'utf8'));
	if (!read.ok || read.draft.kind !== 'scenario')
		throw new Error('the demo scenario must read as a draft');
	return read.draft.data;
}

// The demo scenario links script entries; they count as there, as in the studio.
const SCRIPTS = new Set(
	readdirSync('content/en/scripts').map((name) => `script:en:${name.replace(/\.md$/, '')}`)
);

function problemsOf(data: DraftData['scenario']): string[] {
	const text = writeDraft({ kind: 'scenario', data, body: '' });
	return checkContentFiles([{ path: FILE, text }], {
		...NOTHING_PUBLISHED,
		keys: [...SCRIPTS],
		lexicons: shippedLexicons()
	}).problems.map((p) => p.message);
}

describe('beat ids', () => {
	it('turns what a trainer types into an id', () => {
		expect(toBeatId('  Price Objection ')).toBe('price-objection');
		expect(toBeatId('second_try -- again')).toBe('second-try-again');
		expect(toBeatId('太貴了')).toBe('');
	});

	it('says why an id cannot be used', () => {
		const beats = { greet: {}, won: {} };
		expect(beatIdProblem(beats, '')).toBe('empty');
		expect(beatIdProblem(beats, 'Price')).toBe('format');
		expect(beatIdProblem(beats, 'price--again')).toBe('format');
		expect(beatIdProblem(beats, '42')).toBe('digits');
		expect(beatIdProblem(beats, 'a'.repeat(81))).toBe('long');
		expect(beatIdProblem(beats, 'won')).toBe('taken');
		expect(beatIdProblem(beats, 'won', 'won')).toBeNull();
		expect(beatIdProblem(beats, 'price-2')).toBeNull();
	});

	it('checks a typed name as the id it becomes', () => {
		const beats = { greet: {}, won: {} };
		expect(checkBeatName(beats, 'Price objection')).toEqual({
			id: 'price-objection',
			problem: null
		});
		expect(checkBeatName(beats, '太貴了')).toEqual({ id: '', problem: 'format' });
		expect(checkBeatName(beats, '  ')).toEqual({ id: '', problem: 'empty' });
		expect(checkBeatName(beats, 'Won')).toEqual({ id: 'won', problem: 'taken' });
		expect(checkBeatName(beats, 'Won', 'won')).toEqual({ id: 'won', problem: null });
	});
});

describe('editing beats', () => {
	it('renames a beat where it stands and points the start and every rule at the new id', () => {
		const data = demo();
		const order = Object.keys(data.beats);
		const start = data.start;
		const before = referencesTo(data, start);
		expect(before.start).toBe(true);
		renameBeat(data, start, 'first-line');
		expect(Object.keys(data.beats)).toEqual(order.map((id) => (id === start ? 'first-line' : id)));
		expect(data.start).toBe('first-line');
		const renamed = before.rules.map(({ beat, rule }) => ({
			beat: beat === start ? 'first-line' : beat,
			rule
		}));
		expect(referencesTo(data, 'first-line').rules).toEqual(renamed);
		expect(referencesTo(data, start)).toEqual({ start: false, rules: [] });
		expect(problemsOf(data)).toEqual([]);
	});

	it('names the rules that go to a beat, and removing it leaves them for the trainer to re-point', () => {
		const data = demo();
		const target = Object.keys(data.beats).find(
			(id) => id !== data.start && referencesTo(data, id).rules.length > 0
		)!;
		const refs = referencesTo(data, target).rules.filter(({ beat }) => beat !== target);
		removeBeat(data, target);
		expect(data.beats[target]).toBeUndefined();
		for (const { beat, rule } of refs) expect(data.beats[beat]?.next[rule - 1]?.goto).toBe(target);
		expect(problemsOf(data)).toContain(
			`beat "${refs[0]!.beat}" goes to "${target}", which is not a beat`
		);
	});

	it('moves a beat up and down within the list, which changes only the order in the file', () => {
		const data = demo();
		const ids = Object.keys(data.beats);
		moveBeat(data, ids[2]!, -1);
		expect(Object.keys(data.beats).slice(0, 3)).toEqual([ids[0], ids[2], ids[1]]);
		moveBeat(data, ids[0]!, -1);
		expect(Object.keys(data.beats)[0]).toBe(ids[0]);
		const last = ids[ids.length - 1]!;
		moveBeat(data, last, 1);
		expect(Object.keys(data.beats).at(-1)).toBe(last);
		expect(problemsOf(data)).toEqual([]);
	});

	it('builds a scenario from an empty draft with added beats and the usual rules, and the checker accepts it', () => {
		const read = readDraft('scenario', 'id: renewal-price-objection\ntitle: New\n');
		if (!read.ok || read.draft.kind !== 'scenario') throw new Error('unreadable');
		const data = read.draft.data;
		Object.assign(data, { minutes: 8, pass: 60, start: 'greet' });
		data.persona = { name: 'Mr Lee', role: 'Owner', company: 'Lee Hardware' };
		addBeat(data, 'won', 'won');
		addBeat(data, 'lost', 'lost');
		addBeat(data, 'greet', '');
		expect(Object.keys(data.beats)).toEqual(['won', 'lost', 'greet']);
		data.beats.won!.customer = 'All right.';
		data.beats.lost!.customer = 'No thanks.';
		const greet = data.beats.greet!;
		greet.customer = 'Hello?';
		greet.expect.push({ point: 'Says who they are', cues: ['my name'] });
		greet.next = usualRules(data, 'greet');
		expect(greet.next.map((rule) => rule.goto)).toEqual(['won', 'greet', 'lost']);
		data.examples.good.push('Hello, my name is Kevin.');
		expect(problemsOf(data)).toEqual([]);
	});

	it('gives a rule one condition at a time, and leaves a rule with several as it is', () => {
		const rule: RuleDraft = { goto: 'won' };
		expect(ruleCondition(rule)).toBe('always');
		setRuleCondition(rule, 'score');
		expect(rule).toEqual({ goto: 'won', minScore: 0.7 });
		setRuleCondition(rule, 'tries');
		expect(rule).toEqual({ goto: 'won', maxTries: 2 });
		expect(ruleCondition({ goto: 'won', minScore: null, choice: 3 })).toBe('choice');
		const several: RuleDraft = { goto: 'won', minScore: 0.5, choice: 2 };
		expect(ruleCondition(several)).toBe('several');
		setRuleCondition(several, 'several');
		expect(several).toEqual({ goto: 'won', minScore: 0.5, choice: 2 });
		setRuleCondition(several, 'always');
		expect(several).toEqual({ goto: 'won' });
	});

	it('shortens a customer line for a summary', () => {
		expect(firstWords('  Hello?\n  Who is this? ')).toBe('Hello? Who is this?');
		expect(firstWords('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
	});
});

describe('pathAtLine', () => {
	const text = [
		'id: x',
		'beats:',
		'  greet:',
		'    customer: Hello?',
		'    expect:',
		'      - point: Says who',
		'        cues: [my name]',
		'  won: { end: won, customer: Fine. }',
		'examples:',
		'  good:',
		'    - Hi'
	].join('\n');

	it('finds the field a line of the file belongs to', () => {
		expect(pathAtLine('scenario', text, 1)).toEqual(['id']);
		expect(pathAtLine('scenario', text, 3)).toEqual(['beats', 'greet']);
		expect(pathAtLine('scenario', text, 4)).toEqual(['beats', 'greet', 'customer']);
		expect(pathAtLine('scenario', text, 7)).toEqual(['beats', 'greet', 'expect', 0, 'cues']);
		expect(pathAtLine('scenario', text, 8)).toEqual(['beats', 'won']);
		expect(pathAtLine('scenario', text, 11)).toEqual(['examples', 'good', 0]);
		expect(pathAtLine('scenario', text, 99)).toEqual([]);
	});

	it('counts the front matter lines of a Markdown kind', () => {
		expect(pathAtLine('article', '---\nid: a\ntitle: T\n---\n# Body\n', 3)).toEqual(['title']);
		expect(pathAtLine('article', '---\nid: a\ntitle: T\n---\n# Body\n', 5)).toEqual([]);
	});

	it('agrees with the line the checker gives for a problem', () => {
		const data = demo();
		const beat = Object.keys(data.beats).find((id) => !data.beats[id]!.end)!;
		data.beats[beat]!.expect[0]!.cues = [];
		const written = writeDraft({ kind: 'scenario', data, body: '' });
		const [problem] = checkContentFiles([{ path: FILE, text: written }], {
			...NOTHING_PUBLISHED,
			keys: [...SCRIPTS],
			lexicons: shippedLexicons()
		}).problems;
		expect(problem!.message).toBe(`beats.${beat}.expect[0].cues: needs at least one cue`);
		expect(pathAtLine('scenario', written, problem!.line)).toEqual([
			'beats',
			beat,
			'expect',
			0,
			'cues'
		]);
	});
});

describe("the checker's problem codes", () => {
	/** The checker's problems after a change to the sound fixture, as codes with their values. */
	function codesAfter(change: (data: DraftData['scenario']) => void): CodedProblem[] {
		const read = readDraft('scenario', PRICE_CALL_YAML);
		if (!read.ok || read.draft.kind !== 'scenario') throw new Error('unreadable');
		change(read.draft.data);
		const text = writeDraft(read.draft);
		return checkContentFiles([{ path: 'en/scenarios/price-call.yaml', text }]).problems.map(
			({ file: _file, line: _line, message: _message, ...coded }) => coded
		);
	}

	it('starts from a sound scenario', () => {
		expect(codesAfter(() => {})).toEqual([]);
	});

	it('gives every graph problem its code, with the beat and the rule or key point it is about', () => {
		expect(codesAfter((d) => (d.start = 'opening'))).toEqual([
			{ code: 'start-missing', values: { start: 'opening' } }
		]);
		expect(codesAfter((d) => d.beats.signed!.next.push({ goto: 'hangup' }))).toEqual([
			{ code: 'ending-extras', values: { beat: 'signed' } }
		]);
		expect(codesAfter((d) => (d.beats.price!.next = []))).toEqual([
			{ code: 'no-rules', values: { beat: 'price' } }
		]);
		expect(codesAfter((d) => (d.beats.greet!.next[2]!.goto = 'gone'))).toEqual([
			{ code: 'goto-missing', values: { beat: 'greet', rule: 3, goto: 'gone' } }
		]);
		expect(codesAfter((d) => (d.beats.greet!.next[0] = { choice: 3, goto: 'price' }))).toEqual([
			{ code: 'choice-missing', values: { beat: 'greet', rule: 1, choice: 3, count: 2 } }
		]);
		expect(codesAfter((d) => (d.beats.price!.next[1]!.maxTries = 2))).toEqual([
			{ code: 'last-rule', values: { beat: 'price', rule: 2 } }
		]);
		expect(codesAfter((d) => (d.beats.greet!.expect[0]!.criterion = 'closing'))).toEqual([
			{
				code: 'criterion',
				values: {
					beat: 'greet',
					point: 1,
					criterion: 'closing',
					criteria: ['opening', 'objection']
				}
			}
		]);
		expect(codesAfter((d) => addBeat(d, 'later', 'neutral'))).toEqual([
			{ code: 'empty', values: { path: ['beats', 'later', 'customer'] } }
		]);
		expect(
			codesAfter((d) => {
				addBeat(d, 'later', 'neutral');
				d.beats.later!.customer = 'Call me later.';
			})
		).toEqual([{ code: 'unreachable', values: { beat: 'later', start: 'greet' } }]);
		expect(
			codesAfter((d) => {
				addBeat(d, 'stuck', '');
				d.beats.stuck!.customer = 'Hm.';
				d.beats.stuck!.next = [{ goto: 'stuck' }];
				d.beats.greet!.next[0]!.goto = 'stuck';
			})
		).toContainEqual({ code: 'dead-end', values: { beat: 'stuck' } });
		expect(codesAfter((d) => (d.beats.signed!.end = 'neutral'))).toEqual([
			{ code: 'no-won', values: {} }
		]);
	});

	it('gives the playtest its codes, and a field left empty in the form its path', () => {
		const goodFails = codesAfter((d) => (d.examples.good = ['Hi.']));
		expect(goodFails).toEqual([
			{
				code: 'good-fails',
				values: { pass: 70, score: expect.any(Number), beats: ['greet', 'greet'], ended: null }
			}
		]);
		// The score the trainer is shown is the one that missed the pass line.
		expect((goodFails[0]!.values as { score: number }).score).toBeLessThan(70);
		expect(codesAfter((d) => (d.examples.bad = d.examples.good))).toEqual([
			{
				code: 'bad-passes',
				values: { score: expect.any(Number), beats: ['greet', 'price', 'signed'] }
			}
		]);
		expect(codesAfter((d) => (d.persona.name = ''))).toEqual([
			{ code: 'empty', values: { path: ['persona', 'name'] } }
		]);
		expect(codesAfter((d) => (d.minutes = null))).toEqual([
			{ code: 'required', values: { path: ['minutes'] } }
		]);
		expect(codesAfter((d) => (d.beats.greet!.expect[0]!.cues = ['']))).toEqual([
			{ code: 'empty', values: { path: ['beats', 'greet', 'expect', 0, 'cues', 0] } }
		]);
		expect(codesAfter((d) => (d.beats.greet!.avoid[0]!.cues = []))).toEqual([
			{ code: 'too-few', values: { path: ['beats', 'greet', 'avoid', 0, 'cues'], min: 1 } }
		]);
		// An empty id is empty, not badly written.
		expect(codesAfter((d) => (d.beats.greet!.next[2]!.goto = ''))).toEqual([
			{ code: 'empty', values: { path: ['beats', 'greet', 'next', 2, 'goto'] } }
		]);
		expect(codesAfter((d) => (d.beats.greet!.next[2]!.goto = 'Hang up'))).toEqual([
			{ code: 'id-format', values: { path: ['beats', 'greet', 'next', 2, 'goto'] } }
		]);
	});

	it('keeps the English message content:check prints', () => {
		const read = readDraft('scenario', PRICE_CALL_YAML);
		if (!read.ok || read.draft.kind !== 'scenario') throw new Error('unreadable');
		read.draft.data.beats.greet!.next[2]!.goto = 'gone';
		const [problem] = checkContentFiles([
			{ path: 'en/scenarios/price-call.yaml', text: writeDraft(read.draft) }
		]).problems;
		expect(problem).toMatchObject({
			message: 'beat "greet" goes to "gone", which is not a beat',
			code: 'goto-missing'
		});
	});
});
