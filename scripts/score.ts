// npm run -s score -- FILE   (or - for standard input)
// Scores replies as the practice room does, for trainers and for checks. Reads JSON lines
// {"locale", "scenario", "beat", "reply"} (ids of the published content; other fields are ignored)
// and prints one JSON line for each: {"line", "score", "passLine", "points", "pitfalls", "signals",
// "flags"}, or {"line", "error"} for a line that cannot be scored, and goes on. Exits 1 when any
// line failed. Content: the published content in the app's database (DATABASE_URL, default
// ./data/rehearse.db) when that database exists, else the files under content/.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkContentFiles, formatProblem } from '../src/lib/engine/content';
import { compileScenario, type CompiledScenario } from '../src/lib/engine/scenario';
import type { Span } from '../src/lib/engine/scoring/score';
import { databasePathFromEnv, openDatabase } from '../src/lib/server/db';
import { DEFAULT_CONTENT_DIR, readContentDirectory } from '../src/lib/server/content/files';
import { findContent, lexiconPhrasebook } from '../src/lib/server/content/store';
import {
	findBeat,
	parseReplyLine,
	scenarioLookup,
	scoreFound,
	type ScenarioLookup
} from '../scoring/graded-replies';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

/** Where scenarios come from, said once on standard error: the output stays JSON lines. */
function openContent(): ScenarioLookup {
	const path = databasePathFromEnv(process.env.DATABASE_URL);
	if (path !== ':memory:' && existsSync(path)) {
		const db = openDatabase(path);
		console.error(`Scoring against the published content in the database ${path}.`);
		const scenarios = new Map<string, CompiledScenario | undefined>();
		return (locale, id) => {
			const key = `${locale}:${id}`;
			if (!scenarios.has(key)) {
				// findContent falls back to another language; a reply is scored against its own.
				const item = findContent(db, 'scenario', id, locale);
				scenarios.set(
					key,
					item?.locale === locale
						? compileScenario(item.data, lexiconPhrasebook(db, locale))
						: undefined
				);
			}
			return scenarios.get(key);
		};
	}
	const { items, problems } = checkContentFiles(readContentDirectory(DEFAULT_CONTENT_DIR));
	if (problems.length > 0) {
		for (const problem of problems) console.error(formatProblem(problem));
		fail(
			`No database at ${path}, and the content files in ${DEFAULT_CONTENT_DIR}/ have ${problems.length} problem${problems.length === 1 ? '' : 's'} (npm run content:check).`
		);
	}
	console.error(
		`No database at ${path}: scoring against the content files in ${DEFAULT_CONTENT_DIR}/.`
	);
	return scenarioLookup(items);
}

/** What one line prints: the score and what earned it, each span with the words it covers. */
function scoreLine(lookup: ScenarioLookup, text: string): object {
	const parsed = parseReplyLine(text);
	if (!parsed.ok) return { error: parsed.error };
	const found = findBeat(lookup, parsed.value);
	if (!found.ok) return { error: found.error };
	const { reply } = parsed.value;
	const result = scoreFound(reply, found);
	const texts = (spans: readonly Span[]) => spans.map(([start, end]) => reply.slice(start, end));
	return {
		score: result.score,
		passLine: found.passLine,
		points: result.points.map((p) => ({
			point: p.point,
			criterion: p.criterion,
			weight: p.weight,
			hit: p.hit,
			spans: p.spans,
			texts: texts(p.spans),
			// Missed in its words but done in kind: the signal that earned part of its weight.
			...(p.inKind ? { inKind: p.inKind } : {})
		})),
		pitfalls: result.pitfalls
			.filter((p) => p.hit)
			.map((p) => ({ point: p.point, penalty: p.penalty, spans: p.spans, texts: texts(p.spans) })),
		signals: result.signals,
		flags: result.flags
	};
}

const [source] = process.argv.slice(2);
if (!source)
	fail(
		'Usage: npm run -s score -- FILE   (or - for standard input); each line {"locale", "scenario", "beat", "reply"}'
	);
if (source !== '-' && !existsSync(source)) fail(`No such file: ${source}`);
const lookup = openContent();
let failed = 0;
let number = 0;
for await (const text of createInterface({
	input: source === '-' ? process.stdin : createReadStream(source),
	crlfDelay: Infinity
})) {
	number++;
	if (!text.trim()) continue;
	const output = { line: number, ...scoreLine(lookup, text) };
	if ('error' in output) failed++;
	console.log(JSON.stringify(output));
}
if (failed > 0) {
	console.error(`${failed} line${failed === 1 ? '' : 's'} could not be scored.`);
	process.exitCode = 1;
}
