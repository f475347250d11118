import { isOneOf } from '$lib/engine/one-of';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { inJsonList, prepared, type Db } from '../db/index';
import {
	PRACTICE_MODES,
	assignments,
	users,
	type Assignment,
	type AssignmentKind,
	type AttemptMode,
	type AttemptStatus,
	type PracticeMode
} from '../db/schema';
import { newId } from '../ids';
import { isBlank } from '../forms';
import type { SessionUser } from '../auth/session';
import { followsRep } from './comments';
import { contentTitles, findContent, listContentFields } from '../content/store';
import { isFinished } from '$lib/attempt-status';
import { localIsoDate } from '$lib/calendar';
import {
	ASSIGNMENT_NOTE_MAX_LENGTH,
	addDays,
	assignmentStatus,
	dueDateProblem,
	parsePassMark,
	type AssignmentStatus,
	type DueDateProblem
} from '$lib/engine/coaching/index';
import type { ContentLocale, Scenario } from '$lib/engine/content/index';

/*
 * A manager's assignments to a rep: a scenario to practise (a mode, a pass mark) or a script entry
 * to review, by a due day. Who may assign is who coaches the rep (`followsRep`). An assignment is
 * done by what the rep does, and that is recorded when it happens, in the transaction of the write
 * that does it: the role-play's last turn or its time-out (`completeScenarioAssignments`, called by
 * practice/turns.ts and practice/attempts.ts) and the rep opening the entry (`completeScriptAssignments`). Every page then reads the
 * same `completedAt`, so the rep's home, the rep's page and the dashboard's count cannot disagree,
 * and reading stays one indexed query (no search through the rep's role-plays on each view).
 * Due or overdue is the engine's rule on the organisation's calendar day (`assignmentStatus`).
 */

/** How long a done assignment stays on the rep's home, so they see it went through. */
export const RECENTLY_DONE_DAYS = 3;

function isPracticeMode(value: string): value is PracticeMode {
	return isOneOf(PRACTICE_MODES, value);
}

/** Multiple choice needs options on every beat where the customer waits for a reply (as the practice page asks). */
function hasChoicesEverywhere(scenario: Scenario): boolean {
	return Object.values(scenario.beats).every(
		(beat) => beat.end !== undefined || beat.choices.length > 0
	);
}

export type AssignProblem =
	| 'not-found'
	| 'kind'
	| 'content'
	| 'mode'
	| 'mode-choice'
	| 'pass-mark'
	| DueDateProblem
	| 'note-too-long';

export interface AssignInput {
	repId: string;
	kind: string;
	contentId: string;
	/** Scenarios only: as typed in the form. */
	mode: string;
	passMark: string;
	dueDate: string;
	note: string;
}

/**
 * Assigns the rep a scenario or a script entry. Only someone coaching the rep may ('not-found' for
 * anyone else, whoever the id names); the content must be published, a scenario's mode one the
 * scenario can be played in, its pass mark 0–100, the due day from today (in TZ) on.
 */
export function createAssignment(
	db: Db,
	user: SessionUser,
	input: AssignInput,
	now = new Date()
): { ok: true; id: string } | { ok: false; problem: AssignProblem } {
	if (!followsRep(db, user, input.repId)) return { ok: false, problem: 'not-found' };
	const kind = input.kind;
	if (kind !== 'scenario' && kind !== 'script') return { ok: false, problem: 'kind' };
	const contentId = input.contentId.trim();
	// Published in either language: a draft or an unknown id is no content, for a rep of any language.
	const item = contentId ? findContent(db, kind, contentId, 'en') : undefined;
	if (!item) return { ok: false, problem: 'content' };
	let mode: PracticeMode | null = null;
	let passMark: number | null = null;
	if (item.kind === 'scenario') {
		if (!isPracticeMode(input.mode)) return { ok: false, problem: 'mode' };
		if (input.mode === 'choice' && !hasChoicesEverywhere(item.data))
			return { ok: false, problem: 'mode-choice' };
		mode = input.mode;
		// Left empty: the scenario's own pass mark, as its result page judges a pass.
		passMark = input.passMark.trim() === '' ? item.data.pass : parsePassMark(input.passMark);
		if (passMark === null) return { ok: false, problem: 'pass-mark' };
	}
	const due = dueDateProblem(input.dueDate.trim(), localIsoDate(now));
	if (due) return { ok: false, problem: due };
	const note = isBlank(input.note) ? '' : input.note.trim();
	if ([...note].length > ASSIGNMENT_NOTE_MAX_LENGTH) return { ok: false, problem: 'note-too-long' };
	const id = newId();
	db.insert(assignments)
		.values({
			id,
			repId: input.repId,
			assignedBy: user.id,
			kind,
			contentId,
			mode,
			passMark,
			dueDate: input.dueDate.trim(),
			note,
			createdAt: now
		})
		.run();
	return { ok: true, id };
}

