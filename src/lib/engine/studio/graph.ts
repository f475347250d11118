import type { Scenario } from '../content/schemas';
import { isEnding, validateScenario } from '../scenario/validate';
import { beatLabel } from './scenario-edit';

export interface GraphNode {
	id: string;
	/** What the box says: the beat's name, else its id (see `beatLabel`). */
	label: string;
	x: number;
	y: number;
	end: 'won' | 'lost' | 'neutral' | null;
	unreachable: boolean;
	deadEnd: boolean;
}

export interface GraphEdge {
	from: string;
	to: string;
	label: string;
	loop: boolean;
}

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 44;
const GAP_X = 40;
const GAP_Y = 56;

/**
 * Lays the beats out in layers by distance from the start (unreachable beats in a last layer), and
 * lists every rule as an edge. Simple and predictable: a trainer sees the call flow top to bottom.
 */
export function scenarioGraph(scenario: Scenario): { nodes: GraphNode[]; edges: GraphEdge[]; width: number; height: number } {
	const depth = new Map<string, number>([[scenario.start, 0]]);
	const queue = [scenario.start];
	while (queue.length > 0) {
		const id = queue.shift()!;
		for (const rule of scenario.beats[id]?.next ?? []) {
			if (!depth.has(rule.goto) && scenario.beats[rule.goto]) {
				depth.set(rule.goto, depth.get(id)! + 1);
				queue.push(rule.goto);
			}
		}
	}
	const lastLayer = Math.max(0, ...depth.values()) + 1;
	const deadEnds = new Set(validateScenario(scenario).flatMap((p) => (p.code === 'dead-end' ? [p.values.beat] : [])));
	const layers = new Map<number, string[]>();
	for (const id of Object.keys(scenario.beats)) {
		const layer = depth.get(id) ?? lastLayer;
		layers.set(layer, [...(layers.get(layer) ?? []), id]);
	}
	const widest = Math.max(1, ...[...layers.values()].map((ids) => ids.length));
	const width = widest * (NODE_WIDTH + GAP_X) + GAP_X;
	const nodes: GraphNode[] = [];
	for (const [layer, ids] of [...layers].sort((a, b) => a[0] - b[0])) {
		const offset = (width - ids.length * (NODE_WIDTH + GAP_X) + GAP_X) / 2;
		ids.forEach((id, i) => {
			const beat = scenario.beats[id]!;
			nodes.push({
				id,
				label: beatLabel(scenario.beats, id),
				x: offset + i * (NODE_WIDTH + GAP_X),
				y: GAP_Y / 2 + layer * (NODE_HEIGHT + GAP_Y),
				end: isEnding(beat) ? beat.end! : null,
				unreachable: !depth.has(id),
				deadEnd: deadEnds.has(id)
			});
		});
	}
	const edges = Object.entries(scenario.beats).flatMap(([id, beat]) =>
		beat.next.map((rule) => ({
			from: id,
			to: rule.goto,
			loop: rule.goto === id,
			label: rule.minScore !== undefined ? `≥ ${rule.minScore}` : rule.maxTries !== undefined ? `< ${rule.maxTries}×` : rule.choice !== undefined ? `#${rule.choice}` : ''
		}))
	);
	const height = (Math.max(...nodes.map((n) => n.y)) || 0) + NODE_HEIGHT + GAP_Y / 2;
	return { nodes, edges, width, height };
}

// Chinese characters take about twice the width of Latin letters in a box.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** A box's label cut to fit its width (about 20 Latin letters or 10 Chinese characters), with "…" where it was cut. */
export function fitBoxLabel(label: string, room = 20): string {
	const chars = [...label];
	const width = (char: string): number => (WIDE.test(char) ? 2 : 1);
	if (chars.reduce((sum, char) => sum + width(char), 0) <= room) return label;
	let used = 1;
	let kept = 0;
	while (kept < chars.length && used + width(chars[kept]!) <= room) used += width(chars[kept++]!);
	return `${chars.slice(0, kept).join('').trimEnd()}…`;
}
