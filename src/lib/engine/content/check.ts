import { locateContentFile, parseContentFile, type LineOf } from './parse';
import { MODULE_ITEM_KIND } from './schemas';
import { validateScenario } from '../scenario/validate';
import { playtestScenario } from '../scenario/playtest';
import { cuesHitByBadAnswers } from '../scenario/cue-warnings';
import { contentPath, type ContentItem, type ContentKind, type ContentProblem } from './kinds';

export interface ContentFile {
	/** Relative to the content folder, with forward slashes: `zh-TW/scripts/price-too-high.md`. */
	path: string;
	text: string;
}

export interface CheckedContent {
	items: ContentItem[];
	problems: ContentProblem[];
	/** What may be wrong but need not be: key-point cues that a bad answer also hits. They block nothing. */
	warnings: ContentProblem[];
}

interface Reference {
	kind: ContentKind;
	id: string;
	field: (string | number)[];
}

/** The other items an item points at, with the field that points. */
function referencesOf(item: ContentItem): Reference[] {
	switch (item.kind) {
		case 'script':
			return item.data.knowledge.map((id, i) => ({ kind: 'article', id, field: ['knowledge', i] }));
		case 'article':
			return item.data.scripts.map((id, i) => ({ kind: 'script', id, field: ['scripts', i] }));
		case 'scenario': {
			const refs: Reference[] = Object.entries(item.data.beats).flatMap(([beatId, beat]) =>
				beat.script ? [{ kind: 'script' as const, id: beat.script, field: ['beats', beatId, 'script'] }] : []
			);
			if (item.data.rubric) refs.push({ kind: 'rubric', id: item.data.rubric, field: ['rubric'] });
			return refs;
		}
		case 'curriculum': {
			return item.data.days.flatMap((day, d) =>
				day.modules.flatMap((module, m) => [
					...module.items.map((id, i) => ({ kind: MODULE_ITEM_KIND[module.type], id, field: ['days', d, 'modules', m, 'items', i] })),
					...(module.rubric ? [{ kind: 'rubric' as const, id: module.rubric, field: ['days', d, 'modules', m, 'rubric'] }] : [])
				])
			);
		}
		default:
			return [];
	}
}

/**
 * Parses every file and checks what one file cannot check alone: that every id an item refers to
 * exists in the same locale (among the files, or in `alsoKnown`, as `kind:locale:id`). Scenarios are also checked as graphs and played by the playtest
 * bots. Problems are sorted by file and line.
 */
export function checkContentFiles(files: readonly ContentFile[], options: { alsoKnown?: ReadonlySet<string> } = {}): CheckedContent {
	const problems: ContentProblem[] = [];
	const warnings: ContentProblem[] = [];
	const parsed: { item: ContentItem; lineOf: LineOf; path: string }[] = [];
	for (const file of files) {
		const result = parseContentFile(file.path, file.text);
		if (result.ok) parsed.push({ item: result.item, lineOf: result.lineOf, path: file.path });
		else problems.push(...result.problems);
	}
	// A file that exists but failed to parse still counts as there: its own problem is reported once,
	// not again at every item that points to it.
	const known = new Set([
		...(options.alsoKnown ?? []),
		...files.flatMap((file) => {
			const at = locateContentFile(file.path);
			return typeof at === 'string' ? [] : [`${at.kind}:${at.locale}:${at.id}`];
		})
	]);
	for (const { item, lineOf, path } of parsed) {
		for (const ref of referencesOf(item)) {
			if (!known.has(`${ref.kind}:${item.locale}:${ref.id}`)) {
				problems.push({ file: path, line: lineOf(ref.field), message: `refers to ${ref.kind} "${ref.id}", which does not exist in ${contentPath({ kind: ref.kind, locale: item.locale, id: ref.id }).split('/').slice(0, 2).join('/')}/` });
			}
		}
	}
	for (const { item, lineOf, path } of parsed) {
		if (item.kind !== 'scenario') continue;
		// The graph first; the playtest bots only make sense on a sound graph.
		const graph = validateScenario(item.data);
		const found = graph.length > 0 ? graph : playtestScenario(item.data).problems;
		for (const problem of found) problems.push({ file: path, line: lineOf(problem.path), message: problem.message });
		if (graph.length > 0) continue;
		for (const warning of cuesHitByBadAnswers(item.data)) {
			const point = item.data.beats[warning.beat]!.expect.findIndex((p) => p.point === warning.point);
			const cue = item.data.beats[warning.beat]!.expect[point]!.cues.indexOf(warning.cue);
			warnings.push({
				file: path,
				line: lineOf(['beats', warning.beat, 'expect', point, 'cues', cue]),
				message: `beat "${warning.beat}", key point "${warning.point}": the cue "${warning.cue}" also matches a bad answer no pitfall catches ("${warning.reply.length > 60 ? `${warning.reply.slice(0, 60)}…` : warning.reply}"), which then earns this point`
			});
		}
	}
	problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	return { items: parsed.map(({ item }) => item), problems, warnings };
}
