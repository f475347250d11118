// The shapes of the scenario drawing and how they are drawn. Kept apart from the layout (`graph.ts`),
// which runs on the server, so the component that draws them brings no layout library to the browser.

export interface GraphNode {
	id: string;
	/** What the box says: the beat's name, else its id (see `beatLabel`). */
	label: string;
	/** The box's top left corner. */
	x: number;
	y: number;
	end: 'won' | 'lost' | 'neutral' | null;
	unreachable: boolean;
	deadEnd: boolean;
}

export interface Point {
	x: number;
	y: number;
}

export interface GraphEdge {
	from: string;
	to: string;
	label: string;
	loop: boolean;
	/**
	 * The routed line, from the source box's border to the target box's border: a loop leaves the
	 * right side of its box and comes back to it; any other edge leaves the top or bottom of its
	 * source, crosses each layer of boxes vertically in a lane of its own, and turns only between
	 * layers. Empty when the rule goes to a beat that does not exist.
	 */
	points: Point[];
	/** Where the label sits (top left corner and size); null when the rule has no condition to show. */
	labelBox: { x: number; y: number; width: number; height: number } | null;
}

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 44;
export const EDGE_LABEL_HEIGHT = 16;

/** How wide an edge label is drawn, for the text in 11 px type with a little room either side. */
export function edgeLabelWidth(label: string): number {
	return label === '' ? 0 : Math.ceil([...label].length * 7 + 8);
}

/**
 * The SVG path of an edge: a loop is an ear beside its box (a cubic through its four points); any
 * other edge keeps its vertical pieces straight and joins the rest with curves that start and end
 * vertically, so a curve stays between the layers its points stand at.
 */
export function edgePath(edge: Pick<GraphEdge, 'loop' | 'points'>): string {
	const [first, ...rest] = edge.points;
	if (!first) return '';
	if (edge.loop && rest.length === 3) {
		const [out, , end] = rest as [Point, Point, Point];
		// A cubic's furthest point is three quarters of the way to its control points.
		const reach = ((out.x - first.x) * 4) / 3;
		return `M ${first.x} ${first.y} C ${first.x + reach} ${first.y} ${end.x + reach} ${end.y} ${end.x} ${end.y}`;
	}
	let path = `M ${first.x} ${first.y}`;
	let from = first;
	for (const to of rest) {
		if (to.x === from.x || to.y === from.y) path += ` L ${to.x} ${to.y}`;
		else {
			const middle = (from.y + to.y) / 2;
			path += ` C ${from.x} ${middle} ${to.x} ${middle} ${to.x} ${to.y}`;
		}
		from = to;
	}
	return path;
}

// Chinese characters take about twice the width of Latin letters in a box.
const WIDE =
	/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

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

/**
 * A label over at most `lines` lines of `room` each (in `fitBoxLabel`'s widths), broken after a
 * space where the line has one, the last line cut with "…" if the label is longer still.
 */
export function boxLines(label: string, room = 20, lines = 2): string[] {
	const out: string[] = [];
	let rest = label.trim();
	while (rest !== '' && out.length < lines - 1) {
		const fitted = fitBoxLabel(rest, room);
		if (fitted === rest) break;
		// The part that fits, without the ellipsis, up to its last space if it has one.
		const part = fitted.slice(0, -1);
		const space = part.lastIndexOf(' ');
		const line = space > 0 ? part.slice(0, space) : part;
		out.push(line.trimEnd());
		rest = rest.slice(line.length).trimStart();
	}
	if (rest !== '') out.push(fitBoxLabel(rest, room));
	return out;
}
