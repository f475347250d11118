// For tests only: writes to role-plays that no service makes as such (an ending set without playing
// the turns, a rescoring of many, a deletion), with the tables kept from them worked out again in
// the same transaction, as a service writing them does (`derived/role-plays.ts`).
import { inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { attempts, type Attempt } from '../db/schema';
import { rolePlaysChanged } from '../derived/role-plays';

const fed = {
	id: attempts.id,
	userId: attempts.userId,
	interviewId: attempts.interviewId,
	startedAt: attempts.startedAt
};

export function updateRolePlays(
	db: Db,
	where: SQL | undefined,
	values: Partial<Pick<Attempt, 'status' | 'score' | 'userId' | 'interviewId' | 'startedAt'>>
): void {
	db.transaction((tx) => {
		const before = tx.select(fed).from(attempts).where(where).all();
		const ids = before.map((row) => row.id);
		tx.update(attempts).set(values).where(inArray(attempts.id, ids)).run();
		const after = tx.select(fed).from(attempts).where(inArray(attempts.id, ids)).all();
		rolePlaysChanged(tx, [...before, ...after]);
	});
}

export function deleteRolePlays(db: Db, where: SQL | undefined): void {
	db.transaction((tx) => {
		const before = tx.select(fed).from(attempts).where(where).all();
		tx.delete(attempts)
			.where(
				inArray(
					attempts.id,
					before.map((row) => row.id)
				)
			)
			.run();
		rolePlaysChanged(tx, before);
	});
}
