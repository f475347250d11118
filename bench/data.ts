// The benchmark data set: a sales organisation a year into using Rehearse, generated into a
// database file of its own (never the app's), deterministically from a seed. `npm run bench:data`
// builds it; `npm run bench` builds it when it is missing or stale and otherwise reuses it.
//
// 1,000 users in 20 teams, 5,000 content items in both languages (variants of the demo pack),
// 100,000 role-play attempts with 600,000 turns (real transcripts: every turn was played through
// the engine and scored), 2,000 interviews with their panels' ratings, onboarding cohorts, review
// cards, reads and bookmarks. Dates are placed relative to a fixed clock, DATA_SET_CLOCK, and the
// benchmark's server runs on that clock too: "this week", the eight-week trends, due cards and
// onboarding's plan days are the same whichever day the bench runs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { eq, sql, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { openDatabase, type AppDb } from '../src/lib/server/db';
import * as schema from '../src/lib/server/db/schema';
import { readContentDirectory } from '../src/lib/server/content/files';
import { replaceAllContent } from '../src/lib/server/content/store';
import { rebuildDerivedTables } from '../src/lib/server/derived/role-plays';
import { hashPassword } from '../src/lib/server/auth/password';
import { criterionShare, criterionWeights } from '../src/lib/engine/scoring/attempt-score';
import {
	CONTENT_LOCALES,
	checkContentFiles,
	type ContentItem,
	type ContentLocale,
	type Curriculum,
	type Rubric,
	type Scenario
} from '../src/lib/engine/content';
import type { Role } from '../src/lib/roles';
import {
	compileScenario,
	startRolePlay,
	step,
	timeOut,
	type CompiledScenario,
	type PersistedRolePlay,
	type ReplyInput
} from '../src/lib/engine/scenario';
import { phrasebookAmong } from '../src/lib/engine/scoring/lexicon';
import type { ReplyScore } from '../src/lib/engine/scoring/score';
import { newReviewCard, reviewCard, RATINGS } from '../src/lib/engine/training/review';
import { contentVariants } from './content-variants';
import { between, pick, seededId, seededRandom, type Random } from './random';

/** Bump when the shape of the data changes: a data set of another version is generated again. */
export const DATA_SET_VERSION = 2;
export const DEFAULT_SEED = 20260;
export const DEFAULT_DATA_PATH = process.env.BENCH_DATA ?? 'data/bench.db';
/**
 * The instant the data set is generated for, and the benchmark's server's clock: a Wednesday at
 * noon UTC, a Wednesday in every time zone from UTC−11 to UTC+11, so "this week" holds two and a
 * half days of practice wherever it runs. Dates placed relative to the day of generation made the
 * managers' pages cost more or less with the day of the week, and with the days since.
 */
export const DATA_SET_CLOCK = new Date('2026-03-04T12:00:00Z');
/**
 * What the data set is made from besides its seed and size: the content it varies, the engine that
 * plays and scores its role-plays, the code that writes it and works out its kept tables. A data
 * set made from other sources is generated again: one left from an earlier run is reused only when
 * it is the one this code would generate.
 */
const DATA_SET_SOURCES = [
	'content',
	'src/lib/engine',
	'src/lib/server/derived',
	'bench/data.ts',
	'bench/content-variants.ts',
	'bench/random.ts'
];
const META_KEY = 'bench-data-set';
export const BENCH_PASSWORD = 'bench-password-not-a-secret';

export interface DataSetSize {
	teams: number;
	repsPerTeam: number;
	trainers: number;
	admins: number;
	contentItems: number;
	attempts: number;
	turns: number;
	interviews: number;
}

/** 20 × (1 manager + 48 reps) + 15 trainers + 5 admins = 1,000 users. */
export const FULL_SIZE: DataSetSize = {
	teams: 20,
	repsPerTeam: 48,
	trainers: 15,
	admins: 5,
	contentItems: 5000,
	attempts: 100_000,
	turns: 600_000,
	interviews: 2000
};
const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORY_DAYS = 120;

/** The accounts the benchmarks act as, by email. */
export function benchUsers(size: DataSetSize): {
	rep: string;
	manager: string;
	admin: string;
	turnReps: string[];
} {
	// Up to five reps of each team of the second half answer the role-play turns, so the pages
	// measured (the first team's) stay as generated: 50 reps in the full data set.
	const half = Math.floor(size.teams / 2);
	const turnTeams = size.teams - half;
	const turnReps = Array.from({ length: turnTeams * Math.min(5, size.repsPerTeam) }, (_, i) =>
		emailOf('rep', half + (i % turnTeams), Math.floor(i / turnTeams))
	);
	return {
		rep: emailOf('rep', 0, 0),
		manager: emailOf('manager', 0),
		admin: emailOf('admin', 0),
		turnReps
	};
}

function emailOf(role: string, team: number, index?: number): string {
	return index === undefined
		? `${role}-${String(team + 1).padStart(2, '0')}@bench.test`
		: `${role}-${String(team + 1).padStart(2, '0')}-${String(index + 1).padStart(2, '0')}@bench.test`;
}

