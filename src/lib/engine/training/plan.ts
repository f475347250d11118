import type { Curriculum } from '../content/schemas';

/** A calendar date as YYYY-MM-DD; plans are about days, not instants. */
export type IsoDate = string;

function toDate(day: IsoDate): Date {
	return new Date(`${day}T00:00:00Z`);
}

function toIso(date: Date): IsoDate {
	return date.toISOString().slice(0, 10);
}

function isWeekend(date: Date): boolean {
	const day = date.getUTCDay();
	return day === 0 || day === 6;
}

/** The date of the plan's day `n` (1 = the start date, moved to Monday if it falls on a weekend). */
export function planDate(start: IsoDate, n: number): IsoDate {
	return planDates(start, Math.max(n, 1)).at(-1)!;
}

/**
 * The dates of the plan's days 1 to `count`, in one walk through the calendar: a cohort page plans
 * every member's days, and walking again from the start for each day made that quadratic.
 */
function planDates(start: IsoDate, count: number): IsoDate[] {
	const date = toDate(start);
	while (isWeekend(date)) date.setUTCDate(date.getUTCDate() + 1);
	const dates: IsoDate[] = [];
	for (let n = 1; n <= count; n++) {
		if (n > 1) {
			do date.setUTCDate(date.getUTCDate() + 1);
			while (isWeekend(date));
		}
		dates.push(toIso(date));
	}
	return dates;
}

export type ModuleStatus = 'done' | 'today' | 'overdue' | 'upcoming';
export type Module = Curriculum['days'][number]['modules'][number];

export interface PlannedModule extends Module {
	key: string;
	status: ModuleStatus;
}

export interface PlannedDay {
	day: number;
	title: string;
	date: IsoDate;
	modules: PlannedModule[];
}

/**
 * Where today falls in a plan, as the rep's home says it: before day 1 (a cohort started on a
 * weekend, or later; the rep may begin day 1 early), on a plan day, on a day off between two
 * (a weekend inside the plan), or after the last day.
 */
export type PlanToday =
	| { kind: 'before'; date: IsoDate }
	| { kind: 'day'; day: number }
	| { kind: 'between'; day: number; date: IsoDate }
	| { kind: 'after' };

export interface PlanProgress {
	days: PlannedDay[];
	/** Today in the plan: see PlanToday. */
	when: PlanToday;
	/** The plan day that is today (0 before the start, days.length + 1 after the end). */
	today: number;
	done: number;
	total: number;
	percent: number;
	overdue: number;
	/** The first module not done, in plan order: the one-click "next thing to do". */
	next: PlannedModule | null;
	finished: boolean;
}

export function moduleKey(day: number, index: number): string {
	return `d${day}m${index + 1}`;
}

/**
 * Where a rep stands in a plan on `today`: each module done, due today, overdue (its day has
 * passed) or upcoming. Days are working days from the start date.
 */
export function planProgress(
	curriculum: Pick<Curriculum, 'days'>,
	start: IsoDate,
	today: IsoDate,
	completed: ReadonlySet<string>
): PlanProgress {
	let todayIndex = 0;
	const dates = planDates(start, curriculum.days.length);
	const days = curriculum.days.map((day, d) => {
		const date = dates[d]!;
		if (date <= today) todayIndex = d + 1;
		return { day: d + 1, title: day.title, date, modules: [] as PlannedModule[], source: day };
	});
	if (todayIndex === days.length && days[days.length - 1]!.date < today)
		todayIndex = days.length + 1;
	for (const day of days) {
		day.modules = day.source.modules.map((module, m) => {
			const key = moduleKey(day.day, m);
			const status: ModuleStatus = completed.has(key)
				? 'done'
				: day.date < today
					? 'overdue'
					: day.date === today
						? 'today'
						: 'upcoming';
			// Not `{ ...module, key, status }`: modules come in several shapes, and V8 copies objects of
			// mixed shapes by spread many times slower (a cohort page plans every member's modules).
			return Object.assign({}, module, { key, status });
		});
	}
	const all = days.flatMap((d) => d.modules);
	const done = all.filter((m) => m.status === 'done').length;
	const when: PlanToday =
		todayIndex === 0
			? { kind: 'before', date: days[0]?.date ?? today }
			: todayIndex > days.length
				? { kind: 'after' }
				: days[todayIndex - 1]!.date === today
					? { kind: 'day', day: todayIndex }
					: { kind: 'between', day: todayIndex + 1, date: days[todayIndex]!.date };
	return {
		days: days.map(({ day, title, date, modules }) => ({ day, title, date, modules })),
		when,
		today: todayIndex,
		done,
		total: all.length,
		percent: all.length > 0 ? Math.round((done / all.length) * 100) : 0,
		overdue: all.filter((m) => m.status === 'overdue').length,
		next: all.find((m) => m.status !== 'done') ?? null,
		finished: done === all.length
	};
}

/** Each module's status in the plan's order (day by day), with the share done and the count overdue. */
export interface PlanStatuses {
	statuses: ModuleStatus[];
	percent: number;
	overdue: number;
}

/**
 * What a table of many reps shows of each: the statuses, percent and overdue of `planProgress`,
 * without its copy of every module and its days (a cohort page plans every member's modules).
 */
export function planStatuses(
	curriculum: Pick<Curriculum, 'days'>,
	start: IsoDate,
	today: IsoDate,
	completed: ReadonlySet<string>
): PlanStatuses {
	const dates = planDates(start, curriculum.days.length);
	const statuses: ModuleStatus[] = [];
	let done = 0;
	let overdue = 0;
	curriculum.days.forEach((day, d) => {
		const date = dates[d]!;
		day.modules.forEach((_, m) => {
			const status: ModuleStatus = completed.has(moduleKey(d + 1, m))
				? 'done'
				: date < today
					? 'overdue'
					: date === today
						? 'today'
						: 'upcoming';
			if (status === 'done') done++;
			else if (status === 'overdue') overdue++;
			statuses.push(status);
		});
	});
	return {
		statuses,
		percent: statuses.length > 0 ? Math.round((done / statuses.length) * 100) : 0,
		overdue
	};
}
