import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { checkContentFiles, contentPath, serializeContentItem } from '../src/lib/engine/content';
import { readContentDirectory } from '../src/lib/server/content/files';
import { openDatabase } from '../src/lib/server/db';
import { findAttempt, loadAttempt } from '../src/lib/server/practice/attempts';
import { sql } from 'drizzle-orm';
import { attempts, interviewSummaries, practiceTotals } from '../src/lib/server/db/schema';
import { finishedSql } from '../src/lib/server/practice/attempt-counts';
import { workedOutSummary } from '../src/lib/server/derived/interview-summaries';
import { rebuildPracticeWeeks } from '../src/lib/server/derived/practice-weeks';
import { contentVariants } from './content-variants';
import {
	DATA_SET_CLOCK,
	dataSetSources,
	ensureDataSet,
	generateDataSet,
	readDataSetMeta,
	staleDataSet,
	type DataSetSize
} from './data';
import { seededRandom } from './random';

const demo = checkContentFiles(readContentDirectory('content')).items;
const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL: DataSetSize = {
	teams: 2,
	repsPerTeam: 10,
	trainers: 1,
	admins: 1,
	contentItems: 200,
	attempts: 300,
	turns: 1800,
	interviews: 20
};
const NOW = new Date('2026-03-02T08:00:00Z');

function rows(path: string, query: string): unknown[] {
	const client = new Database(path, { readonly: true });
	try {
		return client.prepare(query).all();
	} finally {
		client.close();
	}
}

// Generating and playtesting take seconds, more on a busy machine: these tests are about content, not speed.
describe('content variants', { timeout: 60_000 }, () => {
	it('makes exactly the number of items asked for, each id in every language of its original', () => {
		const items = contentVariants(demo, 600, seededRandom(1));
		expect(items).toHaveLength(600);
		const locales = new Map<string, string[]>();
		for (const item of items)
			locales.set(`${item.kind}:${item.id}`, [
				...(locales.get(`${item.kind}:${item.id}`) ?? []),
				item.locale
			]);
		expect(
			[...locales.values()].every((list) => list.length === 2 && new Set(list).size === 2)
		).toBe(true);
	});

	it('passes the same checks as content:check, playtests of every scenario included', () => {
		const items = contentVariants(demo, 600, seededRandom(1));
		expect(items.filter((item) => item.kind === 'scenario').length).toBeGreaterThan(50);
		const { problems } = checkContentFiles(
			items.map((item) => ({ path: contentPath(item), text: serializeContentItem(item) }))
		);
		expect(problems).toEqual([]);
	});
});

