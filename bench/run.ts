// Every benchmark in one run, as a plan says: the full one (`npm run bench`), or a smoke run on a
// tiny data set that only shows every step still works (tests/e2e/bench.e2e.ts). Needs the
// production build.
import { checkContentFiles } from '../src/lib/engine/content';
import { readContentDirectory } from '../src/lib/server/content/files';
import { scenarioLookup } from '../scoring/graded-replies';
import {
	DEFAULT_DATA_PATH,
	DEFAULT_SEED,
	ensureDataSet,
	FULL_SIZE,
	type DataSetMeta,
	type DataSetSize
} from './data';
import { benchAgreement } from './agreement';
import { benchBundles } from './bundles';
import { prepareFixture, removeFixture } from './fixture';
import { benchServer } from './http';
import { benchScoring } from './scoring';
import { benchSearch } from './search';
import { measured, type BenchRow } from './table';

export interface BenchPlan {
	dataPath: string;
	seed: number;
	size: DataSetSize;
	port: number;
	/**
	 * Seconds of each load run: the role-play turn at 50 and at 5 connections, the spoken turn at
	 * 20, a page at 20, and the warm-up before each.
	 */
	seconds: { turns: number; fewTurns: number; spoken: number; page: number; warmUp: number };
	scoringRounds: number;
	searchRounds: number;
	/** Fresh role-plays for the turn runs: more than any throughput reached answers. */
	turns: number;
	/** Fresh call-mode role-plays for the spoken turn runs (each leaves its recording on disk). */
	spokenTurns: number;
	/** `spoken`: only the spoken turn's rows (`npm run bench -- --only spoken`), to measure a change to it. */
	only?: 'spoken';
}

export const FULL_PLAN: BenchPlan = {
	dataPath: DEFAULT_DATA_PATH,
	seed: Number(process.env.BENCH_SEED ?? DEFAULT_SEED),
	size: FULL_SIZE,
	port: Number(process.env.BENCH_PORT ?? 4391),
	seconds: { turns: 10, fewTurns: 5, spoken: 5, page: 6, warmUp: 1 },
	scoringRounds: 200,
	searchRounds: 20,
	turns: 40_000,
	spokenTurns: 5_000
};

/** A few seconds in all: every step runs, no figure means anything. */
export function smokePlan(dataPath: string, port: number): BenchPlan {
	return {
		dataPath,
		seed: DEFAULT_SEED,
		size: {
			teams: 2,
			repsPerTeam: 10,
			trainers: 1,
			admins: 1,
			contentItems: 200,
			attempts: 300,
			turns: 1800,
			interviews: 20
		},
		port,
		seconds: { turns: 0.2, fewTurns: 0.1, spoken: 0.2, page: 0.1, warmUp: 0.05 },
		scoringRounds: 1,
		searchRounds: 1,
		turns: 1000,
		spokenTurns: 300
	};
}

export async function runBench(
	plan: BenchPlan,
	log: (line: string) => void
): Promise<{ rows: BenchRow[]; meta: DataSetMeta }> {
	const { meta, generated } = await ensureDataSet(plan.dataPath, plan.seed, log, plan.size);
	const c = meta.counts;
	const dataRow = () =>
		measured(
			`data set ${generated ? 'generated' : 'reused; it was generated'} in (${c.users} users, ${c.contentItems} items, ${c.attempts} attempts, ${c.turns} turns, ${c.interviews} interviews)`,
			meta.seconds,
			's',
			1
		);
	if (plan.only === 'spoken') {
		log(`Preparing ${plan.spokenTurns.toLocaleString('en')} spoken role-plays to answer…`);
		const fixture = prepareFixture(plan.dataPath, plan.size, 0, plan.spokenTurns);
		try {
			log('Loading the server with spoken turns…');
			return { rows: [dataRow(), ...(await benchServer(fixture, plan))], meta };
		} finally {
			removeFixture(fixture);
		}
	}
	log('Scoring: speed, and agreement with the graded corpus…');
	// Checked once for both: checking plays every scenario, most of a second.
	const { items } = checkContentFiles(readContentDirectory('content'));
	const rows: BenchRow[] = [
		dataRow(),
		...benchScoring(items, plan.scoringRounds),
		...benchAgreement(scenarioLookup(items))
	];
	log(
		`Preparing a copy of the data set with ${plan.turns.toLocaleString('en')} typed and ${plan.spokenTurns.toLocaleString('en')} spoken role-plays to answer…`
	);
	const fixture = prepareFixture(plan.dataPath, plan.size, plan.turns, plan.spokenTurns);
	try {
		rows.push(...benchSearch(fixture.databasePath, plan.searchRounds), ...(await benchBundles()));
		log('Loading the server: role-play turns, then each page beside /status…');
		rows.push(...(await benchServer(fixture, plan)));
	} finally {
		removeFixture(fixture);
	}
	return { rows, meta };
}
