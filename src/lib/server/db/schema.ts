import { sql } from 'drizzle-orm';
import {
	blob,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';

import { LOCALES, ROLES } from '../../roles';
import { ATTEMPT_STATUSES, type AttemptStatus } from '../../attempt-status';
import type {
	ContentData,
	ContentKind,
	Curriculum,
	Rubric,
	Scenario,
	Series
} from '../../engine/content';
import type { Facts } from '../../engine/scenario/facts';
import type { PersistedRolePlay } from '../../engine/scenario/machine';
import type { ReplyScore } from '../../engine/scoring/score';
import type { QuizAnswer } from '../../engine/training/quiz';
import type { StoredCard } from '../../engine/training/review';
import type { Span } from '../../engine/voice/voiced';
import { EDUCATION_LEVELS, type SalesKind } from '../../engine/hiring/screening';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		/** Stored lower-cased and trimmed, so that look-ups are exact. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		/** The UI language the user chose; null until they choose one. */
		locale: text('locale', { enum: LOCALES }),
		deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
		/** When they agreed that call mode records their spoken replies; null until they do. */
		recordingConsentAt: integer('recording_consent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_email_unique').on(t.email)]
);

export const userRoles = sqliteTable(
	'user_roles',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.role] })]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** SHA-256 of the token's secret half; the secret itself is never stored. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const TOKEN_KINDS = ['invite', 'reset', 'setup'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/**
 * Single-use links: an invitation to join, a password reset, or the first admin's set-up link.
 * Like sessions, only a hash of the secret is kept.
 */
export const accountTokens = sqliteTable(
	'account_tokens',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: TOKEN_KINDS }).notNull(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		/** invite: the invitee's address; reset: the account's; setup: null (chosen by the admin). */
		email: text('email'),
		/** reset: the account whose password is reset. */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** invite and setup: the roles the new account receives, comma-separated. */
		roles: text('roles').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('account_tokens_kind_idx').on(t.kind, t.usedAt, t.revokedAt)]
);

export const teams = sqliteTable(
	'teams',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		/** Whether the team's reps see a practice leaderboard; a manager switches it. */
		leaderboard: integer('leaderboard', { mode: 'boolean' }).notNull().default(false),
		/** A rep without a one-to-one for this many weeks is listed on the team page (1 to 12); a manager of the team sets it. */
		oneToOneWeeks: integer('one_to_one_weeks').notNull().default(2),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('teams_name_unique').on(t.name)]
);

export const TEAM_ROLES = ['manager', 'rep'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const teamMembers = sqliteTable(
	'team_members',
	{
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: TEAM_ROLES }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.userId] }),
		index('team_members_user_idx').on(t.userId)
	]
);

/** Instance-wide settings, such as whether this is a demo installation. */
export const appSettings = sqliteTable('app_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: text('id').primaryKey(),
		actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		targetId: text('target_id'),
		detail: text('detail'),
		createdAt: createdAt()
	},
	(t) => [index('audit_log_created_idx').on(t.createdAt)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
export type Team = typeof teams.$inferSelect;

/**
 * Authored content, one row per item and locale, as parsed from `content/` (or, later, the studio).
 * `data` holds the validated fields as JSON; `body` the Markdown that follows the front matter.
 */
export const contentItems = sqliteTable(
	'content_items',
	{
		kind: text('kind').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		id: text('id').notNull(),
		title: text('title').notNull(),
		category: text('category'),
		data: text('data', { mode: 'json' }).$type<ContentData[ContentKind]>().notNull(),
		body: text('body').notNull().default(''),
		/** Everything a search may match, as plain text, in the original spelling. */
		plainText: text('plain_text').notNull().default(''),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.kind, t.locale, t.id] }),
		index('content_items_category_idx').on(t.kind, t.locale, t.category)
	]
);

/** A user's bookmarked script entries, by id (so a bookmark survives a content re-sync). */
export const bookmarks = sqliteTable(
	'bookmarks',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		scriptId: text('script_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.scriptId] })]
);

/** When a user first read each knowledge article. */
export const articleReads = sqliteTable(
	'article_reads',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		articleId: text('article_id').notNull(),
		readAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.articleId] })]
);

