import { describe, expect, it } from 'vitest';
import { priceCall } from '../../testing/price-call.fixture';
import {
	compileScenario,
	endingScoreRanges,
	playtestScenario,
	readRolePlay,
	startRolePlay,
	step,
	timeOut,
	validateScenario
} from './index';

const load = priceCall;

describe('validateScenario', () => {
	it('accepts a sound scenario', () => {
		expect(validateScenario(load())).toEqual([]);
	});

	it('reports an unreachable beat, naming it', () => {
		const scenario = load();
		scenario.beats['orphan'] = {
			customer: 'Hm?',
			expect: [],
			avoid: [],
			choices: [],
			next: [{ goto: 'hangup' }],
			examples: { good: [], bad: [] }
		};
		expect(validateScenario(scenario)).toEqual([
			{
				path: ['beats', 'orphan'],
				message: 'beat "orphan" cannot be reached from the start beat "greet"',
				code: 'unreachable',
				values: { beat: 'orphan', start: 'greet' }
			}
		]);
	});

	it('reports a rule pointing at an unknown beat, and a missing fallback', () => {
		const scenario = load();
		scenario.beats['price']!.next = [{ minScore: 0.6, goto: 'contract' }];
		expect(validateScenario(scenario).map((p) => p.message)).toEqual([
			'beat "price" goes to "contract", which is not a beat',
			'beat "price": the last rule must have no condition, so that every reply leads somewhere'
		]);
	});

	it('reports a dead end: a loop with no way to an ending', () => {
		const scenario = load();
		scenario.beats['price']!.next = [{ goto: 'loop' }];
		scenario.beats['loop'] = {
			customer: 'And?',
			expect: [],
			avoid: [],
			choices: [],
			next: [{ goto: 'price' }],
			examples: { good: [], bad: [] }
		};
		expect(validateScenario(scenario).map((p) => p.message)).toEqual([
			'beat "signed" cannot be reached from the start beat "greet"',
			'beat "price" is a dead end: no ending can be reached from it',
			'beat "loop" is a dead end: no ending can be reached from it',
			'no won ending can be reached'
		]);
	});

	it('reports a key point feeding a criterion the scenario does not list', () => {
		const scenario = load();
		scenario.beats['greet']!.expect[0]!.criterion = 'closing';
		expect(validateScenario(scenario)[0]!.message).toContain(
			'criterion "closing" is not in the scenario\'s criteria'
		);
	});
});

describe('step', () => {
	const compiled = compileScenario(load());

	it('starts at the start beat with the customer’s line', () => {
		const { state } = startRolePlay(compiled);
		expect(state).toMatchObject({
			beat: 'greet',
			customer: "Hello? I'm busy.",
			ended: null,
			score: 0
		});
	});

	it('moves on after a good reply and scores it', () => {
		const start = startRolePlay(compiled);
		const { state, turn } = step(compiled, start.snapshot, {
			mode: 'text',
			reply: 'Good morning, this is Kevin calling from MetalHub. Do you have a minute?'
		});
		expect(turn.result.points.every((p) => p.hit)).toBe(true);
		expect(turn.next).toBe('price');
		expect(state).toMatchObject({ beat: 'price', customer: "It's too expensive.", ended: null });
		expect(state.score).toBe(100);
	});

	it('re-asks in other words after a weak reply, then hangs up after the second', () => {
		const start = startRolePlay(compiled);
		const first = step(compiled, start.snapshot, {
			mode: 'text',
			reply: 'Hello there, nice weather today, is it not lovely?'
		});
		expect(first.state).toMatchObject({
			beat: 'greet',
			customer: 'Who is this? Get to the point.',
			ended: null
		});
		const second = step(
			compiled,
			first.snapshot,
			{ mode: 'text', reply: 'We sell a platform, you should buy it from us now.' },
			[first.turn.reply]
		);
		expect(second.state).toMatchObject({ beat: 'hangup', ended: 'lost' });
	});

	it('scores a multiple-choice turn by the quality of the option picked', () => {
		const start = startRolePlay(compiled);
		const bad = step(compiled, start.snapshot, { mode: 'choice', choice: 2 });
		expect(bad.turn).toMatchObject({
			reply: 'We have a discount on now, want it?',
			choice: 2,
			score: 0
		});
		expect(bad.state.beat).toBe('greet');
		expect(() => step(compiled, start.snapshot, { mode: 'choice', choice: 5 })).toThrow(
			'no choice 5'
		);
	});

	it('survives a JSON round trip of the snapshot, as the database stores it', () => {
		const start = startRolePlay(compiled);
		const first = step(compiled, start.snapshot, {
			mode: 'text',
			reply: 'Good morning, this is Kevin calling from MetalHub. Do you have a minute?'
		});
		const stored = JSON.parse(JSON.stringify(first.snapshot));
		expect(readRolePlay(compiled, stored)).toEqual(first.state);
		const second = step(compiled, stored, {
			mode: 'text',
			reply: 'I understand. How many inquiries do you get a month?'
		});
		expect(second.state.ended).toBe('won');
	});

	it('is the same every time for the same input', () => {
		const start = startRolePlay(compiled);
		const a = step(compiled, start.snapshot, { mode: 'text', reply: 'This is Kevin. A minute?' });
		const b = step(compiled, start.snapshot, { mode: 'text', reply: 'This is Kevin. A minute?' });
		expect(a).toEqual(b);
	});

	it('ends on time-out, and refuses replies after the end', () => {
		const start = startRolePlay(compiled);
		const ended = timeOut(compiled, start.snapshot);
		expect(ended.state.ended).toBe('timeout');
		expect(() => step(compiled, ended.snapshot, { mode: 'text', reply: 'Hello?' })).toThrow(
			'ended'
		);
	});
});

