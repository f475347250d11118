import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * Script-injection payloads. Each calls `xss()`, which the injection test defines in the page, so
 * that one which ran is noticed; the test also lets the page ignore its Content-Security-Policy,
 * so that escaping is what is tested, not the policy behind it.
 */
export const PAYLOADS = [
	'<script>xss()</script>',
	'<img src=x onerror=xss()>',
	'"><svg onload=xss()>',
	"' onmouseover='xss()' x='",
	'</textarea><img src=x onerror=xss()>',
	'javascript:xss()'
] as const;

const MARKDOWN_PAYLOADS = [
	'<script>xss()</script>',
	'<img src=x onerror=xss()>',
	'[click me](javascript:xss())',
	'<a href="javascript:xss()">a link</a>',
	'<iframe src="javascript:xss()"></iframe>',
	'"><svg onload=xss()>'
].join('\n\n');

// Authored fields that reach a page, with their length limits. Ids, cues, example replies and
// references to other items keep their values, so that the pack stays valid and playable.
const TEXT_FIELDS: Record<string, number> = {
	title: 200,
	name: 100,
	role: 100,
	company: 200,
	mood: 100,
	customer: 1000,
	say: 500,
	point: 300,
	question: 1000,
	explanation: 2000,
	objection: 500,
	why: 1000,
	summary: 500,
	text: 500
};
const TEXT_LIST_FIELDS: Record<string, number> = {
	options: 500,
	variants: 500,
	mistakes: 1000,
	classes: 200
};

let next = 0;
function withPayload(value: string, max: number): string {
	const payload = PAYLOADS[next++ % PAYLOADS.length]!;
	return `${value.slice(0, max - payload.length - 1)} ${payload}`;
}

function mark(node: unknown, key = '', parent: Record<string, unknown> = {}): unknown {
	if (Array.isArray(node)) {
		const listMax =
			TEXT_LIST_FIELDS[key] ?? (key === 'items' && parent.type === 'order' ? 500 : undefined);
		return node.map((item) =>
			typeof item === 'string'
				? listMax
					? withPayload(item, listMax)
					: item
				: mark(item, key, parent)
		);
	}
	if (!node || typeof node !== 'object') return node;
	const object = node as Record<string, unknown>;
	for (const [field, value] of Object.entries(object)) {
		// A rubric's anchors are keyed by score: every one of them is shown.
		const max = key === 'anchors' ? 500 : TEXT_FIELDS[field];
		object[field] =
			typeof value === 'string' && max ? withPayload(value, max) : mark(value, field, object);
	}
	return object;
}

/** The demo content pack with payloads in every authored field and at the end of every Markdown body. */
export function writePayloadPack(from: string, to: string): void {
	rmSync(to, { recursive: true, force: true });
	for (const file of readdirSync(from, { recursive: true, encoding: 'utf8' })) {
		const source = join(from, file);
		if (!/\.(ya?ml|md)$/.test(file)) continue;
		const text = readFileSync(source, 'utf8');
		let output: string;
		if (file.endsWith('.md')) {
			const match = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
			if (!match) throw new Error(`no front matter in ${source}`);
			output = `---\n${stringify(mark(parse(match[1]!)))}---\n${match[2]}\n\n${MARKDOWN_PAYLOADS}\n`;
		} else {
			output = stringify(mark(parse(text)));
		}
		mkdirSync(dirname(join(to, file)), { recursive: true });
		writeFileSync(join(to, file), output);
	}
}
