import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
// Relative imports only: in development and tests this file is loaded into the worker as
// TypeScript, where the app's `$lib` aliases do not exist.
import { checkContentFiles, contentPath, GRAPH_CODES, parseContentFile, type CheckedContent, type ContentFile, type ContentKind, type ContentLocale, type ContentProblem, type Published } from '../../engine/content';
import { phrasebookOf } from '../../engine/scoring/lexicon';
import { endingScoreRanges, playtestScenario } from '../../engine/scenario';
import { scenarioGraph } from '../../engine/studio/graph';
import { seriesMap } from '../../engine/studio/series-map';
import { validateSeries } from '../../engine/series/check';
import { playtestSeries } from '../../engine/series/playtest';
import { readDraft } from '../../engine/content/draft';
import type { Scenario, Series } from '../../engine/content/schemas';
import { renderMarkdown } from './markdown';
import { checkZip } from './zip';

/**
 * What the editor shows beside the text: the rendered Markdown of a script or article, and a
 * scenario's graph, playtest runs and ending score ranges. Computed for the loaded text and again
 * for every live check, so the side panel follows the trainer's typing.
 */
function insightsOf(kind: ContentKind, locale: ContentLocale, id: string, text: string, problems: readonly ContentProblem[], lexicons: Published['lexicons'], scenarios: Published['scenarios'] = []) {
	const parsed = parseContentFile(contentPath({ kind, locale, id }), text);
	const item = parsed.ok ? parsed.item : null;
	// The playtest needs a sound graph; the bots would only repeat the graph's problems.
	const graphSound = !problems.some((p) => GRAPH_CODES.has(p.code));
	return {
		preview: item && (item.kind === 'script' || item.kind === 'article') ? renderMarkdown(item.body).html : null,
		scenario: item?.kind === 'scenario' ? { graph: scenarioGraph(item.data), playtest: graphSound ? playtestScenario(item.data, phrasebookOf(lexicons.filter((l) => l.locale === locale).map((l) => l.data))).runs : [], ranges: endingScoreRanges(item.data) } : null,
		series: kind === 'series' ? seriesInsights(text, item?.kind === 'series' ? item.data : null, problems, lexicons, new Map(scenarios.filter((s) => s.locale === locale).map((s) => [s.id, s.data]))) : null
	};
}

/**
 * A series' drawing and fact pickers, read from the text as the form holds it (so they follow a
 * half-written series), and its playtest runs once it parses and holds together, as `content:check`
 * plays them.
 */
function seriesInsights(text: string, series: Series | null, problems: readonly ContentProblem[], lexicons: Published['lexicons'], scenarios: ReadonlyMap<string, Scenario>) {
	const draft = readDraft('series', text);
	const loose = series ?? (draft.ok ? { calls: draft.draft.data.calls, promises: draft.draft.data.promises ?? [] } : { calls: [] });
	const own = new Map([...scenarios].filter(([id]) => loose.calls.some((call) => call.scenario === id)));
	const complete = series !== null && series.calls.every((call) => own.has(call.scenario));
	const playtest = complete && validateSeries(series, own).length === 0 ? playtestSeries(series, own, phrasebookOf(lexicons.map((l) => l.data))).runs.map((run) => ({ kind: run.kind, won: run.won, score: run.result.score, calls: run.calls })) : [];
	return { map: seriesMap(loose, own, problems), playtest };
}
export type StudioInsights = ReturnType<typeof insightsOf>;

const TASKS = {
	check: (files: ContentFile[], published: Published): CheckedContent => checkContentFiles(files, published),
	insights: insightsOf,
	zip: checkZip
};
type Tasks = typeof TASKS;
type TaskName = keyof Tasks;

const ROLE = 'rehearse-content-checker';

interface Job {
	id: number;
	task: TaskName;
	args: unknown[];
}
type Answer = { id: number; result: unknown } | { id: number; failure: string };

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	parentPort!.on('message', ({ id, task, args }: Job) => {
		try {
			parentPort!.postMessage({ id, result: (TASKS[task] as (...a: unknown[]) => unknown)(...args) } satisfies Answer);
		} catch (cause) {
			parentPort!.postMessage({ id, failure: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) } satisfies Answer);
		}
	});
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (value: never) => void; reject: (cause: Error) => void }>();

// Built, this module is a plain JavaScript chunk the worker loads as it is; in development and
// tests it is TypeScript, which the worker reads through tsx (a development dependency).
function startWorker(): Worker {
	const self = import.meta.url;
	const started = self.endsWith('.ts')
		? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); });`, { eval: true, workerData: { role: ROLE } })
		: new Worker(new URL(self), { workerData: { role: ROLE } });
	started.on('message', (answer: Answer) => {
		const job = waiting.get(answer.id);
		waiting.delete(answer.id);
		if (waiting.size === 0) started.unref();
		if ('failure' in answer) job?.reject(new Error(`content check failed: ${answer.failure}`));
		else job?.resolve(answer.result as never);
	});
	const stop = (cause: Error) => {
		if (worker === started) worker = null;
		for (const job of waiting.values()) job.reject(cause);
		waiting.clear();
	};
	started.on('error', stop);
	started.on('exit', (code) => stop(new Error(`the content check worker stopped (exit code ${code})`)));
	return started;
}

/**
 * Runs a content check on a worker thread. Parsing, the playtest bots and rendering a preview take
 * tens to hundreds of milliseconds on large files; on the thread that answers requests, every
 * other request would wait that long, and the editor sends a check as the trainer types. Checks
 * queue on the one worker, so a burst of them uses at most the second core.
 */
function runOffThread<T extends TaskName>(task: T, ...args: Parameters<Tasks[T]>): Promise<ReturnType<Tasks[T]>> {
	worker ??= startWorker();
	const id = nextId++;
	const running = worker;
	return new Promise((resolve, reject) => {
		waiting.set(id, { resolve: resolve as (value: never) => void, reject });
		running.ref();
		running.postMessage({ id, task, args } satisfies Job);
	});
}

/** `checkContentFiles` against what is `published`, off the request thread. */
export function checkFilesOffThread(files: ContentFile[], published: Published): Promise<CheckedContent> {
	return runOffThread('check', files, published);
}

/** `checkZip` (unpack within limits, then check), off the request thread. */
export function checkZipOffThread(zip: Uint8Array, published: Published): Promise<ReturnType<typeof checkZip>> {
	return runOffThread('zip', zip, published);
}

/** The editor's side panel for a text (see `insightsOf`), off the request thread; a scenario plays with the published `lexicons`. */
export function insightsOffThread(kind: ContentKind, locale: ContentLocale, id: string, text: string, problems: ContentProblem[], lexicons: Published['lexicons'], scenarios: Published['scenarios'] = []): Promise<StudioInsights> {
	return runOffThread('insights', kind, locale, id, text, problems, lexicons, scenarios);
}
