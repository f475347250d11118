import { and, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	attempts,
	candidates,
	interviewPanel,
	interviewSummaries,
	interviews,
	ratings
} from '../db/schema';
import { summarizePanel } from '$lib/engine/hiring/rubric';

export type InterviewSummary = typeof interviewSummaries.$inferSelect;

// `interview_summaries`: what the comparison table shows of each interview, kept so that a page of
// it reads this table alone. Written only here, by the services, in the transaction of the write
// that changes it (`./role-plays.ts` for the role-plays): creating an interview with its panel
// (hiring.ts `createInterview`), saving a rating (ratings.ts `saveRating`), starting, ending or rescoring its
// role-play, deleting a member of its panel (user-data.ts `deleteUser`) or its candidate
// (candidate-data.ts `deleteCandidate`). The panel's figures are `summarizePanel`'s.

/** An interview's summary as worked out now from its candidate, ratings, panel and role-play. */
export function workedOutSummary(db: Db, interviewId: string): InterviewSummary | undefined {
	const interview = db
		.select({
			candidate: candidates.name,
			scheduledAt: interviews.scheduledAt,
			mode: interviews.mode,
			rubric: interviews.rubric
		})
		.from(interviews)
		.innerJoin(candidates, eq(candidates.id, interviews.candidateId))
		.where(eq(interviews.id, interviewId))
		.get();
	if (!interview) return undefined;
	const panel = summarizePanel(
		interview.rubric,
		db
			.select()
			.from(ratings)
			.where(eq(ratings.interviewId, interviewId))
			.all()
			.map((rating) => ({
				interviewerId: rating.interviewerId,
				scores: rating.scores,
				recommendation: rating.recommendation,
				submitted: rating.submittedAt !== null
			}))
	);
	const panelSize = db
		.select({ n: count() })
		.from(interviewPanel)
		.where(eq(interviewPanel.interviewId, interviewId))
		.get()!.n;
	// As `interviewAttempt` (hiring.ts) picks it: the latest live record of a live interview, or the
	// latest online role-play of an online one; its score once it has ended.
	const sameMode: SQL =
		interview.mode === 'live' ? eq(attempts.mode, 'live') : ne(attempts.mode, 'live');
	const attempt = db
		.select({ status: attempts.status, score: attempts.score })
		.from(attempts)
		.where(and(eq(attempts.interviewId, interviewId), sameMode))
		.orderBy(desc(attempts.startedAt))
		.limit(1)
		.get();
	return {
		interviewId,
		candidate: interview.candidate,
		scheduledAt: interview.scheduledAt,
		mode: interview.mode,
		score: panel.score,
		spread: panel.spread,
		strongYes: panel.recommendations['strong-yes'],
		yes: panel.recommendations.yes,
		no: panel.recommendations.no,
		strongNo: panel.recommendations['strong-no'],
		submitted: panel.submitted,
		panelSize,
		autoScore: attempt && attempt.status !== 'active' ? attempt.score : null
	};
}

/** Works an interview's summary out again and keeps it (none when the interview is gone). */
export function refreshInterviewSummary(db: Db, interviewId: string): void {
	const summary = workedOutSummary(db, interviewId);
	if (!summary) {
		db.delete(interviewSummaries).where(eq(interviewSummaries.interviewId, interviewId)).run();
		return;
	}
	const { interviewId: _id, ...columns } = summary;
	db.insert(interviewSummaries)
		.values(summary)
		.onConflictDoUpdate({ target: interviewSummaries.interviewId, set: columns })
		.run();
}

/** The summaries of interviews about to be deleted, deleted first. */
export function deleteInterviewSummaries(db: Db, interviewIds: readonly string[]): void {
	if (interviewIds.length === 0) return;
	db.delete(interviewSummaries)
		.where(inArray(interviewSummaries.interviewId, [...interviewIds]))
		.run();
}

/** Every interview's summary worked out again (a data set loaded in bulk). */
export function rebuildInterviewSummaries(db: Db): void {
	for (const { id } of db.select({ id: interviews.id }).from(interviews).all())
		refreshInterviewSummary(db, id);
}
