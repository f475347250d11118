import { isOneOf } from '$lib/engine/one-of';
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/index';
import {
	dealEvidence,
	deals,
	type DealEvidenceRow,
	type DealRow,
	type DealStatus
} from '../db/schema';
import { newId } from '../ids';
import { anyText, isBlank } from '../forms';
import type { SessionUser } from '../auth/session';
import { repsFollowedBy } from '../accounts/teams';
import {
	daysBetween,
	dealFlags,
	isCalendarDate,
	isEvidenceStrength,
	readEvidence,
	suggestStrength,
	type DealFlag,
	type EvidenceReading,
	type EvidenceStrength,
	type IsoDate
} from '$lib/engine/coaching/index';
import type { ContentLocale } from '$lib/engine/content/index';
import { groupBy } from '$lib/group-by';

/*
 * The deal review (抓單): a rep's short list of live deals, the evidence on each, and the weekly
 * review their managers read. The rules (what reads as evidence, the flags) are the engine's
 * ($lib/engine/coaching); this module stores, checks who may, and puts a deal together with its
 * flags on the day it is asked about (`today`, a calendar date the caller passes in).
 *
 * Who may: a rep reads and changes only their own deals (anyone else's is not found); a manager
 * reads, never changes, the deals of the active reps of the teams they lead; an admin, everyone's.
 */

/** Open deals a rep may keep at once: a coaching tool keeps a handful, a CRM keeps everything. */
export const MAX_OPEN_DEALS = 30;
/** Pieces of evidence on one deal. */
export const MAX_EVIDENCE_PER_DEAL = 20;
/** The highest call number taken: the cadence has 8 to 11 calls, and a few past it are flagged. */
export const MAX_CALL_NUMBER = 30;
/** Lengths in characters. */
export const DEAL_LIMITS = {
	company: 120,
	contact: 80,
	contactTitle: 80,
	nextStep: 500,
	help: 500,
	evidence: 500
} as const;
/** Closed deals a rep's page lists, the latest first. */
export const CLOSED_SHOWN = 20;

export const DEAL_OUTCOMES = ['won', 'lost', 'nurture'] as const satisfies readonly DealStatus[];
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

export function isDealOutcome(value: unknown): value is DealOutcome {
	return isOneOf(DEAL_OUTCOMES, value);
}

// ————————————————————————————————————————————————————————————— checking what a rep sends

export interface DealInput {
	company: string;
	contact: string;
	contactTitle: string;
	callNumber: number;
	lastContact: IsoDate;
	nextStep: string | null;
	nextStepDate: IsoDate | null;
	help: string;
	/** A script category of the content (price, competitor…), or null. */
	objection: string | null;
}

export type DealField = keyof DealInput;
export type FieldProblem =
	| 'missing'
	| 'too-long'
	| 'not-a-number'
	| 'out-of-range'
	| 'not-a-date'
	| 'in-the-future'
	| 'unknown';
export type FieldProblems<F extends string> = Partial<Record<F, FieldProblem>>;

const chars = (text: string): number => [...text].length;

/** A text field trimmed; blank (white space, invisible characters) reads as empty. */
function cleaned(text: string | undefined): string {
	const trimmed = (text ?? '').trim();
	return isBlank(trimmed) ? '' : trimmed;
}

/** A past or present calendar date: what a rep says happened cannot be after today. */
function pastDateProblem(value: string, today: IsoDate): FieldProblem | null {
	if (!value) return 'missing';
	if (!isCalendarDate(value)) return 'not-a-date';
	return daysBetween(today, value) > 0 ? 'in-the-future' : null;
}

/** The deal form's fields as typed: `parseDeal` checks them, with a problem code for each way one is wrong. */
export const DEAL_FORM_FIELDS = {
	company: anyText,
	contact: anyText,
	contactTitle: anyText,
	callNumber: anyText,
	lastContact: anyText,
	nextStep: anyText,
	nextStepDate: anyText,
	help: anyText,
	objection: anyText
};

