import type { AppDb } from '.';

interface Pending {
	write: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

const queues = new WeakMap<AppDb, Pending[]>();

/**
 * Runs `write` in a transaction shared with the other writes queued in the same turn of the event
 * loop (group commit), and resolves once that transaction is committed: a caller may answer as
 * soon as it resolves, exactly as after a transaction of its own. Under a stream of role-play
 * turns each commit (locking, the log's frame headers and checksums) is paid once per batch
 * instead of once per turn.
 *
 * Each write runs in a savepoint of its own: one that throws is rolled back and rejected alone,
 * and the others still commit. `write` must be synchronous and must not await.
 */
export function commitTogether<T>(db: AppDb, write: () => T): Promise<T> {
	let queue = queues.get(db);
	if (!queue) {
		queue = [];
		queues.set(db, queue);
	}
	// The first write of a batch schedules its commit after the requests already read are handled.
	if (queue.length === 0) setImmediate(() => commitQueued(db));
	return new Promise<T>((resolve, reject) =>
		queue.push({ write, resolve: resolve as (value: unknown) => void, reject })
	);
}

function commitQueued(db: AppDb): void {
	const batch = queues.get(db)!.splice(0);
	const client = db.$client;
	const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
	try {
		// IMMEDIATE, like a turn on its own: several processes on one database wait for the lock.
		client
			.transaction(() => {
				for (const pending of batch) {
					try {
						outcomes.push({ ok: true, value: client.transaction(pending.write)() });
					} catch (error) {
						outcomes.push({ ok: false, error });
					}
				}
			})
			.immediate();
	} catch (error) {
		// The commit itself failed: nothing in the batch was written.
		for (const pending of batch) pending.reject(error);
		return;
	}
	batch.forEach((pending, i) => {
		const outcome = outcomes[i]!;
		if (outcome.ok) pending.resolve(outcome.value);
		else pending.reject(outcome.error);
	});
}
