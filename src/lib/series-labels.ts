import { m } from '$lib/paraglide/messages';
import type { CallState } from '$lib/server/practice/series';
import type { SeriesRunStatus } from '$lib/server/db/schema';

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
