// A working copy of the data set for one run: the load writes to it (role-play turns), so the
// data set itself stays as generated. Sessions and the role-plays to answer are added here.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db';
import { findUserByEmail } from '../src/lib/server/accounts/users';
import { createSession } from '../src/lib/server/auth/session';
import { startAttempt } from '../src/lib/server/practice/attempts';
import { giveRecordingConsent } from '../src/lib/server/practice/recordings';
import {
	attempts,
	candidates,
	cohorts,
	interviews,
	teamMembers
} from '../src/lib/server/db/schema';
import { benchUsers, DATA_SET_CLOCK, readDataSetMeta, type DataSetSize } from './data';

/** The rep's finished role-plays whose result pages are measured, one after another. */
const RESULT_PAGES = 30;

export const TURN_SCENARIO = 'renewal-price-objection';

export interface Fixture {
	dir: string;
	databasePath: string;
	cookies: { rep: string; manager: string; admin: string };
	/** Fresh role-plays, each answered once by the load, with its rep's session. */
	turns: { path: string; cookie: string }[];
	/** Fresh call-mode role-plays of reps who agreed to be recorded, each answered once with a recording. */
	spokenTurns: { path: string; cookie: string }[];
	/**
	 * The instant the server's clock starts at: the data set's clock, a minute on, when the fixture's
	 * sessions and role-plays were started.
	 */
	clock: Date;
	/**
	 * A role-play of the rep's that is under way (the practice room), and their latest finished ones:
	 * what a result page costs depends on the role-play (the lines it coaches, the points missed), so
	 * it is measured over many rather than whichever the data set made last.
	 */
	roomPath: string;
	resultPaths: string[];
	/** The comparison of the position the manager's team interviews most for. */
	comparePath: string;
	/** The onboarding cohort of the manager's team. */
	cohortPath: string;
}

export function prepareFixture(
	dataPath: string,
	size: DataSetSize,
	turnCount: number,
	spokenTurnCount: number
): Fixture {
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-'));
	const databasePath = join(dir, 'bench.db');
	copyFileSync(dataPath, databasePath);
	const db = openDatabase(databasePath);
	// A data set of before the fixed clock was placed around the moment it was generated.
	const meta = readDataSetMeta(dataPath);
	const clock = new Date(
		new Date(meta?.clock ?? meta?.generatedAt ?? DATA_SET_CLOCK).getTime() + 60_000
	);
	const userId = (email: string) => {
		const user = findUserByEmail(db, email);
		if (!user) throw new Error(`the data set has no user ${email}`);
		return user.id;
	};
	const cookieOf = (id: string) => `rehearse_session=${createSession(db, id, clock).token}`;
	const users = benchUsers(size);
	const rep = userId(users.rep);
	const manager = userId(users.manager);
	const turnReps = users.turnReps.map((email) => {
		const id = userId(email);
		return { id, cookie: cookieOf(id) };
	});
	const freshRolePlays = (count: number, mode: 'text' | 'call') =>
		db.transaction((tx) =>
			Array.from({ length: count }, (_, i) => {
				const owner = turnReps[i % turnReps.length]!;
				return {
					path: `/attempts/${startAttempt(tx, owner.id, TURN_SCENARIO, 'en', mode, clock)!.id}?/reply`,
					cookie: owner.cookie
				};
			})
		);
	const turns = freshRolePlays(turnCount, 'text');
	// Call mode keeps a recording only once its rep has agreed to be recorded.
	for (const owner of turnReps) giveRecordingConsent(db, owner.id, clock);
	const spokenTurns = freshRolePlays(spokenTurnCount, 'call');
	const results = db
		.select({ id: attempts.id })
		.from(attempts)
		.where(and(eq(attempts.userId, rep), ne(attempts.status, 'active')))
		.orderBy(desc(attempts.startedAt))
		.limit(RESULT_PAGES)
		.all();
	if (results.length === 0) throw new Error('the bench rep has no finished role-play');
	const room = startAttempt(db, rep, TURN_SCENARIO, 'en', 'text', clock)!;
	const team = db
		.select({ id: teamMembers.teamId })
		.from(teamMembers)
		.where(and(eq(teamMembers.userId, manager), eq(teamMembers.role, 'manager')))
		.get()!;
	const position = db
		.select({ position: candidates.position })
		.from(interviews)
		.innerJoin(candidates, eq(candidates.id, interviews.candidateId))
		.where(eq(interviews.teamId, team.id))
		.groupBy(candidates.position)
		.orderBy(sql`count(*) desc`)
		.limit(1)
		.get()!.position;
	const cohort = db
		.select({ id: cohorts.id })
		.from(cohorts)
		.where(eq(cohorts.teamId, team.id))
		.limit(1)
		.get();
	if (!cohort) throw new Error("the bench manager's team has no onboarding cohort");
	const fixture: Fixture = {
		dir,
		databasePath,
		cookies: {
			rep: cookieOf(rep),
			manager: cookieOf(manager),
			admin: cookieOf(userId(users.admin))
		},
		turns,
		spokenTurns,
		clock,
		roomPath: `/attempts/${room.id}`,
		resultPaths: results.map((result) => `/attempts/${result.id}`),
		comparePath: `/hiring/compare?position=${encodeURIComponent(position)}`,
		cohortPath: `/team/cohorts/${cohort.id}`
	};
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	return fixture;
}

export function removeFixture(fixture: Fixture): void {
	rmSync(fixture.dir, { recursive: true, force: true });
}
