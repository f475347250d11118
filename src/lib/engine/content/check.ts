import { locateContentFile, parseContentFile, type LineOf } from './parse';
import { INTENT_PREFIX, MODULE_ITEM_KIND, type Lexicon, type Scenario } from './schemas';
import { validateSeries } from '../series/check';
import { playtestSeries } from '../series/playtest';
import { citedIntents, phrasebookOf } from '../scoring/lexicon';
import { FACT_INTENTS, type Phrasebook } from '../scoring/score';
import { validateScenario } from '../scenario/validate';
import { playtestScenario } from '../scenario/playtest';
import { compileScenario } from '../scenario/machine';
import { cuesHitByBadAnswers, examplesMisjudged } from '../scenario/cue-warnings';
import { goodChoiceUsuallyLongest } from '../scenario/choice-warnings';
import { contentPath, type ContentItem, type ContentKind, type ContentLocale, type ContentProblem } from './kinds';

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

/** What is published already, beside the files being checked (plain data: it crosses to the check worker). */
export interface Published {
	/** `kind:locale:id` of every item: what a file may refer to. */
	keys: readonly string[];
	/** Every lexicon: the intents cues may cite, and the company rules. */
	lexicons: readonly { locale: ContentLocale; id: string; data: Pick<Lexicon, 'intents' | 'rules'> }[];
	/** Which published items cite which intents, as `locale:intent` → `kind:id` of each item: what the lexicons must keep. */
	citations: Readonly<Record<string, readonly string[]>>;
	/** Every scenario: what a series' calls are checked against. */
	scenarios: readonly { locale: ContentLocale; id: string; data: Scenario }[];
}

export const NOTHING_PUBLISHED: Published = { keys: [], lexicons: [], citations: {}, scenarios: [] };

/** Where an item's cues cite intents (a scenario's key points and pitfalls, a lexicon's rules), with the field of each cue. */
function intentCitations(item: ContentItem): { intent: string; field: (string | number)[] }[] {
	const cited = (cues: readonly string[], field: (string | number)[]) => cues.flatMap((cue, c) => citedIntents(cue).map((intent) => ({ intent, field: [...field, c] })));
	if (item.kind === 'lexicon') return item.data.rules.flatMap((rule, r) => [...cited(rule.cues, ['rules', r, 'cues']), ...cited(rule.unless, ['rules', r, 'unless'])]);
	if (item.kind !== 'scenario') return [];
	return Object.entries(item.data.beats).flatMap(([beatId, beat]) => (['expect', 'avoid'] as const).flatMap((list) => beat[list].flatMap((point, p) => cited(point.cues, ['beats', beatId, list, p, 'cues']))));
}