/**
 * Reads a deal's form fields. `objections` are the categories the content knows: an objection
 * must be one of them (or none).
 */
export function parseDeal(
	fields: Readonly<Record<string, string | undefined>>,
	today: IsoDate,
	objections: readonly string[]
): { ok: true; value: DealInput } | { ok: false; problems: FieldProblems<DealField> } {
	const problems: FieldProblems<DealField> = {};
	const text = (name: DealField, required: boolean): string => {
		const value = cleaned(fields[name]);
		if (required && !value) problems[name] = 'missing';
		else if (name in DEAL_LIMITS && chars(value) > DEAL_LIMITS[name as keyof typeof DEAL_LIMITS])
			problems[name] = 'too-long';
		return value;
	};
	const company = text('company', true);
	const contact = text('contact', false);
	const contactTitle = text('contactTitle', false);
	const help = text('help', false);
	const nextStep = text('nextStep', false);

	const call = cleaned(fields.callNumber);
	const callNumber = Number(call);
	if (!call) problems.callNumber = 'missing';
	else if (!/^\d+$/.test(call)) problems.callNumber = 'not-a-number';
	else if (callNumber < 1 || callNumber > MAX_CALL_NUMBER) problems.callNumber = 'out-of-range';

	const lastContact = cleaned(fields.lastContact);
	const contactProblem = pastDateProblem(lastContact, today);
	if (contactProblem) problems.lastContact = contactProblem;

	// A next step is words and a date, or nothing: one without the other is asked for.
	const nextStepDate = cleaned(fields.nextStepDate);
	if (nextStepDate && !isCalendarDate(nextStepDate)) problems.nextStepDate = 'not-a-date';
	else if (nextStep && !nextStepDate) problems.nextStepDate = 'missing';
	if (nextStepDate && !nextStep && !problems.nextStep) problems.nextStep = 'missing';

	const objection = cleaned(fields.objection) || null;
	if (objection !== null && !objections.includes(objection)) problems.objection = 'unknown';

	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: {
			company,
			contact,
			contactTitle,
			callNumber,
			lastContact,
			nextStep: nextStep || null,
			nextStepDate: nextStep ? nextStepDate : null,
			help,
			objection
		}
	};
}

export interface EvidenceInput {
	text: string;
	date: IsoDate;
	/** The rep's ranking; null: not given yet, so the app proposes one for them to confirm. */
	strength: EvidenceStrength | null;
}
export type EvidenceField = keyof EvidenceInput;

export function parseEvidence(
	fields: Readonly<Record<string, string | undefined>>,
	today: IsoDate
): { ok: true; value: EvidenceInput } | { ok: false; problems: FieldProblems<EvidenceField> } {
	const problems: FieldProblems<EvidenceField> = {};
	const text = cleaned(fields.text);
	if (!text) problems.text = 'missing';
	else if (chars(text) > DEAL_LIMITS.evidence) problems.text = 'too-long';
	const date = cleaned(fields.date);
	const dateProblem = pastDateProblem(date, today);
	if (dateProblem) problems.date = dateProblem;
	const strength = cleaned(fields.strength) || null;
	if (strength !== null && !isEvidenceStrength(strength)) problems.strength = 'unknown';
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return { ok: true, value: { text, date, strength: strength as EvidenceStrength | null } };
}

/** What the app makes of a piece of evidence before the rep saves it: its reading and a strength to confirm. */
export interface EvidenceProposal {
	reading: EvidenceReading;
	/** The strength proposed: null when it reads as no evidence (a feeling has no strength). */
	suggested: EvidenceStrength | null;
}

/** What the evidence form shows again after a post: what was typed, what is wrong, what the app proposes. */
export interface EvidenceForm {
	values: { text: string; date: string; strength: string };
	problems: FieldProblems<EvidenceField>;
	proposal: EvidenceProposal | null;
	cap?: boolean;
}

export function proposeEvidence(text: string, locale: ContentLocale): EvidenceProposal {
	return { reading: readEvidence(text, locale), suggested: suggestStrength(text, locale) };
}

