// A figure said per one period and then per another must convert: "fifteen to twenty inquiries a
// month is around five hundred a year" is wrong (it is 180 to 240), and a trainer caps such a reply
// at 2 like any wrong fact. Pure: it reads only the reply.
import {
	around,
	CLAUSE_END,
	figuresIn,
	MAY_SPELL_COUNT,
	SENTENCE_END,
	spelledCountsIn,
	stretches,
	type Figure
} from './figures';
import type { Span } from './score';

type Period = 'day' | 'week' | 'month' | 'year';

// "A month", 一個月, 每年 … but not "the first month" or 第一年, which are no rate.
const PERIODS: [Period, RegExp][] = [
	['day', /\b(?:a|per|each|every)\s+day\b|\bdaily\b|(?<!第)一天|每天|每日/g],
	[
		'week',
		/\b(?:a|per|each|every)\s+week\b|\bweekly\b|(?<!第)一(?:個)?(?:週|星期|禮拜)|每(?:個)?(?:週|星期|禮拜)/g
	],
	[
		'month',
		/\b(?:a|per|each|every)\s+month\b|\bmonthly\b|(?<!第)一個月|每(?:個)?月|(?<![一二三四五六七八九十兩\d])個月/g
	],
	[
		'year',
		/\b(?:a|per|each|every|in a|over a|over the|for the)\s+year\b|\bannually\b|\byearly\b|(?<![第\d一二三四五六七八九十兩])一年|每年|全年/g
	]
];
/** What a figure per the first period is multiplied by to be per the second (fifteen a month is 180 a
 * year): least and most, counting working days or all. */
const MULTIPLIERS: Record<string, [number, number]> = {
	'month>year': [12, 12],
	'week>year': [48, 52],
	'week>month': [4, 4.5],
	'day>week': [5, 7],
	'day>month': [20, 31],
	'day>year': [240, 365]
};
function ratio(from: Period, to: Period): [number, number] {
	const forward = MULTIPLIERS[`${from}>${to}`];
	if (forward) return forward;
	// The other way round: a month is a twelfth of a year.
	const [least, most] = MULTIPLIERS[`${to}>${from}`]!;
	return [1 / most, 1 / least];
}
/** How far speech rounds a converted figure: fifteen a month is "about two hundred a year". */
const ROUNDING: [number, number] = [0.7, 1.35];

// Two figures joined as one range: 15 to 20, 15–20, 十五到二十, two or three.
const RANGE_JOIN = /^\s*(?:to|-|–|~|～|到|至|or|、)\s*$/;
// Words that say the figure after them is the one before, converted: "is around", "that's",
// "works out to", 「就是」, 「算下來」; or, the Chinese way, the period said just before it (一年兩百張).
const LINK_END =
	/(?:\bis|\bare|['’]s|\bthat['’]?s|\bwhich is|\bcomes? to|\bworks? out (?:at|to)|\badds? up to|\bmeans|\bor|=|就是|等於|算下來(?:是)?|換算(?:下來)?(?:是)?|也就是|就有|就|(?<![第])一(?:個)?(?:年|月|天|週|星期|禮拜)(?:下來)?(?:就是|就有|就|大概|大約|約|差不多|有)*)\s*(?:about|around|roughly|close to|nearly|almost|approximately|some|大概|大約|約|差不多|將近)?\s*(?:nt\$|\$)?\s*$/;
// The link that is only the period said before the figure (一年兩百張): it says nothing of what is counted.
const PERIOD_LINK = /^[^a-z]*一(?:個)?(?:年|月|天|週|星期|禮拜)/;
// A figure that is a share, a year or a rank, not an amount: 10%, 2012年, the 15th, 第三.
const NO_AMOUNT_AFTER = /^\s*(?:%|％|percent|折|成|年(?!度)|st\b|nd\b|rd\b|th\b)/;
const NO_AMOUNT_BEFORE = /第\s*$/;
// A figure said as a bound converts to any sum under or over it: skipped.
const BOUND_BEFORE =
	/(?:\b(?:over|more than|under|less than|fewer than|at least|at most|up to)|超過|不到|低於|以上|以下)\s*$/;

interface Amount {
	low: number;
	high: number;
	start: number;
	end: number;
	period: Period;
	/** The words that name what it counts (inquiries, 張); empty when none. */
	noun: string;
}

// Money and rounding name no thing counted: 七十三塊左右 and 2,200 count the same.
const NO_NOUN = /左右|上下|出頭|多|塊錢|塊|元|\b(?:dollars?|ntd|bucks|or so|ish)\b/g;
const nounOf = (words: string) => words.replace(NO_NOUN, '').trim();