/**
 * Cancels an open assignment: its author may, an admin any. Someone not coaching the rep gets
 * 'not-found'; an assignment that is not there (cancelled already, another rep's) is 'gone'; one
 * already done stays as the record of what the rep did ('done'); another manager's is 'not-yours'.
 */
export function cancelAssignment(
	db: Db,
	user: SessionUser,
	input: { repId: string; assignmentId: string }
): { ok: true } | { ok: false; problem: 'not-found' | 'gone' | 'done' | 'not-yours' } {
	if (!followsRep(db, user, input.repId)) return { ok: false, problem: 'not-found' };
	return db.transaction((tx) => {
		const row = tx
			.select({ assignedBy: assignments.assignedBy, completedAt: assignments.completedAt })
			.from(assignments)
			.where(and(eq(assignments.id, input.assignmentId), eq(assignments.repId, input.repId)))
			.get();
		if (!row) return { ok: false as const, problem: 'gone' as const };
		if (row.completedAt) return { ok: false as const, problem: 'done' as const };
		if (row.assignedBy !== user.id && !user.roles.includes('admin'))
			return { ok: false as const, problem: 'not-yours' as const };
		tx.delete(assignments).where(eq(assignments.id, input.assignmentId)).run();
		return { ok: true as const };
	});
}

/** Whether `user` may cancel an assignment they see on a rep's page (the rule of `cancelAssignment`). */
export function mayCancel(
	user: SessionUser,
	assignment: Pick<AssignmentView, 'assignedById' | 'status'>
): boolean {
	return (
		assignment.status !== 'done' &&
		(assignment.assignedById === user.id || user.roles.includes('admin'))
	);
}

/**
 * A finished role-play completes the rep's open assignments of its scenario in its mode that were
 * made before it started, when it scored at least their pass mark. Called in the transaction that
 * ends the attempt (its last turn, its time-out), so the two are written together or not at all.
 */
export function completeScenarioAssignments(
	db: Db,
	attempt: {
		id: string;
		userId: string | null;
		interviewId: string | null;
		scenarioId: string;
		mode: AttemptMode;
		status: AttemptStatus;
		score: number;
		startedAt: Date;
	},
	now: Date
): number {
	if (
		!attempt.userId ||
		attempt.interviewId !== null ||
		!isFinished(attempt.status) ||
		!isPracticeMode(attempt.mode)
	)
		return 0;
	const p = sql.placeholder;
	// Prepared once: it runs inside a role-play's last turn.
	const statement = prepared(db, 'assignments-complete-scenario', () =>
		db
			.update(assignments)
			.set({
				completedAt: sql`${p('now')}`,
				completedAttemptId: sql`${p('attemptId')}`,
				completedScore: sql`${p('score')}`
			})
			.where(
				and(
					eq(assignments.repId, p('repId')),
					eq(assignments.kind, 'scenario'),
					eq(assignments.contentId, p('scenarioId')),
					isNull(assignments.completedAt),
					eq(assignments.mode, p('mode')),
					sql`${assignments.passMark} <= ${p('score')}`,
					sql`${assignments.createdAt} <= ${p('startedAt')}`
				)
			)
			.prepare()
	);
	return statement.run({
		now: now.getTime(),
		attemptId: attempt.id,
		score: attempt.score,
		repId: attempt.userId,
		scenarioId: attempt.scenarioId,
		mode: attempt.mode,
		startedAt: attempt.startedAt.getTime()
	}).changes;
}

