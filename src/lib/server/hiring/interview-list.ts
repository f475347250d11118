// The list of interviews a manager or admin may see, with each one's candidate, scenario, panel
// and link, filtered and paged.
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { type Db } from '../db/index';
import {
	candidates,
	interviews,
	type Candidate,
	type Interview,
	type InterviewMode
} from '../db/schema';
import { compiledRevisionFor } from '../practice/compiled-revisions';
import type { SessionUser } from '../auth/session';
import { type LinkStatus } from '$lib/engine/hiring/link-status';
import { visibleInterviewCondition } from './access';
import { linkStatusesOf } from './links';

export interface InterviewRow {
	id: string;
	candidateId: string;
	candidateName: string;
	position: string;
	mode: InterviewMode;
	scheduledAt: Date;
	cancelled: boolean;
	scenarioTitle: string;
	/** An online interview's candidate link as it stands now; null for a live one. */
	link: LinkStatus | null;
}

// Lists leave out the pinned rubric: several kilobytes per interview that a list never shows.
const { rubric: _rubric, ...listedInterviewColumns } = getTableColumns(interviews);

function visibleInterviews(
	db: Db,
	user: SessionUser,
	position?: string
): { interview: Omit<Interview, 'rubric'>; candidate: Candidate }[] {
	return db
		.select({ interview: listedInterviewColumns, candidate: candidates })
		.from(interviews)
		.innerJoin(candidates, eq(candidates.id, interviews.candidateId))
		.where(
			and(
				visibleInterviewCondition(db, user),
				position ? eq(candidates.position, position) : undefined
			)
		)
		.orderBy(desc(interviews.scheduledAt))
		.all();
}

export function listVisibleInterviews(
	db: Db,
	user: SessionUser,
	position?: string,
	now = new Date()
): InterviewRow[] {
	const rows = visibleInterviews(db, user, position);
	const links = linkStatusesOf(
		db,
		rows.map(({ interview }) => interview).filter((interview) => interview.mode === 'online'),
		now
	);
	return rows.map(({ interview, candidate }) => ({
		id: interview.id,
		candidateId: candidate.id,
		candidateName: candidate.name,
		position: candidate.position,
		mode: interview.mode,
		scheduledAt: interview.scheduledAt,
		cancelled: interview.cancelledAt !== null,
		scenarioTitle: revisionTitle(db, interview),
		link: links.get(interview.id) ?? null
	}));
}

function revisionTitle(db: Db, interview: Pick<Interview, 'revisionId'>): string {
	return compiledRevisionFor(db, interview.revisionId).compiled.scenario.title;
}