export type ContentRow = typeof contentItems.$inferSelect;

/**
 * Every published version of a scenario, kept forever: an attempt points at the revision it was
 * started on, so a later change to the scenario never changes a running or finished attempt.
 */
export const scenarioRevisions = sqliteTable(
	'scenario_revisions',
	{
		id: text('id').primaryKey(),
		scenarioId: text('scenario_id').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		number: integer('number').notNull(),
		/** SHA-256 of the scenario's data, to tell whether a sync changed it. */
		hash: text('hash').notNull(),
		data: text('data', { mode: 'json' }).$type<Scenario>().notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('scenario_revisions_number_unique').on(t.scenarioId, t.locale, t.number)]
);

export const PRACTICE_MODES = ['choice', 'text', 'call'] as const;
export type PracticeMode = (typeof PRACTICE_MODES)[number];
/** `live`: an interviewer plays the customer and records how each objection was handled. */
export const ATTEMPT_MODES = [...PRACTICE_MODES, 'live'] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];
// What each status counts as (finished, practice or neither) is said in attempt-status.ts.
export { ATTEMPT_STATUSES, type AttemptStatus };

/**
 * One role-play: a revision, a mode, the machine's persisted snapshot and where it stands. A rep's
 * practice has a user; a candidate's interview role-play has an interview and no user.
 */
export const attempts = sqliteTable(
	'attempts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		interviewId: text('interview_id').references((): AnySQLiteColumn => interviews.id, {
			onDelete: 'cascade'
		}),
		revisionId: text('revision_id')
			.notNull()
			.references(() => scenarioRevisions.id),
		scenarioId: text('scenario_id').notNull(),
		mode: text('mode', { enum: ATTEMPT_MODES }).notNull(),
		snapshot: text('snapshot', { mode: 'json' }).$type<PersistedRolePlay>().notNull(),
		status: text('status', { enum: ATTEMPT_STATUSES }).notNull().default('active'),
		/** 0–100 after hint costs; final once the attempt has ended. */
		score: real('score').notNull().default(0),
		/** Turns taken; a reply must name the count it answers, so a stale second tab cannot fork it. */
		turnCount: integer('turn_count').notNull().default(0),
		hintsUsed: integer('hints_used').notNull().default(0),
		/** The turn whose hint was last opened: it stays open for that turn without costing again. */
		hintTurn: integer('hint_turn'),
		startedAt: createdAt(),
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }).notNull(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('attempts_user_scenario_idx').on(t.userId, t.scenarioId, t.startedAt),
		// Covering what the dashboard and the leaderboard add up per rep and week, without a visit to
		// each attempt's row (its snapshot makes the row large).
		index('attempts_user_started_idx').on(t.userId, t.startedAt, t.interviewId, t.status, t.score),
		// Only interview role-plays: as a full index, "interview_id IS NULL" (every practice query) looked
		// like a selective equality to the planner, which then read all 100,000 practice attempts.
		index('attempts_interview_idx')
			.on(t.interviewId)
			.where(sql`${t.interviewId} is not null`)
	]
);

export const turns = sqliteTable(
	'turns',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		index: integer('index').notNull(),
		beat: text('beat').notNull(),
		customer: text('customer').notNull(),
		reply: text('reply').notNull(),
		choice: integer('choice'),
		/** The script entry the customer's line belongs to, for weak spots by objection category. */
		scriptId: text('script_id'),
		score: real('score').notNull(),
		/** The scoring explanation: points hit with their spans, points missed, pitfalls, signals. */
		result: text('result', { mode: 'json' }).$type<ReplyScore>().notNull(),
		createdAt: createdAt()
	},
	// Covering the weak-spot drill-down: the attempt's turns, by script, with their scores.
	(t) => [
		primaryKey({ columns: [t.attemptId, t.index] }),
		index('turns_attempt_script_idx').on(t.attemptId, t.scriptId, t.score)
	]
);

/**
 * A rep's spoken reply in call mode, as the browser recorded it (issue #21): the file lives in the
 * recordings folder beside the database under its unguessable id; this row says whose turn it was.
 * Written in the same transaction as the turn, gone with the attempt (its files are swept after).
 */
