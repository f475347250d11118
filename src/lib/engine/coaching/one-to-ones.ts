import { daysBetween, isCalendarDate, type IsoDate } from './deal';

/*
 * One-to-ones (談心): the handbook asks a manager to talk with each rep often — to answer their
 * doubts, cheer them on after rejections and hear about the deals they follow. These are the
 * date rules of those talks, as pure functions: every "today" is passed in as a calendar date
 * (the organisation's, e.g. `localIsoDate(now)`), so the answers depend on no clock or time zone.
 */

/** A team's default: a rep without a one-to-one for this many weeks is listed on the team page. */
export const ONE_TO_ONE_WEEKS_DEFAULT = 2;
/** The range a team may choose from, in whole weeks. */
export const ONE_TO_ONE_WEEKS_MIN = 1;
export const ONE_TO_ONE_WEEKS_MAX = 12;

export function isOneToOneWeeks(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= ONE_TO_ONE_WEEKS_MIN &&
		value <= ONE_TO_ONE_WEEKS_MAX
	);
}

export interface OneToOneGap {
	/** Whether the rep is due a one-to-one: none yet, or the latest is `weeks` weeks old or older. */
	due: boolean;
	/** Calendar days since the latest one-to-one (0: today); null when there has been none. */
	days: number | null;
}

/**
 * How long a rep has gone without a one-to-one on `today`. Weeks are 7 calendar days each,
 * weekends included, counted from the date of the latest one-to-one (not from when it was typed
 * in): with 2 weeks, a talk on Saturday 2026-11-21 is due again on Saturday 2026-12-05. A latest
 * date after today (typed ahead by mistake) counts as today's.
 */
export function oneToOneGap(latest: IsoDate | null, today: IsoDate, weeks: number): OneToOneGap {
	if (!isCalendarDate(today)) throw new RangeError(`today is not a calendar date: ${today}`);
	if (!isOneToOneWeeks(weeks))
		throw new RangeError(
			`not a number of weeks from ${ONE_TO_ONE_WEEKS_MIN} to ${ONE_TO_ONE_WEEKS_MAX}: ${weeks}`
		);
	if (latest === null || !isCalendarDate(latest)) return { due: true, days: null };
	const days = Math.max(0, daysBetween(latest, today));
	return { due: days >= weeks * 7, days };
}

export type ActionDueState = 'overdue' | 'today' | 'upcoming';

/**
 * Where an open action stands on `today`: overdue (its due date has passed), due today, or
 * upcoming; `days` is how many calendar days late or ahead (0 today). Due today is not overdue.
 */
export function actionDue(dueOn: IsoDate, today: IsoDate): { state: ActionDueState; days: number } {
	const ahead = daysBetween(today, dueOn);
	if (ahead < 0) return { state: 'overdue', days: -ahead };
	return { state: ahead === 0 ? 'today' : 'upcoming', days: ahead };
}

export type OneToOneDateProblem = 'invalid' | 'future';

/** A one-to-one's date: a calendar date, today or earlier (a talk is recorded once it has taken place). */
export function oneToOneDateProblem(date: string, today: IsoDate): OneToOneDateProblem | null {
	if (!isCalendarDate(date) || date < '2000-01-01') return 'invalid';
	return daysBetween(today, date) > 0 ? 'future' : null;
}

export type ActionDueProblem = 'invalid' | 'before-talk';

/** An agreed action's due date: a calendar date, not before the one-to-one that agreed it. */
export function actionDueProblem(dueOn: string, talkDate: IsoDate): ActionDueProblem | null {
	if (!isCalendarDate(dueOn)) return 'invalid';
	return isCalendarDate(talkDate) && daysBetween(talkDate, dueOn) < 0 ? 'before-talk' : null;
}
