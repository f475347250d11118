import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { Scenario } from '../content/schemas';
import { isEnding, validateScenario } from '../scenario/validate';
import {
	EDGE_LABEL_HEIGHT,
	edgeLabelWidth,
	NODE_HEIGHT,
	NODE_WIDTH,
	type GraphEdge,
	type GraphNode,
	type Point
} from './graph-box';
import { beatLabel } from './scenario-edit';

export {
	EDGE_LABEL_HEIGHT,
	edgePath,
	fitBoxLabel,
	NODE_HEIGHT,
	NODE_WIDTH,
	type GraphEdge,
	type GraphNode,
	type Point
} from './graph-box';

const GAP_X = 40;
const GAP_Y = 56;
/** Between two edges' lanes, or an edge's lane and a box. */
const EDGE_GAP = 14;
const MARGIN = 12;
/** How far beyond the room dagre keeps beside a box a loop reaches, and the space between it and its label. */
const LOOP_EAR = 4;
const LOOP_LABEL_GAP = 4;
/** A rule leaves or enters a box at least this far from its corners (which are rounded). */
const CORNER = 10;

export interface ScenarioGraph {
	nodes: GraphNode[];
	edges: GraphEdge[];
	width: number;
	height: number;
}

type Layout = graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>;

/**
 * Lays the beats out with dagre's layered algorithm, top to bottom from the start (crossings
 * reduced, each rule routed in a lane of its own around the boxes, its label placed beside the
 * other rules' labels), and lists every rule as an edge with the points to draw it through. A rule
 * back to its own beat ("try again") is a loop beside the box. Unreachable beats hang below the
 * start like the rest, marked; dead ends are marked as the content check finds them.
 */
export function scenarioGraph(scenario: Scenario): ScenarioGraph {
	const ids = Object.keys(scenario.beats);
	const reachable = reachableFrom(scenario, scenario.start);
	const g: Layout = new graphlib.Graph({ directed: true, multigraph: true });
	g.setGraph({
		rankdir: 'TB',
		nodesep: GAP_X,
		ranksep: GAP_Y,
		edgesep: EDGE_GAP,
		marginx: 0,
		marginy: 0
	});
	// The start goes in first: dagre breaks cycles by a depth-first walk in the order nodes were
	// added, so every rule back to the start is the one turned around and the start stays on top.
	const order = scenario.beats[scenario.start]
		? [scenario.start, ...ids.filter((id) => id !== scenario.start)]
		: ids;
	for (const id of order) g.setNode(key(id), { width: NODE_WIDTH, height: NODE_HEIGHT });
	const rules = ids.flatMap((id) =>
		scenario.beats[id]!.next.map((rule, index) => ({
			from: id,
			to: rule.goto,
			name: String(index),
			label: ruleLabel(rule)
		}))
	);
	for (const rule of rules) {
		if (!scenario.beats[rule.to]) continue;
		const width = edgeLabelWidth(rule.label);
		// A loop's label stands in the room dagre keeps beside the box, after the loop's ear.
		const room = rule.from === rule.to ? LOOP_EAR + LOOP_LABEL_GAP + width : width;
		g.setEdge(
			key(rule.from),
			key(rule.to),
			room > 0 ? { width: room, height: EDGE_LABEL_HEIGHT, labelpos: 'c' } : { labelpos: 'c' },
			rule.name
		);
	}
	// An unreachable beat would float to the top beside the start; a weightless edge from the start
	// (not drawn) hangs each group of them below it instead.
	if (scenario.beats[scenario.start]) {
		const covered = new Set(reachable);
		for (const id of ids.filter((id) => !reachable.has(id) && !covered.has(id))) {
			g.setEdge(key(scenario.start), key(id), { weight: 0, minlen: 1 }, 'unreachable');
			for (const seen of reachableFrom(scenario, id)) covered.add(seen);
		}
	}
	layout(g);

	const deadEnds = new Set(
		validateScenario(scenario).flatMap((p) => (p.code === 'dead-end' ? [p.values.beat] : []))
	);
	const centre = new Map(order.map((id) => [id, { x: g.node(key(id)).x!, y: g.node(key(id)).y! }]));
	const layerYs = new Set([...centre.values()].map((c) => c.y));
	const loopsSoFar = new Map<string, { count: number; room: number }>();
	const edges: GraphEdge[] = rules.map((rule) => {
		const base = { from: rule.from, to: rule.to, label: rule.label, loop: rule.from === rule.to };
		if (!scenario.beats[rule.to]) return { ...base, points: [], labelBox: null };
		const routed = g.edge(key(rule.from), key(rule.to), rule.name);
		if (base.loop) {
			const before = loopsSoFar.get(rule.from) ?? { count: 0, room: 0 };
			const drawn = loopRoute(centre.get(rule.from)!, routed, rule.label, before);
			loopsSoFar.set(rule.from, {
				count: before.count + 1,
				room: before.room + drawn.room + EDGE_GAP
			});
			return { ...base, points: drawn.points, labelBox: drawn.labelBox };
		}
		const points = route(
			centre.get(rule.from)!,
			centre.get(rule.to)!,
			(routed.points ?? []).slice(1, -1),
			layerYs
		);
		const width = edgeLabelWidth(rule.label);
		const labelBox =
			width > 0 && routed.x !== undefined && routed.y !== undefined
				? {
						x: routed.x - width / 2,
						y: routed.y - EDGE_LABEL_HEIGHT / 2,
						width,
						height: EDGE_LABEL_HEIGHT
					}
				: null;
		return { ...base, points, labelBox };
	});
	const nodes: GraphNode[] = order.map((id) => {
		const beat = scenario.beats[id]!;
		const { x, y } = centre.get(id)!;
		return {
			id,
			label: beatLabel(scenario.beats, id),
			x: x - NODE_WIDTH / 2,
			y: y - NODE_HEIGHT / 2,
			end: isEnding(beat) ? beat.end! : null,
			unreachable: !reachable.has(id),
			deadEnd: deadEnds.has(id)
		};
	});
	return framed(nodes, edges);
}