// ————————————————————————————————————————————————————————————————— reading deals

export interface EvidenceView {
	id: string;
	text: string;
	date: IsoDate;
	strength: EvidenceStrength;
	/** Why it reads as it does: the customer's acts or the rep's feelings that decided it. */
	reading: EvidenceReading;
}

export interface DealView {
	id: string;
	repId: string;
	company: string;
	contact: string;
	contactTitle: string;
	callNumber: number;
	lastContact: IsoDate;
	nextStep: { text: string; date: IsoDate } | null;
	help: string;
	objection: string | null;
	locale: ContentLocale;
	status: DealStatus;
	closedAt: Date | null;
	updatedAt: Date;
	/** Latest first. */
	evidence: EvidenceView[];
	/** What the review points out today (open deals only: a closed deal is no one's worry). */
	flags: DealFlag[];
}

function toView(row: DealRow, evidence: readonly DealEvidenceRow[], today: IsoDate): DealView {
	const pieces = [...evidence].sort(
		(a, b) => b.date.localeCompare(a.date) || b.createdAt.getTime() - a.createdAt.getTime()
	);
	const nextStep =
		row.nextStep && row.nextStepDate ? { text: row.nextStep, date: row.nextStepDate } : null;
	const flags =
		row.status === 'open'
			? dealFlags(
					{
						callNumber: row.callNumber,
						lastContact: row.lastContact,
						evidence: pieces,
						nextStep,
						locale: row.locale
					},
					today
				)
			: [];
	return {
		id: row.id,
		repId: row.repId,
		company: row.company,
		contact: row.contact,
		contactTitle: row.contactTitle,
		callNumber: row.callNumber,
		lastContact: row.lastContact,
		nextStep,
		help: row.help,
		objection: row.objection,
		locale: row.locale,
		status: row.status,
		closedAt: row.closedAt,
		updatedAt: row.updatedAt,
		evidence: pieces.map((e) => ({
			id: e.id,
			text: e.text,
			date: e.date,
			strength: e.strength,
			reading: readEvidence(e.text, row.locale)
		})),
		flags
	};
}

/** Flagged first (the more flags, the earlier), then the longest without contact, then by company. */
export function flaggedFirst(a: DealView, b: DealView): number {
	return (
		b.flags.length - a.flags.length ||
		a.lastContact.localeCompare(b.lastContact) ||
		a.company.localeCompare(b.company)
	);
}

