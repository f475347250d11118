import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { findContent, upsertContentItem } from './store';
import { syncContentFiles } from './sync';
import { findAttempt, loadAttempt, startAttempt } from '../practice/attempts';
import {
	draftOf,
	exportZip,
	importZip,
	insightsOf,
	listStudioItems,
	newerLanguage,
	publish,
	publishedText,
	revisionsOf,
	rollBack,
	saveDraft,
	checkText
} from './studio';
import { templateFor } from '$lib/engine/studio/templates';
import {
	checkContentFiles,
	MAX_FILE_CHARS,
	parseContentFile,
	readDraft,
	type ContentItem
} from '$lib/engine/content/index';
import { parseExportSelection } from '$lib/engine/studio/selection';

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const trainer = insertUser(db, {
		email: 't@example.com',
		name: 'T',
		passwordHash: 'x',
		roles: ['trainer']
	});
	const rep = insertUser(db, {
		email: 'r@example.com',
		name: 'R',
		passwordHash: 'x',
		roles: ['rep']
	});
	return { db, trainer, rep };
}

// The first check starts the worker thread that checks run on (see content/checker.ts): on a busy machine, seconds.
describe('studio publishing', { timeout: 30_000 }, () => {
	it('keeps the synced version as revision 1, publishes the edit as revision 2, and rolls back', async () => {
		const { db, trainer } = setUp();
		const before = publishedText(db, 'script', 'en', 'price-too-high')!;
		const edited = before.replace(/^title: .*$/m, 'title: Too expensive (edited)');
		saveDraft(db, 'script', 'en', 'price-too-high', edited, trainer.id);
		expect(draftOf(db, 'script', 'en', 'price-too-high')).toBe(edited);
		expect(await publish(db, 'script', 'en', 'price-too-high', edited, trainer.id)).toEqual({
			ok: true,
			number: 2
		});
		expect(findContent(db, 'script', 'price-too-high', 'en')?.data.title).toBe(
			'Too expensive (edited)'
		);
		expect(draftOf(db, 'script', 'en', 'price-too-high')).toBeNull();
		const revisions = revisionsOf(db, 'script', 'en', 'price-too-high');
		expect(revisions.map((r) => [r.number, r.authorId])).toEqual([
			[2, trainer.id],
			[1, null]
		]);
		expect(await rollBack(db, revisions[1]!.id, trainer.id)).toEqual({ ok: true, number: 3 });
		expect(findContent(db, 'script', 'price-too-high', 'en')?.data.title).not.toBe(
			'Too expensive (edited)'
		);
	});

	it('refuses to publish a file with a problem, naming the line, and changes nothing', async () => {
		const { db, trainer } = setUp();
		const broken = publishedText(db, 'script', 'en', 'price-too-high')!.replace(
			'category: price',
			'category: pricey'
		);
		const result = await publish(db, 'script', 'en', 'price-too-high', broken, trainer.id);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems[0]).toMatchObject({
			file: 'en/scripts/price-too-high.md',
			line: 4
		});
		expect(revisionsOf(db, 'script', 'en', 'price-too-high')).toEqual([]);
	});

	it('a new scenario from the template publishes; an unreachable beat is refused first', async () => {
		const { db, trainer } = setUp();
		const text = templateFor('scenario', 'my-first-call', 'en', 'My first call');
		const withOrphan = text.replace(
			'  won: {',
			'  orphan: { customer: Hm?, next: [{ goto: lost }] }\n  won: {'
		);
		expect(
			(await checkText(db, 'scenario', 'en', 'my-first-call', withOrphan)).problems.map(
				(p) => p.message
			)
		).toContain('beat "orphan" cannot be reached from the start beat "greet"');
		expect(await publish(db, 'scenario', 'en', 'my-first-call', text, trainer.id)).toEqual({
			ok: true,
			number: 1
		});
		expect(findContent(db, 'scenario', 'my-first-call', 'en')).toBeDefined();
	});

	it('marks the other language of an item as possibly out of date after one language changes, until it is saved too', async () => {
		const { db, trainer } = setUp();
		const at = (minutes: number) => new Date(Date.UTC(2026, 11, 5, 9, minutes));
		const zh = (id: string) =>
			listStudioItems(db).find(
				(item) => item.kind === 'script' && item.locale === 'zh-TW' && item.id === id
			);
		expect(zh('price-too-high')?.newerIn).toBeNull();
		const english = publishedText(db, 'script', 'en', 'price-too-high')!;
		expect(
			await publish(
				db,
				'script',
				'en',
				'price-too-high',
				english.replace(/^title: .*$/m, 'title: Too expensive (new)'),
				trainer.id,
				at(0)
			)
		).toMatchObject({ ok: true });
		expect(zh('price-too-high')?.newerIn).toBe('en');
		expect(newerLanguage(db, 'script', 'zh-TW', 'price-too-high')).toEqual({
			locale: 'en',
			at: at(0)
		});
		expect(newerLanguage(db, 'script', 'en', 'price-too-high')).toBeNull();
		// Saving the Chinese version, even as a draft, clears the mark; a change within the same minute is the same piece of work.
		saveDraft(
			db,
			'script',
			'zh-TW',
			'price-too-high',
			publishedText(db, 'script', 'zh-TW', 'price-too-high')!,
			trainer.id,
			at(30)
		);
		expect(zh('price-too-high')?.newerIn).toBeNull();
		saveDraft(
			db,
			'script',
			'en',
			'price-too-high',
			english,
			trainer.id,
			new Date(at(30).getTime() + 50_000)
		);
		expect(newerLanguage(db, 'script', 'zh-TW', 'price-too-high')).toBeNull();
		saveDraft(db, 'script', 'en', 'price-too-high', english, trainer.id, at(32));
		expect(newerLanguage(db, 'script', 'zh-TW', 'price-too-high')).toEqual({
			locale: 'en',
			at: at(32)
		});
	});

	it('lists a new item that only has a draft by the title its trainer gave it', () => {
		const { db, trainer } = setUp();
		saveDraft(
			db,
			'scenario',
			'zh-TW',
			'scenario-1',
			templateFor('scenario', 'scenario-1', 'zh-TW', '需要問老闆：再想想'),
			trainer.id
		);
		expect(listStudioItems(db).find((item) => item.id === 'scenario-1')).toMatchObject({
			locale: 'zh-TW',
			title: '需要問老闆：再想想',
			published: false,
			draft: true
		});
	});

	it('refuses to publish a template whose placeholders are still there, naming each line, and publishes it once they are replaced', async () => {
		const { db, trainer } = setUp();
		const text = templateFor('quiz', 'first-quiz', 'zh-TW', '第一次測驗');
		const refused = await publish(db, 'quiz', 'zh-TW', 'first-quiz', text, trainer.id);
		expect(!refused.ok && refused.problems.map((p) => [p.line, p.message])).toEqual([
			[6, '"寫下題目。" is the template\'s placeholder: write your own text here'],
			[7, '"第一個選項" is the template\'s placeholder: write your own text here'],
			[7, '"第二個選項" is the template\'s placeholder: write your own text here'],
			[9, '"為什麼這是正確答案。" is the template\'s placeholder: write your own text here']
		]);
		const written = text
			.replace('寫下題目。', '會員一年多少錢？')
			.replace('[第一個選項, 第二個選項]', '[兩萬六千八, 五千]')
			.replace('為什麼這是正確答案。', '金牌會員一年 NT$26,800。');
		expect(await publish(db, 'quiz', 'zh-TW', 'first-quiz', written, trainer.id)).toEqual({
			ok: true,
			number: 1
		});
	});

	it('the scenario template opens in the form as one opening beat and a won and a lost ending, in the item’s language, and passes its playtest', async () => {
		const { db } = setUp();
		for (const locale of ['en', 'zh-TW'] as const) {
			const text = templateFor('scenario', 'my-first-call', locale, 'My first call');
			const read = readDraft('scenario', text);
			if (!read.ok || read.draft.kind !== 'scenario')
				throw new Error(`${locale}: the form cannot read the template`);
			const { beats, start } = read.draft.data;
			expect(Object.entries(beats).map(([id, beat]) => [id, beat.end ?? null])).toEqual([
				[start, null],
				['won', 'won'],
				['lost', 'lost']
			]);
			expect((await checkText(db, 'scenario', locale, 'my-first-call', text)).problems).toEqual([]);
			const insights = await insightsOf(db, 'scenario', locale, 'my-first-call', text, []);
			expect(insights.scenario?.playtest.map((run) => [run.kind, run.passed])).toEqual([
				['good', true],
				['bad', false]
			]);
		}
		expect(templateFor('scenario', 'x', 'zh-TW', '需要問老闆')).toContain('customer: 喂？哪位？');
	});

	it('draws a half-written scenario (its start beat or a rule’s beat removed) instead of failing the live check', async () => {
		const { db } = setUp();
		const template = templateFor('scenario', 'my-first-call', 'en', 'My first call');
		for (const text of [
			template.replace('start: greet', 'start: opening'),
			template.replace('{ goto: lost }', '{ goto: gone }')
		]) {
			const { problems } = await checkText(db, 'scenario', 'en', 'my-first-call', text);
			expect(problems).toHaveLength(1);
			const insights = await insightsOf(db, 'scenario', 'en', 'my-first-call', text, problems);
			expect(insights.scenario?.graph.nodes.map((node) => node.id)).toEqual([
				'greet',
				'won',
				'lost'
			]);
			expect(insights.scenario?.playtest).toEqual([]);
		}
	});

	it('a rep’s running attempt keeps its revision when the trainer publishes a change', async () => {
		const { db, trainer, rep } = setUp();
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
		const original = loadAttempt(db, attempt).state.customer;
		const edited = publishedText(db, 'scenario', 'en', 'renewal-price-objection')!.replace(
			original,
			'Yes? Who is calling?'
		);
		expect(
			(await publish(db, 'scenario', 'en', 'renewal-price-objection', edited, trainer.id)).ok
		).toBe(true);
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).state.customer).toBe(original);
		expect(
			loadAttempt(db, startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!).state
				.customer
		).toBe('Yes? Who is calling?');
	});
});