/** The period nearest after a figure in its clause, with only its noun between (or, Chinese-style, just before it). */
function periodOf(
	folded: string,
	[from, to]: [number, number],
	clause: Span
): { period: Period; noun: string } | null {
	const after = folded.slice(to, Math.min(clause[1], to + 32));
	let best: { period: Period; noun: string; at: number } | null = null;
	for (const [period, pattern] of PERIODS)
		for (const m of after.matchAll(pattern)) {
			const noun = after.slice(0, m.index).trim();
			// Only a noun between, of three words or six characters at most: "inquiries a month".
			if (
				/[\d、,，;；]/.test(noun) ||
				noun.split(/\s+/).length > 3 ||
				(!/[a-z]/.test(noun) && noun.length > 6)
			)
				break;
			if (!best || m.index < best.at) best = { period, noun, at: m.index };
			break;
		}
	if (best) return { period: best.period, noun: nounOf(best.noun) };
	// 一個月十五到二十張: the period before, its noun after (to the clause's end, six characters at most).
	const before = folded.slice(Math.max(clause[0], from - 10), from);
	for (const [period, pattern] of PERIODS)
		for (const m of before.matchAll(pattern)) {
			const between = before.slice(m.index + m[0].length);
			if (
				!/^(?:\s*(?:就是|就有|就|大概|大約|約|差不多|有|下來|才|只有|平均|about|around|roughly))*\s*$/.test(
					between
				)
			)
				continue;
			const noun = /^[^\d、,，;；。！？!?\s零一二三四五六七八九十兩百千萬]{0,6}/.exec(
				folded.slice(to, clause[1])
			)![0];
			return { period, noun: nounOf(noun) };
		}
	return null;
}

/**
 * The figures a reply says per one period and converts, in the same sentence, to another (joined by
 * "is", "that's", 就是 or the Chinese period before it), that are not what the first converts to,
 * give or take the rounding of speech: "fifteen to twenty inquiries a month is around five hundred a
 * year". Only the same thing counted: "26,800 a year, so with 15 inquiries a month" compares nothing.
 */
export function wrongConversions(folded: string): Span[] {
	// The 一 of 一年 and 一個月 is the period's, not a figure.
	const periodWords = PERIODS.flatMap(([, pattern]) =>
		[...folded.matchAll(pattern)].map((m): Span => [m.index, m.index + m[0].length])
	);
	const figures: Figure[] = [
		...figuresIn(folded),
		...(MAY_SPELL_COUNT.test(folded) ? spelledCountsIn(folded) : [])
	]
		.filter(
			(figure) =>
				!periodWords.some(([start, end]) => figure.start < end && start < figure.end) &&
				!NO_AMOUNT_AFTER.test(folded.slice(figure.end, figure.end + 8)) &&
				!NO_AMOUNT_BEFORE.test(folded.slice(Math.max(0, figure.start - 6), figure.start))
		)
		.sort((a, b) => a.start - b.start);
	if (figures.length < 2) return [];
	const sentences = stretches(folded, SENTENCE_END);
	const clauses = stretches(folded, CLAUSE_END);
	// Ranges joined: 15 to 20 is one amount from 15 to 20.
	const amounts: (Amount & { bound: boolean })[] = [];
	for (let i = 0; i < figures.length; i++) {
		const first = figures[i]!;
		const next = figures[i + 1];
		const ranged = next && RANGE_JOIN.test(folded.slice(first.end, next.start));
		const last = ranged ? next : first;
		if (ranged) i++;
		const read = periodOf(folded, [first.start, last.end], around(clauses, last.start));
		if (!read) continue;
		amounts.push({
			low: Math.min(first.value, last.value),
			high: Math.max(first.value, last.value),
			start: first.start,
			end: last.end,
			bound: BOUND_BEFORE.test(folded.slice(Math.max(0, first.start - 14), first.start)),
			...read
		});
	}
	const wrong: Span[] = [];
	for (let i = 1; i < amounts.length; i++) {
		const said = amounts[i - 1]!;
		const converted = amounts[i]!;
		if (said.period === converted.period || said.bound || converted.bound) continue;
		if (around(sentences, said.start) !== around(sentences, converted.start)) continue;
		const between = folded.slice(said.end, converted.start);
		const link = LINK_END.exec(between);
		if (!link || between.length > 40) continue;
		// No figure between: 每個月一百二十萬人次，三萬八千位買家，金牌一年兩萬六千八 converts nothing.
		if (figures.some((figure) => figure.start >= said.end && figure.end <= converted.start))
			continue;
		// The same thing counted: what the first names, or (after a word that says so: "is around
		// five hundred a year") nothing.
		const sameThing =
			converted.noun === said.noun ||
			(said.noun !== '' &&
				converted.noun !== '' &&
				(converted.noun.startsWith(said.noun) || said.noun.startsWith(converted.noun))) ||
			(converted.noun === '' && !PERIOD_LINK.test(link[0]));
		if (!sameThing) continue;
		const [least, most] = ratio(said.period, converted.period);
		const low = said.low * least * ROUNDING[0];
		const high = said.high * most * ROUNDING[1];
		if (converted.high < low || converted.low > high) wrong.push([converted.start, converted.end]);
	}
	return wrong;
}
