import { describe, expect, it } from 'vitest';
import { checkContentFiles, parseContentFile, type Scenario, type Series } from '../content';
import { compileScenario, readRolePlay, startRolePlay, step, validateScenario } from '../scenario';
import { callNotes, holds } from './check';
import { phrasebookOf } from '../scoring/lexicon';
import { CLOSING, FIRST_CALL, FOLLOW_UP, SERIES, seriesFiles } from './series.fixture';

function parsed<T>(path: string, text: string): T {
	const result = parseContentFile(path, text);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	return result.item.data as T;
}
const scenario = (id: string, text: string) => parsed<Scenario>(`en/scenarios/${id}.yaml`, text);
const SERIES_PATH = 'en/series/lin-hardware.yaml';
const lineOf = (text: string, needle: string) =>
	text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('a series file', () => {
	it('reads calls, days, meanwhile and notes, and a sound series has no problems', () => {
		const series = parsed<Series>(SERIES_PATH, SERIES);
		expect(series.calls).toEqual([
			{ scenario: 'first-call', daysAfter: 0 },
			{ scenario: 'follow-up', daysAfter: 3, meanwhile: 'He went to a trade fair.' },
			{ scenario: 'closing', daysAfter: 7 }
		]);
		expect(checkContentFiles(seriesFiles()).problems).toEqual([]);
	});

	it('refuses a call to a scenario that does not exist, at its line', () => {
		const text = SERIES.replace('scenario: closing', 'scenario: closing-call');
		expect(checkContentFiles(seriesFiles(text)).problems).toEqual([
			expect.objectContaining({
				file: SERIES_PATH,
				line: lineOf(text, 'closing-call'),
				code: 'missing-reference',
				values: { path: ['calls', 2, 'scenario'], kind: 'scenario', id: 'closing-call' }
			})
		]);
	});

	it('refuses a fact read before any call can set it: the follow-up played first', () => {
		const text = SERIES.replace('- { scenario: first-call }', '- { scenario: follow-up }').replace(
			'- { scenario: follow-up, daysAfter: 3',
			'- { scenario: first-call, daysAfter: 3'
		);
		const problems = checkContentFiles(seriesFiles(text)).problems;
		expect(problems).toEqual([
			expect.objectContaining({
				file: SERIES_PATH,
				line: lineOf(text, '- { scenario: follow-up }'),
				code: 'series-fact-unset',
				values: { call: 1, scenario: 'follow-up', fact: 'material-sent', beat: 'greet' },
				message:
					'call 1 ("follow-up") reads the fact "material-sent" at beat "greet", which no earlier call, nor this one before it, can set'
			})
		]);
	});

	it('accepts a fact a call sets itself before it reads it', () => {
		const selfContained = FOLLOW_UP.replace('start: greet', 'start: hello').replace(
			'beats:\n',
			'beats:\n  hello:\n    customer: Hi.\n    next:\n      - { goto: greet, set: { material-sent: false } }\n'
		);
		// (Without the first call, nothing names who decides: its evidence goes too.)
		const text = SERIES.replace('  - { scenario: first-call }\n', '').replace(
			/ {2}- \{ fact: decision-maker.*\n/,
			''
		);
		expect(
			checkContentFiles(seriesFiles(text, { 'follow-up': selfContained, closing: CLOSING }))
				.problems
		).toEqual([]);
	});

	it('refuses a call no path reaches: the call before it always ends lost with the facts it may start with', () => {
		// The catalogue is never sent at once, and the follow-up hangs up on anyone who did not send it…
		const promiseOnly = FIRST_CALL.replace(
			'      - { choice: 2, goto: won, set: { material-sent: true } }\n',
			''
		);
		const unforgiving = FOLLOW_UP.replace(
			'{ when: { material-sent: false }, choice: 1, goto: resent',
			'{ when: { material-sent: true }, choice: 1, goto: resent'
		);
		const problems = checkContentFiles(
			seriesFiles(SERIES, { 'first-call': promiseOnly, 'follow-up': unforgiving, closing: CLOSING })
		).problems;
		expect(problems.map((p) => [p.code, p.line, p.values])).toEqual([
			[
				'series-call-unreachable',
				lineOf(SERIES, 'scenario: closing'),
				{ call: 3, blocking: 2, scenario: 'follow-up' }
			]
		]);
		// …which the follow-up alone, as a graph, does not show: its won ending is there.
		expect(validateScenario(scenario('follow-up', unforgiving))).toEqual([]);
	});

	it('refuses a fact set with no note, and a value its note does not word', () => {
		const noTrial = SERIES.replace('  trial-booked: Trial booked.\n', '');
		const noTrue = SERIES.replace('    true: Catalogue sent.\n', '');
		expect(
			checkContentFiles(seriesFiles(noTrial)).problems.map((p) => [p.code, p.line, p.values])
		).toEqual([
			[
				'series-fact-no-note',
				lineOf(noTrial, 'scenario: follow-up'),
				{ call: 2, scenario: 'follow-up', fact: 'trial-booked', value: 'true' }
			]
		]);
		expect(
			checkContentFiles(seriesFiles(noTrue)).problems.map((p) => [p.code, p.line, p.values])
		).toEqual([
			[
				'series-fact-no-note',
				lineOf(noTrue, 'material-sent:'),
				{ call: 1, scenario: 'first-call', fact: 'material-sent', value: 'true' }
			]
		]);
	});

	it('checks a series against published scenarios when their files are not among those checked', () => {
		const published = {
			keys: ['scenario:en:first-call', 'scenario:en:follow-up', 'scenario:en:closing'],
			lexicons: [],
			citations: {},
			scenarios: [
				{ locale: 'en' as const, id: 'first-call', data: scenario('first-call', FIRST_CALL) },
				{ locale: 'en' as const, id: 'follow-up', data: scenario('follow-up', FOLLOW_UP) },
				{ locale: 'en' as const, id: 'closing', data: scenario('closing', CLOSING) }
			]
		};
		expect(checkContentFiles([{ path: SERIES_PATH, text: SERIES }], published).problems).toEqual(
			[]
		);
		expect(
			checkContentFiles(
				[{ path: SERIES_PATH, text: SERIES.replace('  trial-booked: Trial booked.\n', '') }],
				published
			).problems.map((p) => p.code)
		).toEqual(['series-fact-no-note']);
	});

	it('reads promises and evidence, a fact id standing for "set to anything but false"', () => {
		const series = parsed<Series>(SERIES_PATH, SERIES);
		expect(series.promises).toEqual([
			{
				id: 'send-catalogue',
				made: { 'material-sent': false },
				kept: { 'material-sent': true },
				label: 'Send him the catalogue'
			}
		]);
		expect(series.evidence.map((e) => [e.fact, e.strength])).toEqual([
			['decision-maker', 'medium'],
			['trial-booked', 'strong']
		]);
		expect(holds('decision-maker', { 'decision-maker': 'Mrs. Lin' })).toBe(true);
		expect(holds('material-sent', { 'material-sent': false })).toBe(false);
		expect(holds({ 'material-sent': false }, { 'material-sent': false })).toBe(true);
		expect(holds({ 'material-sent': false }, {})).toBe(false);
	});

	it('refuses a promise or an evidence item naming a fact, or a value, no call sets, at its line', () => {
		const text = SERIES.replace('kept: { material-sent: true }', 'kept: { material-sent: yes }')
			.replace('fact: trial-booked', 'fact: trial-signed')
			.replace('    label: Send him the catalogue', '    by: 4\n    label: Send him the catalogue');
		const problems = checkContentFiles(seriesFiles(text)).problems;
		expect(problems.map((p) => [p.code, p.line, p.values])).toEqual([
			[
				'series-unknown-fact',
				lineOf(text, 'kept: { material-sent: yes }'),
				{ list: 'promises', item: 1, fact: 'material-sent', value: 'yes' }
			],
			['series-promise-by', lineOf(text, 'by: 4'), { promise: 'send-catalogue', by: 4, calls: 3 }],
			[
				'series-unknown-fact',
				lineOf(text, 'fact: trial-signed'),
				{ list: 'evidence', item: 2, fact: 'trial-signed', value: null }
			]
		]);
	});

	it('refuses an evidence strength off the scale', () => {
		const text = SERIES.replace('strength: strong', 'strength: huge');
		expect(checkContentFiles(seriesFiles(text)).problems).toEqual([
			expect.objectContaining({ file: SERIES_PATH, line: lineOf(text, 'strength: huge') })
		]);
	});

	it('words the call notes from the facts, in the order the notes are written', () => {
		const series = parsed<Series>(SERIES_PATH, SERIES);
		expect(callNotes(series, { 'decision-maker': 'Mrs. Lin', 'material-sent': false })).toEqual([
			{ fact: 'material-sent', text: 'Promised the catalogue; not sent yet.' },
			{ fact: 'decision-maker', text: 'Decides: Mrs. Lin' }
		]);
		expect(callNotes(series, {})).toEqual([]);
	});
});

describe('facts in the role-play machine', () => {
	const first = compileScenario(scenario('first-call', FIRST_CALL));
	const followUp = compileScenario(scenario('follow-up', FOLLOW_UP));

	it('records the facts a rule sets, in the machine context of the snapshot', () => {
		const { snapshot } = startRolePlay(first);
		const { state } = step(first, snapshot, { mode: 'choice', choice: 1 });
		expect(state.ended).toBe('won');
		expect(state.context.facts).toEqual({ 'material-sent': false, 'decision-maker': 'Mrs. Lin' });
	});

	it('starts the next call with the facts: the customer remembers, and the rules read them', () => {
		const { snapshot, state } = startRolePlay(followUp, { facts: { 'material-sent': false } });
		expect(state.customer).toBe("You said you'd send the catalogue. I never got it.");
		const sent = step(followUp, snapshot, { mode: 'choice', choice: 1 });
		expect(sent.state.beat).toBe('resent');
		expect(sent.state.context.facts).toEqual({ 'material-sent': true });
		expect(readRolePlay(followUp, sent.snapshot).context.facts).toEqual({ 'material-sent': true });
		// Not sent and still not sending it: he hangs up.
		expect(step(followUp, snapshot, { mode: 'choice', choice: 2 }).state.ended).toBe('lost');
	});

	it('uses the plain line and skips the fact rules when the facts differ or are not set', () => {
		const sent = startRolePlay(followUp, { facts: { 'material-sent': true } });
		expect(sent.state.customer).toBe('I got your catalogue.');
		expect(
			step(followUp, sent.snapshot, { mode: 'choice', choice: 1 }).state.context.facts
		).toEqual({ 'material-sent': true, 'trial-booked': true });
		const alone = startRolePlay(followUp);
		expect(alone.state.customer).toBe('Hello?');
		expect(step(followUp, alone.snapshot, { mode: 'choice', choice: 1 }).state.ended).toBe('won');
	});

	it('scores a reply against the line the rep heard: the variant the facts chose, not the plain line', () => {
		// "Off-topic" is a reply with nothing of the call's words and nothing of what the customer said.
		const phrasebook = phrasebookOf([
			{ intents: [{ id: 'on-topic', meaning: 'the call', phrases: ['platform'] }], rules: [] }
		]);
		const remembering = compileScenario(scenario('follow-up', FOLLOW_UP), phrasebook);
		const reply = 'Yes, the catalogue: it went out this morning.';
		const promised = startRolePlay(remembering, { facts: { 'material-sent': false } });
		expect(promised.state.customer).toContain('catalogue');
		expect(
			step(remembering, promised.snapshot, { mode: 'text', reply }).turn.result.flags
		).not.toContain('off-topic');
		// Without the facts he only says "Hello?", and the same reply is about nothing he said.
		const plain = startRolePlay(remembering);
		expect(step(remembering, plain.snapshot, { mode: 'text', reply }).turn.result.flags).toContain(
			'off-topic'
		);
	});

	it('reads a snapshot stored before facts existed as one with none', () => {
		const { snapshot } = startRolePlay(followUp);
		const old = structuredClone(snapshot) as unknown as { context: Record<string, unknown> };
		delete old.context.facts;
		expect(readRolePlay(followUp, old as unknown as typeof snapshot).customer).toBe('Hello?');
		expect(
			step(followUp, old as unknown as typeof snapshot, { mode: 'choice', choice: 2 }).state.context
				.facts
		).toEqual({ 'trial-booked': true });
	});

	it('treats a rule with facts as a condition: it cannot be the last rule', () => {
		const data = scenario('closing', CLOSING);
		data.beats['greet']!.next = [{ when: { 'trial-booked': true }, goto: 'won' }];
		expect(validateScenario(data).map((p) => p.code)).toEqual(['last-rule']);
	});
});