export const recordings = sqliteTable(
	'recordings',
	{
		id: text('id').primaryKey(),
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		turnIndex: integer('turn_index').notNull(),
		/** The type its bytes are (never the browser's label), served as its Content-Type. */
		mime: text('mime').notNull(),
		bytes: integer('bytes').notNull(),
		/** As the browser measured it; 0 when it could not. */
		durationMs: integer('duration_ms').notNull(),
		/**
		 * Where the recording holds voice, as the browser found it (`voicedSpans`, checked against
		 * the length): how the rep sounded is worked out from these and the transcript. Null: not sent.
		 */
		voiced: text('voiced', { mode: 'json' }).$type<Span[]>(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('recordings_attempt_turn_unique').on(t.attemptId, t.turnIndex),
		index('recordings_created_idx').on(t.createdAt)
	]
);

/**
 * Running totals per rep of their practice replies, by script entry and by rubric criterion, kept
 * up to date with every turn: the weak-spot heatmaps read these instead of every turn ever played.
 */
export const skillRollups = sqliteTable(
	'skill_rollups',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		dimension: text('dimension', { enum: ['script', 'criterion'] }).notNull(),
		key: text('key').notNull(),
		/** Σ of 0–100 values (reply score, or share of key-point weight made) and how many. */
		sum: real('sum').notNull(),
		count: integer('count').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.dimension, t.key] })]
);

/**
 * Running totals per rep of their finished practice role-plays (`isFinished`; interviews left out): how many,
 * the sum of their scores and the best, for the team dashboard, which would otherwise add up every
 * role-play a rep ever played on each view. Written by the services that write role-plays, in the
 * same transaction (`derived/practice-totals.ts`); read by `practice/totals.ts`.
 */
export const practiceTotals = sqliteTable('practice_totals', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	finished: integer('finished').notNull(),
	scoreSum: real('score_sum').notNull(),
	/** Null when no role-play is finished (any more). */
	best: real('best')
});

/**
 * Each rep's practice per calendar week (`weekKey`: Monday to Sunday in the server's time zone,
 * `TZ`), written like `practice_totals` (`derived/practice-weeks.ts`): the dashboard's trend and
 * the leaderboard read a row per rep and week instead of every role-play.
 */
export const practiceWeeks = sqliteTable(
	'practice_weeks',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The Monday the week starts on, `YYYY-MM-DD`. */
		week: text('week').notNull(),
		/** Role-plays started that week, finished or running; not those hung up (`countsAsPractice`). */
		started: integer('started').notNull(),
		finished: integer('finished').notNull(),
		scoreSum: real('score_sum').notNull(),
		/** Null when none of that week's role-plays is finished. */
		best: real('best')
	},
	(t) => [primaryKey({ columns: [t.userId, t.week] })]
);

export type ScenarioRevision = typeof scenarioRevisions.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
export type TurnRow = typeof turns.$inferSelect;