// Each test loads the whole demo pack into a database or two: work, not speed, so a loaded machine gets time.
describe('zip import and export', { timeout: 30_000 }, () => {
	it('export → import elsewhere → export gives the same files', async () => {
		const { unzipSync, strFromU8 } = await import('fflate');
		const { exportZip, importZip } = await import('./studio');
		const first = setUp();
		const zip = exportZip(first.db);
		const files = unzipSync(zip);
		expect(Object.keys(files).length).toBeGreaterThan(80);
		const second = setUp();
		expect(await importZip(second.db, zip, second.trainer.id)).toMatchObject({ ok: true });
		const again = unzipSync(exportZip(second.db));
		for (const [path, bytes] of Object.entries(files))
			expect(strFromU8(again[path]!), path).toBe(strFromU8(bytes));
	});

	it('refuses the whole zip when one file is bad, naming file and line', async () => {
		const { zipSync, strToU8 } = await import('fflate');
		const { importZip } = await import('./studio');
		const { db, trainer } = setUp();
		const good = publishedText(db, 'script', 'en', 'think-about-it')!.replace(
			/^title: .*$/m,
			'title: Changed by import'
		);
		const bad = publishedText(db, 'script', 'en', 'price-too-high')!.replace(
			'category: price',
			'category: pricey'
		);
		const zip = zipSync({
			'content/en/scripts/think-about-it.md': strToU8(good),
			'content/en/scripts/price-too-high.md': strToU8(bad)
		});
		const result = await importZip(db, zip, trainer.id);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
			'en/scripts/price-too-high.md:4'
		]);
		expect(findContent(db, 'script', 'think-about-it', 'en')?.data.title).not.toBe(
			'Changed by import'
		);
		expect(await importZip(db, strToU8('not a zip'), trainer.id)).toMatchObject({ ok: false });
	});

	it('imports new items that refer to each other, and refuses a file that is in the zip twice', async () => {
		const { zipSync, strToU8 } = await import('fflate');
		const { importZip } = await import('./studio');
		const { db, trainer } = setUp();
		const script = templateFor('script', 'brand-new-objection', 'en', 'New objection');
		const scenario = templateFor('scenario', 'brand-new-call', 'en', 'Brand new call').replace(
			'    customer: Hello?\n',
			'    customer: Hello?\n    script: brand-new-objection\n'
		);
		// The scenario comes first in the zip and refers to the script, which is not published yet.
		const together = zipSync({
			'content/en/scenarios/brand-new-call.yaml': strToU8(scenario),
			'content/en/scripts/brand-new-objection.md': strToU8(script)
		});
		expect(await importZip(db, together, trainer.id)).toEqual({ ok: true, count: 2 });
		expect(findContent(db, 'scenario', 'brand-new-call', 'en')?.data.beats['greet']?.script).toBe(
			'brand-new-objection'
		);
		const twice = zipSync({
			'content/en/scripts/brand-new-objection.md': strToU8(script.replace('New objection', 'One')),
			'pack/content/en/scripts/brand-new-objection.md': strToU8(
				script.replace('New objection', 'Two')
			)
		});
		expect(await importZip(db, twice, trainer.id)).toEqual({
			ok: false,
			problems: [
				{
					file: 'en/scripts/brand-new-objection.md',
					line: 1,
					message: 'this file is in the zip twice',
					code: 'zip-twice',
					values: {}
				}
			]
		});
		expect(findContent(db, 'script', 'brand-new-objection', 'en')?.data.title).toBe(
			'New objection'
		);
	});
});

