import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { appSettings } from './db/schema';
import { keptPerDatabase } from './cache';

const DEMO_KEY = 'demo';

// Read on every request for the banner, and written only at first start, by this process.
const keptDemoFlag = keptPerDatabase<boolean>({ limit: 1 });

export function isDemoInstance(db: Db): boolean {
	return keptDemoFlag.get(
		db,
		DEMO_KEY,
		() => db.select().from(appSettings).where(eq(appSettings.key, DEMO_KEY)).get()?.value === 'true'
	);
}

export function markDemoInstance(db: Db): void {
	db.insert(appSettings)
		.values({ key: DEMO_KEY, value: 'true' })
		.onConflictDoUpdate({ target: appSettings.key, set: { value: 'true' } })
		.run();
	keptDemoFlag.forget(db, DEMO_KEY);
}
