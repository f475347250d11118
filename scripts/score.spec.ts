import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentFiles, type ContentItem } from '../src/lib/engine/content';
import { priceCall } from '../src/lib/testing/price-call.fixture';
import { scoreReply } from '../src/lib/engine/scoring/score';
import { readContentDirectory } from '../src/lib/server/content/files';
import { upsertContentItem } from '../src/lib/server/content/store';
import { openDatabase } from '../src/lib/server/db';

const dir = mkdtempSync(join(tmpdir(), 'rehearse-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runScore(args: string[], options: { database: string; input?: string }) {
	const result = spawnSync('npx', ['tsx', 'scripts/score.ts', ...args], {
		encoding: 'utf8',
		input: options.input,
		env: { ...process.env, DATABASE_URL: options.database }
	});
	const lines = result.stdout
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as Record<string, unknown>);
	return { status: result.status, lines, stderr: result.stderr };
}

const line = (fields: Record<string, string>) =>
	JSON.stringify({ locale: 'en', scenario: 'price-call', beat: 'greet', ...fields });

describe('npm run score', () => {
	it('scores each line against the published content of the database, and reports a bad line without stopping', () => {
		const database = join(dir, 'published.db');
		const db = openDatabase(database);
		upsertContentItem(db, {
			kind: 'scenario',
			locale: 'en',
			id: 'price-call',
			data: priceCall(),
			body: ''
		});
		db.$client.close();
		const file = join(dir, 'replies.jsonl');
		const good = 'Good morning Mr Wang, this is Kevin calling from MetalHub. Do you have a minute?';
		const poorReply = 'Hi, we have a discount for you today.';
		// Where words are in a reply, as offsets into it: what a span is.
		const spanOf = (words: string, reply = good) => [
			reply.indexOf(words),
			reply.indexOf(words) + words.length
		];
		writeFileSync(
			file,
			[
				line({ reply: good }),
				line({ reply: poorReply }),
				line({ beat: 'farewell', reply: good }),
				'{"locale": "en", "scenario": "price-call",',
				'',
				// In the content files, but not published in this database.
				line({ scenario: 'renewal-price-objection', reply: good })
			].join('\n')
		);

		const result = runScore([file], { database });

		expect(result.stderr).toContain(`published content in the database ${database}`);
		expect(result.stderr).toContain('3 lines could not be scored.');
		expect(result.status).toBe(1);
		expect(result.lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 6]);
		const [scored, poor, unknownBeat, badJson, unpublished] = result.lines;
		expect(scored).toMatchObject({ score: 1, passLine: 0.6, pitfalls: [], flags: [] });
		expect(scored!.points).toEqual([
			{
				point: 'Says who they are',
				criterion: 'opening',
				weight: 2,
				hit: true,
				spans: [spanOf('this is'), spanOf('calling from')],
				texts: ['this is', 'calling from']
			},
			{
				point: 'Asks for a minute',
				criterion: 'opening',
				weight: 1,
				hit: true,
				spans: [spanOf('a minute')],
				texts: ['a minute']
			}
		]);
		expect(scored!.signals).toContain('question');
		// A beat's pitfall alone is poor, not harmful: it keeps the floor of 0.1 (score.ts, pitfallFloor).
		expect(poor).toMatchObject({
			score: 0.1,
			pitfalls: [
				{
					point: 'Quotes a price at once',
					penalty: 2,
					spans: [spanOf('discount', poorReply)],
					texts: ['discount']
				}
			]
		});
		expect((poor!.points as { hit: boolean }[]).map((p) => p.hit)).toEqual([false, false]);
		expect(unknownBeat).toEqual({
			line: 3,
			error: expect.stringContaining('scenario "price-call" (en) has no beat "farewell"')
		});
		expect(badJson).toEqual({ line: 4, error: expect.stringMatching(/^not JSON: /) });
		expect(unpublished).toEqual({ line: 6, error: 'no scenario "renewal-price-objection" in en' });
	});

	it('reads standard input, and without a database scores against the content files as the engine does', () => {
		const database = join(dir, 'missing', 'rehearse.db');
		const items = checkContentFiles(readContentDirectory('content')).items;
		const scenario = items.find(
			(item): item is ContentItem<'scenario'> => item.kind === 'scenario' && item.locale === 'zh-TW'
		)!;
		const beat = scenario.data.start;
		const reply =
			'價格我沒辦法私下打折，也不會跟您保證一定會有幾張詢價，您方便說說去年大概收到多少詢價嗎？';

		const result = runScore(['-'], {
			database,
			input: `${JSON.stringify({ locale: 'zh-TW', scenario: scenario.id, beat, reply })}\n`
		});

		expect(result.stderr).toContain(
			`No database at ${database}: scoring against the content files in content/.`
		);
		expect(result.status).toBe(0);
		const expected = scoreReply(reply, scenario.data.beats[beat]!);
		expect(result.lines).toHaveLength(1);
		expect(result.lines[0]).toMatchObject({
			line: 1,
			score: expected.score,
			signals: expected.signals,
			flags: expected.flags
		});
		expect((result.lines[0]!.points as { hit: boolean }[]).map((p) => p.hit)).toEqual(
			expected.points.map((p) => p.hit)
		);
		// Scoring reads; it does not create a database where there was none.
		expect(existsSync(database)).toBe(false);
	});
}, 60_000);