export interface DataSetMeta {
	version: number;
	seed: number;
	size: DataSetSize;
	/** DATA_SET_CLOCK when it was generated: the instant its dates are placed around. */
	clock: string;
	/** The digest of DATA_SET_SOURCES when it was generated. */
	sources: string;
	/** When it was generated, by the machine's clock: for the log only. */
	generatedAt: string;
	seconds: number;
	counts: Record<string, number>;
}

/** A digest of every file of DATA_SET_SOURCES (tests left out), with its path. */
export function dataSetSources(root = '.'): string {
	const hash = createHash('sha256');
	for (const source of DATA_SET_SOURCES) {
		const path = join(root, source);
		const files = source.endsWith('.ts')
			? [path]
			: readdirSync(path, { recursive: true, withFileTypes: true })
					.filter((entry) => entry.isFile() && !entry.name.endsWith('.spec.ts'))
					.map((entry) => join(entry.parentPath, entry.name))
					.sort();
		for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
	}
	return hash.digest('hex');
}

const SURNAMES = [
	['陳', 'Chen'],
	['林', 'Lin'],
	['黃', 'Huang'],
	['張', 'Chang'],
	['李', 'Lee'],
	['王', 'Wang'],
	['吳', 'Wu'],
	['劉', 'Liu'],
	['蔡', 'Tsai'],
	['楊', 'Yang'],
	['許', 'Hsu'],
	['鄭', 'Cheng'],
	['謝', 'Hsieh'],
	['郭', 'Kuo'],
	['洪', 'Hung']
] as const;
const GIVEN = [
	['怡君', 'Yi-chun'],
	['志明', 'Chih-ming'],
	['雅婷', 'Ya-ting'],
	['冠宇', 'Kuan-yu'],
	['家豪', 'Chia-hao'],
	['淑芬', 'Shu-fen'],
	['建宏', 'Chien-hung'],
	['佳穎', 'Chia-ying'],
	['宗翰', 'Tsung-han'],
	['詩涵', 'Shih-han'],
	['俊傑', 'Chun-chieh'],
	['欣怡', 'Hsin-yi'],
	['承恩', 'Cheng-en'],
	['思妤', 'Ssu-yu']
] as const;
const CITIES = [
	['台北', 'Taipei'],
	['新北', 'New Taipei'],
	['桃園', 'Taoyuan'],
	['台中', 'Taichung'],
	['台南', 'Tainan'],
	['高雄', 'Kaohsiung']
] as const;
const POSITIONS = [
	'電話行銷專員 Telesales Rep',
	'資深業務 Senior Account Executive',
	'客戶經理 Account Manager',
	'續約專員 Renewal Specialist',
	'業務主管 Sales Team Lead',
	'新客開發 New Business Rep',
	'展會業務 Trade-show Sales',
	'海外業務 Export Sales'
];
const RATING_NOTES = [
	'Clear opening, asked good questions.',
	'Talked too much about features.',
	'開場清楚,但沒有追問需求。',
	'Handled the price objection calmly.',
	'面對拒絕很穩定,收尾有約下次時間。',
	'Needs work on closing with a next step.',
	''
];

function personName(next: Random): string {
	const [surname, romanSurname] = pick(next, SURNAMES);
	const [given, romanGiven] = pick(next, GIVEN);
	return `${surname}${given} ${romanSurname} ${romanGiven}`;
}

/**
 * Inserts rows in batches: one statement per few hundred rows instead of one per row. Foreign keys
 * are checked at commit; a batch writes the batches its rows refer to (`after`) before its own rows.
 */
class Batch<T extends SQLiteTable> {
	private rows: InferInsertModel<T>[] = [];
	count = 0;
	constructor(
		private readonly db: AppDb,
		private readonly table: T,
		private readonly size: number,
		private readonly after: readonly { flush(): void }[]
	) {}
	add(row: InferInsertModel<T>): void {
		this.rows.push(row);
		this.count += 1;
		if (this.rows.length >= this.size) this.flush();
	}
	flush(): void {
		if (this.rows.length === 0) return;
		for (const batch of this.after) batch.flush();
		this.db
			.insert(this.table)
			.values(this.rows as never)
			.run();
		this.rows = [];
	}
}

// Role-plays ---------------------------------------------------------------------------------------

interface PlayedTurn {
	beat: string;
	customer: string;
	reply: string;
	choice: number | null;
	scriptId: string | null;
	score: number;
	result: ReplyScore;
}

/** One role-play played through the engine, with the snapshot after every turn. */
interface Playthrough {
	mode: 'text' | 'choice' | 'live';
	turns: PlayedTurn[];
	snapshots: PersistedRolePlay[];
	ended: 'won' | 'lost' | 'neutral' | null;
	score: number;
}

const MAX_TURNS = 16;

/**
 * Plays a scenario as a rep of the given skill (0–1): at each line they pick a good, middling or
 * bad answer from the beat's own options, typed as free text or chosen; in a live interview the
 * interviewer judges each answer instead.
 */
