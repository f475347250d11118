import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker copies the write-ahead log back into the database file. */
const CHECKPOINT_INTERVAL_MS = 200;
/**
 * The request connection's own checkpoint threshold, in pages (4 KiB each): a safety net that only
 * fires if the worker falls behind or has died, so the log cannot grow without bound.
 */
const FALLBACK_CHECKPOINT_PAGES = 10_000;

// A plain script: a worker started from a file would need that file to survive the app's bundling.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
// Never wait: a reset that would have to wait for a reader or the writer is simply tried again.
db.pragma('busy_timeout = 0');
let framesLastTick = -1;
const timer = setInterval(() => {
	try {
		// PASSIVE copies what it can without waiting for, or blocking, the writer.
		const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
		// A log that is fully copied and has not grown since the last tick is reset. Until a write
		// comes, SQLite keeps it, and every read then searches its index: after a burst of turns the
		// manager pages cost twice as much until the next write.
		if (log > 0 && checkpointed === log && log === framesLastTick) db.pragma('wal_checkpoint(TRUNCATE)');
		framesLastTick = log;
	} catch (error) {
		parentPort.postMessage(String(error && error.message));
	}
}, workerData.intervalMs);
parentPort.on('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the request thread. SQLite normally checkpoints inside the commit that
 * crosses 1,000 pages of log: that commit then copies the pages into the database file and waits
 * for an fsync, which under a stream of role-play turns cost about a quarter of each turn's time.
 * A worker thread with its own connection checkpoints every 200 ms instead, on the second core.
 * Durability is unchanged: a commit is as safe in the log as in the file.
 */
export function startBackgroundCheckpoints(client: Database.Database): () => void {
	if (client.memory || client.pragma('journal_mode', { simple: true }) !== 'wal') return () => {};
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: {
			path: client.name,
			driver: createRequire(import.meta.url).resolve('better-sqlite3'),
			intervalMs: CHECKPOINT_INTERVAL_MS
		}
	});
	client.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
	worker.on('message', (problem) => console.error(`Background checkpoint failed: ${problem}`));
	worker.on('error', (error) => console.error('The background checkpoint worker failed:', error));
	worker.on('exit', () => {
		// Stopped or failed, the connection's own checkpoints take over again (if it is still open).
		if (client.open) client.pragma('wal_autocheckpoint = 1000');
	});
	// It must not keep the process alive on its own.
	worker.unref();
	return () => worker.postMessage('stop');
}