describe('the benchmark data set', { timeout: 60_000 }, () => {
	it('has exactly the size asked for, and the same rows, dates included, for the same seed', async () => {
		const a = join(dir, 'a.db');
		const b = join(dir, 'b.db');
		// No clock given: both are placed around DATA_SET_CLOCK, not the moment each was generated.
		const meta = await generateDataSet(a, 7, { size: SMALL });
		await new Promise((resolve) => setTimeout(resolve, 5));
		await generateDataSet(b, 7, { size: SMALL });
		expect(meta.clock).toBe(DATA_SET_CLOCK.toISOString());
		expect(meta.counts).toMatchObject({
			users: 24,
			teams: 2,
			contentItems: 200,
			attempts: 300,
			turns: 1800,
			interviews: 20
		});
		const snapshot =
			'select a.id, a.user_id, a.score, a.status, a.created_at, count(t."index") turns, sum(t.score) total from attempts a left join turns t on t.attempt_id = a.id group by a.id order by a.id';
		expect(rows(a, snapshot)).toEqual(rows(b, snapshot));
		const dated = 'select user_id, script_id, due_at, updated_at from review_cards order by 1, 2';
		expect(rows(a, dated)).toEqual(rows(b, dated));
		const other = join(dir, 'other.db');
		await generateDataSet(other, 8, { now: NOW, size: SMALL });
		expect(rows(other, snapshot)).not.toEqual(rows(a, snapshot));
	});

	it('holds role-plays the app resumes as they were saved, and running totals that match the turns', async () => {
		const path = join(dir, 'play.db');
		await generateDataSet(path, 11, { now: NOW, size: SMALL });
		const db = openDatabase(path);
		try {
			for (const { id } of db.$client.prepare('select id from attempts').all() as {
				id: string;
			}[]) {
				const attempt = findAttempt(db, id)!;
				const loaded = loadAttempt(db, attempt);
				expect(loaded.turns).toHaveLength(attempt.turnCount);
				expect(loaded.state.ended ?? 'active').toBe(attempt.status);
			}
			const totals = db.$client
				.prepare(
					`select (select sum(count) from skill_rollups where dimension = 'script') rolled, (select count(*) from turns t join attempts a on a.id = t.attempt_id where a.user_id is not null and t.script_id is not null) played`
				)
				.get();
			expect(totals).toEqual({ rolled: expect.any(Number), played: expect.any(Number) });
			const { rolled, played } = totals as { rolled: number; played: number };
			expect(rolled).toBe(played);
		} finally {
			db.$client.close();
		}
	});

	it('keeps every interview summary, practice total and week as worked out afresh from the rows written in bulk', async () => {
		// Batches of a few rows fill in the order the full data set's do: ratings and candidates'
		// interviews before a batch of interviews is full.
		const path = join(dir, 'batches.db');
		await generateDataSet(path, 5, { now: NOW, size: { ...SMALL, interviews: 40 }, batchRows: 3 });
		const db = openDatabase(path);
		try {
			const summaries = db.select().from(interviewSummaries).all();
			expect(summaries).toHaveLength(40);
			for (const summary of summaries)
				expect(summary).toEqual(workedOutSummary(db, summary.interviewId));
			const totals = db.select().from(practiceTotals).all();
			expect(totals.length).toBeGreaterThan(0);
			for (const total of totals)
				expect(total).toEqual(
					db.get(sql`select ${total.userId} as userId, count(*) as finished, total(score) as scoreSum, max(score) as best
						from attempts where user_id = ${total.userId} and interview_id is null and ${finishedSql(attempts.status)}`)
				);
			expect(rebuildPracticeWeeks(db)).toBe(0);
		} finally {
			db.$client.close();
		}
	});

	it('is reused when seed and size match, and generated again when they do not', async () => {
		const path = join(dir, 'reuse.db');
		const log = () => {};
		expect((await ensureDataSet(path, 3, log, SMALL)).generated).toBe(true);
		const first = readDataSetMeta(path)!.generatedAt;
		expect((await ensureDataSet(path, 3, log, SMALL)).generated).toBe(false);
		expect(readDataSetMeta(path)!.generatedAt).toBe(first);
		expect((await ensureDataSet(path, 4, log, SMALL)).generated).toBe(true);
		expect(readDataSetMeta(path)!.seed).toBe(4);
	});

	it('is not reused when made on another clock or from other content, engine or generator, however recent', async () => {
		const path = join(dir, 'sources.db');
		const meta = await generateDataSet(path, 3, { size: SMALL });
		const sources = dataSetSources();
		expect(meta.sources).toBe(sources);
		expect(staleDataSet(meta, 3, SMALL, sources)).toBeNull();
		expect(staleDataSet(null, 3, SMALL, sources)).toBe('none there');
		// A data set of the week before, as an earlier run would have left it.
		expect(staleDataSet({ ...meta, clock: NOW.toISOString() }, 3, SMALL, sources)).toMatch(/clock/);
		expect(staleDataSet(meta, 3, SMALL, sources.replace(/^./, 'x'))).toMatch(/changed/);
		expect(staleDataSet(meta, 3, { ...SMALL, teams: 3 }, sources)).toMatch(/size/);
	});

	it("digests every source file: a change to one scenario's text is another data set", () => {
		const root = mkdtempSync(join(dir, 'sources-'));
		cpSync('content', join(root, 'content'), { recursive: true });
		cpSync('src/lib/engine', join(root, 'src/lib/engine'), { recursive: true });
		cpSync('src/lib/server/derived', join(root, 'src/lib/server/derived'), { recursive: true });
		mkdirSync(join(root, 'bench'));
		for (const file of ['data.ts', 'content-variants.ts', 'random.ts'])
			cpSync(join('bench', file), join(root, 'bench', file));
		const before = dataSetSources(root);
		expect(before).toBe(dataSetSources(root));
		const scenario = join(root, 'content/en/scenarios/renewal-price-objection.yaml');
		writeFileSync(scenario, readFileSync(scenario, 'utf8').replace('renewal', 'Renewal'));
		expect(dataSetSources(root)).not.toBe(before);
	});
});