function playThrough(
	compiled: CompiledScenario,
	skill: number,
	mode: Playthrough['mode'],
	next: Random
): Playthrough {
	let { snapshot, state } = startRolePlay(compiled);
	const turns: PlayedTurn[] = [];
	const snapshots: PersistedRolePlay[] = [];
	const said: string[] = [];
	while (!state.ended && turns.length < MAX_TURNS) {
		const beat = compiled.scenario.beats[state.beat]!;
		const roll = next();
		const quality = roll < skill ? 'good' : roll < skill + (1 - skill) / 2 ? 'ok' : 'bad';
		const options = beat.choices.map((c, i) => ({ ...c, number: i + 1 }));
		const chosen = options.find((c) => c.quality === quality) ?? options[0];
		const reply = chosen?.text ?? compiled.scenario.examples.good[turns.length] ?? 'OK.';
		const input: ReplyInput =
			mode === 'live'
				? { mode: 'judged', score: quality === 'good' ? 0.9 : quality === 'ok' ? 0.55 : 0.2 }
				: mode === 'choice' && chosen
					? { mode: 'choice', choice: chosen.number }
					: { mode: 'text', reply };
		const result = step(compiled, snapshot, input, said);
		said.push(result.turn.reply);
		({ snapshot, state } = result);
		turns.push({
			beat: result.turn.beat,
			customer: result.turn.customer,
			reply: result.turn.reply,
			choice: result.turn.choice,
			scriptId: beat.script ?? null,
			score: result.turn.score,
			result: result.turn.result
		});
		snapshots.push(snapshot);
	}
	return {
		mode,
		turns,
		snapshots,
		ended: state.ended === 'timeout' ? null : state.ended,
		score: state.score
	};
}

/** Playthroughs of each demo scenario, from the weakest rep to the strongest. */
class RolePlayPool {
	private readonly pools = new Map<string, Playthrough[]>();
	private readonly timedOut = new Map<string, { snapshot: PersistedRolePlay; score: number }>();
	constructor(
		private readonly compiled: Map<string, CompiledScenario>,
		private readonly next: Random,
		/** Playthroughs per scenario: enough for variety in 100,000 role-plays, fewer in a small data set. */
		private readonly size: number
	) {}

	playthroughs(baseKey: string, live: boolean): Playthrough[] {
		const key = `${baseKey}:${live}`;
		let pool = this.pools.get(key);
		if (!pool) {
			const compiled = this.compiled.get(baseKey)!;
			const size = live ? Math.ceil(this.size / 3) : this.size;
			pool = Array.from({ length: size }, (_, i) =>
				playThrough(
					compiled,
					(i + 0.5) / size,
					live ? 'live' : i % 4 === 3 ? 'choice' : 'text',
					this.next
				)
			);
			this.pools.set(key, pool);
		}
		return pool;
	}

	/** The attempt after `length` turns of a playthrough: as played, or timed out when cut short. */
	outcome(
		baseKey: string,
		playthrough: Playthrough,
		index: number,
		length: number
	): { snapshot: PersistedRolePlay; status: schema.AttemptStatus; score: number } {
		if (length === playthrough.turns.length && playthrough.ended)
			return {
				snapshot: playthrough.snapshots[length - 1]!,
				status: playthrough.ended,
				score: Math.round(playthrough.score * 10) / 10
			};
		const key = `${baseKey}:${playthrough.mode}:${index}:${length}`;
		let cut = this.timedOut.get(key);
		if (!cut) {
			const { snapshot, state } = timeOut(
				this.compiled.get(baseKey)!,
				playthrough.snapshots[length - 1]!
			);
			cut = { snapshot, score: Math.round(state.score * 10) / 10 };
			this.timedOut.set(key, cut);
		}
		return { ...cut, status: 'timeout' };
	}
}

// The generator ----------------------------------------------------------------------------------

/** Reads the data set's description, or null when the file is missing or not a data set. */
export function readDataSetMeta(path: string): DataSetMeta | null {
	if (!existsSync(path)) return null;
	try {
		const client = new Database(path, { readonly: true, fileMustExist: true });
		try {
			const row = client.prepare('select value from app_settings where key = ?').get(META_KEY) as
				{ value: string } | undefined;
			return row ? (JSON.parse(row.value) as DataSetMeta) : null;
		} finally {
			client.close();
		}
	} catch {
		return null;
	}
}

/**
 * Why the data set at `path` is not the one this code generates for `seed` and `size` (missing,
 * another version, seed, size, clock, or made from other content or code), or null when it is.
 */
export function staleDataSet(
	meta: DataSetMeta | null,
	seed: number,
	size: DataSetSize,
	sources: string
): string | null {
	if (!meta) return 'none there';
	if (meta.version !== DATA_SET_VERSION) return `version ${meta.version}`;
	if (meta.seed !== seed) return `seed ${meta.seed}`;
	if (JSON.stringify(meta.size) !== JSON.stringify(size)) return 'another size';
	if (meta.clock !== DATA_SET_CLOCK.toISOString()) return `clock ${meta.clock}`;
	if (meta.sources !== sources) return 'content, engine or generator changed since';
	return null;
}