/**
 * The rep opened a script entry: their open assignments to review it are done. Asked first with
 * the index of what is open, so the usual visit (nothing assigned) writes nothing: the library
 * entry is a page reps open all day.
 */
export function completeScriptAssignments(
	db: Db,
	repId: string,
	scriptId: string,
	now = new Date()
): number {
	const statements = prepared(db, 'assignments-complete-script', () => {
		const open = and(
			eq(assignments.repId, sql.placeholder('repId')),
			eq(assignments.kind, 'script'),
			eq(assignments.contentId, sql.placeholder('scriptId')),
			isNull(assignments.completedAt),
			sql`${assignments.createdAt} <= ${sql.placeholder('now')}`
		);
		return {
			find: db.select({ id: assignments.id }).from(assignments).where(open).limit(1).prepare(),
			complete: db
				.update(assignments)
				.set({ completedAt: sql`${sql.placeholder('now')}` })
				.where(open)
				.prepare()
		};
	});
	const params = { repId, scriptId, now: now.getTime() };
	if (!statements.find.get(params)) return 0;
	return statements.complete.run(params).changes;
}

export interface AssignmentView {
	id: string;
	kind: AssignmentKind;
	contentId: string;
	title: string;
	mode: PracticeMode | null;
	passMark: number | null;
	dueDate: string;
	note: string;
	status: AssignmentStatus;
	assignedById: string | null;
	/** Who assigned it; null once their account is gone. */
	assignedBy: string | null;
	createdAt: Date;
	completedAt: Date | null;
	completedAttemptId: string | null;
	completedScore: number | null;
}

/**
 * A rep's assignments with their titles and standing on the organisation's calendar day: open ones
 * first, soonest due first, then done ones, latest first. `doneSince` leaves out those done before
 * it (the rep's home shows only the recently done). The rep's home and their page both read this.
 */
export function assignmentsOfRep(
	db: Db,
	repId: string,
	locale: ContentLocale,
	now = new Date(),
	options: { doneSince?: Date; limit?: number } = {}
): AssignmentView[] {
	const rows = prepared(db, 'assignments-of-rep', () =>
		db
			.select({ assignment: assignments, assignedBy: users.name })
			.from(assignments)
			.leftJoin(users, eq(users.id, assignments.assignedBy))
			.where(
				and(
					eq(assignments.repId, sql.placeholder('repId')),
					sql`(${assignments.completedAt} is null or ${assignments.completedAt} >= ${sql.placeholder('doneSince')})`
				)
			)
			// Open ones first, so that a long record of done ones never pushes them past the limit.
			.orderBy(
				sql`${assignments.completedAt} is not null`,
				asc(assignments.dueDate),
				desc(assignments.completedAt),
				asc(assignments.createdAt)
			)
			.limit(sql.placeholder('limit'))
			.prepare()
	).all({ repId, doneSince: options.doneSince?.getTime() ?? 0, limit: options.limit ?? 100 });
	if (rows.length === 0) return [];
	const today = localIsoDate(now);
	const titles = new Map<string, string>();
	for (const kind of ['scenario', 'script'] as const) {
		const ids = rows.filter((r) => r.assignment.kind === kind).map((r) => r.assignment.contentId);
		for (const t of contentTitles(db, kind, ids, locale)) titles.set(`${kind}:${t.id}`, t.title);
	}
	const views = rows.map(({ assignment: a, assignedBy }) => ({
		id: a.id,
		kind: a.kind,
		contentId: a.contentId,
		title: titles.get(`${a.kind}:${a.contentId}`) ?? a.contentId,
		mode: a.mode,
		passMark: a.passMark,
		dueDate: a.dueDate,
		note: a.note,
		status: assignmentStatus(a, today),
		assignedById: a.assignedBy,
		assignedBy,
		createdAt: a.createdAt,
		completedAt: a.completedAt,
		completedAttemptId: a.completedAttemptId,
		completedScore: a.completedScore
	}));
	const open = views.filter((v) => v.status !== 'done');
	const done = views
		.filter((v) => v.status === 'done')
		.sort((a, b) => b.completedAt!.getTime() - a.completedAt!.getTime());
	return [...open, ...done];
}

