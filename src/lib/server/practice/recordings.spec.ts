import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../db/index';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { peopleIn } from '../testing/people';
import { startAttempt } from './attempts';
import { submitTurn } from './turns';
import { deleteUser, exportUserData } from '../accounts/user-data';
import {
	insertRecording,
	recordingsFolder,
	recordingsOf,
	retentionDays,
	setRetentionDays,
	sweepRecordings,
	writeRecordingFile
} from './recordings';

const REPLY = 'Good morning Mr. Wang, this is Kevin calling from MetalHub. Have you got a minute?';
const OGG = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0, 1, 2, 3]);

let base = '';
beforeEach(() => {
	base = mkdtempSync(join(tmpdir(), 'rehearse-sweep-'));
	vi.stubEnv('DATABASE_URL', join(base, 'rehearse.db'));
});
afterEach(() => {
	vi.unstubAllEnvs();
	rmSync(base, { recursive: true, force: true });
});

/** A rep's call with one turn whose recording was made at `at`. */
async function recordedCall(at: Date) {
	const db = createTestDatabase();
	loadShippedContent(db);
	const person = peopleIn(db);
	const admin = person('admin', ['admin']);
	const rep = person('rep', ['rep']);
	const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'call', at)!;
	submitTurn(db, attempt.id, { mode: 'text', reply: REPLY }, 0, at);
	const file = await writeRecordingFile(recordingsFolder(), OGG, 'audio/ogg', 2000);
	insertRecording(db, file, attempt.id, 0, at);
	return { db, admin, rep, attempt, file, path: join(recordingsFolder(), file.id) };
}

describe('where recordings are kept', () => {
	it('is a recordings folder beside the database', () => {
		expect(recordingsFolder({ DATABASE_URL: '/srv/rehearse/data/app.db' })).toBe(
			'/srv/rehearse/data/recordings'
		);
		expect(recordingsFolder({ DATABASE_URL: 'file:/srv/x/app.db' })).toBe('/srv/x/recordings');
	});
});

describe('the retention sweep', { timeout: 30_000 }, () => {
	it('keeps recordings younger than the retention and deletes older ones, rows and files', async () => {
		const made = new Date('2026-01-01T09:00:00Z');
		const { db, attempt, path } = await recordedCall(made);
		expect(retentionDays(db)).toBe(90);
		setRetentionDays(db, 30);
		await sweepRecordings(db, recordingsFolder(), new Date('2026-01-30T09:00:00Z'));
		expect(recordingsOf(db, attempt.id)).toHaveLength(1);
		expect(existsSync(path)).toBe(true);
		await sweepRecordings(db, recordingsFolder(), new Date('2026-02-01T09:00:00Z'));
		expect(recordingsOf(db, attempt.id)).toEqual([]);
		expect(existsSync(path)).toBe(false);
	});

	it('deletes files no row names, but not one an upload may be writing right now', async () => {
		const { db } = await recordedCall(new Date());
		const now = new Date();
		const stray = await writeRecordingFile(recordingsFolder(), OGG, 'audio/ogg', 0);
		const strayPath = join(recordingsFolder(), stray.id);
		await sweepRecordings(db, recordingsFolder(), now);
		expect(existsSync(strayPath)).toBe(true);
		const twoHoursAgo = (now.getTime() - 2 * 3600_000) / 1000;
		utimesSync(strayPath, twoHoursAgo, twoHoursAgo);
		expect(await sweepRecordings(db, recordingsFolder(), now)).toBe(1);
		expect(existsSync(strayPath)).toBe(false);
	});
});

describe('a user’s recordings', { timeout: 30_000 }, () => {
	it('are listed in their export, and deleted with them, files included', async () => {
		const { db, admin, rep, attempt, file, path } = await recordedCall(new Date());
		expect(exportUserData(db, rep.id)!.recordings).toEqual([
			expect.objectContaining({
				id: file.id,
				attemptId: attempt.id,
				turnIndex: 0,
				bytes: OGG.length
			})
		]);
		expect(deleteUser(db, admin.id, rep.id)).toEqual({ ok: true });
		expect(recordingsOf(db, attempt.id)).toEqual([]);
		expect(existsSync(path)).toBe(false);
	});
});
