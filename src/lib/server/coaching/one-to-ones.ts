import { isOneOf } from '$lib/engine/one-of';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import {
	attempts,
	oneToOneActions,
	oneToOnes,
	teamMembers,
	teams,
	users,
	ACTION_OWNERS,
	type ActionOwner,
	type OneToOneLink
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { followsRep } from './comments';
import { contentTitles } from '../content/store';
import {
	allTexts,
	anyText,
	isBlank,
	parseForm,
	textFields,
	textOrNone,
	trimmedText
} from '../forms';
import { newId } from '../ids';
import { localIsoDate } from '$lib/calendar';
import type { ContentLocale } from '$lib/engine/content/index';
import {
	actionDue,
	actionDueProblem,
	isOneToOneWeeks,
	oneToOneDateProblem,
	oneToOneGap,
	type ActionDueState
} from '$lib/engine/coaching/one-to-ones';
import type { AttemptMode, AttemptStatus } from '../db/schema';

/*
 * One-to-ones (談心): a manager's talk with one of their reps, with the actions they agreed. Who
 * may record, read, change or delete one is decided here (the same `followsRep` as comments), so a
 * route asks once, before anything about the rep is read. The notes are the rep's to read too: the
 * handbook's 談心 is a conversation with the rep, not a file kept about them.
 */

/** The longest notes, in characters (as a browser's maxlength counts them). */
export const NOTES_MAX_LENGTH = 4000;
export const ACTION_MAX_LENGTH = 300;
/** Agreed actions per one-to-one, and links to role-plays. */
export const ACTIONS_MAX = 10;
export const LINKS_MAX = 10;
/** Empty action rows a new one-to-one's form offers (a page without scripts cannot add rows). */
export const BLANK_ACTION_ROWS = 3;
/** The recent role-plays the form offers to link. */
export const RECENT_ROLE_PLAYS = 10;
/**
 * The manager who recorded a one-to-one may correct or delete it for this many days after they
 * recorded it; after that it is the record both sides read, and a new talk is a new one-to-one.
 */
export const EDIT_DAYS = 7;

const DAY_MS = 86_400_000;

// ——— What a form sends ———

export interface ActionInput {
	/** The form's row number (`action-text-<row>`), which a problem names. */
	row: number;
	/** The action's id when the form edits one already stored; null for a new one. */
	id: string | null;
	text: string;
	owner: string;
	dueOn: string;
}

export interface OneToOneInput {
	heldOn: string;
	notes: string;
	actions: ActionInput[];
	/** Attempt ids of the rep's role-plays to link. */
	rolePlays: string[];
	/** Decisions on the open actions of earlier one-to-ones: done, or carried over (with a due date, changed or not). */
	open: { id: string; done: boolean; dueOn: string }[];
}

/** Reads the one-to-one form: numbered action rows (`action-text-0` …) and one decision per open action. */
export function readOneToOneForm(data: FormData): OneToOneInput {
	const rows = Array.from({ length: ACTIONS_MAX + BLANK_ACTION_ROWS }, (_, row) => row);
	const fields: {
		heldOn: typeof trimmedText;
		notes: typeof anyText;
		rolePlay: typeof allTexts;
		open: typeof allTexts;
	} & Record<`action-text-${number}`, typeof textOrNone> &
		Record<`action-${'id' | 'owner' | 'due'}-${number}`, typeof anyText> &
		Record<`open-${string}`, typeof anyText> = {
		heldOn: trimmedText,
		notes: anyText,
		rolePlay: allTexts,
		open: allTexts,
		...Object.fromEntries(
			rows.flatMap((row) => [
				[`action-text-${row}`, textOrNone],
				[`action-id-${row}`, anyText],
				[`action-owner-${row}`, anyText],
				[`action-due-${row}`, anyText]
			])
		),
		// The decisions on open actions are named by the actions' ids, which the form posts.
		...Object.fromEntries(
			textFields(data, 'open').flatMap((id) => [
				[`open-${id}`, anyText],
				[`open-due-${id}`, anyText]
			])
		)
	};
	const form = parseForm(data, fields).value;
	const actions: ActionInput[] = [];
	for (const row of rows) {
		const text = form[`action-text-${row}`];
		if (text === undefined) continue;
		actions.push({
			row,
			id: form[`action-id-${row}`] || null,
			text,
			// Index signatures read as possibly missing; every named field was read ('' at worst).
			owner: form[`action-owner-${row}`] ?? '',
			dueOn: form[`action-due-${row}`] ?? ''
		});
	}
	return {
		heldOn: form.heldOn,
		// A browser sends a textarea's line breaks as CRLF, and counts each as one character for maxlength.
		notes: form.notes.replace(/\r\n?/g, '\n'),
		actions,
		rolePlays: [...new Set(form.rolePlay)],
		open: form.open.map((id) => ({
			id,
			done: form[`open-${id}`] === 'done',
			dueOn: (form[`open-due-${id}`] ?? '').trim()
		}))
	};
}

export type OneToOneProblem =
	| { field: 'heldOn'; problem: 'invalid' | 'future' }
	| { field: 'notes'; problem: 'too-long' | 'empty' }
	| {
			field: 'action';
			row: number;
			problem: 'too-long' | 'owner' | 'due-invalid' | 'due-before-talk' | 'due-missing';
	  }
	| { field: 'actions'; problem: 'too-many' }
	| { field: 'rolePlays'; problem: 'too-many' | 'not-theirs' }
	| { field: 'open'; id: string; problem: 'due-invalid' | 'due-before-talk' };

function isOwner(value: string): value is ActionOwner {
	return isOneOf(ACTION_OWNERS, value);
}

/**
 * What is wrong with a one-to-one as typed, for the rep `repId` on `today`. A row with no words is
 * no action (the form's blank rows); a talk needs notes or at least one action.
 */
export function oneToOneProblems(
	db: Db,
	repId: string,
	input: OneToOneInput,
	today: string,
	before: ReadonlyMap<string, string> = new Map()
): OneToOneProblem[] {
	const problems: OneToOneProblem[] = [];
	const dateProblem = oneToOneDateProblem(input.heldOn, today);
	if (dateProblem) problems.push({ field: 'heldOn', problem: dateProblem });
	if (input.notes.length > NOTES_MAX_LENGTH) problems.push({ field: 'notes', problem: 'too-long' });
	const actions = input.actions.filter((action) => !isBlank(action.text));
	if (isBlank(input.notes) && actions.length === 0)
		problems.push({ field: 'notes', problem: 'empty' });
	if (actions.length > ACTIONS_MAX) problems.push({ field: 'actions', problem: 'too-many' });
	for (const action of actions) {
		const row = action.row;
		if (action.text.trim().length > ACTION_MAX_LENGTH)
			problems.push({ field: 'action', row, problem: 'too-long' });
		if (!isOwner(action.owner)) problems.push({ field: 'action', row, problem: 'owner' });
		const due = action.dueOn.trim();
		// An action kept as it was stored is not checked again against a talk date moved later.
		if (!due) problems.push({ field: 'action', row, problem: 'due-missing' });
		else if (!(action.id && before.get(action.id) === due)) {
			const dueProblem = actionDueProblem(due, dateProblem ? today : input.heldOn);
			if (dueProblem)
				problems.push({
					field: 'action',
					row,
					problem: dueProblem === 'invalid' ? 'due-invalid' : 'due-before-talk'
				});
		}
	}
	if (input.rolePlays.length > LINKS_MAX)
		problems.push({ field: 'rolePlays', problem: 'too-many' });
	else if (input.rolePlays.length > 0) {
		const theirs = new Set(
			db
				.select({ id: attempts.id })
				.from(attempts)
				.where(
					and(
						eq(attempts.userId, repId),
						isNull(attempts.interviewId),
						inArray(attempts.id, input.rolePlays)
					)
				)
				.all()
				.map((a) => a.id)
		);
		if (input.rolePlays.some((id) => !theirs.has(id)))
			problems.push({ field: 'rolePlays', problem: 'not-theirs' });
	}
	const openDue = new Map(openActionRows(db, repId).map((a) => [a.id, a.dueOn]));
	for (const decision of input.open) {
		const current = openDue.get(decision.id);
		// Done, gone (closed meanwhile) or unchanged: nothing to check.
		if (
			decision.done ||
			current === undefined ||
			decision.dueOn === '' ||
			decision.dueOn === current
		)
			continue;
		const dueProblem = actionDueProblem(decision.dueOn, dateProblem ? today : input.heldOn);
		if (dueProblem)
			problems.push({
				field: 'open',
				id: decision.id,
				problem: dueProblem === 'invalid' ? 'due-invalid' : 'due-before-talk'
			});
	}
	return problems;
}

// ——— Who may ———

/** Whether `user` may still change (edit or delete) a one-to-one: they recorded it, within EDIT_DAYS of recording it. */
export function canChange(
	row: { managerId: string | null; createdAt: Date },
	user: SessionUser,
	now = new Date()
): boolean {
	return row.managerId === user.id && now.getTime() - row.createdAt.getTime() < EDIT_DAYS * DAY_MS;
}

/** The one-to-one `id` with rep `repId`, if `user` follows the rep (else null, whoever the ids name). */
function oneToOneFollowed(db: Db, user: SessionUser, repId: string, id: string) {
	if (!followsRep(db, user, repId)) return null;
	return (
		db
			.select()
			.from(oneToOnes)
			.where(and(eq(oneToOnes.id, id), eq(oneToOnes.repId, repId)))
			.get() ?? null
	);
}

// ——— Writing ———

function cleanLinks(rolePlays: readonly string[]): OneToOneLink[] {
	return rolePlays.map((id) => ({ kind: 'attempt' as const, id }));
}

function keptActions(input: OneToOneInput) {
	return input.actions
		.filter((a) => !isBlank(a.text))
		.map((a) => ({
			...a,
			text: a.text.trim(),
			owner: a.owner as ActionOwner,
			dueOn: a.dueOn.trim()
		}));
}

export type WriteResult =
	| { ok: true; id: string }
	| { ok: false; problem: 'not-found' }
	| { ok: false; problem: 'invalid'; problems: OneToOneProblem[] };

/**
 * A manager (or admin) following the rep records a one-to-one, and in the same transaction closes
 * the open actions marked done (done on the talk's date, by this talk) and moves the due dates of
 * those carried over with a new date. Anyone else gets 'not-found', before anything is read.
 */
export function recordOneToOne(
	db: Db,
	user: SessionUser,
	repId: string,
	input: OneToOneInput,
	now = new Date()
): WriteResult {
	if (!followsRep(db, user, repId)) return { ok: false, problem: 'not-found' };
	const problems = oneToOneProblems(db, repId, input, localIsoDate(now));
	if (problems.length > 0) return { ok: false, problem: 'invalid', problems };
	const id = newId();
	db.transaction((tx) => {
		tx.insert(oneToOnes)
			.values({
				id,
				repId,
				managerId: user.id,
				heldOn: input.heldOn,
				notes: input.notes.trim(),
				links: cleanLinks(input.rolePlays),
				createdAt: now
			})
			.run();
		keptActions(input).forEach((action, position) => {
			tx.insert(oneToOneActions)
				.values({
					id: newId(),
					oneToOneId: id,
					repId,
					text: action.text,
					owner: action.owner,
					dueOn: action.dueOn,
					position,
					createdAt: now
				})
				.run();
		});
		for (const decision of input.open) {
			const open = and(
				eq(oneToOneActions.id, decision.id),
				eq(oneToOneActions.repId, repId),
				isNull(oneToOneActions.doneOn)
			);
			if (decision.done)
				tx.update(oneToOneActions).set({ doneOn: input.heldOn, closedIn: id }).where(open).run();
			else if (decision.dueOn)
				tx.update(oneToOneActions).set({ dueOn: decision.dueOn }).where(open).run();
		}
	});
	return { ok: true, id };
}

/**
 * The manager who recorded a one-to-one corrects it within EDIT_DAYS: its date, notes, links and
 * the actions agreed in it (a row emptied removes an open action; an action a later talk has closed
 * stays as it was). Which earlier actions it closed is not changed here. Anyone else: 'not-found'.
 */
export function updateOneToOne(
	db: Db,
	user: SessionUser,
	repId: string,
	id: string,
	input: OneToOneInput,
	now = new Date()
): WriteResult {
	const row = oneToOneFollowed(db, user, repId, id);
	if (!row || !canChange(row, user, now)) return { ok: false, problem: 'not-found' };
	const stored = db.select().from(oneToOneActions).where(eq(oneToOneActions.oneToOneId, id)).all();
	const storedById = new Map(stored.map((a) => [a.id, a]));
	// Decisions on earlier actions are not part of an edit.
	const edit = {
		...input,
		open: [],
		actions: input.actions.filter((a) => !a.id || storedById.get(a.id)?.doneOn === null)
	};
	const problems = oneToOneProblems(
		db,
		repId,
		edit,
		localIsoDate(now),
		new Map(stored.map((a) => [a.id, a.dueOn]))
	);
	if (problems.length > 0) return { ok: false, problem: 'invalid', problems };
	db.transaction((tx) => {
		tx.update(oneToOnes)
			.set({
				heldOn: edit.heldOn,
				notes: edit.notes.trim(),
				links: cleanLinks(edit.rolePlays),
				updatedAt: now
			})
			.where(eq(oneToOnes.id, id))
			.run();
		// The actions it closed were done on its date.
		if (edit.heldOn !== row.heldOn)
			tx.update(oneToOneActions)
				.set({ doneOn: edit.heldOn })
				.where(eq(oneToOneActions.closedIn, id))
				.run();
		const kept = new Set<string>();
		edit.actions.forEach((action) => {
			const text = action.text.trim();
			const existing = action.id ? storedById.get(action.id) : undefined;
			if (existing) {
				if (isBlank(text)) return;
				kept.add(existing.id);
				tx.update(oneToOneActions)
					.set({
						text,
						owner: action.owner as ActionOwner,
						dueOn: action.dueOn.trim(),
						position: action.row
					})
					.where(eq(oneToOneActions.id, existing.id))
					.run();
			} else if (!isBlank(text)) {
				tx.insert(oneToOneActions)
					.values({
						id: newId(),
						oneToOneId: id,
						repId,
						text,
						owner: action.owner as ActionOwner,
						dueOn: action.dueOn.trim(),
						position: action.row,
						createdAt: now
					})
					.run();
			}
		});
		const removed = stored.filter((a) => a.doneOn === null && !kept.has(a.id)).map((a) => a.id);
		if (removed.length > 0)
			tx.delete(oneToOneActions).where(inArray(oneToOneActions.id, removed)).run();
	});
	return { ok: true, id };
}

/**
 * The manager who recorded a one-to-one deletes it within EDIT_DAYS, with the actions agreed in
 * it; the earlier actions it had closed are open again. Anyone else: 'not-found'.
 */
export function deleteOneToOne(
	db: Db,
	user: SessionUser,
	repId: string,
	id: string,
	now = new Date()
): { ok: true } | { ok: false; problem: 'not-found' } {
	const row = oneToOneFollowed(db, user, repId, id);
	if (!row || !canChange(row, user, now)) return { ok: false, problem: 'not-found' };
	db.transaction((tx) => {
		tx.update(oneToOneActions)
			.set({ doneOn: null, closedIn: null })
			.where(eq(oneToOneActions.closedIn, id))
			.run();
		tx.delete(oneToOnes).where(eq(oneToOnes.id, id)).run();
	});
	return { ok: true };
}

// ——— Reading ———

export interface ActionView {
	id: string;
	text: string;
	owner: ActionOwner;
	dueOn: string;
	doneOn: string | null;
	/** Where it stands today, for an open one; null once done. */
	due: { state: ActionDueState; days: number } | null;
	/** The one-to-one that agreed it (its date), for a list of open actions across talks. */
	agreedOn: string;
	oneToOneId: string;
}

function openActionRows(db: Db, repId: string) {
	return prepared(db, 'one-to-one-open-actions', () =>
		db
			.select({
				id: oneToOneActions.id,
				text: oneToOneActions.text,
				owner: oneToOneActions.owner,
				dueOn: oneToOneActions.dueOn,
				doneOn: oneToOneActions.doneOn,
				oneToOneId: oneToOneActions.oneToOneId,
				agreedOn: oneToOnes.heldOn
			})
			.from(oneToOneActions)
			.innerJoin(oneToOnes, eq(oneToOnes.id, oneToOneActions.oneToOneId))
			.where(
				and(eq(oneToOneActions.repId, sql.placeholder('repId')), isNull(oneToOneActions.doneOn))
			)
			.orderBy(asc(oneToOneActions.dueOn), asc(oneToOnes.heldOn), asc(oneToOneActions.position))
			.prepare()
	).all({ repId });
}

function withDue<T extends { dueOn: string; doneOn: string | null }>(
	action: T,
	today: string
): T & { due: { state: ActionDueState; days: number } | null } {
	return { ...action, due: action.doneOn === null ? actionDue(action.dueOn, today) : null };
}

/** The rep's open actions, the earliest due first, with where each stands on `today`. */
export function openActions(db: Db, repId: string, today: string): ActionView[] {
	return openActionRows(db, repId).map((a) => withDue(a, today));
}

export interface LinkView {
	kind: 'attempt';
	id: string;
	title: string;
	startedAt: Date;
}

export interface OneToOneView {
	id: string;
	heldOn: string;
	notes: string;
	/** Who recorded it; null once their account is deleted. */
	manager: string | null;
	managerId: string | null;
	createdAt: Date;
	updatedAt: Date | null;
	links: LinkView[];
	/** The actions agreed in it, in their order, with where each stands. */
	actions: ActionView[];
	/** Earlier actions marked done in it. */
	closed: ActionView[];
	/** Whether the reader may still correct or delete it. */
	changeable: boolean;
}

/** One-to-ones with rep `repId`, the latest talk first, whole: what the rep and their coaches read. */
export function oneToOnesOf(
	db: Db,
	repId: string,
	locale: ContentLocale,
	options: { today: string; reader?: SessionUser; now?: Date; limit?: number; id?: string }
): OneToOneView[] {
	const rows = db
		.select({
			id: oneToOnes.id,
			heldOn: oneToOnes.heldOn,
			notes: oneToOnes.notes,
			links: oneToOnes.links,
			managerId: oneToOnes.managerId,
			manager: users.name,
			createdAt: oneToOnes.createdAt,
			updatedAt: oneToOnes.updatedAt
		})
		.from(oneToOnes)
		.leftJoin(users, eq(users.id, oneToOnes.managerId))
		.where(and(eq(oneToOnes.repId, repId), options.id ? eq(oneToOnes.id, options.id) : undefined))
		.orderBy(desc(oneToOnes.heldOn), desc(oneToOnes.createdAt))
		.limit(options.limit ?? -1)
		.all();
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const actions = db
		.select({
			id: oneToOneActions.id,
			text: oneToOneActions.text,
			owner: oneToOneActions.owner,
			dueOn: oneToOneActions.dueOn,
			doneOn: oneToOneActions.doneOn,
			oneToOneId: oneToOneActions.oneToOneId,
			closedIn: oneToOneActions.closedIn,
			agreedOn: oneToOnes.heldOn
		})
		.from(oneToOneActions)
		.innerJoin(oneToOnes, eq(oneToOnes.id, oneToOneActions.oneToOneId))
		.where(
			and(
				eq(oneToOneActions.repId, repId),
				sql`(${oneToOneActions.oneToOneId} in (select value from json_each(${JSON.stringify(ids)})) or ${oneToOneActions.closedIn} in (select value from json_each(${JSON.stringify(ids)})))`
			)
		)
		.orderBy(asc(oneToOneActions.position), asc(oneToOneActions.createdAt))
		.all()
		.map(({ closedIn, ...a }) => ({ ...withDue(a, options.today), closedIn }));
	const links = linkViews(
		db,
		repId,
		rows.flatMap((r) => r.links),
		locale
	);
	return rows.map((row) => ({
		id: row.id,
		heldOn: row.heldOn,
		notes: row.notes,
		manager: row.manager,
		managerId: row.managerId,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		links: row.links.flatMap((link) => links.get(link.id) ?? []),
		actions: actions.filter((a) => a.oneToOneId === row.id).map(({ closedIn: _c, ...a }) => a),
		closed: actions.filter((a) => a.closedIn === row.id).map(({ closedIn: _c, ...a }) => a),
		changeable: options.reader ? canChange(row, options.reader, options.now) : false
	}));
}

/** The linked role-plays that are still there and still the rep's practice, with their titles. */
function linkViews(
	db: Db,
	repId: string,
	links: readonly OneToOneLink[],
	locale: ContentLocale
): Map<string, LinkView> {
	const ids = [...new Set(links.filter((l) => l.kind === 'attempt').map((l) => l.id))];
	if (ids.length === 0) return new Map();
	const found = db
		.select({ id: attempts.id, scenarioId: attempts.scenarioId, startedAt: attempts.startedAt })
		.from(attempts)
		.where(and(eq(attempts.userId, repId), isNull(attempts.interviewId), inArray(attempts.id, ids)))
		.all();
	const titles = new Map(
		contentTitles(db, 'scenario', [...new Set(found.map((a) => a.scenarioId))], locale).map((t) => [
			t.id,
			t.title
		])
	);
	return new Map(
		found.map((a) => [
			a.id,
			{
				kind: 'attempt' as const,
				id: a.id,
				title: titles.get(a.scenarioId) ?? a.scenarioId,
				startedAt: a.startedAt
			}
		])
	);
}

export interface RolePlayOption {
	id: string;
	title: string;
	startedAt: Date;
	mode: AttemptMode;
	status: AttemptStatus;
	score: number;
}

/** The rep's latest practice role-plays to link, and any already linked that are older. */
export function rolePlayOptions(
	db: Db,
	repId: string,
	locale: ContentLocale,
	linked: readonly string[] = []
): RolePlayOption[] {
	const practice = and(eq(attempts.userId, repId), isNull(attempts.interviewId));
	const columns = {
		id: attempts.id,
		scenarioId: attempts.scenarioId,
		startedAt: attempts.startedAt,
		mode: attempts.mode,
		status: attempts.status,
		score: attempts.score
	};
	const recent = db
		.select(columns)
		.from(attempts)
		.where(practice)
		.orderBy(desc(attempts.startedAt), desc(attempts.id))
		.limit(RECENT_ROLE_PLAYS)
		.all();
	const missing = linked.filter((id) => !recent.some((a) => a.id === id));
	const older =
		missing.length > 0
			? db
					.select(columns)
					.from(attempts)
					.where(and(practice, inArray(attempts.id, missing)))
					.orderBy(desc(attempts.startedAt))
					.all()
			: [];
	const rows = [...recent, ...older];
	const titles = new Map(
		contentTitles(db, 'scenario', [...new Set(rows.map((a) => a.scenarioId))], locale).map((t) => [
			t.id,
			t.title
		])
	);
	return rows.map(({ scenarioId, ...a }) => ({
		...a,
		title: titles.get(scenarioId) ?? scenarioId
	}));
}

/** One one-to-one as a coach opens it, if `user` follows its rep; null for anyone else. */
export function oneToOneForCoach(
	db: Db,
	user: SessionUser,
	repId: string,
	id: string,
	locale: ContentLocale,
	now = new Date()
): OneToOneView | null {
	if (!oneToOneFollowed(db, user, repId, id)) return null;
	return (
		oneToOnesOf(db, repId, locale, { today: localIsoDate(now), reader: user, now, id })[0] ?? null
	);
}

export interface RepOneToOnes {
	latest: OneToOneView[];
	total: number;
	open: ActionView[];
}

/** The one-to-ones block of a rep's page: the latest few, how many in all, and the open actions. */
export function repOneToOnes(
	db: Db,
	user: SessionUser,
	repId: string,
	locale: ContentLocale,
	now = new Date(),
	limit = 3
): RepOneToOnes {
	const today = localIsoDate(now);
	return {
		latest: oneToOnesOf(db, repId, locale, { today, reader: user, now, limit }),
		total:
			db
				.select({ n: sql<number>`count(*)` })
				.from(oneToOnes)
				.where(eq(oneToOnes.repId, repId))
				.get()?.n ?? 0,
		open: openActions(db, repId, today)
	};
}

/** What a rep's home shows: their open actions, and whether they have any one-to-one to read. */
export function homeOneToOnes(
	db: Db,
	repId: string,
	now = new Date()
): { open: ActionView[]; any: boolean } {
	const any = !!prepared(db, 'one-to-one-any', () =>
		db
			.select({ id: oneToOnes.id })
			.from(oneToOnes)
			.where(eq(oneToOnes.repId, sql.placeholder('repId')))
			.limit(1)
			.prepare()
	).get({ repId });
	return { open: any ? openActions(db, repId, localIsoDate(now)) : [], any };
}

// ——— The team page ———

export interface RepWithoutOneToOne {
	id: string;
	name: string;
	/** The latest one-to-one's date; null when there has been none. */
	latest: string | null;
	days: number | null;
}

/**
 * The active reps of a team who have gone the team's number of weeks without a one-to-one (with
 * anyone) on the day of `now`: those who never had one first, then the longest waiting.
 */
export function repsWithoutOneToOne(
	db: Db,
	teamId: string,
	weeks: number,
	now = new Date()
): RepWithoutOneToOne[] {
	const today = localIsoDate(now);
	const reps = db
		.select({
			id: users.id,
			name: users.name,
			latest: sql<
				string | null
			>`(select max(${oneToOnes.heldOn}) from ${oneToOnes} where ${oneToOnes.repId} = ${users.id})`
		})
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(
			and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'rep'), isNull(users.deactivatedAt))
		)
		.orderBy(asc(users.name))
		.all();
	return reps
		.map((rep) => ({ ...rep, ...oneToOneGap(rep.latest, today, weeks) }))
		.filter((rep) => rep.due)
		.sort((a, b) => waited(b.days) - waited(a.days))
		.map(({ due: _due, ...rep }) => rep);
}