// graphlib keeps nodes in an object, where a key like "2" would jump ahead of the start.
function key(id: string): string {
	return `beat:${id}`;
}

function ruleLabel(rule: Scenario['beats'][string]['next'][number]): string {
	return rule.minScore !== undefined
		? `≥ ${rule.minScore}`
		: rule.maxTries !== undefined
			? `< ${rule.maxTries}×`
			: rule.choice !== undefined
				? `#${rule.choice}`
				: '';
}

function reachableFrom(scenario: Scenario, from: string): Set<string> {
	const seen = new Set<string>();
	const queue = scenario.beats[from] ? [from] : [];
	while (queue.length > 0) {
		const id = queue.shift()!;
		if (seen.has(id)) continue;
		seen.add(id);
		for (const rule of scenario.beats[id]!.next)
			if (scenario.beats[rule.goto] && !seen.has(rule.goto)) queue.push(rule.goto);
	}
	return seen;
}

/**
 * A rule between two layers. dagre gives one point per layer the rule crosses (in a lane kept
 * clear of boxes, or at its label); the line goes straight up or down through each such layer
 * and turns only in the gaps between layers, where there are no boxes. It leaves its source by
 * the side facing its first point and enters its target by the side facing its last.
 */
function route(from: Point, to: Point, lanes: Point[], layerYs: Set<number>): Point[] {
	const down: 1 | -1 = to.y > from.y ? 1 : -1;
	const through = lanes.flatMap((p) => {
		const half = layerYs.has(p.y) ? NODE_HEIGHT / 2 : EDGE_LABEL_HEIGHT / 2;
		return [
			{ x: p.x, y: p.y - down * half },
			{ x: p.x, y: p.y + down * half }
		];
	});
	const start = border(from, through[0] ?? to, down);
	const end = border(to, through.at(-1) ?? from, down === 1 ? -1 : 1);
	return [start, ...through, end];
}