/** The evidence of these deals, by deal, each deal's in the order it happened. */
function evidenceByDeal(db: Db, rows: readonly DealRow[]): Map<string, DealEvidenceRow[]> {
	if (rows.length === 0) return new Map();
	const evidence = db
		.select()
		.from(dealEvidence)
		.where(
			inArray(
				dealEvidence.dealId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(dealEvidence.date), asc(dealEvidence.createdAt))
		.all();
	return groupBy(evidence, (e) => e.dealId);
}

function viewsOf(db: Db, rows: readonly DealRow[], today: IsoDate): DealView[] {
	const byDeal = evidenceByDeal(db, rows);
	return rows.map((row) => toView(row, byDeal.get(row.id) ?? [], today));
}

/** A rep's open deals with their flags today, flagged first. */
export function openDealsOf(db: Db, repId: string, today: IsoDate): DealView[] {
	const rows = db
		.select()
		.from(deals)
		.where(and(eq(deals.repId, repId), eq(deals.status, 'open')))
		.all();
	return viewsOf(db, rows, today).sort(flaggedFirst);
}

/** A rep's closed deals, the latest closed first. */
export function closedDealsOf(db: Db, repId: string, limit = CLOSED_SHOWN): DealView[] {
	const rows = db
		.select()
		.from(deals)
		.where(and(eq(deals.repId, repId), ne(deals.status, 'open')))
		.orderBy(desc(deals.closedAt), asc(deals.company))
		.limit(limit)
		.all();
	return viewsOf(db, rows, '1970-01-01');
}

/** One of the user's own deals; null for anyone else's, whoever the id names. */
export function ownDeal(
	db: Db,
	user: SessionUser,
	dealId: string,
	today: IsoDate
): DealView | null {
	const row = db
		.select()
		.from(deals)
		.where(and(eq(deals.id, dealId), eq(deals.repId, user.id)))
		.get();
	return row ? viewsOf(db, [row], today)[0]! : null;
}

function openCount(db: Db, repId: string): number {
	return (
		db
			.select({ n: count() })
			.from(deals)
			.where(and(eq(deals.repId, repId), eq(deals.status, 'open')))
			.get()?.n ?? 0
	);
}

// ——————————————————————————————————————————————————————————————— changing deals

export type DealProblem = 'not-found' | 'closed' | 'cap' | 'evidence-cap';
type Done<T = object> = ({ ok: true } & T) | { ok: false; problem: DealProblem };

/** A rep adds a deal, kept in `locale`, within MAX_OPEN_DEALS. */
export function createDeal(
	db: Db,
	user: SessionUser,
	input: DealInput,
	locale: ContentLocale,
	now = new Date()
): Done<{ id: string }> {
	return db.transaction((tx) => {
		if (openCount(tx, user.id) >= MAX_OPEN_DEALS)
			return { ok: false as const, problem: 'cap' as const };
		const id = newId();
		tx.insert(deals)
			.values({
				id,
				repId: user.id,
				...input,
				locale,
				status: 'open',
				createdAt: now,
				updatedAt: now
			})
			.run();
		return { ok: true as const, id };
	});
}

/** The rep's own open deal, for a change; the reason it is refused otherwise. */
function openOwnRow(
	db: Db,
	user: SessionUser,
	dealId: string
): { ok: true; row: DealRow } | { ok: false; problem: DealProblem } {
	const row = db
		.select()
		.from(deals)
		.where(and(eq(deals.id, dealId), eq(deals.repId, user.id)))
		.get();
	if (!row) return { ok: false, problem: 'not-found' };
	if (row.status !== 'open') return { ok: false, problem: 'closed' };
	return { ok: true, row };
}

export function updateDeal(
	db: Db,
	user: SessionUser,
	dealId: string,
	input: DealInput,
	now = new Date()
): Done {
	const found = openOwnRow(db, user, dealId);
	if (!found.ok) return found;
	db.update(deals)
		.set({ ...input, updatedAt: now })
		.where(eq(deals.id, dealId))
		.run();
	return { ok: true };
}

/**
 * Adds a piece of evidence the rep has ranked. The customer said or did it on its date, so that
 * day was a contact: a later date moves the deal's last contact to it.
 */
export function addEvidence(
	db: Db,
	user: SessionUser,
	dealId: string,
	input: EvidenceInput & { strength: EvidenceStrength },
	now = new Date()
): Done<{ id: string }> {
	return db.transaction((tx) => {
		const found = openOwnRow(tx, user, dealId);
		if (!found.ok) return found;
		const pieces =
			tx.select({ n: count() }).from(dealEvidence).where(eq(dealEvidence.dealId, dealId)).get()
				?.n ?? 0;
		if (pieces >= MAX_EVIDENCE_PER_DEAL)
			return { ok: false as const, problem: 'evidence-cap' as const };
		const id = newId();
		tx.insert(dealEvidence)
			.values({
				id,
				dealId,
				text: input.text,
				date: input.date,
				strength: input.strength,
				createdAt: now
			})
			.run();
		const lastContact = input.date > found.row.lastContact ? input.date : found.row.lastContact;
		tx.update(deals).set({ lastContact, updatedAt: now }).where(eq(deals.id, dealId)).run();
		return { ok: true as const, id };
	});
}

/** Removes a piece of evidence from the rep's own open deal; 'not-found' also for a piece that is not on it. */
export function removeEvidence(
	db: Db,
	user: SessionUser,
	dealId: string,
	evidenceId: string,
	now = new Date()
): Done {
	return db.transaction((tx) => {
		const found = openOwnRow(tx, user, dealId);
		if (!found.ok) return found;
		const removed = tx
			.delete(dealEvidence)
			.where(and(eq(dealEvidence.id, evidenceId), eq(dealEvidence.dealId, dealId)))
			.run();
		if (removed.changes === 0) return { ok: false as const, problem: 'not-found' as const };
		tx.update(deals).set({ updatedAt: now }).where(eq(deals.id, dealId)).run();
		return { ok: true as const };
	});
}

/** Closes the rep's own open deal: won, lost, or moved to nurture (one call in three months, off the review). */
export function closeDeal(
	db: Db,
	user: SessionUser,
	dealId: string,
	outcome: DealOutcome,
	now = new Date()
): Done {
	const found = openOwnRow(db, user, dealId);
	if (!found.ok) return found;
	db.update(deals)
		.set({ status: outcome, closedAt: now, updatedAt: now })
		.where(eq(deals.id, dealId))
		.run();
	return { ok: true };
}

// ——————————————————————————————————————————————————————————————— the weekly review

export interface ReviewRep {
	id: string;
	name: string;
	/** The teams (of those the viewer follows) the rep is a rep in, by name. */
	teams: string[];
	deals: DealView[];
	/** How many of the deals carry a flag. */
	flagged: number;
}

export interface DealReview {
	/** The teams the viewer can pick from: those of the reps they follow. */
	teams: { id: string; name: string }[];
	/** The team picked, if it is one of them. */
	teamId: string | null;
	/** Reps with flagged deals first (the more, the earlier), then by name. */
	reps: ReviewRep[];
}

/**
 * The weekly review a manager reads: every active rep of the teams they lead (an admin: of every
 * team), optionally of one of those teams, each with their open deals and flags today.
 */
export function dealReview(
	db: Db,
	user: SessionUser,
	today: IsoDate,
	teamId: string | null = null
): DealReview {
	const followed = repsFollowedBy(db, user.id, user.roles.includes('admin')).filter(
		(rep) => rep.id !== user.id
	);
	const teams = [
		...new Map(followed.map((rep) => [rep.teamId, { id: rep.teamId, name: rep.teamName }])).values()
	].sort((a, b) => a.name.localeCompare(b.name));
	const picked = teamId && teams.some((t) => t.id === teamId) ? teamId : null;
	const reps = new Map<string, ReviewRep>();
	for (const rep of followed) {
		if (picked && rep.teamId !== picked) continue;
		const entry = reps.get(rep.id) ?? {
			id: rep.id,
			name: rep.name,
			teams: [],
			deals: [],
			flagged: 0
		};
		entry.teams.push(rep.teamName);
		reps.set(rep.id, entry);
	}
	const rows =
		reps.size === 0
			? []
			: db
					.select()
					.from(deals)
					.where(and(inArray(deals.repId, [...reps.keys()]), eq(deals.status, 'open')))
					.all();
	for (const deal of viewsOf(db, rows, today)) reps.get(deal.repId)!.deals.push(deal);
	for (const rep of reps.values()) {
		rep.deals.sort(flaggedFirst);
		rep.flagged = rep.deals.filter((d) => d.flags.length > 0).length;
	}
	return {
		teams,
		teamId: picked,
		reps: [...reps.values()].sort((a, b) => b.flagged - a.flagged || a.name.localeCompare(b.name))
	};
}

// ——————————————————————————————————————————————————————————————— a person's data

/** A rep's deals with their evidence, for their data export. */
export function dealsForExport(
	db: Db,
	userId: string
): (DealRow & { evidence: DealEvidenceRow[] })[] {
	const rows = db
		.select()
		.from(deals)
		.where(eq(deals.repId, userId))
		.orderBy(asc(deals.createdAt))
		.all();
	const byDeal = evidenceByDeal(db, rows);
	return rows.map((row) => ({ ...row, evidence: byDeal.get(row.id) ?? [] }));
}
