import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index';
import { candidates, hiringPositions, type Candidate, type HiringPosition } from '../db/schema';
import { recordAudit } from '../accounts/users';
import { listVisibleCandidates } from './access';
import type { SessionUser } from '../auth/session';
import { allTexts, anyText, parseForm } from '../forms';
import {
	compareCandidates,
	isSalesKind,
	screenCandidate,
	type CandidateSort,
	type PositionRules,
	type SalesKind,
	type Screening,
	type ScreeningFlag
} from '$lib/engine/hiring/screening';

/*
 * Screening candidates against their position's knock-out rules. Rules are the organisation's, one
 * set a position (named as candidates' positions are typed); any manager or admin may set them. A
 * flagged candidate stays in every list, with the reason.
 */

export function listPositionRules(db: Db): HiringPosition[] {
	return db.select().from(hiringPositions).orderBy(asc(hiringPositions.name)).all();
}

function rulesByPosition(db: Db): Map<string, PositionRules> {
	return new Map(listPositionRules(db).map((row) => [row.name, row]));
}

export function rulesFor(db: Db, position: string): PositionRules | null {
	return db.select().from(hiringPositions).where(eq(hiringPositions.name, position)).get() ?? null;
}

/** Sets a position's rules (checked already: `readPositionRules`); no rule at all removes the row. */
export function setPositionRules(
	db: Db,
	actorId: string,
	position: string,
	rules: PositionRules,
	now = new Date()
): void {
	db.transaction((tx) => {
		if (
			rules.minSalesYears === null &&
			rules.minEducation === null &&
			rules.requiredLanguage === null
		)
			tx.delete(hiringPositions).where(eq(hiringPositions.name, position)).run();
		else
			tx.insert(hiringPositions)
				.values({ name: position, ...rules, updatedAt: now })
				.onConflictDoUpdate({ target: hiringPositions.name, set: { ...rules, updatedAt: now } })
				.run();
		recordAudit(tx, { actorId, action: 'position.rules-set', detail: position });
	});
}

/** Records a candidate's screening (checked already: `readScreening`). The caller checks who may. */
export function updateScreening(
	db: Db,
	actorId: string,
	candidateId: string,
	screening: Screening
): void {
	db.transaction((tx) => {
		tx.update(candidates).set(screening).where(eq(candidates.id, candidateId)).run();
		recordAudit(tx, { actorId, action: 'candidate.screened', targetId: candidateId });
	});
}

export function screeningOf(candidate: Candidate): Screening {
	const { salesYears, salesKinds, education, languages, availability, manner } = candidate;
	return { salesYears, salesKinds, education, languages, availability, manner };
}

export function flagsOf(db: Db, candidate: Candidate): ScreeningFlag[] {
	return screenCandidate(candidate, rulesFor(db, candidate.position));
}

export interface CandidateFilter {
	flagged: 'all' | 'flagged' | 'clear';
	kind: SalesKind | null;
	sort: CandidateSort;
}

export type ScreenedCandidate = Candidate & { flags: ScreeningFlag[] };

/**
 * The candidates a user may see, each with the rules they fail, filtered and sorted. Sorting by
 * name keeps the positions together, as the list always has.
 */
export function listScreenedCandidates(
	db: Db,
	user: SessionUser,
	filter: CandidateFilter
): ScreenedCandidate[] {
	const rules = rulesByPosition(db);
	return listVisibleCandidates(db, user)
		.map((candidate) => ({
			...candidate,
			flags: screenCandidate(candidate, rules.get(candidate.position))
		}))
		.filter(
			(candidate) =>
				(filter.flagged === 'all' ||
					(filter.flagged === 'flagged') === candidate.flags.length > 0) &&
				(filter.kind === null || candidate.salesKinds.includes(filter.kind))
		)
		.sort((a, b) =>
			filter.sort === 'name'
				? a.position.localeCompare(b.position) || a.name.localeCompare(b.name)
				: compareCandidates(filter.sort, a, b)
		);
}

/** The screening fields of a form as typed, to check (`readScreening`) and to echo on a problem. */
export function screeningForm(data: FormData): ScreeningForm {
	return parseForm(data, {
		salesYears: anyText,
		salesKinds: allTexts,
		education: anyText,
		languages: anyText,
		availability: anyText,
		manner: anyText
	}).value;
}

export interface ScreeningForm {
	salesYears: string;
	salesKinds: string[];
	education: string;
	languages: string;
	availability: string;
	manner: string;
}

/** A candidate's screening as the form shows it. */
export function screeningFormOf(screening: Screening): ScreeningForm {
	return {
		salesYears: screening.salesYears === null ? '' : String(screening.salesYears),
		salesKinds: [...screening.salesKinds],
		education: screening.education ?? '',
		languages: screening.languages.join(', '),
		availability: screening.availability,
		manner: screening.manner
	};
}

/** The list's filter and sort as asked in the address; anything unknown reads as the default. */
export function candidateFilterOf(params: URLSearchParams): CandidateFilter {
	const flagged = params.get('flagged');
	const kind = params.get('kind') ?? '';
	const sort = params.get('sort');
	return {
		flagged: flagged === 'flagged' || flagged === 'clear' ? flagged : 'all',
		kind: isSalesKind(kind) ? kind : null,
		sort: sort === 'years' || sort === 'education' ? sort : 'name'
	};
}