/** For sorting: days without a one-to-one, never as the longest (names stay in order among equals: the sort is stable). */
function waited(days: number | null): number {
	return days ?? Number.MAX_SAFE_INTEGER;
}

/** Sets a team's number of weeks; false for a number out of range (1 to 12 whole weeks). */
export function setOneToOneWeeks(db: Db, teamId: string, weeks: number): boolean {
	if (!isOneToOneWeeks(weeks)) return false;
	db.update(teams).set({ oneToOneWeeks: weeks }).where(eq(teams.id, teamId)).run();
	return true;
}

/** Reads the weeks field of a settings form: a whole number, or NaN. */
export function readWeeks(value: string): number {
	return /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : Number.NaN;
}

// ——— A person's data ———

/**
 * A user's one-to-ones for their data export: those with them as the rep (received) and those
 * they recorded with others (recorded), each with the actions agreed in it.
 */
export function oneToOnesForExport(db: Db, userId: string) {
	const withActions = (rows: (typeof oneToOnes.$inferSelect)[]) =>
		rows.map((row) => ({
			...row,
			actions: db
				.select()
				.from(oneToOneActions)
				.where(eq(oneToOneActions.oneToOneId, row.id))
				.orderBy(asc(oneToOneActions.position))
				.all()
		}));
	return {
		received: withActions(
			db
				.select()
				.from(oneToOnes)
				.where(eq(oneToOnes.repId, userId))
				.orderBy(asc(oneToOnes.heldOn))
				.all()
		),
		recorded: withActions(
			db
				.select()
				.from(oneToOnes)
				.where(eq(oneToOnes.managerId, userId))
				.orderBy(asc(oneToOnes.heldOn))
				.all()
		)
	};
}