/** Where the line from a box's centre towards `toward` crosses the box's bottom (`side` 1) or top (`side` -1), kept off the corners. */
function border(centre: Point, toward: Point, side: 1 | -1): Point {
	const y = centre.y + (side * NODE_HEIGHT) / 2;
	const t = (y - centre.y) / (toward.y - centre.y || 1);
	const room = NODE_WIDTH / 2 - CORNER;
	const x = centre.x + Math.max(-room, Math.min(room, t * (toward.x - centre.x)));
	return { x, y };
}

/**
 * A loop: out of the box's right side, round an ear and back in below where it left, its label
 * beyond the ear. dagre keeps it a room beside the box, with nothing between the two; the loop
 * stands at the near side of that room (dagre may have placed the room further out, to line it up
 * with lanes above and below). A second loop on the same beat stands beyond the first, a little
 * taller, so the two do not run together.
 */
function loopRoute(
	centre: Point,
	routed: EdgeLabel,
	label: string,
	before: { count: number; room: number }
): Pick<GraphEdge, 'points' | 'labelBox'> & { room: number } {
	const width = edgeLabelWidth(label);
	const room = LOOP_EAR + LOOP_LABEL_GAP + width;
	const right = centre.x + NODE_WIDTH / 2;
	const nearest = right + (GAP_X + EDGE_GAP) / 2 + before.room;
	const roomLeft = Math.min(nearest, routed.x === undefined ? nearest : routed.x - room / 2);
	const ear = roomLeft + LOOP_EAR;
	const rise = Math.min(NODE_HEIGHT / 2 - 2, 9 + 5 * before.count);
	return {
		room,
		points: [
			{ x: right, y: centre.y - rise },
			{ x: ear, y: centre.y - rise },
			{ x: ear, y: centre.y + rise },
			{ x: right, y: centre.y + rise }
		],
		labelBox:
			width > 0
				? {
						x: ear + LOOP_LABEL_GAP,
						y: centre.y - EDGE_LABEL_HEIGHT / 2,
						width,
						height: EDGE_LABEL_HEIGHT
					}
				: null
	};
}

/** Moves the drawing so everything in it (boxes, lines, labels) starts a margin from the top left, and measures it. */
function framed(nodes: GraphNode[], edges: GraphEdge[]): ScenarioGraph {
	const xs = [
		...nodes.flatMap((n) => [n.x, n.x + NODE_WIDTH]),
		...edges.flatMap((e) => [
			...e.points.map((p) => p.x),
			...(e.labelBox ? [e.labelBox.x, e.labelBox.x + e.labelBox.width] : [])
		])
	];
	const ys = [
		...nodes.flatMap((n) => [n.y, n.y + NODE_HEIGHT]),
		...edges.flatMap((e) => [
			...e.points.map((p) => p.y),
			...(e.labelBox ? [e.labelBox.y, e.labelBox.y + e.labelBox.height] : [])
		])
	];
	if (xs.length === 0) return { nodes, edges, width: 2 * MARGIN, height: 2 * MARGIN };
	const dx = MARGIN - Math.min(...xs);
	const dy = MARGIN - Math.min(...ys);
	const round = (v: number): number => Math.round(v * 10) / 10;
	const at = (p: Point): Point => ({ x: round(p.x + dx), y: round(p.y + dy) });
	return {
		nodes: nodes.map((n) => ({ ...n, ...at(n) })),
		edges: edges.map((e) => ({
			...e,
			points: e.points.map(at),
			labelBox: e.labelBox && { ...e.labelBox, ...at(e.labelBox) }
		})),
		width: round(Math.max(...xs) + dx + MARGIN),
		height: round(Math.max(...ys) + dy + MARGIN)
	};
}
