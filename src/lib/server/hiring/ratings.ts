// The panel's ratings and the overrides of a role-play's automatic score.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Db } from '../db/index';
import {
	attempts,
	ratings,
	scoreOverrides,
	users,
	type Attempt,
	type Interview,
	type OverrideReason,
	type Rating,
	type Recommendation
} from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from '../accounts/users';
import { refreshInterviewSummary } from '../derived/interview-summaries';
import { rolePlaysChanged } from '../derived/role-plays';
import { missingCriteria } from '$lib/engine/hiring/rubric';

export function ratingsOf(db: Db, interviewId: string): Rating[] {
	return db.select().from(ratings).where(eq(ratings.interviewId, interviewId)).all();
}

export type SaveRatingResult =
	| { ok: true; rating: Rating }
	| { ok: false; problem: 'submitted' | 'incomplete'; missing?: string[] };

/**
 * Saves an interviewer's draft or submits it. A submitted rating is final: blindness only means
 * something if nobody can adjust their scores after seeing the others'.
 */
export function saveRating(
	db: Db,
	interview: Interview,
	interviewerId: string,
	input: {
		scores: Record<string, number>;
		notes: string;
		recommendation: Recommendation | null;
		submit: boolean;
	},
	now = new Date()
): SaveRatingResult {
	const existing = db
		.select()
		.from(ratings)
		.where(and(eq(ratings.interviewId, interview.id), eq(ratings.interviewerId, interviewerId)))
		.get();
	if (existing?.submittedAt) return { ok: false, problem: 'submitted' };
	const rubric = interview.rubric;
	const known = new Set(rubric.criteria.map((c) => c.id));
	const scores = Object.fromEntries(
		Object.entries(input.scores).filter(
			([id, value]) => known.has(id) && Number.isInteger(value) && value >= 1 && value <= 5
		)
	);
	if (input.submit) {
		const missing = missingCriteria(rubric, scores);
		if (missing.length > 0 || !input.recommendation)
			return { ok: false, problem: 'incomplete', missing };
	}
	const values = {
		scores,
		notes: input.notes.slice(0, 5000),
		recommendation: input.recommendation,
		submittedAt: input.submit ? now : null,
		updatedAt: now
	};
	return db.transaction((tx): SaveRatingResult => {
		const rating = tx
			.insert(ratings)
			.values({ interviewId: interview.id, interviewerId, ...values })
			.onConflictDoUpdate({
				target: [ratings.interviewId, ratings.interviewerId],
				set: values,
				where: isNull(ratings.submittedAt)
			})
			.returning()
			.get();
		if (!rating) return { ok: false, problem: 'submitted' };
		refreshInterviewSummary(tx, interview.id);
		if (input.submit)
			recordAudit(tx, {
				actorId: interviewerId,
				action: 'interview.rating-submitted',
				targetId: interview.id
			});
		return { ok: true, rating };
	});
}

// Overrides --------------------------------------------------------------------------------------

export function overrideAttemptScore(
	db: Db,
	attempt: Attempt,
	input: { score: number; reason: OverrideReason; comment: string; userId: string },
	now = new Date()
): void {
	db.transaction((tx) => {
		tx.insert(scoreOverrides)
			.values({
				id: newId(),
				attemptId: attempt.id,
				previousScore: attempt.score,
				newScore: input.score,
				reason: input.reason,
				comment: input.comment.trim(),
				userId: input.userId,
				createdAt: now
			})
			.run();
		tx.update(attempts).set({ score: input.score }).where(eq(attempts.id, attempt.id)).run();
		rolePlaysChanged(tx, [attempt]);
		recordAudit(tx, {
			actorId: input.userId,
			action: 'attempt.score-overridden',
			targetId: attempt.id,
			detail: `${attempt.score} → ${input.score} (${input.reason})`
		});
	});
}

export function overridesOf(db: Db, attemptId: string) {
	return db
		.select({
			previousScore: scoreOverrides.previousScore,
			newScore: scoreOverrides.newScore,
			reason: scoreOverrides.reason,
			comment: scoreOverrides.comment,
			createdAt: scoreOverrides.createdAt,
			by: users.name
		})
		.from(scoreOverrides)
		.leftJoin(users, eq(users.id, scoreOverrides.userId))
		.where(eq(scoreOverrides.attemptId, attemptId))
		.orderBy(asc(scoreOverrides.createdAt))
		.all();
}