// ——— What a form starts with ———

export const FORM_LIMITS = { notes: NOTES_MAX_LENGTH, action: ACTION_MAX_LENGTH } as const;

function blankRows(from: number, count: number): ActionInput[] {
	return Array.from({ length: count }, (_, i) => ({
		row: from + i,
		id: null,
		text: '',
		owner: 'rep',
		dueOn: ''
	}));
}

/** A new one-to-one's form: today's date, empty notes, blank action rows, every open action carried over. */
export function blankOneToOne(today: string): OneToOneInput {
	return {
		heldOn: today,
		notes: '',
		actions: blankRows(0, BLANK_ACTION_ROWS),
		rolePlays: [],
		open: []
	};
}

/** The correction form of a stored one-to-one: its open actions as rows, then room for two more. */
export function oneToOneAsInput(view: OneToOneView): OneToOneInput {
	const rows: ActionInput[] = view.actions
		.filter((a) => a.doneOn === null)
		.map((a, row) => ({ row, id: a.id, text: a.text, owner: a.owner, dueOn: a.dueOn }));
	return {
		heldOn: view.heldOn,
		notes: view.notes,
		actions: [...rows, ...blankRows(rows.length, Math.min(2, ACTIONS_MAX - rows.length))],
		rolePlays: view.links.map((l) => l.id),
		open: []
	};
}

/** The last moment the recorder may change a one-to-one. */
export function changeableUntil(createdAt: Date): Date {
	return new Date(createdAt.getTime() + EDIT_DAYS * DAY_MS);
}