/** Someone applying for a job; no account. */
export const candidates = sqliteTable(
	'candidates',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		contact: text('contact').notNull().default(''),
		position: text('position').notNull(),
		notes: text('notes').notNull().default(''),
		// Screening (`$lib/engine/hiring/screening`): null or empty until someone records it.
		/** Years of sales experience; 0 is an answer, null is "not recorded". */
		salesYears: real('sales_years'),
		salesKinds: text('sales_kinds', { mode: 'json' }).$type<SalesKind[]>().notNull().default([]),
		education: text('education', { enum: EDUCATION_LEVELS }),
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		availability: text('availability').notNull().default(''),
		/** Notes on manner (口條、態度). */
		manner: text('manner').notNull().default(''),
		/** When they agreed, on their link, that a spoken role-play records their replies; null until then. */
		recordingConsentAt: integer('recording_consent_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	// created_by: a manager sees the candidates they entered (one arm of an OR that SQLite answers
	// index by index only when every arm has an index).
	(t) => [
		index('candidates_position_idx').on(t.position),
		index('candidates_created_by_idx').on(t.createdBy)
	]
);

/**
 * The knock-out rules of a position (matched by the text of a candidate's position): a candidate
 * who fails one is flagged with the reason, never hidden. One row a position, for the organisation.
 */
export const hiringPositions = sqliteTable('hiring_positions', {
	name: text('name').primaryKey(),
	minSalesYears: real('min_sales_years'),
	minEducation: text('min_education', { enum: EDUCATION_LEVELS }),
	requiredLanguage: text('required_language'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
export type HiringPosition = typeof hiringPositions.$inferSelect;

export const INTERVIEW_MODES = ['live', 'online'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];
export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * A hiring role-play: a candidate, a scenario revision and a rubric (both pinned when the
 * interview is created), a mode, a time and a panel of interviewers.
 */
export const interviews = sqliteTable(
	'interviews',
	{
		id: text('id').primaryKey(),
		candidateId: text('candidate_id')
			.notNull()
			.references(() => candidates.id, { onDelete: 'cascade' }),
		revisionId: text('revision_id')
			.notNull()
			.references(() => scenarioRevisions.id),
		rubricId: text('rubric_id').notNull(),
		/** The rubric as it was when the interview was created, so later edits change no score. */
		rubric: text('rubric', { mode: 'json' }).$type<Rubric>().notNull(),
		mode: text('mode', { enum: INTERVIEW_MODES }).notNull(),
		/**
		 * What the candidate is told before the role-play (product, company, prices, customer):
		 * authored Markdown, shown to the candidate. Empty: no brief, so product knowledge is not assessed.
		 */
		brief: text('brief').notNull().default(''),
		/**
		 * The product the candidate sold before and sells in a "sell what you sold before" role-play
		 * (a scenario with `formerProduct`): typed by the candidate online, by the interviewer live.
		 * Plain text as they wrote it, never Markdown. Empty: not named yet.
		 */
		formerProduct: text('former_product').notNull().default(''),
		scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }).notNull(),
		teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	// created_by: one arm of who may see an interview (see candidates_created_by_idx).
	(t) => [
		index('interviews_candidate_idx').on(t.candidateId),
		index('interviews_team_idx').on(t.teamId),
		index('interviews_created_by_idx').on(t.createdBy)
	]
);

export const interviewPanel = sqliteTable(
	'interview_panel',
	{
		interviewId: text('interview_id')
			.notNull()
			.references(() => interviews.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.interviewId, t.userId] }),
		index('interview_panel_user_idx').on(t.userId)
	]
);

/** One interviewer's scores for one interview; hidden from the others until submitted. */
export const ratings = sqliteTable(
	'ratings',
	{
		interviewId: text('interview_id')
			.notNull()
			.references(() => interviews.id, { onDelete: 'cascade' }),
		interviewerId: text('interviewer_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Criterion id → score 1–5. */
		scores: text('scores', { mode: 'json' }).$type<Record<string, number>>().notNull(),
		notes: text('notes').notNull().default(''),
		recommendation: text('recommendation', { enum: RECOMMENDATIONS }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.interviewId, t.interviewerId] })]
);

/**
 * What the comparison table shows of each interview's panel and role-play, kept instead of worked
 * out from every rating's scores on each view, with the rest of the row (the candidate's name, the
 * interview's time and mode), so that a page of the table is read from this table alone. Written
 * with `summarizePanel` by the services, in the same transaction as every write to an interview,
 * its ratings, its panel or its role-play (`derived/interview-summaries.ts`; see
 * `interview-summaries.spec.ts`). Migration 0010 makes it a WITHOUT ROWID table: one look-up a row.
 */
export const interviewSummaries = sqliteTable('interview_summaries', {
	interviewId: text('interview_id')
		.primaryKey()
		.references(() => interviews.id, { onDelete: 'cascade' }),
	/** The candidate's name. */
	candidate: text('candidate').notNull(),
	scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }).notNull(),
	mode: text('mode', { enum: INTERVIEW_MODES }).notNull(),
	/** The mean of the submitted ratings' weighted scores, 0–100; null before any is submitted. */
	score: real('score'),
	/** The largest spread of the submitted scores over the criteria. */
	spread: integer('spread').notNull(),
	strongYes: integer('strong_yes').notNull(),
	yes: integer('yes').notNull(),
	no: integer('no').notNull(),
	strongNo: integer('strong_no').notNull(),
	submitted: integer('submitted').notNull(),
	panelSize: integer('panel_size').notNull(),
	/** The automatic score of the interview's role-play once it has ended. */
	autoScore: real('auto_score')
});

