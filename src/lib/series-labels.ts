import { m } from '$lib/paraglide/messages';
import type { CallState } from '$lib/server/practice/series';
import type { SeriesRunStatus } from '$lib/server/db/schema';
import type { CallEnding, PromiseResult } from '$lib/engine/series/score';

/** How a series run stands, in words. */
export function seriesStatusLabel(status: SeriesRunStatus): string {
	return {
		active: m.series_status_active,
		finished: m.series_status_finished,
		lost: m.series_status_lost
	}[status]();
}

/** Where a call of a run stands, in words. */
export function callStateLabel(state: CallState): string {
	return {
		done: m.series_state_done,
		playing: m.series_state_playing,
		'hung-up': m.series_state_hung_up,
		next: m.series_state_next,
		later: m.series_state_later,
		never: m.series_state_never
	}[state]();
}

/** The time between a call and the one before it. */
export function daysLaterLabel(days: number): string {
	if (days === 0) return m.series_same_day();
	if (days === 1) return m.series_one_day_later();
	return m.series_days_later({ days });
}

/** How a series ended (or that it goes on), as the end of a sentence. */
export function seriesOutcomeLabel(outcome: CallEnding): string {
	return {
		won: m.series_outcome_won,
		neutral: m.series_outcome_neutral,
		lost: m.series_outcome_lost,
		timeout: m.series_outcome_timeout
	}[outcome]();
}

/** Where a promise stands, in words. */
export function promiseStateLabel(promise: PromiseResult): string {
	if (promise.state === 'kept')
		return m.series_promise_kept({ call: promise.keptIn ?? promise.due });
	if (promise.state === 'broken') return m.series_promise_broken({ due: promise.due });
	return m.series_promise_open({ due: promise.due });
}
