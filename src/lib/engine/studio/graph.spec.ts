import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as v from 'valibot';
import { readdirSync, readFileSync } from 'node:fs';
import {
	edgePath,
	NODE_HEIGHT,
	NODE_WIDTH,
	scenarioGraph,
	type GraphEdge,
	type GraphNode,
	type Point,
	type ScenarioGraph
} from './graph';
import { scenarioSchema, type Scenario } from '../content/schemas';

const shipped: { name: string; scenario: Scenario }[] = ['en', 'zh-TW'].flatMap((locale) =>
	readdirSync(`content/${locale}/scenarios`)
		.filter((file) => file.endsWith('.yaml'))
		.map((file) => ({
			name: `${locale}/${file}`,
			scenario: v.parse(
				scenarioSchema,
				parse(readFileSync(`content/${locale}/scenarios/${file}`, 'utf8'))
			)
		}))
);
const size = (s: Scenario): number =>
	Object.values(s.beats).reduce((n, beat) => n + 1 + beat.next.length, 0);
const largest = shipped.reduce((a, b) => (size(b.scenario) > size(a.scenario) ? b : a));

interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
const TOLERANCE = 1;
const boxOf = (node: GraphNode): Box => ({
	left: node.x,
	top: node.y,
	right: node.x + NODE_WIDTH,
	bottom: node.y + NODE_HEIGHT
});
const shrunk = (b: Box, by: number): Box => ({
	left: b.left + by,
	top: b.top + by,
	right: b.right - by,
	bottom: b.bottom - by
});
const overlap = (a: Box, b: Box): boolean =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const around = (points: Point[]): Box => ({
	left: Math.min(...points.map((p) => p.x)),
	top: Math.min(...points.map((p) => p.y)),
	right: Math.max(...points.map((p) => p.x)),
	bottom: Math.max(...points.map((p) => p.y))
});
/** How far a point is from a box's border (0 on it). */
const offBorder = (p: Point, b: Box): number => {
	const inside = p.x >= b.left && p.x <= b.right && p.y >= b.top && p.y <= b.bottom;
	if (inside) return Math.min(p.x - b.left, b.right - p.x, p.y - b.top, b.bottom - p.y);
	return Math.hypot(
		Math.max(b.left - p.x, 0, p.x - b.right),
		Math.max(b.top - p.y, 0, p.y - b.bottom)
	);
};
const labelBoxOf = (edge: GraphEdge): Box | null =>
	edge.labelBox && {
		left: edge.labelBox.x,
		top: edge.labelBox.y,
		right: edge.labelBox.x + edge.labelBox.width,
		bottom: edge.labelBox.y + edge.labelBox.height
	};