/**
 * One row per kind of data that values are kept from (`VersionedData` in `server/cache.ts`), with a
 * number raised in the transaction that changes that data: `content` by the content store,
 * `hiring` by the triggers of `db/hiring-version-triggers.sql`. What a process kept under an older
 * number is built again.
 */
export const dataVersions = sqliteTable('data_versions', {
	name: text('name').primaryKey(),
	version: integer('version').notNull().default(0)
});

/** The link a candidate opens for an online interview. Only a hash of its secret is kept. */
export const interviewInvites = sqliteTable(
	'interview_invites',
	{
		id: text('id').primaryKey(),
		interviewId: text('interview_id')
			.notNull()
			.references(() => interviews.id, { onDelete: 'cascade' }),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('interview_invites_interview_idx').on(t.interviewId)]
);

export const OVERRIDE_REASONS = [
	'scoring-missed-point',
	'scoring-false-point',
	'technical-problem',
	'context',
	'other'
] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

/** A manager's correction of an automatic score; the original stays on the attempt's history. */
export const scoreOverrides = sqliteTable(
	'score_overrides',
	{
		id: text('id').primaryKey(),
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		previousScore: real('previous_score').notNull(),
		newScore: real('new_score').notNull(),
		reason: text('reason', { enum: OVERRIDE_REASONS }).notNull(),
		comment: text('comment').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('score_overrides_attempt_idx').on(t.attemptId)]
);

export type Candidate = typeof candidates.$inferSelect;
export type Interview = typeof interviews.$inferSelect;
export type Rating = typeof ratings.$inferSelect;

/** A group of new reps following one curriculum from one start date. */
export const cohorts = sqliteTable('cohorts', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	curriculumId: text('curriculum_id').notNull(),
	locale: text('locale', { enum: LOCALES }).notNull(),
	/** The curriculum as it was when the cohort started: later edits do not move anyone's plan. */
	curriculum: text('curriculum', { mode: 'json' }).$type<Curriculum>().notNull(),
	/** YYYY-MM-DD: the plan's first working day. */
	startDate: text('start_date').notNull(),
	teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
	createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAt()
});

export const cohortMembers = sqliteTable(
	'cohort_members',
	{
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		certifiedAt: integer('certified_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.cohortId, t.userId] }),
		index('cohort_members_user_idx').on(t.userId)
	]
);

/** Modules a rep marks done themselves (studying script entries). */
export const moduleCompletions = sqliteTable(
	'module_completions',
	{
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleKey: text('module_key').notNull(),
		completedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.userId, t.moduleKey] })]
);

export const quizResults = sqliteTable(
	'quiz_results',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		quizId: text('quiz_id').notNull(),
		score: real('score').notNull(),
		passed: integer('passed', { mode: 'boolean' }).notNull(),
		answers: text('answers', { mode: 'json' }).$type<(QuizAnswer | null)[]>().notNull(),
		createdAt: createdAt()
	},
	(t) => [index('quiz_results_user_idx').on(t.userId, t.quizId)]
);

/** A manager's scored sign-off of a rep's certification role-play. */
export const signoffs = sqliteTable(
	'signoffs',
	{
		id: text('id').primaryKey(),
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleKey: text('module_key').notNull(),
		scores: text('scores', { mode: 'json' }).$type<Record<string, number>>().notNull(),
		score: real('score').notNull(),
		passed: integer('passed', { mode: 'boolean' }).notNull(),
		notes: text('notes').notNull().default(''),
		signedBy: text('signed_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('signoffs_member_idx').on(t.cohortId, t.userId)]
);

/** One spaced-review card per rep and script entry, scheduled by FSRS. */
export const reviewCards = sqliteTable(
	'review_cards',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		scriptId: text('script_id').notNull(),
		card: text('card', { mode: 'json' }).$type<StoredCard>().notNull(),
		dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.scriptId] }),
		index('review_cards_due_idx').on(t.userId, t.dueAt)
	]
);

