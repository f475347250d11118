import { describe, expect, it } from 'vitest';
import { hiringWorld } from '../testing/hiring-world';
import { createInterview, findInterview, startInterviewAttempt } from './hiring';
import { findAttempt, loadAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { eq } from 'drizzle-orm';
import { interviews, type Interview } from '../db/schema';

const BRIEF = 'MetalHub Gold: **NT$26,800** a year. Two-year offer: 10% off the second year.';

// The same candidate's replies on the renewal call; the third gives no figure of the product.
const REPLIES = [
	'Good morning, Mr. Wang. This is Kevin from MetalHub, calling about your Gold renewal. Have you got two minutes?',
	'I hear you, Mr. Wang, it is not small money. Can I ask, roughly how many inquiries a month did you get through us last year? And what is a typical order worth?',
	'That makes sense. How many of those inquiries turned into orders, would you say?'
];

function play(db: ReturnType<typeof hiringWorld>['db'], interview: Interview) {
	const attempt = startInterviewAttempt(db, interview, 'text');
	const start = new Date(attempt.startedAt.getTime() + 1000);
	REPLIES.forEach((reply, i) => submitTurn(db, attempt.id, { mode: 'text', reply }, i, start));
	const turns = loadAttempt(db, findAttempt(db, attempt.id)!).turns;
	return {
		score: findAttempt(db, attempt.id)!.score,
		criteria: new Set(turns.flatMap((t) => t.result.points.map((p) => p.criterion)))
	};
}

describe('a briefed candidate', () => {
	it('keeps the brief on the interview, trimmed; none is an empty brief', () => {
		const { db, interview } = hiringWorld();
		expect(findInterview(db, interview('Briefed', { brief: `  ${BRIEF}\n` }).id)!.brief).toBe(
			BRIEF
		);
		expect(findInterview(db, interview('Unbriefed').id)!.brief).toBe('');
	});

	it('refuses a brief over 4,000 characters, and writes nothing', () => {
		const { db, interview, admin } = hiringWorld();
		const { candidateId } = interview('Long');
		const created = createInterview(db, {
			candidateId,
			scenarioId: 'renewal-price-objection',
			rubricId: 'hiring-roleplay',
			locale: 'en',
			mode: 'online',
			scheduledAt: new Date('2026-06-01T09:00:00Z'),
			panel: [admin.id],
			teamId: null,
			createdBy: admin.id,
			brief: '字'.repeat(4001)
		});
		expect(created).toEqual({ ok: false, problem: 'brief' });
		expect(
			db.select().from(interviews).where(eq(interviews.candidateId, candidateId)).all()
		).toHaveLength(1);
	});

	it('is scored on product knowledge; a candidate without a brief is not, and loses nothing for it', () => {
		const { db, interview } = hiringWorld();
		const briefed = play(db, interview('Briefed', { brief: BRIEF }));
		const unbriefed = play(db, interview('Unbriefed'));
		expect(briefed.criteria.has('product-knowledge')).toBe(true);
		expect(unbriefed.criteria.has('product-knowledge')).toBe(false);
		expect(unbriefed.criteria.has('needs-discovery')).toBe(true);
		expect(unbriefed.score).toBeGreaterThan(briefed.score);
	});

	it('leaves a live interview’s verdicts scored as before, brief or not', () => {
		const { db, interview } = hiringWorld();
		const scores = [BRIEF, ''].map((brief) => {
			const live = interview(`Live ${brief.length}`, { mode: 'live', brief });
			const attempt = startInterviewAttempt(db, live, 'live');
			const at = new Date(attempt.startedAt.getTime() + 1000);
			submitTurn(db, attempt.id, { mode: 'judged', score: 1 }, 0, at);
			submitTurn(db, attempt.id, { mode: 'judged', score: 0.5 }, 1, at);
			return findAttempt(db, attempt.id)!.score;
		});
		expect(scores[0]).toBe(scores[1]);
	});
});