/** Every property the drawing must have, whatever the scenario. */
function expectReadable(graph: ScenarioGraph, scenario: Scenario): void {
	const box = new Map(graph.nodes.map((n) => [n.id, boxOf(n)]));
	expect(graph.nodes.map((n) => n.id).sort()).toEqual(Object.keys(scenario.beats).sort());
	// No two beat boxes overlap (nor touch: a line must fit between them).
	for (const [i, a] of graph.nodes.entries())
		for (const b of graph.nodes.slice(i + 1))
			expect(overlap(shrunk(boxOf(a), -10), boxOf(b)), `${a.id} and ${b.id}`).toBe(false);
	// The start is on top, alone.
	const startY = graph.nodes.find((n) => n.id === scenario.start)!.y;
	expect(graph.nodes.filter((n) => n.id !== scenario.start).every((n) => n.y > startY)).toBe(true);
	for (const edge of graph.edges.filter((e) => e.points.length > 0)) {
		const name = `${edge.from} → ${edge.to} ${edge.label}`;
		const [first, last] = [edge.points[0]!, edge.points.at(-1)!];
		// It starts on its source box's border and ends on its target's.
		expect(offBorder(first, box.get(edge.from)!), name).toBeLessThanOrEqual(TOLERANCE);
		expect(offBorder(last, box.get(edge.to)!), name).toBeLessThanOrEqual(TOLERANCE);
		// No piece passes through a third beat's box. A piece is tested by the rectangle around it,
		// which also holds the curve the component draws through it.
		const pieces = edge.loop
			? [edge.points]
			: edge.points.slice(1).map((p, i) => [edge.points[i]!, p]);
		for (const piece of pieces)
			for (const node of graph.nodes.filter((n) => n.id !== edge.from && n.id !== edge.to))
				expect(
					overlap(around(piece), shrunk(boxOf(node), TOLERANCE)),
					`${name} through ${node.id}`
				).toBe(false);
		// And the whole drawing fits in its frame.
		for (const p of edge.points)
			expect(p.x >= 0 && p.x <= graph.width && p.y >= 0 && p.y <= graph.height, name).toBe(true);
		expect(edgePath(edge)).toMatch(/^M [\d.]+ [\d.]+ [CL]/);
	}
	// Labels sit clear of every box and of one another.
	const labels = graph.edges.flatMap((e) =>
		labelBoxOf(e) ? [{ edge: e, at: labelBoxOf(e)! }] : []
	);
	for (const [i, a] of labels.entries()) {
		for (const node of graph.nodes)
			expect(overlap(a.at, boxOf(node)), `label ${a.edge.from} → ${a.edge.to} on ${node.id}`).toBe(
				false
			);
		for (const b of labels.slice(i + 1))
			expect(
				overlap(a.at, b.at),
				`labels ${a.edge.from} → ${a.edge.to} and ${b.edge.from} → ${b.edge.to}`
			).toBe(false);
	}
}

/** A loop leaves its box's right side, stays beside the box (between its top and bottom), and comes back in lower down. */
function expectLoopsBeside(graph: ScenarioGraph): void {
	const loops = graph.edges.filter((e) => e.loop);
	for (const loop of loops) {
		const own = boxOf(graph.nodes.find((n) => n.id === loop.from)!);
		expect(loop.to).toBe(loop.from);
		expect(loop.points[0]!.x).toBeCloseTo(own.right, 0);
		expect(loop.points.at(-1)!.x).toBeCloseTo(own.right, 0);
		expect(loop.points.at(-1)!.y).toBeGreaterThan(loop.points[0]!.y);
		const ear = around(loop.points);
		expect(ear.right).toBeGreaterThan(own.right + 10);
		expect(ear.top >= own.top && ear.bottom <= own.bottom).toBe(true);
		if (loop.label) expect(loop.labelBox!.x).toBeGreaterThan(ear.right);
	}
}

const beat = (
	next: { goto: string; minScore?: number; maxTries?: number; choice?: number }[],
	end?: 'won' | 'lost' | 'neutral'
) => ({
	customer: '?',
	expect: [],
	avoid: [],
	choices: [],
	next,
	examples: { good: [], bad: [] },
	...(end ? { end } : {})
});

