import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Role } from './roles';
import type { PlanToday } from './engine/training/plan';
import type { Flag } from './engine/scoring/score';
import type { AttemptStatus } from './attempt-status';
import type { ContentKind } from './engine/content/kinds';
import type { ModuleType } from './engine/content/schemas';
import { summarizeTrend } from './engine/reports/weak-spots';
import type { LinkStatus } from './engine/hiring/link-status';
import { FORMER_PRODUCT_MAX_LENGTH } from './engine/hiring/former-product';

/** Message lookups for values that the data carries as codes. */
export function roleLabel(role: Role): string {
	return { admin: m.role_admin, trainer: m.role_trainer, manager: m.role_manager, rep: m.role_rep }[
		role
	]();
}

export function teamRoleLabel(role: 'manager' | 'rep'): string {
	return role === 'manager' ? m.team_role_manager() : m.team_role_rep();
}

export type Problem =
	| 'too-short'
	| 'too-long'
	| 'too-common'
	| 'same-as-email'
	| 'name-missing'
	| 'name-too-long'
	| 'email-invalid'
	| 'email-taken'
	| 'password-mismatch'
	| 'current-password'
	| 'no-roles'
	| 'token-invalid'
	| 'token-expired'
	| 'token-used'
	| 'token-revoked'
	| 'invalid-request'
	| 'rate-limited'
	| 'link-rate-limited';

/** The sentence a user reads for a problem code returned by a form action. */
export function problemText(problem: Problem): string {
	const texts: Record<Problem, () => string> = {
		'too-short': m.problem_too_short,
		'too-long': m.problem_too_long,
		'too-common': m.problem_too_common,
		'same-as-email': m.problem_same_as_email,
		'name-missing': m.problem_name_missing,
		'name-too-long': m.problem_name_too_long,
		'email-invalid': m.problem_email_invalid,
		'email-taken': m.problem_email_taken,
		'password-mismatch': m.problem_password_mismatch,
		'current-password': m.problem_current_password,
		'no-roles': m.problem_no_roles,
		'token-invalid': m.token_invalid,
		'token-expired': m.token_expired,
		'token-used': m.token_used,
		'token-revoked': m.token_revoked,
		'invalid-request': m.invalid_request,
		'rate-limited': () => m.login_rate_limited({ minutes: 15 }),
		'link-rate-limited': m.try_rate_limited
	};
	return texts[problem]();
}

// Building a formatter costs far more than using one, and a table may format hundreds of dates.
// Each also keeps what it has formatted (a pure function of the instant, in this process's time
// zone), bounded: a table shown again formats nothing again.
const formatters = new Map<string, { format: Intl.DateTimeFormat; done: Map<number, string> }>();

const FORMATS: Record<
	'calendar-date' | 'calendar-day' | 'date' | 'date-time',
	Intl.DateTimeFormatOptions
> = {
	// A plan's day is a date on the calendar, kept as that day's UTC midnight.
	'calendar-date': { dateStyle: 'medium', timeZone: 'UTC' },
	// The same with its weekday, so that "Monday" is read and not worked out.
	'calendar-day': {
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		timeZone: 'UTC'
	},
	date: { dateStyle: 'medium' },
	'date-time': { dateStyle: 'medium', timeStyle: 'short' }
};

function formatter(
	locale: string,
	style: keyof typeof FORMATS
): { format: Intl.DateTimeFormat; done: Map<number, string> } {
	const key = `${locale}|${style}`;
	let made = formatters.get(key);
	if (!made) {
		made = { format: new Intl.DateTimeFormat(locale, FORMATS[style]), done: new Map() };
		formatters.set(key, made);
	}
	return made;
}

function formatted(
	made: { format: Intl.DateTimeFormat; done: Map<number, string> },
	value: Date | string | number
): string {
	const instant = new Date(value).getTime();
	let text = made.done.get(instant);
	if (text === undefined) {
		text = made.format.format(instant);
		if (made.done.size >= 10_000) made.done.clear();
		made.done.set(instant, text);
	}
	return text;
}

export function formatDateTime(value: Date | string | number): string {
	return formatted(formatter(getLocale(), 'date-time'), value);
}

type MessageLocale = { locale?: 'en' | 'zh-TW' };

export function scriptCategoryLabel(category: string, locale?: 'en' | 'zh-TW'): string {
	const labels: Record<string, (inputs: object, options: MessageLocale) => string> = {
		price: m.script_category_price,
		competitor: m.script_category_competitor,
		results: m.script_category_results,
		timing: m.script_category_timing,
		authority: m.script_category_authority,
		need: m.script_category_need,
		trust: m.script_category_trust,
		'brush-off': m.script_category_brush_off
	};
	return labels[category]?.({}, { locale }) ?? category;
}