export type Cohort = typeof cohorts.$inferSelect;

/** Every version of an item published from the studio, as its file text; the newest is live. */
export const contentRevisions = sqliteTable(
	'content_revisions',
	{
		id: text('id').primaryKey(),
		kind: text('kind').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		itemId: text('item_id').notNull(),
		number: integer('number').notNull(),
		text: text('text').notNull(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('content_revisions_number_unique').on(t.kind, t.locale, t.itemId, t.number)]
);

/** A trainer's unpublished edit of an item (or of a new one): reps never see drafts. */
export const contentDrafts = sqliteTable(
	'content_drafts',
	{
		kind: text('kind').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		itemId: text('item_id').notNull(),
		text: text('text').notNull(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.kind, t.locale, t.itemId] })]
);

export const SCORE_MARK_KINDS = ['missed', 'wrong-credit'] as const;
export type ScoreMarkKind = (typeof SCORE_MARK_KINDS)[number];
export const SCORE_MARK_STATUSES = ['open', 'accepted', 'dismissed'] as const;

/**
 * A manager's or trainer's word that the score of one practice turn was wrong: it missed what the
 * reply did, or gave credit the reply did not earn. Trainers review the marks per beat in the
 * studio; an accepted mark gets the grade a trainer gives the reply, and joins the graded corpus.
 * The turn's beat, reply and score are copied: the mark says what was judged, whatever the content
 * does next. It goes with its attempt.
 */
