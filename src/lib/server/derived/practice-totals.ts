import { sql } from 'drizzle-orm';
import { prepared, type Db } from '../db';
import { attempts, practiceTotals, type Attempt } from '../db/schema';
import { finishedSql } from '../practice/attempt-counts';
import { isFinished } from '$lib/attempt-status';

// `practice_totals`: each rep's finished practice role-plays (`isFinished`; a user's, no
// interview): how many, the sum of their scores and the best. Written only here, by the services,
// in the transaction of the write that changes them (`./role-plays.ts` says which write calls
// what): a role-play ending is added in one statement (the turn path); any other change counts the
// rep's again. A rep's deletion takes their row with it (foreign key). Read by
// `../practice/totals.ts`.

/** A role-play that has just ended (it was running, so nothing of it was counted yet) is added. */
export function addToPracticeTotals(
	db: Db,
	attempt: Pick<Attempt, 'userId' | 'interviewId' | 'status' | 'score'>
): void {
	if (attempt.userId === null || attempt.interviewId !== null || !isFinished(attempt.status))
		return;
	const p = sql.placeholder;
	prepared(db, 'practice-totals-add', () =>
		db
			.insert(practiceTotals)
			.values({ userId: p('userId'), finished: 1, scoreSum: p('score'), best: p('score') })
			.onConflictDoUpdate({
				target: practiceTotals.userId,
				set: {
					finished: sql`${practiceTotals.finished} + 1`,
					scoreSum: sql`${practiceTotals.scoreSum} + excluded.score_sum`,
					best: sql`max(coalesce(${practiceTotals.best}, excluded.best), excluded.best)`
				}
			})
			.prepare()
	).run({ userId: attempt.userId, score: attempt.score });
}

/** Counts a rep's totals again from their role-plays (a rescoring, a deletion …). The rep must exist. */
export function refreshPracticeTotals(db: Db, userId: string): void {
	db.run(sql`insert into ${practiceTotals} (user_id, finished, score_sum, best)
		select ${userId}, count(*), total(${attempts.score}), max(${attempts.score}) from ${attempts}
		where ${attempts.userId} = ${userId} and ${attempts.interviewId} is null and ${finishedSql(attempts.status)}
		on conflict (user_id) do update set finished = excluded.finished, score_sum = excluded.score_sum, best = excluded.best`);
}

/** Every rep's totals counted again, writing only those that differ (a data set loaded in bulk). */
export function rebuildPracticeTotals(db: Db): void {
	db.run(sql`insert into ${practiceTotals} (user_id, finished, score_sum, best)
		select ${attempts.userId}, count(*), total(${attempts.score}), max(${attempts.score}) from ${attempts}
		where ${attempts.userId} is not null and ${attempts.interviewId} is null and ${finishedSql(attempts.status)}
		group by ${attempts.userId}
		on conflict (user_id) do update set finished = excluded.finished, score_sum = excluded.score_sum, best = excluded.best
		where (finished, score_sum, best) is not (excluded.finished, excluded.score_sum, excluded.best)`);
	// Whoever has no finished role-play any more has nothing counted.
	db.run(sql`update ${practiceTotals} set finished = 0, score_sum = 0, best = null
		where finished != 0 and user_id not in (select ${attempts.userId} from ${attempts}
			where ${attempts.userId} is not null and ${attempts.interviewId} is null and ${finishedSql(attempts.status)})`);
}