export function articleCategoryLabel(category: string, locale?: 'en' | 'zh-TW'): string {
	const labels: Record<string, (inputs: object, options: MessageLocale) => string> = {
		product: m.article_category_product,
		company: m.article_category_company,
		'industry-chain': m.article_category_industry_chain,
		competitors: m.article_category_competitors,
		'customer-needs': m.article_category_customer_needs,
		trends: m.article_category_trends,
		rules: m.article_category_rules
	};
	return labels[category]?.({}, { locale }) ?? category;
}

export function techniqueLabel(technique: string): string {
	const labels: Record<string, () => string> = {
		acknowledge: m.technique_acknowledge,
		ask: m.technique_ask,
		evidence: m.technique_evidence,
		reframe: m.technique_reframe,
		'next-step': m.technique_next_step
	};
	return labels[technique]?.() ?? technique;
}

export function languageName(locale: string): string {
	return locale === 'zh-TW' ? m.language_zh_tw() : m.language_en();
}

/** A kind of content, as the studio's list heads it: "Scenarios", 「情境」. */
export function contentKindLabel(kind: ContentKind): string {
	const labels: Record<ContentKind, () => string> = {
		script: m.studio_kind_script,
		article: m.studio_kind_article,
		scenario: m.studio_kind_scenario,
		rubric: m.studio_kind_rubric,
		curriculum: m.studio_kind_curriculum,
		quiz: m.studio_kind_quiz,
		lexicon: m.studio_kind_lexicon,
		series: m.studio_kind_series
	};
	return labels[kind]();
}

export function difficultyLabel(difficulty: 'easy' | 'medium' | 'hard'): string {
	return {
		easy: m.practice_difficulty_easy,
		medium: m.practice_difficulty_medium,
		hard: m.practice_difficulty_hard
	}[difficulty]();
}

export function attemptStatusLabel(status: AttemptStatus): string {
	return {
		active: m.practice_status_active,
		won: m.practice_status_won,
		lost: m.practice_status_lost,
		neutral: m.practice_status_neutral,
		timeout: m.practice_status_timeout,
		abandoned: m.practice_status_abandoned
	}[status]();
}

/** A role-play's status as someone other than its rep reads it: "Hung up by the rep", not "You hung up". */
export function attemptStatusLabelForCoach(status: AttemptStatus): string {
	return status === 'abandoned' ? m.coach_status_abandoned() : attemptStatusLabel(status);
}

export function practiceModeLabel(mode: 'choice' | 'text' | 'call' | 'live'): string {
	return {
		choice: m.practice_mode_choice,
		text: m.practice_mode_text,
		call: m.practice_mode_call,
		live: m.hiring_mode_live
	}[mode]();
}

export function signalLabel(signal: 'question' | 'acknowledge' | 'concrete' | 'next-step'): string {
	return {
		question: m.signal_question,
		acknowledge: m.signal_acknowledge,
		concrete: m.signal_concrete,
		'next-step': m.signal_next_step
	}[signal]();
}

export function flagLabel(flag: Flag): string {
	return {
		'too-short': m.flag_too_short,
		'too-long': m.flag_too_long,
		'cue-list': m.flag_cue_list,
		notes: m.flag_notes,
		'stage-directions': m.flag_stage_directions,
		'repeated-sentence': m.flag_repeated_sentence,
		'repeats-earlier-reply': m.flag_repeats_earlier_reply,
		monologue: m.flag_monologue,
		'off-topic': m.flag_off_topic,
		'wrong-fact': m.flag_wrong_fact,
		stuffing: m.flag_stuffing,
		'polite-empty': m.flag_polite_empty
	}[flag]();
}

export function interviewModeLabel(mode: 'live' | 'online'): string {
	return mode === 'live' ? m.hiring_mode_live() : m.hiring_mode_online();
}

/** How hard a live interviewer puts a difficulty (`DIFFICULTY_LEVELS`). */
export function difficultyLevelLabel(level: 'mild' | 'firm' | 'hard'): string {
	return { mild: m.level_mild(), firm: m.level_firm(), hard: m.level_hard() }[level];
}

/** Why a typed former product was refused (`readFormerProduct`). */
export function formerProductProblemLabel(problem: string): string {
	return problem === 'long'
		? m.former_product_problem_long({ max: FORMER_PRODUCT_MAX_LENGTH })
		: m.former_product_problem_empty();
}

/** A live interviewer's verdict, with its sign so that it does not rest on colour alone. */
export function verdictLabel(verdict: 'handled' | 'partly' | 'not'): string {
	return {
		handled: `✓ ${m.live_handled()}`,
		partly: `~ ${m.live_partly()}`,
		not: `✗ ${m.live_not()}`
	}[verdict];
}

/** What a manager reads about an online interview's candidate link (`linkStatus`). */
export function linkStatusLabel(status: LinkStatus): string {
	switch (status.state) {
		case 'none':
			return m.link_status_none();
		case 'active':
			return m.link_status_active({ date: formatDateTime(status.until) });
		case 'in-progress':
			return m.link_status_in_progress({ date: formatDateTime(status.since) });
		case 'used':
			return m.link_status_used({ date: formatDateTime(status.on) });
		case 'expired':
			return m.link_status_expired({ date: formatDateTime(status.on) });
		case 'revoked':
			return m.link_status_revoked({ date: formatDateTime(status.on) });
		case 'cancelled':
			return m.link_status_cancelled();
	}
}