export const scoreMarks = sqliteTable(
	'score_marks',
	{
		id: text('id').primaryKey(),
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		turnIndex: integer('turn_index').notNull(),
		scenarioId: text('scenario_id').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		beat: text('beat').notNull(),
		reply: text('reply').notNull(),
		score: real('score').notNull(),
		kind: text('kind', { enum: SCORE_MARK_KINDS }).notNull(),
		note: text('note').notNull(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		status: text('status', { enum: SCORE_MARK_STATUSES }).notNull().default('open'),
		/** The trainer's grade of the reply, 1–5, and why in a line: set when the mark is accepted. */
		grade: integer('grade'),
		reason: text('reason'),
		resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('score_marks_turn_author_unique').on(t.attemptId, t.turnIndex, t.authorId),
		index('score_marks_status_idx').on(t.status, t.scenarioId)
	]
);
export type ScoreMark = typeof scoreMarks.$inferSelect;

/**
 * A manager's comment on a rep's finished role-play: on one turn (`turnIndex`) or on the whole
 * role-play (null). Plain text, shown as text. The rep is copied from the attempt so that their
 * home finds their unseen feedback in one index; `seenAt` is set when the rep opens the result.
 * It goes with its attempt, its rep and its author.
 */
export const coachingComments = sqliteTable(
	'coaching_comments',
	{
		id: text('id').primaryKey(),
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		turnIndex: integer('turn_index'),
		repId: text('rep_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		seenAt: integer('seen_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('coaching_comments_attempt_idx').on(t.attemptId, t.createdAt),
		index('coaching_comments_author_idx').on(t.authorId),
		// Only what the rep has not seen: their home asks on every visit, and most comments are seen.
		index('coaching_comments_unseen_idx')
			.on(t.repId, t.createdAt)
			.where(sql`${t.seenAt} is null`),
		index('coaching_comments_rep_idx').on(t.repId, t.createdAt)
	]
);
export type CoachingComment = typeof coachingComments.$inferSelect;

export const ASSIGNMENT_KINDS = ['scenario', 'script'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/**
 * A manager's assignment to a rep: a scenario to practise (in a mode, to a pass mark) or a script
 * library entry to review, by a due date (a calendar day in TZ). It is done by what the rep does,
 * never by a tick: `completedAt` is set in the same transaction as the write that completes it (the
 * role-play's last turn or its time-out, the rep opening the entry: see coaching/assignments.ts). It goes
 * with its rep; the manager who made it may go, leaving it without its author.
 */
export const assignments = sqliteTable(
	'assignments',
	{
		id: text('id').primaryKey(),
		repId: text('rep_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		assignedBy: text('assigned_by').references(() => users.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: ASSIGNMENT_KINDS }).notNull(),
		/** The scenario's or the script entry's id (shared by both languages). */
		contentId: text('content_id').notNull(),
		/** For a scenario: the mode to practise it in, and the score (0–100) that completes it. */
		mode: text('mode', { enum: PRACTICE_MODES }),
		passMark: integer('pass_mark'),
		/** YYYY-MM-DD: due by the end of this day. */
		dueDate: text('due_date').notNull(),
		note: text('note').notNull().default(''),
		createdAt: createdAt(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		/** The role-play that completed a scenario assignment. */
		completedAttemptId: text('completed_attempt_id').references(() => attempts.id, {
			onDelete: 'set null'
		}),
		completedScore: real('completed_score')
	},
	(t) => [
		index('assignments_rep_idx').on(t.repId, t.createdAt),
		index('assignments_assigned_by_idx').on(t.assignedBy),
		// Only what is still open: a finished role-play, an opened entry and the dashboard's overdue
		// count ask it, and most assignments are done.
		index('assignments_open_idx')
			.on(t.repId, t.kind, t.contentId)
			.where(sql`${t.completedAt} is null`)
	]
);
export type Assignment = typeof assignments.$inferSelect;

// ————————————————————————————————————————————————————————————————— the deal review (抓單)

export const DEAL_STATUSES = ['open', 'won', 'lost', 'nurture'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
/** The content's evidence scale (弱/中/強/非常強): the same list as the engine's EVIDENCE_STRENGTHS. */
export const DEAL_EVIDENCE_STRENGTHS = ['weak', 'medium', 'strong', 'very-strong'] as const;

/**
 * A live deal a rep keeps for the weekly review: a handful each, not a CRM. Dates the rep gives
 * (last contact, next step) are calendar days, YYYY-MM-DD, as the review's flags read them. The
 * objection is a script category of the content (price, competitor…) or null. `locale` is the
 * language the rep kept it in. It goes with its rep.
 */
export const deals = sqliteTable(
	'deals',
	{
		id: text('id').primaryKey(),
		repId: text('rep_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		company: text('company').notNull(),
		contact: text('contact').notNull().default(''),
		contactTitle: text('contact_title').notNull().default(''),
		callNumber: integer('call_number').notNull(),
		lastContact: text('last_contact').notNull(),
		nextStep: text('next_step'),
		nextStepDate: text('next_step_date'),
		help: text('help').notNull().default(''),
		objection: text('objection'),
		locale: text('locale', { enum: LOCALES }).notNull(),
		status: text('status', { enum: DEAL_STATUSES }).notNull().default('open'),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('deals_rep_status_idx').on(t.repId, t.status)]
);
export type DealRow = typeof deals.$inferSelect;

/**
 * One piece of a deal's evidence: what the customer said or did (or the rep's feeling, which the
 * review flags), dated, ranked by the rep on the content's scale. A row each rather than a JSON
 * list on the deal: pieces are added and removed one at a time (no read-modify-write of a list),
 * each keeps its own typed columns, and the review reads every shown deal's evidence in one indexed
 * query.
 */
export const dealEvidence = sqliteTable(
	'deal_evidence',
	{
		id: text('id').primaryKey(),
		dealId: text('deal_id')
			.notNull()
			.references(() => deals.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		date: text('date').notNull(),
		strength: text('strength', { enum: DEAL_EVIDENCE_STRENGTHS }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('deal_evidence_deal_idx').on(t.dealId, t.date)]
);
export type DealEvidenceRow = typeof dealEvidence.$inferSelect;

/**
 * A manager's one-to-one (談心) with a rep: the day it took place, the notes (plain text, shown to
 * the rep too) and links to what was discussed, as a list of `{ kind, id }` (kinds: `attempt`, one
 * of the rep's practice role-plays; more kinds, such as deals, may join). It goes with its rep;
 * when the manager who recorded it is deleted it stays with the rep, without their name.
 */
export const ONE_TO_ONE_LINK_KINDS = ['attempt'] as const;
export type OneToOneLinkKind = (typeof ONE_TO_ONE_LINK_KINDS)[number];
export interface OneToOneLink {
	kind: OneToOneLinkKind;
	id: string;
}

export const oneToOnes = sqliteTable(
	'one_to_ones',
	{
		id: text('id').primaryKey(),
		repId: text('rep_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		managerId: text('manager_id').references(() => users.id, { onDelete: 'set null' }),
		/** The calendar day of the talk (YYYY-MM-DD), in the organisation's time zone. */
		heldOn: text('held_on').notNull(),
		notes: text('notes').notNull(),
		links: text('links', { mode: 'json' })
			.$type<OneToOneLink[]>()
			.notNull()
			.default(sql`'[]'`),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('one_to_ones_rep_idx').on(t.repId, t.heldOn),
		index('one_to_ones_manager_idx').on(t.managerId)
	]
);
export type OneToOne = typeof oneToOnes.$inferSelect;

export const ACTION_OWNERS = ['rep', 'manager'] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];

/**
 * An action agreed in a one-to-one: what, who does it (the rep or the manager) and by when. It is
 * open until a later one-to-one marks it done: `doneOn` is that talk's date and `closedIn` the talk
 * (history kept: an action carried over stays open and is listed again). The rep is copied from
 * the one-to-one so that their home finds their open actions in one index.
 */
export const oneToOneActions = sqliteTable(
	'one_to_one_actions',
	{
		id: text('id').primaryKey(),
		oneToOneId: text('one_to_one_id')
			.notNull()
			.references(() => oneToOnes.id, { onDelete: 'cascade' }),
		repId: text('rep_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		owner: text('owner', { enum: ACTION_OWNERS }).notNull(),
		dueOn: text('due_on').notNull(),
		doneOn: text('done_on'),
		closedIn: text('closed_in').references((): AnySQLiteColumn => oneToOnes.id, {
			onDelete: 'set null'
		}),
		position: integer('position').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [
		index('one_to_one_actions_talk_idx').on(t.oneToOneId, t.position),
		// Only what is open: the rep's home and the next one-to-one ask, and most actions get done.
		index('one_to_one_actions_open_idx')
			.on(t.repId, t.dueOn)
			.where(sql`${t.doneOn} is null`),
		index('one_to_one_actions_closed_in_idx').on(t.closedIn)
	]
);
export type OneToOneAction = typeof oneToOneActions.$inferSelect;

// ————————————————————————————————————————————————————————————————— series of calls

export const SERIES_RUN_STATUSES = ['active', 'finished', 'lost'] as const;
export type SeriesRunStatus = (typeof SERIES_RUN_STATUSES)[number];

/**
 * A rep playing a series: the calls with one customer, over several sittings. The series is copied
 * as it was at the start (a later edit never reorders a run's calls); `facts` are those recorded
 * after the last call settled, which the next call starts with. `finished`: every call played;
 * `lost`: a call ended lost or out of time, which ends the run. It goes with its rep.
 */
export const seriesRuns = sqliteTable(
	'series_runs',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		seriesId: text('series_id').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		series: text('series', { mode: 'json' }).$type<Series>().notNull(),
		facts: text('facts', { mode: 'json' }).$type<Facts>().notNull(),
		status: text('status', { enum: SERIES_RUN_STATUSES }).notNull().default('active'),
		startedAt: createdAt(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('series_runs_user_idx').on(t.userId, t.seriesId, t.startedAt)]
);
export type SeriesRun = typeof seriesRuns.$inferSelect;

/**
 * The role-play of each call of a run, in order (`index` from 0), and the facts after it once it
 * has ended (null while it is being played). A call hung up is played again: its row then points
 * at the new role-play. The role-play is an ordinary attempt of its rep's.
 */
export const seriesRunCalls = sqliteTable(
	'series_run_calls',
	{
		runId: text('run_id')
			.notNull()
			.references(() => seriesRuns.id, { onDelete: 'cascade' }),
		index: integer('index').notNull(),
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		factsAfter: text('facts_after', { mode: 'json' }).$type<Facts>()
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.index] }),
		uniqueIndex('series_run_calls_attempt_unique').on(t.attemptId)
	]
);
export type SeriesRunCall = typeof seriesRunCalls.$inferSelect;