/** The rep's home: what is open, and what was done in the last RECENTLY_DONE_DAYS days. */
export function assignmentsForHome(
	db: Db,
	repId: string,
	locale: ContentLocale,
	now = new Date()
): AssignmentView[] {
	return assignmentsOfRep(db, repId, locale, now, {
		doneSince: new Date(now.getTime() - RECENTLY_DONE_DAYS * 86_400_000),
		limit: 50
	});
}

/**
 * How many open assignments each of `repIds` has overdue on the organisation's calendar day: one
 * grouped query over the open ones (by rep and due day) for the whole page of reps, the engine's
 * rule on each group. Reps with none are left out.
 */
export function overdueAssignmentCounts(
	db: Db,
	repIds: readonly string[],
	now = new Date()
): Map<string, number> {
	const counts = new Map<string, number>();
	if (repIds.length === 0) return counts;
	const groups = prepared(db, 'assignments-open-by-due', () =>
		db
			.select({ repId: assignments.repId, dueDate: assignments.dueDate, n: sql<number>`count(*)` })
			.from(assignments)
			.where(and(inJsonList(assignments.repId, 'reps'), isNull(assignments.completedAt)))
			.groupBy(assignments.repId, assignments.dueDate)
			.prepare()
	).all({ reps: JSON.stringify(repIds) });
	const today = localIsoDate(now);
	for (const group of groups) {
		if (assignmentStatus({ dueDate: group.dueDate, completedAt: null }, today) === 'overdue')
			counts.set(group.repId, (counts.get(group.repId) ?? 0) + group.n);
	}
	return counts;
}

export interface AssignmentChoices {
	scenarios: { id: string; title: string; pass: number }[];
	scripts: { id: string; title: string }[];
}

/** What a manager may assign: every published scenario (with its own pass mark) and script entry, by title. */
export function assignmentChoices(db: Db, locale: ContentLocale): AssignmentChoices {
	const byTitle = (a: { title: string }, b: { title: string }) =>
		a.title.localeCompare(b.title, locale);
	// Read through the content store's cache, kept until the content changes.
	const scenarios = listContentFields(db, 'scenario', locale, ['title', 'pass'])
		.map(({ id, title, pass }) => ({ id, title, pass }))
		.sort(byTitle);
	const scripts = listContentFields(db, 'script', locale, ['title'])
		.map(({ id, title }) => ({ id, title }))
		.sort(byTitle);
	return { scenarios, scripts };
}

/** A user's assignments for their data export: those given to them, and those they gave others. */
export function assignmentsForExport(
	db: Db,
	userId: string
): { received: Omit<Assignment, 'repId'>[]; given: Omit<Assignment, 'assignedBy'>[] } {
	const received = db
		.select()
		.from(assignments)
		.where(eq(assignments.repId, userId))
		.orderBy(asc(assignments.createdAt))
		.all();
	const given = db
		.select()
		.from(assignments)
		.where(eq(assignments.assignedBy, userId))
		.orderBy(asc(assignments.createdAt))
		.all();
	return {
		received: received.map(({ repId: _repId, ...row }) => row),
		given: given.map(({ assignedBy: _assignedBy, ...row }) => row)
	};
}

/**
 * What the rep's page shows of assignments to their coach `user`: every one of the rep's (whether
 * the viewer may cancel each), the form's choices, and what weak spots' "Assign" preselects
 * (`?scenario=` / `?script=`, taken only when it names a published item).
 */
export function repPageAssignments(
	db: Db,
	user: SessionUser,
	repId: string,
	url: URL,
	locale: ContentLocale,
	now = new Date()
) {
	const choices = assignmentChoices(db, locale);
	const pick = (name: string, items: readonly { id: string }[]) => {
		const id = url.searchParams.get(name);
		return id && items.some((item) => item.id === id) ? id : null;
	};
	const today = localIsoDate(now);
	return {
		assignments: assignmentsOfRep(db, repId, locale, now).map((a) => ({
			...a,
			mayCancel: mayCancel(user, a)
		})),
		choices,
		prefill: {
			scenario: pick('scenario', choices.scenarios),
			script: pick('script', choices.scripts)
		},
		today,
		defaultDue: addDays(today, 7)
	};
}