/** Which items cite which intents (`locale:intent` → `kind:id`), for `Published.citations`. */
export function citationsOf(items: readonly ContentItem[]): Record<string, string[]> {
	const citations: Record<string, string[]> = {};
	for (const item of items) {
		for (const intent of new Set(intentCitations(item).map((c) => c.intent))) (citations[`${item.locale}:${intent}`] ??= []).push(`${item.kind}:${item.id}`);
	}
	return citations;
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
		case 'series':
			return item.data.calls.map((call, i) => ({ kind: 'scenario', id: call.scenario, field: ['calls', i, 'scenario'] }));
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
 * exists in the same locale (among the files, or published already), and every intent a cue cites
 * in a lexicon of its locale. Scenarios are also checked as graphs and played by the playtest bots,
 * with their locale's intents. Problems are sorted by file and line.
 */
export function checkContentFiles(files: readonly ContentFile[], published: Published = NOTHING_PUBLISHED): CheckedContent {
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
	const fileKeys = files.flatMap((file) => {
		const at = locateContentFile(file.path);
		return 'message' in at ? [] : [`${at.kind}:${at.locale}:${at.id}`];
	});
	const known = new Set([...published.keys, ...fileKeys]);
	for (const { item, lineOf, path } of parsed) {
		for (const ref of referencesOf(item)) {
			if (!known.has(`${ref.kind}:${item.locale}:${ref.id}`)) {
				problems.push({
					file: path,
					line: lineOf(ref.field),
					message: `refers to ${ref.kind} "${ref.id}", which does not exist in ${contentPath({ kind: ref.kind, locale: item.locale, id: ref.id }).split('/').slice(0, 2).join('/')}/`,
					code: 'missing-reference',
					values: { path: ref.field, kind: ref.kind, id: ref.id }
				});
			}
		}
	}
	const phrasebooks = checkLexicons(parsed, published, new Set(fileKeys), problems);
	for (const { item, lineOf, path } of parsed) {
		const intents = phrasebooks.get(item.locale)?.intents;
		for (const { intent, field } of intentCitations(item)) {
			if (!intents?.has(intent)) problems.push({ file: path, line: lineOf(field), message: `cites intent "${INTENT_PREFIX}${intent}", which no lexicon in ${item.locale}/lexicon/ defines`, code: 'missing-intent', values: { path: field, intent } });
		}
	}
	for (const { item, lineOf, path } of parsed) {
		if (item.kind !== 'scenario') continue;
		// The graph first; the playtest bots only make sense on a sound graph.
		const graph = validateScenario(item.data);
		const phrasebook = phrasebooks.get(item.locale);
		// Compiled once for the bots and both warnings: compiling reads every model answer.
		const compiled = graph.length > 0 ? null : compileScenario(item.data, phrasebook);
		const found = compiled ? playtestScenario(item.data, phrasebook, compiled).problems : graph;
		for (const { path: field, ...problem } of found) problems.push({ file: path, line: lineOf(field), ...problem });
		if (!compiled) continue;
		for (const warning of examplesMisjudged(item.data, phrasebook, compiled)) {
			const quoted = warning.reply.length > 60 ? `${warning.reply.slice(0, 60)}…` : warning.reply;
			const values = { beat: warning.beat, index: warning.index, reply: warning.reply, score: warning.score, passLine: warning.passLine };
			const line = lineOf(['beats', warning.beat, 'examples', warning.quality, warning.index]);
			warnings.push(
				warning.quality === 'good'
					? { file: path, line, message: `beat "${warning.beat}": its good example "${quoted}" scores ${warning.score.toFixed(2)}, under the line's pass line ${warning.passLine}: give the key points it makes the words it makes them with`, code: 'good-example-low', values }
					: { file: path, line, message: `beat "${warning.beat}": its bad example "${quoted}" scores ${warning.score.toFixed(2)}, at or over the line's pass line ${warning.passLine}: a pitfall, or narrower cues, should catch it`, code: 'bad-example-high', values }
			);
		}
		const longest = goodChoiceUsuallyLongest(item.data);
		if (longest) {
			warnings.push({
				file: path,
				line: lineOf(['beats', longest.beats[0]!, 'choices']),
				message: `the good choice is the longest in ${longest.beats.length} of the ${longest.outOf} lines with choices (${longest.beats.map((id) => `"${id}"`).join(', ')}): a rep can pass by picking the longest; make a weaker choice as long as the good one in some of them`,
				code: 'longest-choice',
				values: { beats: longest.beats, outOf: longest.outOf }
			});
		}
		for (const warning of cuesHitByBadAnswers(item.data, phrasebook, compiled)) {
			const point = item.data.beats[warning.beat]!.expect.findIndex((p) => p.point === warning.point);
			const cue = item.data.beats[warning.beat]!.expect[point]!.cues.indexOf(warning.cue);
			warnings.push({
				file: path,
				line: lineOf(['beats', warning.beat, 'expect', point, 'cues', cue]),
				message: `beat "${warning.beat}", key point "${warning.point}": the cue "${warning.cue}"${warning.phrase ? ` (its phrase "${warning.phrase}")` : ''} also matches a bad answer no pitfall catches ("${warning.reply.length > 60 ? `${warning.reply.slice(0, 60)}…` : warning.reply}"), which then earns this point`,
				code: 'cue-too-general',
				values: { beat: warning.beat, point: warning.point, cue: warning.cue, phrase: warning.phrase ?? null, reply: warning.reply }
			});
		}
	}
	checkSeries(parsed, published, phrasebooks, problems);
	problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	return { items: parsed.map(({ item }) => item), problems, warnings };
}

/**
 * Each series against its calls' scenarios: those among the files, else those published, then
 * played by the playtest bots. A series whose scenario is missing or does not parse is refused for
 * that alone (reported elsewhere).
 */
function checkSeries(parsed: readonly { item: ContentItem; lineOf: LineOf; path: string }[], published: Published, phrasebooks: ReadonlyMap<ContentLocale, Phrasebook>, problems: ContentProblem[]): void {
	const scenarios = new Map<string, Scenario>(published.scenarios.map((s) => [`${s.locale}:${s.id}`, s.data]));
	for (const { item } of parsed) if (item.kind === 'scenario') scenarios.set(`${item.locale}:${item.id}`, item.data);
	for (const { item, lineOf, path } of parsed) {
		if (item.kind !== 'series') continue;
		const own = new Map<string, Scenario>();
		for (const call of item.data.calls) {
			const scenario = scenarios.get(`${item.locale}:${call.scenario}`);
			if (scenario) own.set(call.scenario, scenario);
		}
		if (own.size < new Set(item.data.calls.map((call) => call.scenario)).size) continue;
		const found = validateSeries(item.data, own);
		// The playtest bots play a series only once it holds together, as they do a scenario.
		const played = found.length > 0 ? found : playtestSeries(item.data, own, phrasebooks.get(item.locale)).problems;
		for (const { path: field, ...problem } of played) problems.push({ file: path, line: lineOf(field), ...problem });
	}
}

// The lexicon intents whose phrases are facts, `subject = right values` (see score.ts).
const WRITTEN_AS_FACTS: ReadonlySet<string> = new Set([FACT_INTENTS.counts, FACT_INTENTS.company, FACT_INTENTS.tierPrices, FACT_INTENTS.oneTier]);

/**
 * The phrasebook of each locale, from its lexicon files and the published lexicons they do not
 * replace; and the lexicons' own problems: an intent or a rule defined twice in a locale, and an
 * intent a published item cites that no lexicon defines any longer.
 */
function checkLexicons(parsed: readonly { item: ContentItem; lineOf: LineOf; path: string }[], published: Published, fileKeys: ReadonlySet<string>, problems: ContentProblem[]): Map<ContentLocale, Phrasebook> {
	const files = parsed.filter((p): p is typeof p & { item: ContentItem<'lexicon'> } => p.item.kind === 'lexicon');
	const lexicons = [
		...published.lexicons.filter((l) => !fileKeys.has(`lexicon:${l.locale}:${l.id}`)).map((l) => ({ ...l, path: contentPath({ kind: 'lexicon', locale: l.locale, id: l.id }) })),
		...files.map(({ item, path }) => ({ locale: item.locale, id: item.id, data: item.data, path }))
	];
	for (const { item, lineOf, path } of files) {
		for (const list of ['intents', 'rules'] as const) {
			const noun = list === 'intents' ? 'an intent' : 'a rule';
			item.data[list].forEach((entry, i) => {
				const elsewhere = lexicons.find((l) => l.locale === item.locale && l.path !== path && l.data[list].some((other) => other.id === entry.id));
				const twice = item.data[list].findIndex((other) => other.id === entry.id) !== i;
				if (elsewhere || twice) {
					problems.push({
						file: path,
						line: lineOf([list, i, 'id']),
						message: `${noun.slice(noun.indexOf(' ') + 1)} "${entry.id}" is defined ${twice ? 'twice in this file' : `in ${elsewhere!.path} too`}: ${noun}'s id must be unique in its language`,
						code: 'duplicate-lexicon-id',
						values: { path: [list, i, 'id'], list, id: entry.id, elsewhere: twice ? null : elsewhere!.path }
					});
				}
			});
		}
	}
	// A fact is written `subject = right values`: anything else would be read as no fact at all.
	for (const { item, lineOf, path } of files)
		item.data.intents.forEach((intent, i) => {
			if (!WRITTEN_AS_FACTS.has(intent.id)) return;
			intent.phrases.forEach((phrase, j) => {
				const [subject, values, extra] = phrase.split('=');
				const valuesNeeded = intent.id !== FACT_INTENTS.counts;
				if (subject?.trim() && values !== undefined && extra === undefined && (!valuesNeeded || values.trim())) return;
				const field = ['intents', i, 'phrases', j];
				problems.push({ file: path, line: lineOf(field), message: `intents[${i}].phrases[${j}]: "${phrase}" is not a fact: write the subject, "=", then the right values separated by "/" ("trial … day = 14 / 10")`, code: 'fact-form', values: { path: field, phrase } });
			});
		});
	const byLocale = new Map<ContentLocale, Phrasebook>();
	for (const locale of new Set(lexicons.map((l) => l.locale))) byLocale.set(locale, phrasebookOf(lexicons.filter((l) => l.locale === locale).map((l) => l.data)));
	for (const { item, path } of files) {
		for (const [key, citing] of Object.entries(published.citations)) {
			const [locale, intent] = key.split(':') as [ContentLocale, string];
			if (locale !== item.locale || byLocale.get(locale)?.intents.has(intent)) continue;
			// Items among the files are checked themselves.
			const others = citing.filter((kindAndId) => !fileKeys.has(`${kindAndId.split(':')[0]}:${locale}:${kindAndId.split(':')[1]}`));
			if (others.length > 0) {
				problems.push({
					file: path,
					line: 1,
					message: `no lexicon of ${locale} defines intent "${intent}" any longer, but published ${others.map((kindAndId) => kindAndId.replace(':', ' "') + '"').join(', ')} cite${others.length > 1 ? '' : 's'} it`,
					code: 'intent-still-cited',
					values: { intent, citing: others }
				});
			}
		}
	}
	return byLocale;
}