export function recommendationLabel(value: 'strong-no' | 'no' | 'yes' | 'strong-yes'): string {
	return {
		'strong-no': m.recommendation_strong_no,
		no: m.recommendation_no,
		yes: m.recommendation_yes,
		'strong-yes': m.recommendation_strong_yes
	}[value]();
}

export function overrideReasonLabel(
	reason: 'scoring-missed-point' | 'scoring-false-point' | 'technical-problem' | 'context' | 'other'
): string {
	return {
		'scoring-missed-point': m.override_scoring_missed_point,
		'scoring-false-point': m.override_scoring_false_point,
		'technical-problem': m.override_technical_problem,
		context: m.override_context,
		other: m.override_other
	}[reason]();
}

export function moduleStatusLabel(status: 'done' | 'today' | 'overdue' | 'upcoming'): string {
	return {
		done: m.module_status_done,
		today: m.module_status_today,
		overdue: m.module_status_overdue,
		upcoming: m.module_status_upcoming
	}[status]();
}

export function moduleTypeLabel(type: ModuleType): string {
	return {
		read: m.module_type_read,
		scripts: m.module_type_scripts,
		quiz: m.module_type_quiz,
		drill: m.module_type_drill,
		scenario: m.module_type_scenario,
		signoff: m.module_type_signoff,
		series: m.module_type_series
	}[type]();
}

/** Where a module's items are done: the article, the entry, the quiz, the scenario or the series. */
export function moduleItemHref(type: ModuleType, id: string): string | null {
	return {
		read: `/knowledge/${id}`,
		scripts: `/library/${id}`,
		quiz: `/quizzes/${id}`,
		drill: `/practice/${id}`,
		scenario: `/practice/${id}`,
		signoff: null,
		series: `/practice/series/${id}`
	}[type];
}

/** A plan's day (YYYY-MM-DD) as written; an instant (a certification, say) by its date where it happened, in TZ. */
export function formatDate(value: Date | string): string {
	return typeof value === 'string'
		? formatted(formatter(getLocale(), 'calendar-date'), new Date(`${value}T00:00:00Z`))
		: formatted(formatter(getLocale(), 'date'), value);
}

const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(locale: 'en' | 'zh-TW'): Intl.ListFormat {
	let format = listFormats.get(locale);
	if (!format) {
		format = new Intl.ListFormat(locale, { type: 'conjunction' });
		listFormats.set(locale, format);
	}
	return format;
}

/** Items joined as a sentence lists them: "Admin, Trainer, and Rep", 「管理員、培訓師和業務」. */
export function formatList(items: readonly string[], locale: 'en' | 'zh-TW' = getLocale()): string {
	return listFormat(locale).format(items);
}

/** The same, in parts, for a template that marks up each item (a name in <bdi>, say). */
export function listParts(
	items: readonly string[],
	locale: 'en' | 'zh-TW' = getLocale()
): { type: 'element' | 'literal'; value: string }[] {
	return listFormat(locale).formatToParts(items);
}

/** A calendar date (YYYY-MM-DD) with its weekday: "Monday, December 7, 2026". */
export function formatDay(isoDate: string): string {
	return formatted(formatter(getLocale(), 'calendar-day'), new Date(`${isoDate}T00:00:00Z`));
}

/** Where today falls in a rep's plan, as one line: "Today: day 2 of 5", "Your plan starts on …". */
export function planTodayText(when: PlanToday, total: number): string {
	switch (when.kind) {
		case 'before':
			return m.home_plan_starts({ date: formatDay(when.date), total });
		case 'day':
			return m.home_today({ day: when.day, total });
		case 'between':
			return m.home_plan_between({ day: when.day, total, date: formatDay(when.date) });
		case 'after':
			return m.home_plan_over({ total });
	}
}

/**
 * A rep's weekly averages (oldest first, null: no score that week) in words, for the sparkline's
 * accessible name: which way they went, then every week's number.
 */
export function trendText(
	averages: readonly (number | null)[],
	locale: 'en' | 'zh-TW' = getLocale()
): string {
	const options = { locale };
	const summary = summarizeTrend(averages);
	const trend =
		summary.kind === 'none'
			? m.dashboard_trend_none({}, options)
			: summary.kind === 'one'
				? m.dashboard_trend_one({ last: summary.last }, options)
				: {
						up: m.dashboard_trend_up,
						down: m.dashboard_trend_down,
						steady: m.dashboard_trend_steady
					}[summary.kind]({ first: summary.first, last: summary.last }, options);
	const values = averages.map((average) =>
		average === null ? m.dashboard_trend_no_score({}, options) : String(average)
	);
	return m.dashboard_trend_text({ trend, values: formatList(values, locale) }, options);
}
