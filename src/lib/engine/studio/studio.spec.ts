import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as v from 'valibot';
import { readFileSync } from 'node:fs';
import { changesOnly, lineDiff } from './diff';
import { scenarioGraph } from './graph';
import { scenarioSchema } from '../content/schemas';

describe('lineDiff', () => {
	it('marks removed and added lines between two revisions', () => {
		expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
			{ type: 'same', text: 'a' },
			{ type: 'removed', text: 'b' },
			{ type: 'added', text: 'B' },
			{ type: 'same', text: 'c' },
			{ type: 'added', text: 'd' }
		]);
	});

	it('is all "same" for identical texts, and keeps only changes with context', () => {
		expect(lineDiff('x\ny', 'x\ny').every((l) => l.type === 'same')).toBe(true);
		const long = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n');
		const changed = changesOnly(lineDiff(long, long.replace('line 5', 'line five')), 1);
		expect(changed.filter(Boolean).map((l) => l!.text)).toEqual([
			'line 4',
			'line 5',
			'line five',
			'line 6'
		]);
		expect(changed[0]).toBeNull();
	});
});

describe('scenarioGraph', () => {
	const scenario = v.parse(
		scenarioSchema,
		parse(readFileSync('content/en/scenarios/renewal-price-objection.yaml', 'utf8'))
	);

	it('puts the start on top, every beat once, and an edge per rule', () => {
		const graph = scenarioGraph(scenario);
		expect(graph.nodes.find((n) => n.id === scenario.start)!.y).toBe(
			Math.min(...graph.nodes.map((n) => n.y))
		);
		expect(graph.nodes.map((n) => n.id).sort()).toEqual(Object.keys(scenario.beats).sort());
		expect(graph.edges).toHaveLength(
			Object.values(scenario.beats).reduce((n, b) => n + b.next.length, 0)
		);
		expect(graph.nodes.filter((n) => n.end === 'won')).toHaveLength(1);
	});

	it('marks an unreachable beat', () => {
		const broken = {
			...scenario,
			beats: {
				...scenario.beats,
				orphan: {
					customer: '?',
					expect: [],
					avoid: [],
					choices: [],
					next: [{ goto: scenario.start }],
					examples: { good: [], bad: [] }
				}
			}
		};
		expect(scenarioGraph(broken).nodes.find((n) => n.id === 'orphan')).toMatchObject({
			unreachable: true
		});
	});

	it('marks a dead end, and only that beat', () => {
		const stuck = {
			customer: '?',
			expect: [],
			avoid: [],
			choices: [],
			next: [{ goto: 'stuck' }],
			examples: { good: [], bad: [] }
		};
		const broken = {
			...scenario,
			beats: {
				...scenario.beats,
				stuck,
				[scenario.start]: { ...scenario.beats[scenario.start]!, next: [{ goto: 'stuck' }] }
			}
		};
		const nodes = scenarioGraph(broken).nodes;
		expect(nodes.filter((n) => n.deadEnd).map((n) => n.id)).toEqual(
			expect.arrayContaining(['stuck', scenario.start])
		);
		expect(nodes.filter((n) => n.deadEnd).every((n) => n.end === null)).toBe(true);
		expect(scenarioGraph(scenario).nodes.some((n) => n.deadEnd)).toBe(false);
	});
});
