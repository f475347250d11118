// The manager's pages on a realistic data set: 200 reps in 10 teams, 100,000 practice attempts and
// 600,000 turns, generated deterministically into a database of its own. Measured over HTTP
// against the production build, as a manager of one team (20 reps) and as an admin (all 200).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { openDatabase } from '../src/lib/server/db';
import { insertUser } from '../src/lib/server/accounts';
import { createSession } from '../src/lib/server/auth/session';
import { syncContentOnFirstStart } from '../src/lib/server/bootstrap';
import { addTeamMember, createTeam } from '../src/lib/server/teams';
import { latestScenarioRevision, listContentOfKind } from '../src/lib/server/content/store';
import { newId } from '../src/lib/server/ids';
import { percentile, type BenchRow } from './table';
import type { Scenario } from '../src/lib/engine/content';

const PORT = 4392;
const ORIGIN = `http://127.0.0.1:${PORT}`;

function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function generateTeamData(path: string, reps = 200, attemptsPerRep = 500, turnsPerAttempt = 6): { managerCookie: string; adminCookie: string; seconds: number } {
	const started = performance.now();
	const db = openDatabase(path);
	syncContentOnFirstStart(db, 'content', () => {});
	const next = random(7);
	const scenarios = listContentOfKind(db, 'scenario', 'en').map((item) => {
		const revision = latestScenarioRevision(db, item.id, 'en')!;
		const beats = Object.entries((item.data as Scenario).beats).filter(([, b]) => !b.end);
		return { id: item.id, revisionId: revision.id, beats };
	});
	const admin = insertUser(db, { email: 'admin@bench.test', name: 'Admin', passwordHash: 'x', roles: ['admin'] });
	let manager = admin;
	const client = db.$client;
	const insertAttempt = client.prepare(
		`insert into attempts (id, user_id, revision_id, scenario_id, mode, snapshot, status, score, turn_count, hints_used, created_at, deadline_at, ended_at) values (?, ?, ?, ?, 'text', '{}', ?, ?, ?, 0, ?, ?, ?)`
	);
	const insertTurn = client.prepare(`insert into turns (attempt_id, "index", beat, customer, reply, choice, script_id, score, result, created_at) values (?, ?, ?, '', 'reply', null, ?, ?, '{"points":[],"pitfalls":[],"signals":[],"flags":[]}', ?)`);
	const addCriterion = client.prepare(
		`insert into skill_rollups (user_id, dimension, key, sum, count) values (?, 'criterion', ?, ?, 1) on conflict do update set sum = sum + excluded.sum, count = count + 1`
	);
	const now = Date.now();
	client.transaction(() => {
		for (let t = 0; t < reps / 20; t++) {
			const team = createTeam(db, `Team ${t + 1}`);
			const lead = insertUser(db, { email: `manager${t}@bench.test`, name: `Manager ${t + 1}`, passwordHash: 'x', roles: ['manager'] });
			if (t === 0) manager = lead;
			addTeamMember(db, team.id, lead.id, 'manager');
			for (let r = 0; r < 20; r++) {
				const rep = insertUser(db, { email: `rep${t}-${r}@bench.test`, name: `Rep ${t + 1}-${r + 1}`, passwordHash: 'x', roles: ['rep'] });
				addTeamMember(db, team.id, rep.id, 'rep');
				const skill = 0.3 + next() * 0.6;
				for (let a = 0; a < attemptsPerRep; a++) {
					const scenario = scenarios[Math.floor(next() * scenarios.length)]!;
					const startedAt = now - Math.floor(next() * 90 * 24 * 3600_000);
					const id = newId();
					const score = Math.round(Math.min(1, Math.max(0, skill + (next() - 0.5) * 0.5)) * 1000) / 10;
					insertAttempt.run(id, rep.id, scenario.revisionId, scenario.id, score >= 70 ? 'won' : 'lost', score, turnsPerAttempt, startedAt, startedAt + 8 * 60_000, startedAt + 6 * 60_000);
					for (let i = 0; i < turnsPerAttempt; i++) {
						const [beatId, beat] = scenario.beats[i % scenario.beats.length]!;
						const turnScore = Math.min(1, Math.max(0, skill + (next() - 0.5) * 0.8));
						insertTurn.run(id, i, beatId, beat.script ?? null, turnScore, startedAt + i * 30_000);
						const criterion = beat.expect[0]?.criterion;
						if (criterion) addCriterion.run(rep.id, criterion, turnScore > 0.5 ? 100 : 0);
					}
				}
			}
		}
		// The running totals the app keeps turn by turn, built here in one pass.
		client.exec(`insert into skill_rollups (user_id, dimension, key, sum, count)
			select a.user_id, 'script', t.script_id, sum(t.score) * 100, count(*) from turns t join attempts a on a.id = t.attempt_id where t.script_id is not null group by 1, 3`);
	})();
	const managerCookie = `rehearse_session=${createSession(db, manager.id).token}`;
	const adminCookie = `rehearse_session=${createSession(db, admin.id).token}`;
	client.pragma('optimize');
	client.close();
	return { managerCookie, adminCookie, seconds: (performance.now() - started) / 1000 };
}

async function timePage(path: string, cookie: string, times: number): Promise<number[]> {
	const timings: number[] = [];
	for (let i = 0; i < times; i++) {
		const t = performance.now();
		const response = await fetch(`${ORIGIN}${path}`, { headers: { cookie } });
		await response.text();
		if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
		timings.push(performance.now() - t);
	}
	return timings.sort((a, b) => a - b);
}

export async function benchDashboard(): Promise<BenchRow[]> {
	const path = join(mkdtempSync(join(tmpdir(), 'rehearse-dashboard-')), 'bench.db');
	const data = generateTeamData(path);
	const server = spawn('node', ['build'], { env: { ...process.env, DATABASE_URL: path, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN, DEMO: '0', ADMIN_EMAIL: 'x@bench.test', ADMIN_PASSWORD: 'bench admin password' }, stdio: ['ignore', 'ignore', 'inherit'] });
	try {
		for (let i = 0; i < 500; i++) {
			try {
				if ((await fetch(`${ORIGIN}/health`)).ok) break;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		const rows: BenchRow[] = [{ name: 'team data: 200 reps, 100,000 attempts, 600,000 turns generated', figure: `${data.seconds.toFixed(1)} s`, target: '—', holds: true, value: data.seconds }];
		for (const [who, cookie] of [['manager, 20 reps', data.managerCookie], ['admin, 200 reps', data.adminCookie]] as const) {
			for (const page of ['/team/dashboard', '/team/weak-spots']) {
				await timePage(page, cookie, 3); // warm up
				const timings = await timePage(page, cookie, 30);
				const p95 = percentile(timings, 95);
				const target = who.startsWith('manager') ? '< 100 ms' : '—';
				rows.push({ name: `${page} as ${who}: p95`, figure: `${p95.toFixed(0)} ms`, target, holds: target === '—' || p95 < 100, value: p95 });
			}
		}
		return rows;
	} finally {
		server.kill();
	}
}