describe('scenarioGraph laid out by dagre', () => {
	it.each(shipped.map(({ name, scenario }) => [name, scenario] as const))(
		'draws %s readably: boxes apart, lines from box to box around the others, loops beside their box',
		(_name, scenario) => {
			const graph = scenarioGraph(scenario);
			expectReadable(graph, scenario);
			expectLoopsBeside(graph);
			expect(graph.edges.filter((e) => e.loop).length).toBe(
				Object.entries(scenario.beats).reduce(
					(n, [id, b]) => n + b.next.filter((r) => r.goto === id).length,
					0
				)
			);
		}
	);

	it('draws the largest shipped scenario readably, and the same way every time', () => {
		expect(largest.name).toMatch(/sell-what-you-sold-before/);
		const started = performance.now();
		const graph = scenarioGraph(largest.scenario);
		const took = performance.now() - started;
		expectReadable(graph, largest.scenario);
		expectLoopsBeside(graph);
		expect(graph.edges.every((e) => e.points.length >= 2)).toBe(true);
		expect(scenarioGraph(structuredClone(largest.scenario))).toEqual(graph);
		expect(took).toBeLessThan(2000);
	});

	it('keeps parallel rules apart: their own lines and labels that do not cover each other', () => {
		const scenario = { ...largest.scenario, beats: { ...largest.scenario.beats } };
		const start = scenario.start;
		const [to] = scenario.beats[start]!.next.map((r) => r.goto).filter((id) => id !== start);
		scenario.beats[start] = {
			...scenario.beats[start]!,
			next: [
				{ choice: 1, goto: to! },
				{ choice: 2, goto: to! },
				{ choice: 3, goto: to! },
				...scenario.beats[start]!.next
			]
		};
		const graph = scenarioGraph(scenario);
		expectReadable(graph, scenario);
		const parallel = graph.edges.filter((e) => e.from === start && e.to === to);
		expect(parallel.length).toBe(4);
		expect(new Set(parallel.map((e) => JSON.stringify(e.points))).size).toBe(4);
		expect(new Set(parallel.map((e) => e.points[1]!.x)).size).toBe(4);
	});

	it('copes with a tangled scenario: loops twice on a beat, rules back up, unreachable beats pointing at the start, a missing beat', () => {
		const scenario = {
			...largest.scenario,
			start: 'a',
			beats: {
				a: beat([
					{ goto: 'b', minScore: 0.5 },
					{ goto: 'a', maxTries: 2 },
					{ goto: 'a', maxTries: 3 },
					{ goto: 'c' }
				]),
				b: beat([
					{ goto: 'd', choice: 1 },
					{ goto: 'd', choice: 2 },
					{ goto: 'a', minScore: 0.9 },
					{ goto: 'e' }
				]),
				c: beat([
					{ goto: 'e', minScore: 0.4 },
					{ goto: 'b' },
					{ goto: 'c', maxTries: 1 },
					{ goto: 'nowhere' }
				]),
				d: beat([{ goto: 'won', minScore: 0.7 }, { goto: 'a', maxTries: 1 }, { goto: 'lost' }]),
				e: beat([{ goto: 'won', minScore: 0.8 }, { goto: 'b', maxTries: 2 }, { goto: 'lost' }]),
				'2': beat([{ goto: 'a' }, { goto: '3', choice: 1 }]),
				'3': beat([{ goto: '2' }, { goto: '3', maxTries: 1 }]),
				won: beat([], 'won'),
				lost: beat([], 'lost')
			}
		} as Scenario;
		const graph = scenarioGraph(scenario);
		expectReadable(graph, scenario);
		expectLoopsBeside(graph);
		expect(
			graph.nodes
				.filter((n) => n.unreachable)
				.map((n) => n.id)
				.sort()
		).toEqual(['2', '3']);
		const missing = graph.edges.find((e) => e.to === 'nowhere')!;
		expect(missing.points).toEqual([]);
		expect(edgePath(missing)).toBe('');
		// Two loops on one beat: the second one further out and taller, so the two stay apart.
		const [inner, outer] = graph.edges
			.filter((e) => e.from === 'a' && e.loop)
			.map((e) => around(e.points));
		expect(outer!.right).toBeGreaterThan(inner!.right);
		expect(outer!.top).toBeLessThan(inner!.top);
		expect(scenarioGraph(scenario)).toEqual(graph);
	});

	it('draws a line through its points: straight up or down through a layer, curved between layers; a loop as an ear', () => {
		expect(
			edgePath({
				loop: false,
				points: [
					{ x: 10, y: 0 },
					{ x: 30, y: 20 },
					{ x: 30, y: 40 }
				]
			})
		).toBe('M 10 0 C 10 10 30 10 30 20 L 30 40');
		expect(
			edgePath({
				loop: true,
				points: [
					{ x: 0, y: 0 },
					{ x: 30, y: 0 },
					{ x: 30, y: 20 },
					{ x: 0, y: 20 }
				]
			})
		).toBe('M 0 0 C 40 0 40 20 0 20');
		expect(edgePath({ loop: false, points: [] })).toBe('');
	});

	it('frames an empty scenario', () => {
		expect(scenarioGraph({ ...largest.scenario, start: 'x', beats: {} })).toMatchObject({
			nodes: [],
			edges: []
		});
	});
});
