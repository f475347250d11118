// For tests only: date rules run under a time zone chosen by the test, not the machine's.
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Where the date rules are tested: ahead of UTC without daylight saving (local and UTC dates
 * differ from 00:00 to 08:00), and behind it with daylight saving (they differ in the evening).
 */
export const TIME_ZONES = ['Asia/Taipei', 'America/New_York'] as const;

/**
 * Sets TZ for the tests of the enclosing describe block, and puts the previous one back after.
 * Node applies a change of process.env.TZ at once, to JavaScript's Date and to the C library that
 * SQLite's 'localtime' asks (measured; `expectLocalClockIn` checks it for Date in every block).
 */
export function inTimeZone(zone: string): void {
	let before: string | undefined;
	beforeAll(() => {
		before = process.env.TZ;
		process.env.TZ = zone;
		expectLocalClockIn(zone);
	});
	afterAll(() => {
		if (before === undefined) delete process.env.TZ;
		else process.env.TZ = before;
	});
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `zone` of an instant, as YYYY-MM-DD HH:MM:SS, told by Intl (not by TZ). */
export function wallClockIn(zone: string, at: Date): string {
	let clock = clocks.get(zone);
	if (!clock) {
		clock = new Intl.DateTimeFormat('en-GB', {
			timeZone: zone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		clocks.set(zone, clock);
	}
	const parts = Object.fromEntries(clock.formatToParts(at).map((part) => [part.type, part.value]));
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The local wall-clock time of an instant as Date's local getters read it. */
export function localWallClock(at: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/** Fails unless Date's local time is `zone`'s, in winter and in summer (else every test after would prove nothing). */
export function expectLocalClockIn(zone: string): void {
	for (const at of [
		new Date(Date.UTC(2026, 0, 15, 3, 30)),
		new Date(Date.UTC(2026, 6, 15, 3, 30))
	]) {
		expect(localWallClock(at), `Date follows TZ=${zone}`).toBe(wallClockIn(zone, at));
	}
}
