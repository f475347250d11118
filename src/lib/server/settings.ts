import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { appSettings } from './db/schema';

const DEMO_KEY = 'demo';

// Read on every request for the banner, and written only at first start: cache it per database.
const demoCache = new WeakMap<Db, boolean>();

export function isDemoInstance(db: Db): boolean {
	let demo = demoCache.get(db);
	if (demo === undefined) {
		demo =
			db.select().from(appSettings).where(eq(appSettings.key, DEMO_KEY)).get()?.value === 'true';
		demoCache.set(db, demo);
	}
	return demo;
}

export function markDemoInstance(db: Db): void {
	db.insert(appSettings)
		.values({ key: DEMO_KEY, value: 'true' })
		.onConflictDoUpdate({ target: appSettings.key, set: { value: 'true' } })
		.run();
	demoCache.delete(db);
}