describe('playtestScenario', () => {
	it('passes when the good examples win and the bad ones do not', () => {
		const { runs, problems } = playtestScenario(load());
		expect(problems).toEqual([]);
		expect(runs.map((r) => [r.kind, r.ended, r.passed])).toEqual([
			['good', 'won', true],
			['bad', 'lost', false]
		]);
	});

	it('fails when the good examples do not reach a win, saying where they stopped', () => {
		const scenario = load();
		scenario.examples.good = ['Hello?', 'Anyone there?'];
		const { problems } = playtestScenario(scenario);
		expect(problems[0]!.path).toEqual(['examples', 'good']);
		expect(problems[0]!.message).toContain('ended lost at "hangup"');
	});
});

describe('endingScoreRanges', () => {
	it('gives the score range each ending can be reached with', () => {
		const ranges = endingScoreRanges(load());
		expect(ranges).toEqual([
			// Lost at most after a perfect opening and a price answer just under 0.6: (3×1 + 3×0.6) ÷ 6.
			{ beat: 'hangup', outcome: 'lost', min: 0, max: 80 },
			// Won at least after a failed first try, then 0.6 twice: (0 + 3×0.6 + 3×0.6) ÷ 9.
			{ beat: 'signed', outcome: 'won', min: 40, max: 100 }
		]);
	});

	it('leaves out paths through a beat that does not exist, as while a trainer is still writing', () => {
		const scenario = load();
		delete scenario.beats.hangup;
		expect(endingScoreRanges(scenario).map((range) => range.beat)).toEqual(['signed']);
		expect(endingScoreRanges({ ...scenario, start: 'missing' })).toEqual([]);
	});
});

describe('step with an interviewer’s judgement (live interviews)', () => {
	const compiled = compileScenario(load());

	it('moves the machine by the judged score', () => {
		const start = startRolePlay(compiled);
		const handled = step(compiled, start.snapshot, {
			mode: 'judged',
			score: 1,
			note: 'Clear opening'
		});
		expect(handled.state.beat).toBe('price');
		expect(handled.turn).toMatchObject({ reply: 'Clear opening', score: 1 });
		const notHandled = step(compiled, start.snapshot, { mode: 'judged', score: 0 });
		expect(notHandled.state).toMatchObject({ beat: 'greet', customer: "Hello? I'm busy." });
	});

	it('on "partly" pushes back with the re-ask line; on "not handled" puts the beat’s own line again, never the re-ask line', () => {
		const start = startRolePlay(compiled);
		const partly = step(compiled, start.snapshot, {
			mode: 'judged',
			score: 0.5,
			note: 'Said his name only'
		});
		expect(partly.state).toMatchObject({
			beat: 'greet',
			customer: 'Who is this? Get to the point.'
		});
		const not = step(compiled, start.snapshot, { mode: 'judged', score: 0 });
		expect(not.state).toMatchObject({ beat: 'greet', customer: "Hello? I'm busy." });
		expect(not.turn).toMatchObject({ beat: 'greet', next: 'greet', score: 0, reply: '' });
		// The tries still count: a second "not handled" takes the scenario's way out.
		expect(step(compiled, not.snapshot, { mode: 'judged', score: 0 }).state).toMatchObject({
			beat: 'hangup',
			ended: 'lost'
		});
		// A typed reply that scores nothing is not a verdict: it keeps the scenario's re-ask line.
		expect(step(compiled, start.snapshot, { mode: 'text', reply: 'um' }).state.customer).toBe(
			'Who is this? Get to the point.'
		);
	});

	it('refuses a judgement outside 0 to 1', () => {
		expect(() =>
			step(compiled, startRolePlay(compiled).snapshot, { mode: 'judged', score: 2 })
		).toThrow('0 to 1');
	});
});
