// For tests only: the world the hiring specs share.
import { createTestDatabase } from '../db';
import { loadShippedContent } from './shipped-content';
import { addTeamMember, createTeam } from '../accounts/teams';
import { createCandidate, createInterview } from '../hiring/hiring';
import type { Interview, InterviewMode } from '../db/schema';
import type { SessionUser } from '../auth/session';
import type { Screening } from '$lib/engine/hiring/screening';
import type { ContentLocale } from '$lib/engine/content/index';
import { peopleIn } from './people';

export const HIRING_CRITERIA = [
	'opening',
	'needs-discovery',
	'objection-handling',
	'product-knowledge',
	'closing',
	'composure',
	'articulation'
];

export interface InterviewOptions {
	/** Default: the panelist and the admin. */
	panel?: readonly SessionUser[];
	/** Default: the admin. */
	createdBy?: SessionUser;
	position?: string;
	contact?: string;
	mode?: InterviewMode;
	scheduledAt?: Date;
	/** Markdown for the candidate; default: no brief. */
	brief?: string;
	screening?: Screening;
	/** Default: the renewal price objection with the hiring rubric, in English. */
	scenarioId?: string;
	rubricId?: string;
	locale?: ContentLocale;
}

/**
 * The shipped content; an admin; the Taipei team, led by `lead`; `panelist` and `outsider`,
 * managers in no team; `person` for anyone else. `interview` adds a candidate (named as given) and
 * their interview on the renewal price objection with the hiring rubric, for the Taipei team.
 */
export function hiringWorld() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const person = peopleIn(db);
	const admin = person('admin', ['admin']);
	const lead = person('lead', ['manager']);
	const panelist = person('panelist', ['manager']);
	const outsider = person('outsider', ['manager']);
	const team = createTeam(db, 'Taipei');
	addTeamMember(db, team.id, lead.id, 'manager');
	function interview(name: string, options: InterviewOptions = {}): Interview {
		const createdBy = options.createdBy ?? admin;
		const candidate = createCandidate(db, {
			name,
			contact: options.contact ?? '',
			position: options.position ?? 'Phone sales',
			notes: '',
			createdBy: createdBy.id,
			screening: options.screening
		});
		const created = createInterview(db, {
			candidateId: candidate.id,
			scenarioId: options.scenarioId ?? 'renewal-price-objection',
			rubricId: options.rubricId ?? 'hiring-roleplay',
			locale: options.locale ?? 'en',
			mode: options.mode ?? 'online',
			scheduledAt: options.scheduledAt ?? new Date('2026-06-01T09:00:00Z'),
			panel: (options.panel ?? [panelist, admin]).map((p) => p.id),
			teamId: team.id,
			createdBy: createdBy.id,
			brief: options.brief
		});
		if (!created.ok) throw new Error(created.problem);
		return created.interview;
	}
	return { db, person, admin, lead, panelist, outsider, team, interview };
}
