import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { CONTENT_KINDS, type ContentKind } from '../content/kinds';
import { splitFrontMatter } from '../content/parse';

/**
 * The field a line of a file belongs to, as a path of keys (['beats', 'price', 'expect', 0,
 * 'cues']): the reverse of the checker's line numbers, so a form can show each problem beside the
 * field it is about. Lines outside the YAML (or a file that cannot be read) give [].
 */
export function pathAtLine(kind: ContentKind, text: string, line: number): (string | number)[] {
	let yaml = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	let offset = 0;
	if (CONTENT_KINDS[kind].hasBody) {
		const split = splitFrontMatter(yaml);
		if (!split) return [];
		yaml = split.yaml;
		offset = split.firstLine - 1;
	}
	const counter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter: counter });
	const lineOf = (position: number) => counter.linePos(position).line + offset;
	const covers = (from: number, to: number) =>
		lineOf(from) <= line && line <= lineOf(Math.max(from, to - 1));
	const path: (string | number)[] = [];
	let node: unknown = doc.contents;
	for (;;) {
		let inner: { key: string | number; node: unknown } | undefined;
		// A flow collection ({ a: 1 } or [a, b]) sits on one line: its items cannot be told apart by line.
		if (
			(isMap(node) || isSeq(node)) &&
			node.flow &&
			path.length > 0 &&
			lineOf(node.range![0]) === lineOf(node.range![1] - 1)
		)
			return path;
		if (isMap(node)) {
			for (const pair of node.items) {
				const key = pair.key as Node | null;
				const value = pair.value as Node | null;
				if (!isScalar(key) || !key.range) continue;
				const end = value?.range ? value.range[1] : key.range[1];
				if (!inner && covers(key.range[0], end)) inner = { key: String(key.value), node: value };
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => {
				const range = (item as Node | null)?.range;
				if (!inner && range && covers(range[0], range[1])) inner = { key: i, node: item };
			});
		}
		if (!inner) return path;
		path.push(inner.key);
		node = inner.node;
	}
}
