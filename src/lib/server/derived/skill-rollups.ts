import { and, eq, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import { skillRollups, turns, type TurnRow } from '../db/schema';
import { criterionShare, criterionWeights } from '$lib/engine/scoring/attempt-score';

// `skill_rollups`: each rep's running totals of their replies, per script entry (the reply's
// score) and per criterion (the share of its key points' weight made), which weak spots read
// (`../team/dashboard.ts`). Written only here, in the transaction of the write that changes them:
// a turn adds its reply (`../practice/turns.ts`), a hang-up takes the call's replies back out
// (`../practice/attempts.ts`), so a call that is no result leaves the totals as they were.

type RolledReply = Pick<TurnRow, 'scriptId' | 'score' | 'result'>;

/** Adds a rep's reply to their totals. */
export function addToSkillRollups(db: Db, userId: string, reply: RolledReply): void {
	const p = sql.placeholder;
	const add = prepared(db, 'skill-rollups-add', () =>
		db
			.insert(skillRollups)
			.values({
				userId: p('userId'),
				dimension: p('dimension'),
				key: p('key'),
				sum: p('value'),
				count: 1
			})
			.onConflictDoUpdate({
				target: [skillRollups.userId, skillRollups.dimension, skillRollups.key],
				set: { sum: sql`${skillRollups.sum} + excluded.sum`, count: sql`${skillRollups.count} + 1` }
			})
			.prepare()
	);
	for (const { dimension, key, value } of rolledValues(reply))
		add.run({ userId, dimension, key, value });
}

/** Takes a role-play's replies back out of its rep's totals: the exact reverse of `addToSkillRollups`. */
export function removeFromSkillRollups(db: Db, userId: string, attemptId: string): void {
	const rows = db
		.select({ scriptId: turns.scriptId, score: turns.score, result: turns.result })
		.from(turns)
		.where(eq(turns.attemptId, attemptId))
		.all();
	for (const { dimension, key, value } of rows.flatMap(rolledValues))
		db.update(skillRollups)
			.set({ sum: sql`${skillRollups.sum} - ${value}`, count: sql`${skillRollups.count} - 1` })
			.where(
				and(
					eq(skillRollups.userId, userId),
					eq(skillRollups.dimension, dimension),
					eq(skillRollups.key, key)
				)
			)
			.run();
	// A total left with no reply is no total: weak spots must not show an empty cell as practised.
	if (rows.length > 0)
		db.delete(skillRollups)
			.where(and(eq(skillRollups.userId, userId), sql`${skillRollups.count} <= 0`))
			.run();
}

interface RolledValue {
	dimension: 'script' | 'criterion';
	key: string;
	value: number;
}

/** What one reply counts in each total it belongs to: adding and removing share it, so they agree. */
function rolledValues(reply: RolledReply): RolledValue[] {
	const values: RolledValue[] = criterionWeights(reply.result.points).map((c) => ({
		dimension: 'criterion',
		key: c.criterion,
		value: criterionShare(c)
	}));
	if (reply.scriptId)
		values.unshift({ dimension: 'script', key: reply.scriptId, value: reply.score * 100 });
	return values;
}
