// Starts the production build on a database made new for this test run.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

const database = process.env.DATABASE_URL ?? 'test-results/e2e/rehearse.db';
rmSync(dirname(database), { recursive: true, force: true });
await import('../build/index.js');
