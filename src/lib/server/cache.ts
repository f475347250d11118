import { eq, sql } from 'drizzle-orm';
import { prepared, type Db } from './db';
import { dataVersions } from './db/schema';

/**
 * The one way this server keeps a value it could work out again: a bounded map, and for values
 * read from the database, one per database, dropped whole when the data it was built from
 * changes. Each use says in one line how many values it keeps and what data they depend on.
 *
 * "This data changed" is said one way too: a row of `data_versions` whose number is raised in the
 * transaction that changes the data. Every process reads the number before using what it kept, so
 * a change made by another process (`npm run content:sync`, a second server) is seen at once.
 */

/** Data that kept values are built from, each with its row in `data_versions`. */
export type VersionedData =
	/** Published content of every kind and language: raised by `content/store.ts`. */
	| 'content'
	/**
	 * Who may see which candidates and interviews, and the columns the comparison sorts by:
	 * raised by triggers (`db/hiring-version-triggers.sql`), because those rows are written by
	 * many services (teams, panels, candidates, interviews, summaries) and a missed raise would
	 * keep showing a manager candidates they may no longer see.
	 */
	| 'hiring';

/** Call in the transaction that changes `data`: what every process kept from it is built again. */
export function markChanged(db: Db, data: VersionedData): void {
	db.update(dataVersions)
		.set({ version: sql`${dataVersions.version} + 1` })
		.where(eq(dataVersions.name, data))
		.run();
}

/** The current version of `data`: one small prepared query. */
export function dataVersion(db: Db, data: VersionedData): number {
	return (
		prepared(db, 'data-version', () =>
			db
				.select({ version: dataVersions.version })
				.from(dataVersions)
				.where(eq(dataVersions.name, sql.placeholder('name')))
				.prepare()
		).get({ name: data })?.version ?? 0
	);
}

/**
 * A map that keeps at most `limit` entries: setting one more drops the one used longest ago.
 * Reading an entry counts as using it.
 */
export class BoundedMap<K, V> {
	// A Map iterates in insertion order, so re-inserting on use keeps the oldest use first.
	readonly #entries = new Map<K, V>();

	constructor(readonly limit: number) {
		if (!(limit >= 1)) throw new Error(`a BoundedMap keeps at least one entry, not ${limit}`);
	}

	get size(): number {
		return this.#entries.size;
	}

	get(key: K): V | undefined {
		if (!this.#entries.has(key)) return undefined;
		const value = this.#entries.get(key) as V;
		this.#entries.delete(key);
		this.#entries.set(key, value);
		return value;
	}

	set(key: K, value: V): void {
		this.#entries.delete(key);
		if (this.#entries.size >= this.limit)
			this.#entries.delete(this.#entries.keys().next().value as K);
		this.#entries.set(key, value);
	}

	delete(key: K): void {
		this.#entries.delete(key);
	}

	/** The value of `key`, built and kept when it is not kept yet. */
	getOrBuild(key: K, build: () => V): V {
		if (this.#entries.has(key)) return this.get(key) as V;
		const value = build();
		this.set(key, value);
		return value;
	}
}

/** Values kept per database; see `keptPerDatabase`. */
export interface KeptPerDatabase<V> {
	/** The value of `key` in `db`, built and kept when it is not kept yet or its data changed. */
	get(db: Db, key: string, build: () => V): V;
	/** Forgets what is kept for `key` in `db`, for data that has no version (see `dependsOn`). */
	forget(db: Db, key: string): void;
}

/**
 * Values built from one database, at most `limit` per database, kept until `dependsOn` changes
 * (or for the life of the process without it: for data that only this process changes, which
 * then calls `forget`). Callers must not modify what they get: it is shared.
 */
export function keptPerDatabase<V>(options: {
	limit: number;
	dependsOn?: VersionedData;
}): KeptPerDatabase<V> {
	const { limit, dependsOn } = options;
	const kept = new WeakMap<Db, { version: number; values: BoundedMap<string, V> }>();
	function valuesFor(db: Db): BoundedMap<string, V> {
		// Read before the values it guards, so nothing is kept under a version newer than itself.
		const version = dependsOn ? dataVersion(db, dependsOn) : 0;
		let entry = kept.get(db);
		if (!entry || entry.version !== version) {
			entry = { version, values: new BoundedMap(limit) };
			kept.set(db, entry);
		}
		return entry.values;
	}
	return {
		get: (db, key, build) => valuesFor(db).getOrBuild(key, build),
		forget: (db, key) => kept.get(db)?.values.delete(key)
	};
}
