import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { FINISHED_STATUSES, NOT_PRACTICE_STATUSES } from '$lib/attempt-status';

// The SQL of `isFinished` and `countsAsPractice` ($lib/attempt-status), for queries that count or
// list role-plays. The lists are constants of the code, never input, so they are written into the
// statement as literals: the statement text stays the same and is prepared once.
const quoted = (statuses: readonly string[]) =>
	sql.raw(statuses.map((status) => `'${status}'`).join(', '));

/** `status` is a practice result (see `isFinished`). */
export function finishedSql(status: AnySQLiteColumn): SQL {
	return sql`${status} in (${quoted(FINISHED_STATUSES)})`;
}

/** `status` counts as practice, running or finished, but not hung up (see `countsAsPractice`). */
export function countsAsPracticeSql(status: AnySQLiteColumn): SQL {
	return sql`${status} not in (${quoted(NOT_PRACTICE_STATUSES)})`;
}
