// The benchmark itself, at a tiny size: the data set is generated and every step of `npm run bench`
// runs against the production build, so that a change that breaks the bench shows here rather than
// on the next measuring day. Timings and their targets mean nothing at this size and are not checked;
// a step that throws, a page that answers other than 2xx, or a page whose JavaScript is over its
// budget (the build's size, the same on any machine) fails. Its own server, port and files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AB_REQUESTS, runAb } from '../../bench/ab';
import { runBench, smokePlan } from '../../bench/run';

// + 53 for the server, + 54 for the fake transcription server its spoken turns use; + 55 and + 56
// for the two servers bench:compare runs.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 53;

test('every step of the benchmark runs on a tiny data set, and every page it loads answers 2xx', async () => {
	// A few seconds on a quiet machine; the end-to-end tests run beside it.
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-smoke-'));
	try {
		const { rows, meta } = await runBench(smokePlan(join(dir, 'bench.db'), PORT), () => {});
		expect(meta.counts).toMatchObject({ users: 24, attempts: 300, interviews: 20 });
		const figures = (part: string) => rows.filter((row) => row.name.includes(part));
		// One row for each step: scoring in both languages and its agreement with the graded corpus, search, the bundles, start-up, turns, each page.
		for (const step of [
			'scoring zh-TW',
			'scoring en',
			"ρ of score and trainer's grade, held-out",
			'search',
			'JavaScript of the practice room',
			'start-up',
			'role-play turn, 50 connections: req/s',
			// The spoken turn as a browser sends it, and as the WAV the server takes too.
			'spoken turn, 20 s WebM/Opus 24 kbit/s, 20 connections: p95',
			'spoken turn, 20 s WAV 8 kHz 16-bit, 20 connections: p95',
			'disk used per practising rep-hour, 20 s WebM/Opus',
			'disk used per practising rep-hour, 20 s WAV',
			'resident memory'
		]) {
			expect(figures(step), step).not.toHaveLength(0);
		}
		for (const page of [
			'home',
			'practice list',
			'practice room',
			'result page',
			'library entry',
			'knowledge article',
			'review',
			'team dashboard',
			'weak spots',
			'interview comparison',
			'onboarding cohort'
		]) {
			expect(
				rows.filter((row) => row.name.startsWith(page) && row.name.includes('server CPU a view')),
				page
			).toHaveLength(1);
		}
		// What each page makes the browser download is the build's, the same on any machine and at
		// any size: its budgets hold here too.
		const scripts = rows.filter((row) => row.name.startsWith('JavaScript of the'));
		expect(scripts.filter((row) => !row.holds).map((row) => `${row.name}: ${row.value}`)).toEqual(
			[]
		);
		// Connection errors, timeouts and answers other than 2xx, of every load run.
		const errors = rows.filter((row) => row.name.endsWith('errors'));
		expect(errors).toHaveLength(4);
		expect(errors.map((row) => [row.name, row.value])).toEqual(errors.map((row) => [row.name, 0]));
		// Every spoken turn answered left its recording on disk, with its row, in either form.
		const stored = rows.filter((row) => row.name.includes('turns without their stored file'));
		expect(stored.map((row) => row.value)).toEqual([0, 0]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('bench:compare measures every request on both builds, interleaved, without an error', async () => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-compare-'));
	try {
		const tiny = smokePlan(join(dir, 'bench.db'), PORT);
		// The same build on both sides: what is checked is that every request is measured on each.
		const rows = await runAb(
			{
				dataPath: tiny.dataPath,
				seed: tiny.seed,
				size: tiny.size,
				port: PORT + 2,
				builds: ['build', 'build'],
				connections: 4,
				// Long enough for a cold server to compile the scenarios of the rep's results (about a
				// second on a busy machine), so that every request completes in the short slices.
				warmUpSeconds: 3,
				slices: 2,
				sliceSeconds: 0.3,
				turns: 3000
			},
			() => {}
		);
		expect(rows.map((row) => row.request)).toEqual([...AB_REQUESTS]);
		for (const row of rows) {
			expect(row.errors, row.request).toBe(0);
			expect(row.slicesA, row.request).toHaveLength(2);
			expect(row.slicesB, row.request).toHaveLength(2);
			expect(row.rateA, row.request).toBeGreaterThan(0);
			expect(row.rateB, row.request).toBeGreaterThan(0);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