/**
 * The data set at `path`: reused when it is the one this code would generate (same version, seed,
 * size, clock and sources), else generated again.
 */
export async function ensureDataSet(
	path: string,
	seed: number,
	log: (line: string) => void,
	size = FULL_SIZE
): Promise<{ meta: DataSetMeta; generated: boolean }> {
	const meta = readDataSetMeta(path);
	const sources = dataSetSources();
	const stale = staleDataSet(meta, seed, size, sources);
	if (meta && stale === null) {
		log(`Reusing the data set ${path} (seed ${seed}, generated ${meta.generatedAt}).`);
		// The app's later migrations (new indexes, say) apply to it as they would to a live database.
		openDatabase(path).$client.close();
		return { meta, generated: false };
	}
	log(`Generating the data set ${path} (seed ${seed}; the one there: ${stale})…`);
	return { meta: await generateDataSet(path, seed, { size, sources }), generated: true };
}

/**
 * `now`, the instant dates are placed around (DATA_SET_CLOCK); `batchRows` caps the rows a statement
 * inserts: small batches in a small data set interleave tables as the full one does; `sources`,
 * dataSetSources() when the caller has it already.
 */
export async function generateDataSet(
	path: string,
	seed: number,
	options: { now?: Date; size?: DataSetSize; batchRows?: number; sources?: string } = {}
): Promise<DataSetMeta> {
	const now = options.now ?? DATA_SET_CLOCK;
	const size = options.size ?? FULL_SIZE;
	const started = performance.now();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
	const db = openDatabase(path);
	const next = seededRandom(seed);
	const anchor = now.getTime();
	const counts: Record<string, number> = {};

	// Content: the demo pack and its variants. Revision ids are drawn from the seed too.
	const { items: demo, problems } = checkContentFiles(readContentDirectory('content'));
	if (problems.length > 0)
		throw new Error(`the demo content has problems; run npm run content:check`);
	const items = contentVariants(demo, size.contentItems, next);
	replaceAllContent(db, items, new Date(anchor - 200 * DAY_MS));
	const revisions = db
		.select({
			id: schema.scenarioRevisions.id,
			scenarioId: schema.scenarioRevisions.scenarioId,
			locale: schema.scenarioRevisions.locale
		})
		.from(schema.scenarioRevisions)
		.orderBy(schema.scenarioRevisions.scenarioId, schema.scenarioRevisions.locale)
		.all();
	const revisionOf = new Map<string, string>();
	db.transaction((tx) => {
		for (const revision of revisions) {
			const id = seededId(next);
			tx.update(schema.scenarioRevisions)
				.set({ id })
				.where(eq(schema.scenarioRevisions.id, revision.id))
				.run();
			revisionOf.set(`${revision.scenarioId}:${revision.locale}`, id);
		}
	});
	counts.contentItems = items.length;

	// The calls of a series are played in their series, each starting with the facts of the calls
	// before it: the data set's role-plays are the standalone scenarios (and their variants).
	const seriesCalls = new Set(
		demo.flatMap((item) =>
			item.kind === 'series'
				? (item as ContentItem<'series'>).data.calls.map((call) => call.scenario)
				: []
		)
	);
	const isStandalone = (item: ContentItem): item is ContentItem<'scenario'> =>
		item.kind === 'scenario' && !seriesCalls.has(item.id.replace(/-\d+$/, ''));
	const scenarios = items.filter(isStandalone);
	// A variant's id is its original's with "-<copy>" added (no demo scenario id ends in digits).
	const baseOf = (scenario: ContentItem<'scenario'>) =>
		`${scenario.id.replace(/-\d+$/, '')}:${scenario.locale}`;
	const compiled = new Map(
		demo
			.filter((item): item is ContentItem<'scenario'> => item.kind === 'scenario')
			.map((item) => [
				`${item.id}:${item.locale}`,
				compileScenario(item.data as Scenario, phrasebookAmong(demo, item.locale))
			])
	);
	const pool = new RolePlayPool(
		compiled,
		next,
		Math.min(48, Math.max(8, Math.round(size.attempts / 1000)))
	);
	const scriptIds = [
		...new Set(items.filter((item) => item.kind === 'script').map((item) => item.id))
	];
	const demoScripts = [
		...new Set(demo.filter((item) => item.kind === 'script').map((item) => item.id))
	];
	const demoArticles = [
		...new Set(demo.filter((item) => item.kind === 'article').map((item) => item.id))
	];

	const passwordHash = await hashPassword(BENCH_PASSWORD);
	const created = new Date(anchor - 400 * DAY_MS);

	const batches: Batch<SQLiteTable>[] = [];
	const batch = <T extends SQLiteTable>(
		table: T,
		batchOptions: { rows?: number; after?: { flush(): void }[] } = {}
	): Batch<T> => {
		const made = new Batch(
			db,
			table,
			Math.min(batchOptions.rows ?? 400, options.batchRows ?? Infinity),
			batchOptions.after ?? []
		);
		batches.push(made as unknown as Batch<SQLiteTable>);
		return made;
	};
	const users = batch(schema.users);
	const userRoles = batch(schema.userRoles);
	const teamRows = batch(schema.teams);
	const members = batch(schema.teamMembers);
	const candidates = batch(schema.candidates);
	const interviews = batch(schema.interviews, { after: [candidates] });
	const panels = batch(schema.interviewPanel, { after: [interviews] });
	const ratings = batch(schema.ratings, { after: [interviews] });
	const attemptRows = batch(schema.attempts, { after: [interviews] });
	const turnRows = batch(schema.turns, { rows: 600 });
	const rollupRows = batch(schema.skillRollups);
	const cards = batch(schema.reviewCards);
	const reads = batch(schema.articleReads);
	const bookmarks = batch(schema.bookmarks);
	const cohorts = batch(schema.cohorts);
	const cohortMembers = batch(schema.cohortMembers);
	const completions = batch(schema.moduleCompletions);
	const quizzes = batch(schema.quizResults);

	const addUser = (email: string, role: Role, locale: ContentLocale | null): string => {
		const id = seededId(next);
		users.add({ id, email, name: personName(next), passwordHash, locale, createdAt: created });
		userRoles.add({ userId: id, role });
		return id;
	};

	const rollups = new Map<
		string,
		{ userId: string; dimension: 'script' | 'criterion'; key: string; sum: number; count: number }
	>();
	const addRollup = (
		userId: string,
		dimension: 'script' | 'criterion',
		key: string,
		value: number
	) => {
		const id = `${userId}\u0000${dimension}\u0000${key}`;
		const total = rollups.get(id) ?? { userId, dimension, key, sum: 0, count: 0 };
		total.sum += value;
		total.count += 1;
		rollups.set(id, total);
	};
	let turnsLeft = size.turns;
	let attemptsLeft = size.attempts;

	/** Writes one attempt played `length` turns into a playthrough, with its turns. */
	const writeAttempt = (input: {
		userId: string | null;
		interviewId: string | null;
		scenario: ContentItem<'scenario'>;
		pick: { playthrough: Playthrough; index: number; length: number };
		startedAt: number;
	}) => {
		const { scenario, startedAt } = input;
		const { playthrough, index, length } = input.pick;
		const outcome = pool.outcome(baseOf(scenario), playthrough, index, length);
		const deadline = startedAt + scenario.data.minutes * 60_000;
		const attemptId = seededId(next);
		attemptRows.add({
			id: attemptId,
			userId: input.userId,
			interviewId: input.interviewId,
			revisionId: revisionOf.get(`${scenario.id}:${scenario.locale}`)!,
			scenarioId: scenario.id,
			mode: playthrough.mode,
			snapshot: outcome.snapshot,
			status: outcome.status,
			score: outcome.score,
			turnCount: length,
			startedAt: new Date(startedAt),
			deadlineAt: new Date(deadline),
			endedAt: new Date(outcome.status === 'timeout' ? deadline : startedAt + length * 40_000)
		});
		for (let i = 0; i < length; i++) {
			const turn = playthrough.turns[i]!;
			turnRows.add({
				attemptId,
				index: i,
				beat: turn.beat,
				customer: turn.customer,
				reply: turn.reply,
				choice: turn.choice,
				scriptId: turn.scriptId,
				score: turn.score,
				result: turn.result,
				createdAt: new Date(startedAt + (i + 1) * 35_000)
			});
			if (!input.userId) continue;
			if (turn.scriptId) addRollup(input.userId, 'script', turn.scriptId, turn.score * 100);
			for (const c of criterionWeights(turn.result.points))
				addRollup(input.userId, 'criterion', c.criterion, criterionShare(c));
		}
		turnsLeft -= length;
		attemptsLeft -= 1;
	};

	/**
	 * A playthrough near the given skill whose length keeps the data set on course for exactly
	 * size.turns turns over size.attempts attempts; the last attempts are cut short to fit.
	 */
	const choosePlaythrough = (
		scenario: ContentItem<'scenario'>,
		skill: number,
		live: boolean
	): { playthrough: Playthrough; index: number; length: number } => {
		const playthroughs = pool.playthroughs(baseOf(scenario), live);
		const target = courseTarget();
		let index = -1;
		for (let tries = 0; tries < 8 && index < 0; tries++) {
			const wobble = (next() - 0.5) * (0.2 + tries * 0.15);
			const tried = Math.min(
				playthroughs.length - 1,
				Math.max(0, Math.round((skill + wobble) * playthroughs.length))
			);
			if (Math.abs(playthroughs[tried]!.turns.length - target) <= 3) index = tried;
		}
		// None near the skill is near the course: the one closest to it, so that a content set of
		// short (or long) role-plays cannot drift the data set off its turn count.
		if (index < 0)
			index = playthroughs.reduce(
				(closest, p, i) =>
					Math.abs(p.turns.length - target) < Math.abs(playthroughs[closest]!.turns.length - target)
						? i
						: closest,
				0
			);
		// The last few attempts take at least their share (the shortest playthrough that long, cut
		// short where it is longer than the turns left allow), so that the turns left for the last one
		// never grow past what its scenario's playthroughs hold.
		if (attemptsLeft <= 5) {
			const longEnough = playthroughs
				.map((p, i) => ({ length: p.turns.length, i }))
				.filter((p) => p.length >= Math.ceil(turnsLeft / attemptsLeft));
			index =
				longEnough.length > 0
					? longEnough.reduce((best, p) => (p.length < best.length ? p : best)).i
					: playthroughs.reduce(
							(longest, p, i) =>
								p.turns.length > playthroughs[longest]!.turns.length ? i : longest,
							0
						);
		}
		if (attemptsLeft === 1)
			index = playthroughs.reduce(
				(longest, p, i) => (p.turns.length > playthroughs[longest]!.turns.length ? i : longest),
				0
			);
		const playthrough = playthroughs[index]!;
		const length =
			attemptsLeft === 1
				? Math.min(turnsLeft, playthrough.turns.length)
				: Math.max(1, Math.min(playthrough.turns.length, turnsLeft - (attemptsLeft - 1)));
		return { playthrough, index, length };
	};

	/**
	 * The length the next attempt should have: the average, plus a tenth of how far the attempts so
	 * far fell behind it (less when ahead), so that a run of short role-plays is made up within a
	 * few attempts rather than left to the last ones, which cannot be longer than their scenario.
	 */
	const courseTarget = (): number => {
		const average = size.turns / size.attempts;
		return Math.max(1, average + (turnsLeft - attemptsLeft * average) / 10);
	};

	/** Whether one of the scenario's practice playthroughs is as long as the course asks for now. */
	const reachesCourse = (scenario: ContentItem<'scenario'>): boolean => {
		const target = Math.floor(courseTarget());
		return pool.playthroughs(baseOf(scenario), false).some((p) => p.turns.length >= target);
	};

	const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

	db.$client.transaction(() => {
		// Rows go in batches by table, so a member may be written before their team: check at commit.
		db.$client.pragma('defer_foreign_keys = ON');

		// People and teams.
		for (let i = 0; i < size.admins; i++) addUser(emailOf('admin', i), 'admin', 'en');
		for (let i = 0; i < size.trainers; i++)
			addUser(emailOf('trainer', i), 'trainer', i % 2 ? 'en' : 'zh-TW');
		const teams = Array.from({ length: size.teams }, (_, t) => {
			const [city, roman] = CITIES[t % CITIES.length]!;
			const n = Math.floor(t / CITIES.length) + 1;
			const id = seededId(next);
			teamRows.add({
				id,
				name: `${city}${n}組 ${roman} ${n}`,
				leaderboard: t % 3 === 0,
				createdAt: created
			});
			const managerId = addUser(emailOf('manager', t), 'manager', t % 3 === 0 ? 'en' : 'zh-TW');
			members.add({ teamId: id, userId: managerId, role: 'manager' });
			const reps = Array.from({ length: size.repsPerTeam }, (_, r) => {
				const roll = next();
				const locale: ContentLocale | null = roll < 0.6 ? 'zh-TW' : roll < 0.9 ? 'en' : null;
				const repId = addUser(emailOf('rep', t, r), 'rep', locale);
				members.add({ teamId: id, userId: repId, role: 'rep' });
				// The last eight of each team joined days ago: they are the team's onboarding cohort.
				const joinedDaysAgo = r >= size.repsPerTeam - 8 ? 3 + (t % 6) : 400;
				return {
					id: repId,
					skill: 0.2 + next() * 0.65,
					locale: locale ?? 'zh-TW',
					activity: (0.3 + next() * 1.4) * (joinedDaysAgo < 30 ? 0.3 : 1),
					joinedDaysAgo,
					read: new Set<string>()
				};
			});
			return { id, managerId, reps };
		});

		// Hiring: candidates, interviews with their panels and ratings, and the role-plays.
		const rubrics = new Map(
			demo
				.filter(
					(item): item is ContentItem<'rubric'> =>
						item.kind === 'rubric' && item.id === 'hiring-roleplay'
				)
				.map((item) => [item.locale, item.data as Rubric])
		);
		const lastCandidate = new Map<string, { id: string; quality: number }>();
		for (let i = 0; i < size.interviews; i++) {
			const t = i % size.teams;
			const team = teams[t]!;
			const position =
				next() < 0.5 ? POSITIONS[t % POSITIONS.length]! : POSITIONS[(t + 3) % POSITIONS.length]!;
			let candidate = next() < 0.15 ? lastCandidate.get(position) : undefined;
			if (!candidate) {
				candidate = { id: seededId(next), quality: 1.5 + next() * 3.3 };
				candidates.add({
					id: candidate.id,
					name: personName(next),
					contact: `09${between(next, 10, 89)}-${between(next, 100, 999)}-${between(next, 100, 999)}`,
					position,
					createdBy: team.managerId,
					createdAt: new Date(anchor - 200 * DAY_MS)
				});
				lastCandidate.set(position, candidate);
			}
			const locale: ContentLocale = next() < 0.6 ? 'zh-TW' : 'en';
			const scenario = pick(
				next,
				demo.filter(
					(item): item is ContentItem<'scenario'> => isStandalone(item) && item.locale === locale
				)
			);
			const rubric = rubrics.get(locale)!;
			const upcoming = next() < 0.05;
			const scheduledAt = upcoming
				? anchor + between(next, 1, 14) * DAY_MS
				: anchor - Math.floor(next() * 180 * DAY_MS);
			const cancelled = next() < 0.03;
			const mode = next() < 0.5 ? 'live' : 'online';
			const interviewId = seededId(next);
			interviews.add({
				id: interviewId,
				candidateId: candidate.id,
				revisionId: revisionOf.get(`${scenario.id}:${locale}`)!,
				rubricId: rubric.id,
				rubric,
				mode,
				scheduledAt: new Date(scheduledAt),
				teamId: team.id,
				createdBy: team.managerId,
				cancelledAt: cancelled ? new Date(scheduledAt - DAY_MS) : null,
				createdAt: new Date(scheduledAt - 7 * DAY_MS)
			});
			const panel = new Set([team.managerId]);
			const panelSize = Math.min(teams.length, between(next, 2, 3));
			while (panel.size < panelSize) panel.add(pick(next, teams).managerId);
			for (const userId of panel) panels.add({ interviewId, userId });
			if (upcoming || cancelled) continue;
			for (const userId of panel) {
				const bias = (next() - 0.5) * 0.8;
				const scores = Object.fromEntries(
					rubric.criteria.map((c) => [
						c.id,
						Math.min(5, Math.max(1, Math.round(candidate.quality + bias + (next() - 0.5) * 1.6)))
					])
				);
				const average = Object.values(scores).reduce((a, b) => a + b, 0) / rubric.criteria.length;
				const submitted = next() < 0.92;
				ratings.add({
					interviewId,
					interviewerId: userId,
					scores,
					notes: pick(next, RATING_NOTES),
					recommendation:
						average < 2 ? 'strong-no' : average < 3 ? 'no' : average < 4 ? 'yes' : 'strong-yes',
					submittedAt: submitted ? new Date(scheduledAt + DAY_MS) : null,
					updatedAt: new Date(scheduledAt + DAY_MS)
				});
			}
			writeAttempt({
				userId: null,
				interviewId,
				scenario,
				pick: choosePlaythrough(scenario, (candidate.quality - 1) / 4, mode === 'live'),
				startedAt: scheduledAt
			});
		}

		// Practice: most by the keenest reps, more of it lately, and reps improve with practice.
		const reps = teams.flatMap((team) => team.reps);
		const cumulative: number[] = [];
		reps.reduce((sum, rep) => (cumulative.push(sum + rep.activity), sum + rep.activity), 0);
		const totalActivity = cumulative[cumulative.length - 1]!;
		const demoIds = new Set(demo.map((item) => item.id));
		const scenariosByLocale = new Map(
			CONTENT_LOCALES.map((locale) => [locale, scenarios.filter((s) => s.locale === locale)])
		);
		const demoScenariosByLocale = new Map(
			CONTENT_LOCALES.map((locale) => [
				locale,
				scenarios.filter((s) => s.locale === locale && demoIds.has(s.id))
			])
		);
		while (attemptsLeft > 0) {
			const roll = next() * totalActivity;
			let lo = 0;
			for (let hi = cumulative.length - 1; lo < hi;) {
				const mid = (lo + hi) >> 1;
				if (cumulative[mid]! < roll) lo = mid + 1;
				else hi = mid;
			}
			const rep = reps[lo]!;
			const daysAgo = Math.min(HISTORY_DAYS, rep.joinedDaysAgo) * next() ** 1.6;
			const startedAt = anchor - 2 * 3600_000 - Math.floor(daysAgo * DAY_MS);
			const skill = rep.skill + 0.15 * (1 - daysAgo / HISTORY_DAYS) + (next() - 0.5) * 0.3;
			const drawScenario = () =>
				pick(
					next,
					next() < 0.5 ? demoScenariosByLocale.get(rep.locale)! : scenariosByLocale.get(rep.locale)!
				);
			// A scenario too short for the course is drawn again (a few times at most), or content
			// with many short calls would leave the data set short of its turns.
			let scenario = drawScenario();
			for (let tries = 0; tries < 4 && !reachesCourse(scenario); tries++) scenario = drawScenario();
			const chosen = choosePlaythrough(scenario, skill, false);
			// Some role-plays are abandoned halfway: they time out.
			if (attemptsLeft > 100 && chosen.length > 1 && next() < 0.03)
				chosen.length = between(next, 1, chosen.length - 1);
			writeAttempt({ userId: rep.id, interviewId: null, scenario, pick: chosen, startedAt });
		}
		for (const row of rollups.values()) rollupRows.add(row);

		// Review cards, reads and bookmarks.
		for (const rep of reps) {
			const scripts = new Set([
				...demoScripts,
				...Array.from({ length: 4 }, () => pick(next, scriptIds))
			]);
			for (const scriptId of scripts) {
				let reviewedAt = anchor - between(next, 20, 90) * DAY_MS;
				let card = newReviewCard(new Date(reviewedAt));
				for (let n = 0; n < 5 && new Date(card.due).getTime() < anchor && next() > 0.2; n++) {
					reviewedAt =
						Math.max(reviewedAt, new Date(card.due).getTime()) + between(next, 0, 3) * DAY_MS;
					if (reviewedAt > anchor) break;
					card = reviewCard(card, pick(next, RATINGS), new Date(reviewedAt));
				}
				cards.add({
					userId: rep.id,
					scriptId,
					card,
					dueAt: new Date(card.due),
					updatedAt: new Date(reviewedAt)
				});
			}
			for (let n = between(next, 3, 12); n > 0; n--) rep.read.add(pick(next, demoArticles));
			for (const articleId of rep.read)
				reads.add({
					userId: rep.id,
					articleId,
					readAt: new Date(anchor - between(next, 1, 100) * DAY_MS)
				});
			const marked = new Set(
				Array.from({ length: between(next, 0, 4) }, () => pick(next, scriptIds))
			);
			for (const scriptId of marked)
				bookmarks.add({
					userId: rep.id,
					scriptId,
					createdAt: new Date(anchor - between(next, 1, 100) * DAY_MS)
				});
		}

		// Onboarding: each team's newest reps follow the plan as a cohort, most of them on track.
		const curricula = new Map(
			demo
				.filter((item): item is ContentItem<'curriculum'> => item.kind === 'curriculum')
				.map((item) => [item.locale, item])
		);
		teams.forEach((team, t) => {
			const locale: ContentLocale = t % 2 ? 'en' : 'zh-TW';
			const curriculum = curricula.get(locale)!;
			const newcomers = team.reps.filter((rep) => rep.joinedDaysAgo < 30);
			const startedAt = anchor - newcomers[0]!.joinedDaysAgo * DAY_MS;
			const cohortId = seededId(next);
			cohorts.add({
				id: cohortId,
				name: `${dayOf(startedAt).slice(0, 7)} intake ${t + 1}`,
				curriculumId: curriculum.id,
				locale,
				curriculum: curriculum.data,
				startDate: dayOf(startedAt),
				teamId: team.id,
				createdBy: team.managerId,
				createdAt: new Date(startedAt - DAY_MS)
			});
			const daysIn = Math.max(1, Math.round((newcomers[0]!.joinedDaysAgo * 5) / 7));
			for (const rep of newcomers) {
				cohortMembers.add({ cohortId, userId: rep.id, certifiedAt: null });
				(curriculum.data as Curriculum).days.slice(0, daysIn).forEach((day, d) =>
					day.modules.forEach((module, m) => {
						if (next() < 0.2) return;
						const at = new Date(startedAt + d * DAY_MS + 3600_000);
						for (const articleId of module.type === 'read'
							? module.items.filter((id) => !rep.read.has(id))
							: []) {
							rep.read.add(articleId);
							reads.add({ userId: rep.id, articleId, readAt: at });
						}
						if (module.type === 'quiz')
							for (const quizId of module.items)
								quizzes.add({
									id: seededId(next),
									userId: rep.id,
									quizId,
									score: between(next, 80, 100),
									passed: true,
									answers: [],
									createdAt: at
								});
						if (module.type === 'scripts')
							completions.add({
								cohortId,
								userId: rep.id,
								moduleKey: `d${d + 1}m${m + 1}`,
								completedAt: at
							});
					})
				);
			}
		});

		for (const made of batches) made.flush();
	})();
	// Rows written in bulk, not through the services: the kept totals and summaries are worked out
	// from them once, as the services would have kept them.
	rebuildDerivedTables(db);

	for (const [name, table] of Object.entries({
		users: schema.users,
		teams: schema.teams,
		contentItems: schema.contentItems,
		attempts: schema.attempts,
		turns: schema.turns,
		interviews: schema.interviews,
		ratings: schema.ratings,
		candidates: schema.candidates,
		reviewCards: schema.reviewCards,
		cohorts: schema.cohorts
	})) {
		counts[name] = db
			.select({ n: sql<number>`count(*)` })
			.from(table)
			.get()!.n;
	}
	const meta: DataSetMeta = {
		version: DATA_SET_VERSION,
		seed,
		size,
		clock: now.toISOString(),
		sources: options.sources ?? dataSetSources(),
		generatedAt: new Date().toISOString(),
		seconds: (performance.now() - started) / 1000,
		counts
	};
	db.insert(schema.appSettings)
		.values({ key: META_KEY, value: JSON.stringify(meta) })
		.run();
	// One self-contained file: the benchmark copies it before every run.
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	return meta;
}