describe('export of a selection', { timeout: 30_000 }, () => {
	const select = (query: string) => parseExportSelection(new URLSearchParams(query));
	const filesOf = (zip: Uint8Array) => Object.keys(unzipSync(zip)).sort();
	const checkAlone = (zip: Uint8Array) =>
		checkContentFiles(
			Object.entries(unzipSync(zip)).map(([path, bytes]) => ({
				path: path.replace(/^content\//, ''),
				text: strFromU8(bytes)
			}))
		).problems;

	it('reads ticked kinds, languages and items, ignoring anything else', () => {
		expect(
			select(
				'kind=quiz&kind=nope&locale=en&locale=fr&item=rubric:zh-TW:hiring-roleplay&item=rubric:en:../x&item=a:b'
			)
		).toEqual({
			kinds: ['quiz'],
			locales: ['en'],
			items: [{ kind: 'rubric', locale: 'zh-TW', id: 'hiring-roleplay' }]
		});
	});

	it('zips exactly the ticked items plus the ticked kinds in the ticked languages', () => {
		const { db } = setUp();
		expect(
			filesOf(exportZip(db, select('kind=rubric&locale=en&item=quiz:zh-TW:industry-chain')))
		).toEqual([
			'content/en/rubrics/hiring-former-product.yaml',
			'content/en/rubrics/hiring-roleplay.yaml',
			'content/en/rubrics/rep-certification.yaml',
			'content/zh-TW/quizzes/industry-chain.yaml'
		]);
		expect(filesOf(exportZip(db, select('kind=rubric')))).toHaveLength(6);
		expect(filesOf(exportZip(db, select('item=quiz:en:industry-chain')))).toEqual([
			'content/en/quizzes/industry-chain.yaml'
		]);
		expect(filesOf(exportZip(db, select('')))).toEqual(filesOf(exportZip(db)));
	});

	it('a selection passes the check alone only with what it refers to, and imports where that is published', async () => {
		const { db } = setUp();
		const planOnly = exportZip(db, select('item=curriculum:en:new-rep-onboarding'));
		const missing = checkAlone(planOnly);
		expect(missing.length).toBeGreaterThan(0);
		expect(
			missing.every(
				(p) =>
					p.file === 'en/curricula/new-rep-onboarding.yaml' && p.message.startsWith('refers to')
			)
		).toBe(true);

		// Into a database without content the plan is refused, naming what is missing; nothing is imported.
		const empty = createTestDatabase();
		const trainer = insertUser(empty, {
			email: 't@example.com',
			name: 'T',
			passwordHash: 'x',
			roles: ['trainer']
		});
		const refused = await importZip(empty, planOnly, trainer.id);
		expect(!refused.ok && refused.problems.map((p) => p.message)).toEqual(
			missing.map((p) => p.message)
		);
		expect(publishedText(empty, 'curriculum', 'en', 'new-rep-onboarding')).toBeNull();

		// With everything it refers to in the same zip, it checks alone and imports into the empty database.
		const withReferences = exportZip(db, select('locale=en'));
		expect(checkAlone(withReferences)).toEqual([]);
		expect(await importZip(empty, withReferences, trainer.id)).toMatchObject({ ok: true });
		expect(publishedText(empty, 'curriculum', 'en', 'new-rep-onboarding')).not.toBeNull();
		expect(publishedText(empty, 'curriculum', 'zh-TW', 'new-rep-onboarding')).toBeNull();

		// Where the references are already published, the plan alone imports.
		const { db: other, trainer: otherTrainer } = setUp();
		expect(await importZip(other, planOnly, otherTrainer.id)).toEqual({ ok: true, count: 1 });
	});
});

describe('content that the checks refuse', { timeout: 30_000 }, () => {
	const article = (body: string) =>
		`---\nid: membership-tiers\ntitle: Membership tiers\ncategory: product\nsummary: The three tiers.\n---\n${body}`;

	it('an article over the size limit is refused by the editor, an import and a sync alike, naming file and line', async () => {
		const { db, trainer } = setUp();
		// Within what a zip entry may unpack to, so that the import reaches the checks.
		const long = article('Membership tiers, explained at length.\n'.repeat(8_000));
		expect(long.length).toBeGreaterThan(MAX_FILE_CHARS);
		const line = long.slice(0, MAX_FILE_CHARS).split('\n').length;
		const expected = [
			{
				file: 'en/knowledge/membership-tiers.md',
				line,
				message: expect.stringContaining('the file is longer than 200,000 characters'),
				code: 'file-too-long',
				values: { limit: MAX_FILE_CHARS, length: long.length }
			}
		];
		expect((await checkText(db, 'article', 'en', 'membership-tiers', long)).problems).toEqual(
			expected
		);
		expect(await publish(db, 'article', 'en', 'membership-tiers', long, trainer.id)).toEqual({
			ok: false,
			problems: expected
		});
		const { zipSync, strToU8 } = await import('fflate');
		expect(
			await importZip(
				db,
				zipSync({ 'content/en/knowledge/membership-tiers.md': strToU8(long) }),
				trainer.id
			)
		).toEqual({ ok: false, problems: expected });
		expect(
			syncContentFiles(db, [{ path: 'en/knowledge/membership-tiers.md', text: long }])
		).toEqual({ ok: false, problems: expected });
		expect(findContent(db, 'article', 'membership-tiers', 'en')?.body.length).toBeLessThan(
			MAX_FILE_CHARS
		);
	});

	it('a zip bomb is refused before it is unpacked, saying which limit it crossed, and nothing changes', async () => {
		const { db, trainer } = setUp();
		const { zipSync } = await import('fflate');
		const bomb = zipSync(
			{ 'content/en/knowledge/membership-tiers.md': new Uint8Array(5_000_000) },
			{ level: 1 }
		);
		const result = await importZip(db, bomb, trainer.id);
		expect(result).toMatchObject({
			ok: false,
			refused: { what: 'entry', file: 'content/en/knowledge/membership-tiers.md' }
		});
		expect(revisionsOf(db, 'article', 'en', 'membership-tiers')).toEqual([]);
	});

	it('the editor opens an article published before the checks refused its Markdown, and shows its text', async () => {
		const { db } = setUp();
		const bomb = article('Intro.\n\n' + '> '.repeat(50_000));
		// As content:sync would have stored it before the nesting limit existed.
		const parsed = parseContentFile('en/knowledge/membership-tiers.md', article('Intro.'));
		if (!parsed.ok) throw new Error('the article does not parse');
		upsertContentItem(db, {
			...parsed.item,
			body: bomb.slice(bomb.indexOf('Intro.'))
		} as ContentItem);
		const text = publishedText(db, 'article', 'en', 'membership-tiers')!;
		const { problems } = await checkText(db, 'article', 'en', 'membership-tiers', text);
		const line = text.split('\n').findIndex((l) => l.startsWith('> > >')) + 1;
		expect(problems).toEqual([
			{
				file: 'en/knowledge/membership-tiers.md',
				line,
				message: expect.stringContaining('levels deep'),
				code: 'markdown-too-deep',
				values: { limit: 12 }
			}
		]);
		const insights = await insightsOf(db, 'article', 'en', 'membership-tiers', text, problems);
		expect(insights.preview).toBeNull();
		const { renderMarkdown } = await import('./markdown');
		expect(renderMarkdown(findContent(db, 'article', 'membership-tiers', 'en')!.body).html).toMatch(
			/^<pre>Intro\.\n\n&gt; &gt; /
		);
	});
});
