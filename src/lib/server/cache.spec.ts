import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, openDatabase, type AppDb } from './db';
import { BoundedMap, dataVersion, keptPerDatabase, markChanged } from './cache';

describe('BoundedMap', () => {
	it('drops the entry used longest ago when one more is set', () => {
		const map = new BoundedMap<string, number>(2);
		map.set('a', 1);
		map.set('b', 2);
		expect(map.get('a')).toBe(1); // 'a' is now the latest used
		map.set('c', 3);
		expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
		expect(map.size).toBe(2);
	});

	it('builds a value once and keeps it', () => {
		const map = new BoundedMap<string, string>(10);
		let builds = 0;
		const build = () => `built ${++builds}`;
		expect(map.getOrBuild('x', build)).toBe('built 1');
		expect(map.getOrBuild('x', build)).toBe('built 1');
		expect(builds).toBe(1);
	});

	it('keeps a value that is undefined without building it again', () => {
		const map = new BoundedMap<string, undefined>(1);
		let builds = 0;
		map.getOrBuild('x', () => void builds++);
		map.getOrBuild('x', () => void builds++);
		expect(builds).toBe(1);
	});

	it('refuses a limit under one', () => {
		expect(() => new BoundedMap(0)).toThrow(/at least one/);
	});
});

describe('keptPerDatabase', () => {
	const folders: string[] = [];
	afterEach(() => {
		for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
	});

	function counter() {
		let builds = 0;
		return { build: () => ++builds, builds: () => builds };
	}

	it('builds again once its data changed, and not before', () => {
		const db = createTestDatabase();
		const kept = keptPerDatabase<number>({ limit: 10, dependsOn: 'content' });
		const { build, builds } = counter();
		kept.get(db, 'list', build);
		kept.get(db, 'list', build);
		expect(builds()).toBe(1);
		markChanged(db, 'hiring'); // other data
		kept.get(db, 'list', build);
		expect(builds()).toBe(1);
		markChanged(db, 'content');
		expect(kept.get(db, 'list', build)).toBe(2);
	});

	it('keeps nothing from a change that was rolled back', () => {
		const db = createTestDatabase();
		const kept = keptPerDatabase<number>({ limit: 10, dependsOn: 'content' });
		const { build, builds } = counter();
		kept.get(db, 'list', build);
		expect(() =>
			db.transaction((tx) => {
				markChanged(tx, 'content');
				throw new Error('the write failed');
			})
		).toThrow('the write failed');
		expect(dataVersion(db, 'content')).toBe(0);
		kept.get(db, 'list', build);
		expect(builds()).toBe(1);
	});

	it('keeps values apart per database', () => {
		const [one, two] = [createTestDatabase(), createTestDatabase()];
		const kept = keptPerDatabase<string>({ limit: 10 });
		expect(kept.get(one, 'k', () => 'one')).toBe('one');
		expect(kept.get(two, 'k', () => 'two')).toBe('two');
		expect(kept.get(one, 'k', () => 'again')).toBe('one');
	});

	it('sees a change made by another process on the same database file', () => {
		const folder = mkdtempSync(join(tmpdir(), 'rehearse-cache-'));
		folders.push(folder);
		const path = join(folder, 'r.db');
		const server: AppDb = openDatabase(path);
		const otherProcess: AppDb = openDatabase(path);
		const kept = keptPerDatabase<number>({ limit: 10, dependsOn: 'content' });
		const { build } = counter();
		expect(kept.get(server, 'list', build)).toBe(1);
		markChanged(otherProcess, 'content');
		expect(kept.get(server, 'list', build)).toBe(2);
		server.$client.close();
		otherProcess.$client.close();
	});

	it('forgets one key on request, for data without a version', () => {
		const db = createTestDatabase();
		const kept = keptPerDatabase<number>({ limit: 10 });
		const { build } = counter();
		kept.get(db, 'a', build);
		kept.get(db, 'b', build);
		kept.forget(db, 'a');
		expect([kept.get(db, 'a', build), kept.get(db, 'b', build)]).toEqual([3, 2]);
	});

	it('keeps at most its limit per database', () => {
		const db = createTestDatabase();
		const kept = keptPerDatabase<number>({ limit: 2 });
		const { build, builds } = counter();
		for (const key of ['a', 'b', 'c', 'a']) kept.get(db, key, build);
		expect(builds()).toBe(4); // 'a' was dropped when 'c' came
	});
});
