// Figures a reply states about the product's price, read so that a wrong one can be told (GRADING.md:
// wrong facts cap the grade at 2). Pure: the price list and the words that say a clause is about the
// price come from the lexicon (score.ts), never from here.
import type { Span } from './score';

/** A number the reply says, in digits ("26,800", "NT$12,800", "26.8k") or in Chinese (兩萬六千八, 2萬6). */
export interface Figure {
	value: number;
	start: number;
	end: number;
	/** Said in English words: rounded as speech rounds ("twenty-six thousand" for 26,800). */
	spelled?: true;
}

const CHINESE_DIGITS: Record<string, number> = {
	零: 0,
	〇: 0,
	一: 1,
	二: 2,
	兩: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 萬: 10_000 };

// A run of a number: it starts with a digit (千萬不要 is no number), and goes on in digits, Chinese
// digits and units, or an English multiplier.
const FIGURE =
	/(?:\d[\d,.]*|[零〇一二兩三四五六七八九十])[\d.零〇一二兩三四五六七八九十百千萬]*(?:\s*(?:k\b|thousand\b|million\b))?/g;

/**
 * The value of one run of a number, or null when it is no single figure: a range (三四萬), digits
 * read out one by one (a phone number: 零九一二), a list of numbers.
 */
export function figureValue(run: string): number | null {
	const multiplier = /\s*k$|\s*thousand$/.test(run)
		? 1000
		: /\s*million$/.test(run)
			? 1_000_000
			: 1;
	const body = run.replace(/\s*(?:k|thousand|million)$/, '');
	// Digits alone: thousands with commas (26,800), or a plain number (26800, 1.2).
	if (/^[\d,.]+$/.test(body)) {
		if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body) || /^\d+(?:\.\d+)?$/.test(body))
			return Number(body.replace(/,/g, '')) * multiplier;
		return null;
	}
	let total = 0;
	let section = 0;
	let digit: number | null = null;
	let lastUnit = 0;
	let zero = false;
	for (const token of body.match(/\d+(?:\.\d+)?|./g) ?? []) {
		if (/^\d/.test(token) || token in CHINESE_DIGITS) {
			if (digit !== null) return null;
			const value = /^\d/.test(token) ? Number(token) : CHINESE_DIGITS[token]!;
			if (value === 0) {
				zero = true;
				continue;
			}
			digit = value;
		} else if (token in CHINESE_UNITS) {
			const unit = CHINESE_UNITS[token]!;
			if (unit === 10_000) {
				total += (section + (digit ?? 0)) * unit;
				section = 0;
			} else section += (digit ?? 1) * unit;
			digit = null;
			lastUnit = unit;
			zero = false;
		} else return null;
	}
	if (digit !== null) {
		// 兩萬六千八 is 26,800 and 一千二 is 1,200: a last digit after a unit is the next unit down.
		if (!zero && lastUnit >= 100) section += (digit * lastUnit) / 10;
		else section += digit;
	}
	return (total + section) * multiplier;
}

/** Every figure in a folded reply (foldForMatch: the reply's own length), with where it is. */
export function figuresIn(folded: string): Figure[] {
	const figures: Figure[] = [];
	for (const m of folded.matchAll(FIGURE)) {
		// A figure's last comma or point ends its sentence or clause ("26,800, so…").
		const text = m[0].replace(/[,.]+$/, '');
		const value = figureValue(text);
		if (value !== null) figures.push({ value, start: m.index, end: m.index + text.length });
	}
	return figures;
}

// English numbers as people say them: "fifty", "seventy-three", "a hundred and thirty-six",
// "twenty-six thousand eight hundred". Only runs with a tens word, a hundred or a thousand are read
// ("one", "two" … are words of every sentence, seldom a price).
const SMALL_NUMBERS: Record<string, number> = Object.fromEntries(
	'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
		.split(' ')
		.map((word, i) => [word, i])
);
const TENS: Record<string, number> = Object.fromEntries(
	'twenty thirty forty fifty sixty seventy eighty ninety'
		.split(' ')
		.map((word, i) => [word, (i + 2) * 10])
);
const NUMBER_WORD = `(?:${[...Object.keys(SMALL_NUMBERS), ...Object.keys(TENS), 'hundred', 'thousand', 'million'].join('|')})`;
const SPELLED = new RegExp(
	`\\b(?:an?\\s+)?${NUMBER_WORD}(?:(?:\\s+and\\s+|[\\s-]+)${NUMBER_WORD})*\\b`,
	'g'
);

/** The value of a number said in English words ("a hundred and thirty-six"), or null when it is none this reads. */
export function spelledValue(run: string): number | null {
	const words = run.split(/[\s-]+/).filter((word) => word !== 'and');
	if (
		!words.some(
			(word) => word in TENS || word === 'hundred' || word === 'thousand' || word === 'million'
		)
	)
		return null;
	let total = 0;
	let section = 0;
	let last: 'small' | 'tens' | 'hundred' | 'thousand' | 'million' | null = null;
	for (const word of words) {
		if (word === 'a' || word === 'an') {
			if (last !== null) return null;
			section = 1;
			last = 'small';
		} else if (word in TENS) {
			if (last === 'small' || last === 'tens') return null;
			section += TENS[word]!;
			last = 'tens';
		} else if (word in SMALL_NUMBERS) {
			if (last === 'small' || (last === 'tens' && SMALL_NUMBERS[word]! >= 10)) return null;
			section += SMALL_NUMBERS[word]!;
			last = 'small';
		} else if (word === 'hundred') {
			if (last === 'hundred' || last === 'thousand' || section === 0 || section >= 100) return null;
			section *= 100;
			last = 'hundred';
		} else if (word === 'million') {
			// "Three million", "one million two hundred thousand"; not after a thousand.
			if (total > 0 || section === 0) return null;
			total = section * 1_000_000;
			section = 0;
			last = 'million';
		} else {
			if (last === 'thousand' || section === 0) return null;
			total += section * 1000;
			section = 0;
			last = 'thousand';
		}
	}
	return total + section;
}

/** Every number said in English words in a folded reply, with where it is (see spelledValue). */
export function spelledFiguresIn(folded: string): Figure[] {
	const figures: Figure[] = [];
	for (const m of folded.matchAll(SPELLED)) {
		const value = spelledValue(m[0]);
		if (value !== null)
			figures.push({ value, start: m.index, end: m.index + m[0].length, spelled: true });
	}
	return figures;
}

/**
 * Numbers said in English words that may count things: those spelledFiguresIn reads, and a lone
 * small number from two to nineteen ("five keyword ads", "ten products"), which is no price but
 * may be a count. "one" and "a" are left alone: they are words of every sentence.
 */
export function spelledCountsIn(folded: string): Figure[] {
	const figures: Figure[] = [];
	for (const m of folded.matchAll(SPELLED)) {
		const run = m[0].trim();
		const value = spelledValue(run) ?? (SMALL_NUMBERS[run]! >= 2 ? SMALL_NUMBERS[run]! : null);
		if (value !== null)
			figures.push({ value, start: m.index, end: m.index + m[0].length, spelled: true });
	}
	return figures;
}

/** Whether a folded text may say a number that counts in English words: the quick look before spelledCountsIn. */
export const MAY_SPELL_COUNT =
	/\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)\b/;

/** Whether a folded text may say a number in English words: the quick look before spelledFiguresIn. */
export const MAY_SPELL_NUMBER =
	/\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b/;

// What follows a figure that counts things, not money: 38,000 buyers, 三萬八千位買家, 10%, 2012年.
const CHINESE_COUNT =
	/^\s*(?:[位個人次項家筆件張台支顆組頁名份天年月週周倍成%％趟條篇封則間種款號歲樣套買瀏詢採廠訪點]|會員|產品)/;
const MONEY_WORDS = new Set(
	'a an per for each every dollars dollar nt ntd twd yuan and or so but instead total in now is was this the to then with plus which that only just altogether over after before if up on you it we for including incl inclusive tax taxes vat flat net exactly'.split(
		' '
	)
);

/** Whether a figure counts things (buyers, visits, days, per cent) rather than money. */
function countsThings(folded: string, figure: Figure): boolean {
	// NT$28,800 is money whatever follows it.
	if (CURRENCY_BEFORE.test(folded.slice(Math.max(0, figure.start - 4), figure.start))) return false;
	// 三千多次 counts views as 三千次 does.
	const after = folded.slice(figure.end, figure.end + 12).replace(/^\s*(?:多|幾)/, '');
	if (CHINESE_COUNT.test(after)) return true;
	const word = /^\s*([a-z]+)/.exec(after)?.[1];
	if (word !== undefined && !MONEY_WORDS.has(word)) return true;
	// A year (since 2012), not a price.
	const digits = folded.slice(figure.start, figure.end);
	return /^(?:19|20)\d\d$/.test(digits);
}

// An upper bound (under fifty a day, 不到兩千, 兩萬以下) is right when a fee keeps under it; other
// bounds (over 90,000, 兩萬以上, 快七千) are not checked (priceBound). A figure said with 多、幾
// or 出頭 is a range (SOME_AFTER), and one with 起 the starting price itself (一萬二千八起). A round
// figure ("about 2,200", 大約兩千二) may be off as much as a monthly one.
const BOUND_AFTER = /^\s*(?:以上|以下|\+|or more|and up|plus\b)/;
const SOME_AFTER = /^\s*(多|幾|出頭)/;
const BOUND_BEFORE =
	/(?:\b(?:over|under|more than|less than|nearly|almost|from|up to)|超過|不到|不用|低於|高於|快|將近|差不多)\s*(?:nt\$?|\$)?\s*$/;
const AT_MOST_PRICE = /^(?:under|less than|up to|不到|低於|以下)$/;

/**
 * The range a price said as an upper bound leaves (under 50: 0–50), undefined when it is said as
 * no bound, or null when it is another bound, left unread: "more than" is met by a two-year sum,
 * 砍快七千 is the customer's cut, "from 12,800" a starting price.
 */
function priceBound(
	before: string,
	after: string,
	value: number
): [number, number] | undefined | null {
	const word = (BOUND_BEFORE.exec(before)?.[0] ?? BOUND_AFTER.exec(after)?.[0])
		?.replace(/(?:nt\$?|\$)?\s*$/, '')
		.trim();
	if (word === undefined) return undefined;
	return AT_MOST_PRICE.test(word) ? [0, value] : null;
}
// The second figure of a range said in Chinese (三、四萬, 三到四萬, 3~4萬) is no price stated either.
const RANGE_BEFORE = /[\d一二三四五六七八九十兩]\s*(?:、|到|至|~|～)\s*$/;
const ROUGH_BEFORE =
	/(?:\b(?:about|around|roughly|approximately|some|like)|大約|大概|約|差不多)\s*(?:nt\$?|\$)?\s*$/;
const ROUGH_AFTER = /^\s*(?:左右|上下|ish\b|or so\b)/;
/** How far a count said as "about" or 大約 may be off: "about a million" for 1.2 million is right. */
const COUNT_ROUNDING = 0.2;

/** The least a figure must be to be read as a yearly price, a monthly one, and a daily one. */
export const PRICE_FLOOR = { year: 1000, month: 500, day: 20 } as const;
/**
 * How far a stated figure may be off: a yearly price hardly (rounding), a monthly one more ("about
 * 2,200"), a daily one most ("about seventy a day" for NT$73): people round a small sum harder.
 */
export const PRICE_TOLERANCE = { year: 0.01, month: 0.1, day: 0.15 } as const;
/**
 * From this price on, a price said in words is said to the thousand ("twenty-six thousand" for
 * 26,800, "twenty-seven" rounding up): within a thousand of it. "Twenty-two thousand a year" is no
 * price of ours, though within a tenth of 24,120.
 */
const SPELLED_TO_THE_THOUSAND = { from: 10_000, within: 1_000 } as const;
/** How far a fee may run over a bound said for it: 基礎一天不到三十塊 is wrong (35, or 31.6 the second year). */
const BOUND_TOLERANCE = 0.05;
/** The days of a year, over which a yearly price is a daily one. */
const DAYS_A_YEAR = 365;

const MONTH =
	/\b(?:a|per|each|every|the)\s+month\b|\bmonthly\b|\/\s*month|個月|每月|月費|月付|\/\s*月/g;
const DAY = /\b(?:a|per|each|every)\s+day\b|\bdaily\b|一天|每天|每日|\/\s*天/g;

/**
 * How far from the figure at [from, to) of `text` the nearest match of `period` is (Infinity: none);
 * one past a list's separator belongs to the next item (一個月約兩千二、一天七十幾塊).
 */
function distanceTo(period: RegExp, text: string, from: number, to: number): number {
	let nearest = Infinity;
	for (const m of text.matchAll(period)) {
		const end = m.index + m[0].length;
		const between =
			m.index >= to ? text.slice(to, m.index) : end <= from ? text.slice(end, from) : '';
		if (/[、，,;；]/.test(between)) continue;
		const distance = m.index >= to ? m.index - to : end <= from ? from - end : 0;
		if (distance < nearest) nearest = distance;
	}
	return nearest;
}

// Sentences: cut at a full stop (not a decimal point), question or exclamation mark, semicolon or line break.
export const SENTENCE_END = /[。！？!?;；\n]|\.(?!\d)/g;
// Clauses: also at a comma (not a thousands separator), enumeration comma or colon.
export const CLAUSE_END = /[。！？!?;；\n，：:]|\.(?!\d)|,(?!\d)/g;

export function stretches(text: string, ends: RegExp): Span[] {
	const spans: Span[] = [];
	let from = 0;
	for (const m of text.matchAll(ends)) {
		spans.push([from, m.index]);
		from = m.index + m[0].length;
	}
	spans.push([from, text.length]);
	return spans;
}

export const around = (spans: readonly Span[], at: number): Span =>
	spans.find(([start, end]) => at >= start && at <= end) ?? [0, 0];
const within = (spans: readonly Span[], [from, to]: Span) =>
	spans.some(([start, end]) => start < to && end > from);
const near = (value: number, target: number, tolerance: number) =>
	Math.abs(value - target) <= target * tolerance;

/** Competitors' prices (a year), and where a reply names a competitor, read on first need. */
export interface Rivals {
	prices: readonly number[];
	namesOf: () => readonly Span[];
}
const NO_RIVALS: Rivals = { prices: [], namesOf: () => [] };

/**
 * The prices of the tier a sentence names nearest before a figure (else first after it), or null
 * when the sentence names none: "Basic works out at NT$135 a day" is Diamond's day, not Basic's.
 */
export type TierPricesNear = (sentence: Span, at: number) => readonly number[] | null;
const NO_TIERS: TierPricesNear = () => null;

const CURRENCY_BEFORE = /(?:\bnt\$|\$|\bntd|\bnt)\s*$/;
const CURRENCY_AFTER = /^\s*(?:元|塊|dollars?\b|ntd\b)/;

/** Whether a figure is said with its currency: NT$7, 7 dollars, 七十塊. */
function withCurrency(folded: string, figure: Figure): boolean {
	return (
		CURRENCY_BEFORE.test(folded.slice(Math.max(0, figure.start - 4), figure.start)) ||
		CURRENCY_AFTER.test(folded.slice(figure.end, figure.end + 8))
	);
}

/**
 * The figures a reply states as a price of ours that the price list does not have: in a sentence
 * about the price (`priceWordsOf`: where the lexicon's price words are, asked for only when a figure
 * could be a price), not in a clause about the customer's own figures (`theirWordsOf`: an order of
 * 30,000 is his), not counting things, and not a figure the customer said (though his yearly price
 * still says which price a monthly sum divides). A yearly figure is a listed price (rounding aside),
 * the named tier's when its sentence names one (`tierPricesNear`); a monthly one is a listed price
 * over twelve, within a tenth, and when the sentence names a listed yearly price, that price's
 * (一年兩萬六千八，一個月才一千二: the sum is wrong); a daily one, a listed price over 365, within 15%
 * ("Gold works out to about fifty a day" is wrong: it is 73). A figure said with 多、幾 or 出頭 is
 * right when a right sum lies in the range it says. Numbers said in English words count as figures
 * here ("fifty dollars a day").
 */
export function wrongPrices(
	folded: string,
	listed: readonly number[],
	priceWordsOf: () => readonly Span[],
	theirWordsOf: () => readonly Span[],
	customerSaid: (value: number) => boolean = () => false,
	rivals: Rivals = NO_RIVALS,
	tierPricesNear: TierPricesNear = NO_TIERS
): Span[] {
	if (listed.length === 0) return [];
	// The figures first: the price words are looked for only when one could be a price (the costlier step).
	const figures = [
		...figuresIn(folded),
		...(MAY_SPELL_NUMBER.test(folded) ? spelledFiguresIn(folded) : [])
	].filter(
		(figure) =>
			(figure.value >= PRICE_FLOOR.day || withCurrency(folded, figure)) &&
			!countsThings(folded, figure)
	);
	if (figures.length === 0) return [];
	const priceWords = priceWordsOf();
	if (priceWords.length === 0) return [];
	let theirWords: readonly Span[] | undefined;
	const sentences = stretches(folded, SENTENCE_END);
	const clauses = stretches(folded, CLAUSE_END);
	type Read = {
		figure: Figure;
		sentence: Span;
		per: 'year' | 'month' | 'day';
		/** Said as about (about 2,200), in words (twenty-six thousand), or not (26,800). */
		rough: 'about' | 'spelled' | false;
		/** Said as a range: 五百多 is 500–599, 一千出頭 1,000–1,300. */
		range?: [number, number];
		/** A figure the customer said: not checked itself. */
		his: boolean;
	};
	const read: Read[] = [];
	for (const figure of figures) {
		const before = folded.slice(Math.max(0, figure.start - 16), figure.start);
		const after = folded.slice(figure.end, figure.end + 8);
		if (RANGE_BEFORE.test(before)) continue;
		// A price said as a bound is right when a right sum keeps to it: 金牌一天不到五十塊 is wrong
		// (it is 73), "Basic is under forty a day" right (35). "From" and 不用 say no bound on ours.
		const bound = priceBound(before, after, figure.value);
		if (bound === null) continue;
		const rough =
			ROUGH_BEFORE.test(before) || ROUGH_AFTER.test(after)
				? 'about'
				: figure.spelled === true
					? 'spelled'
					: false;
		const sentence = around(sentences, figure.start);
		const clause = around(clauses, figure.start);
		if (!within(priceWords, sentence) || within((theirWords ??= theirWordsOf()), clause)) continue;
		// A month or day said beside the figure, in its clause: 一個月大約兩千二, NT$2,233 a month.
		const words = folded.slice(
			Math.max(clause[0], figure.start - 8),
			Math.min(clause[1], figure.end + 12)
		);
		// A day said a little further on, as the currency comes between: fifty dollars a day.
		const dayWords = folded.slice(figure.end, Math.min(clause[1], figure.end + 20));
		// The period said nearest the figure is its own: 一個月約兩千二、一天七十幾塊 is 2,200 a month.
		const from = figure.start - Math.max(clause[0], figure.start - 8);
		const to = from + figure.end - figure.start;
		const dayAt = Math.min(distanceTo(DAY, words, from, to), distanceTo(DAY, dayWords, 0, 0));
		const monthAt = distanceTo(MONTH, words, from, to);
		const per =
			dayAt === Infinity && monthAt === Infinity ? 'year' : dayAt <= monthAt ? 'day' : 'month';
		// A sum with its currency is a price however small, a day's above all ("NT$7 a day").
		if (figure.value < PRICE_FLOOR[per] && !(per === 'day' && withCurrency(folded, figure)))
			continue;
		// The customer's own figure is never wrong, but it still says which price a sum of its sentence
		// divides (兩萬六千八 he said, 一個月才一千出頭 the rep works out).
		const his = customerSaid(figure.value);
		const some = SOME_AFTER.exec(after)?.[1];
		const range: [number, number] | undefined =
			bound !== undefined
				? bound
				: some === undefined
					? undefined
					: some === '出頭'
						? [figure.value, figure.value * 1.3]
						: [figure.value, figure.value + 10 ** trailingZeros(figure.value) - 1];
		read.push({ figure, sentence, per, rough, range, his });
	}
	// A competitor's price is a right figure only in a sentence that names a competitor: said as ours
	// ("for NT$6,800 a year your screws are in front of 38,000 buyers"), it is a wrong price.
	let rivalNames: readonly Span[] | undefined;
	// A tier named in the sentence narrows ours to its own prices: "Basic is 26,800" is Gold's price.
	const pricesIn = (sentence: Span, at: number): readonly number[] => {
		const ours = tierPricesNear(sentence, at) ?? listed;
		return rivals.prices.length > 0 && within((rivalNames ??= rivals.namesOf()), sentence)
			? [...ours, ...rivals.prices]
			: ours;
	};
	const yearly = (value: number, sentence: Span, at: number, rough: Read['rough'] = false) =>
		pricesIn(sentence, at).some((price) =>
			rough === 'spelled' && price >= SPELLED_TO_THE_THOUSAND.from
				? Math.abs(value - price) < SPELLED_TO_THE_THOUSAND.within
				: rough
					? near(value, price, PRICE_TOLERANCE.month)
					: // Said to the ten (四萬九千九百二), a price is not rounded: 49,920 is not Diamond's 49,800.
						near(value, price, PRICE_TOLERANCE.year) &&
						Math.abs(value - price) <= 10 ** trailingZeros(value)
		);
	// A range is right when a right sum lies in it, give or take the period's rounding.
	const inRange = (value: number, [low, high]: [number, number], tolerance: number) =>
		value >= low * (1 - tolerance) && value <= high * (1 + tolerance);
	const wrong: Span[] = [];
	for (const { figure, sentence, per, rough, range, his } of read) {
		// His figure is his to repeat, unless said as the price of one of our tiers named before it, with
		// no competitor named: "our Basic plan is about the same, NT$6,800 a year" (BaiYeTong's, which he
		// gave). 「兩萬這個我真的沒辦法，金牌的價格每家都一樣」 names the tier after his figure.
		if (
			his &&
			(tierPricesNear([sentence[0], figure.start], figure.start) === null ||
				within((rivalNames ??= rivals.namesOf()), sentence))
		)
			continue;
		if (per === 'year') {
			const right = range
				? feesUnder(range, pricesIn(sentence, figure.start)).some((price) =>
						inRange(price, range, PRICE_TOLERANCE.year)
					)
				: yearly(figure.value, sentence, figure.start, rough);
			if (!right) wrong.push([figure.start, figure.end]);
			continue;
		}
		const stated = read
			.filter(
				(other) =>
					other.per === 'year' &&
					other.range === undefined &&
					other.sentence === sentence &&
					yearly(other.figure.value, sentence, other.figure.start)
			)
			.map((other) => other.figure.value);
		// A two-year sum said beside it (五萬零九百二，一天不到七十塊) divides over two years: its half is
		// on the price list too.
		const twoYears = stated
			.map((sum) => sum / 2)
			.filter((half) => listed.some((price) => near(half, price, PRICE_TOLERANCE.year)));
		const prices = stated.length > 0 ? [...stated, ...twoYears] : pricesIn(sentence, figure.start);
		const periods = per === 'month' ? 12 : DAYS_A_YEAR;
		// An upper bound is a claim of its own (不到三十塊): a fee over it is wrong, give or take a little.
		const tolerance = range?.[0] === 0 ? BOUND_TOLERANCE : PRICE_TOLERANCE[per];
		const right = (price: number) =>
			range
				? inRange(price / periods, range, tolerance)
				: near(figure.value, price / periods, PRICE_TOLERANCE[per]);
		if (!feesUnder(range, prices).some(right)) wrong.push([figure.start, figure.end]);
	}
	return wrong;
}

/**
 * The prices a figure is checked against: under a bound ("under fifty a day", 不到五十), only the
 * fees, not the sums saved (2,680 off two years), which fit under any bound.
 */
function feesUnder(
	range: [number, number] | undefined,
	prices: readonly number[]
): readonly number[] {
	if (range?.[0] !== 0) return prices;
	const most = Math.max(...prices);
	return prices.filter((price) => price >= most / 10);
}

/** The figures of a list of phrases (the lexicon's price list): each phrase's numbers. */
export function figuresOfPhrases(
	phrases: readonly string[],
	fold: (text: string) => string
): number[] {
	return phrases.flatMap((phrase) => figuresIn(fold(phrase)).map((figure) => figure.value));
}

/**
 * A fact the company states as a count (the lexicon's `counted-facts`): in a sentence that names the
 * `subject` (the trial), a figure followed by the `unit` (days, products) must be one of `values`.
 * Written in the lexicon as `subject … unit = 14 / 10`, or `unit = 38,000` when the unit names the
 * subject itself (registered buyers); no values after `=` means no figure is ever right there. A
 * value followed by `when` and words (`81 when update, refresh`) is right only where the reply says
 * one of them before the figure, in its sentence or the one before, or in the figure's clause: 81%
 * is the renewal rate of members who update their listings ("…update every month. Members who do
 * that renew at 81%"), not of all of them ("our overall renewal rate is 81%, higher for those who update").
 */
export interface CountedFact {
	subject: string;
	unit: string;
	values: number[];
	/** Values right only where one of their words is said (see above), with those words. */
	onlyWhen: { value: number; words: string[] }[];
}

/** A `counted-facts` phrase read, or null when it is not of that form. */
export function countedFactOf(phrase: string, fold: (text: string) => string): CountedFact | null {
	const [claim, right] = phrase.split('=');
	if (claim === undefined || right === undefined) return null;
	const parts = claim.split(/…|\.{3}/).map((part) => fold(part).trim());
	const unit = parts[parts.length - 1]!;
	const subject = parts.length > 1 ? parts[0]! : '';
	if (!unit) return null;
	const values: number[] = [];
	const onlyWhen: CountedFact['onlyWhen'] = [];
	for (const value of right.split('/')) {
		const [figure, when] = value.split(/\s+when\s+/);
		const read = figuresIn(fold(figure!.trim())).map((found) => found.value);
		const words = (when ?? '')
			.split(',')
			.map((word) => fold(word).trim())
			.filter(Boolean);
		if (words.length > 0) onlyWhen.push(...read.map((one) => ({ value: one, words })));
		else values.push(...read);
	}
	return { subject, unit, values, onlyWhen };
}

/** Whether a folded reply says one of `words` in `before` (the stretch up to a figure) or in `clause`. */
function saidWith(folded: string, words: readonly string[], before: Span, clause: Span): boolean {
	return words.some((word) => {
		const pattern = LATIN_WORD.test(word) ? new RegExp(`\\b${escapeRegExp(word)}`) : undefined;
		const find = ([from, to]: Span) => {
			const text = folded.slice(from, to);
			return pattern ? pattern.test(text) : text.includes(word);
		};
		return find(before) || find(clause);
	});
}
const LATIN_WORD = /^[a-z0-9]/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What may stand between a figure and its unit: a hyphen (14-day), 多 (八萬多位: still not 38,000),
// a Chinese measure word (個、位), 'or so' (50,000 or so buyers), or 'of our' (80,000 of our registered buyers).
const BEFORE_UNIT = /^[\s-]*(?:多\s*)?(?:[個位家]\s*)?(?:or so\s+)?(?:of\s+(?:our|the|its)\s+)?/;
const ORDINAL_BEFORE = /(?:第|\bday\s*|\bthe\s*)$/;
// An ordinal day: day 7, 第七天.
const DAY_BEFORE = /\bday\s*$/;
const ORDINAL_DAY_AFTER = /^\s*天/;
const THE_BEFORE = /\bthe\s*$/;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/;
const HIS_BEFORE =
	/\byou(?:['’]?ve|\s+have|\s+only\s+have|['’]?ve\s+only)(?:\s+got)?\s+(?:only\s+|just\s+|about\s+|around\s+)?$|\byour\s+(?:own\s+)?$|(?:您|你)(?:們)?(?:現在)?(?:只)?有\s*$|(?:您|你)(?:們)?的\s*$/;
const POINTS_BACK = /^\s*(?:it|it['’]?s|its|that|that['’]?s|this|這個|它|那個)(?![a-z])/;
// "Isn't", "don't" and their forms typed without the apostrophe; not every word ending in -nt ("in
// front of 83,000 buyers", "we want 30").
export const DENIED_BEFORE =
	/(?:不是|並非|沒有|\bnot\b|n['’]t\b|\b(?:dont|wont|cant|isnt|arent|doesnt|didnt|wasnt|werent|havent|hasnt|aint)\b|\bno\b)[^,，。.!?！？]{0,6}$/;

/**
 * Where a folded sentence names `words` nearest before position `at` (or, none before, first after
 * it), or null: Chinese anywhere, English as whole words.
 */
function subjectNear(sentence: string, words: string, at: number): number | null {
	const latin = /[a-z0-9]/.test(words);
	let before: number | null = null;
	let afterAt: number | null = null;
	const letter = (i: number) => /[a-z]/.test(sentence[i] ?? '');
	for (let i = sentence.indexOf(words); i >= 0; i = sentence.indexOf(words, i + 1)) {
		const end = i + words.length;
		// English as a whole word, singular or plural (trial, trials).
		if (latin && (letter(i - 1) || (letter(end) && !(sentence[end] === 's' && !letter(end + 1)))))
			continue;
		if (i < at) before = i;
		else if (afterAt === null) afterAt = i;
	}
	return before ?? afterAt;
}

// A count said roughly: 十幾萬 (110,000–190,000), 幾十萬, 幾千; "hundreds of thousands".
const ROUGH_CHINESE = /(?:([一二兩三四五六七八九])?十)?幾([十百千])?(萬)?/g;
const ROUGH_ENGLISH = /\b(hundreds of thousands|tens of thousands|millions)\b(?:\s+of)?/g;
/** Whether a folded text may say a count roughly: the quick look before roughCountsIn. */
export const MAY_SAY_ROUGHLY = /幾|\b(?:thousands|millions)\b/;
const ROUGH_ENGLISH_RANGE: Record<string, [number, number]> = {
	'hundreds of thousands': [200_000, 999_999],
	'tens of thousands': [20_000, 99_999],
	millions: [2_000_000, 999_999_999]
};

/** Counts said roughly, with the least and the most they may mean (see ROUGH_CHINESE). */
function roughCountsIn(folded: string): (Figure & { low: number; high: number })[] {
	const rough: (Figure & { low: number; high: number })[] = [];
	const add = (low: number, high: number, start: number, end: number) =>
		rough.push({ value: (low + high) / 2, start, end, low, high });
	for (const m of folded.matchAll(ROUGH_CHINESE)) {
		const tens = m[0].startsWith('十') || m[1] !== undefined;
		// Only the thousands: a small rough count is mostly his own (八十幾項), and a lone 幾 asks (幾點).
		if (m[2] !== '千' && m[3] === undefined) continue;
		const base = tens ? (m[1] === undefined ? 1 : CHINESE_DIGITS[m[1]]!) * 10 : 0;
		const scale =
			(m[2] === undefined ? 1 : CHINESE_UNITS[m[2]]!) * (m[3] === undefined ? 1 : 10_000);
		add((base + (tens ? 1 : 2)) * scale, (base + 9) * scale, m.index, m.index + m[0].length);
	}
	for (const m of folded.matchAll(ROUGH_ENGLISH)) {
		const [low, high] = ROUGH_ENGLISH_RANGE[m[1]!]!;
		add(low, high, m.index, m.index + m[0].length);
	}
	return rough;
}

// A count said as a bound is right when a right value lies within it: over 30,000 buyers (38,000)
// is right, over 100,000 is not.
const AT_LEAST_BEFORE = /(?:\b(?:over|more than|above)|超過|高於)\s*$/;
const AT_LEAST_AFTER = /^\s*(?:以上|\+|or more|and up|plus\b)/;
// "Up to 20 products" states a limit, which is a count like any other: not a bound.
const AT_MOST_BEFORE = /(?:\b(?:under|less than|fewer than)|不到|低於)\s*$/;
const NEARLY_BEFORE = /(?:\b(?:nearly|almost|close to)|將近|快)\s*$/;

/** The least and the most a count may mean as said: a bound, a round figure, or just itself. */
function countBounds(figure: Figure, before: string, folded: string): [number, number] {
	const { value } = figure;
	const after = folded.slice(figure.end, figure.end + 8);
	// 三萬多: 30,000 and more, under 40,000 (38,000 is right; 八萬多 is not).
	if (/^\s*多/.test(after)) return [value, value + 10 ** trailingZeros(value) - 1];
	if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(after)) return [value, Infinity];
	if (AT_MOST_BEFORE.test(before)) return [0, value];
	if (NEARLY_BEFORE.test(before)) return [value * (1 - COUNT_ROUNDING), value];
	// "About a million visits" for 1.2 million: a round figure said as one.
	if (ROUGH_BEFORE.test(before) || ROUGH_AFTER.test(after))
		return [value * (1 - COUNT_ROUNDING), value * (1 + COUNT_ROUNDING)];
	return [value, value];
}

function trailingZeros(value: number): number {
	let zeros = 0;
	for (let rest = value; rest >= 10 && rest % 10 === 0; rest /= 10) zeros++;
	return zeros;
}

// Shares said the Chinese way, which the figures read as no number or as a single digit: two digits
// before 折 (八五折 is 85% of the price, read 8.5 against 九折's 9), and 成 with the digit after it
// (續約率八成一 is 81%, read 81 with its unit 成 after it).
const TWO_DIGIT_DISCOUNT = /([一二三四五六七八九])([一二三四五六七八九])(?=\s*折)/g;
const TENTHS = /([一二三四五六七八九])(?=成([一二三四五六七八九])?)/g;
function sharesIn(folded: string): Figure[] {
	const shares: Figure[] = [];
	if (folded.includes('折'))
		for (const m of folded.matchAll(TWO_DIGIT_DISCOUNT))
			shares.push({
				value: CHINESE_DIGITS[m[1]!]! + CHINESE_DIGITS[m[2]!]! / 10,
				start: m.index,
				end: m.index + 2
			});
	if (folded.includes('成'))
		for (const m of folded.matchAll(TENTHS))
			shares.push({
				value: CHINESE_DIGITS[m[1]!]! * 10 + (m[2] ? CHINESE_DIGITS[m[2]]! : 0),
				start: m.index,
				end: m.index + 1
			});
	return shares;
}

/** Under this, a figure far under a counted fact's values counts something else. */
const SMALL_COUNT = 1000;

/**
 * The figures a reply states against a counted fact (a trial of 30 days, 50,000 registered
 * buyers, 八折 on the second year): in a sentence naming the fact's subject, a figure followed by its
 * unit that is none of its values, and not denied (「不是一個月，是十四天」 corrects the customer).
 * A figure the customer said is wrong all the same when the rep says it back as ours.
 */
export function wrongCounts(folded: string, facts: readonly CountedFact[]): Span[] {
	if (facts.length === 0) return [];
	const rough = MAY_SAY_ROUGHLY.test(folded) ? roughCountsIn(folded) : [];
	const shares = sharesIn(folded);
	const figures: (Figure & { low?: number; high?: number })[] = [
		// 十萬 in 幾十萬 is part of a rough count, 八 in 八成一 part of a share.
		...figuresIn(folded).filter(
			({ start, end }) =>
				![...rough, ...shares].some((read) => start < read.end && read.start < end)
		),
		...(MAY_SPELL_COUNT.test(folded) ? spelledCountsIn(folded) : []),
		...rough,
		...shares
	];
	if (figures.length === 0) return [];
	const sentences = stretches(folded, SENTENCE_END);
	const clauses = stretches(folded, CLAUSE_END);
	const wrong: Span[] = [];
	for (const figure of figures) {
		// An ordinal counts nothing (the 15th, 第三名) but a day of something (第七天, day 7: the
		// trial's calls are on day 3 and day 10); a figure denied is a correction (不是一個月, not 30 days).
		const before = folded.slice(Math.max(0, figure.start - 10), figure.start);
		// "The 15th" is a day, "the three keyword ads" and "the 50,000 buyers" are counts.
		const ordinal =
			ORDINAL_BEFORE.test(before) &&
			!(THE_BEFORE.test(before) && !ORDINAL_SUFFIX.test(folded.slice(figure.end, figure.end + 3)));
		const dayBefore = ordinal && DAY_BEFORE.test(before);
		if (
			(ordinal &&
				!dayBefore &&
				!ORDINAL_DAY_AFTER.test(folded.slice(figure.end, figure.end + 3))) ||
			DENIED_BEFORE.test(before)
		)
			continue;
		// A count said of what he has is his, not ours: you've got twelve products (and Basic takes fifty).
		if (HIS_BEFORE.test(folded.slice(Math.max(0, figure.start - 24), figure.start))) continue;
		// Long enough for the longest unit: 380,000 machinery and hardware buyers. "Day 7" puts its unit first.
		const after =
			(dayBefore ? 'day ' : '') +
			folded.slice(figure.end, figure.end + 48).replace(BEFORE_UNIT, '');
		const [from, to] = around(sentences, figure.start);
		const sentence = folded.slice(from, to);
		const at = figure.start - from;
		const clauseEnd = around(clauses, figure.start)[1] - from;
		// The facts of the unit said after the figure; of those with a subject, the one whose subject
		// comes last before the figure in its sentence (or, none before, first after it in its clause) decides:
		// 「試刊十項，金牌可以放三百項」 counts the trial's ten and Gold's three hundred.
		let deciding: CountedFact | undefined;
		let nearest = -Infinity;
		// A sentence that opens on "it" or 它 speaks of the subject named last before it: "…for the
		// trial. It's free for 30 days" counts the trial's days.
		// So does a day of something said as an ordinal (第五天, day 5): the trial named sentences before
		// is the only thing whose days are counted.
		const onEarlier = from > 0 && (POINTS_BACK.test(sentence) || ordinal);
		let earlier: CountedFact | undefined;
		let earliest = -1;
		for (const fact of facts) {
			if (!after.startsWith(fact.unit)) continue;
			// An English unit as a whole word, singular or plural: 14 days, a 14-day trial.
			if (/[a-z]$/.test(fact.unit) && !/^s?(?![a-z])/.test(after.slice(fact.unit.length))) continue;
			if (!fact.subject) {
				deciding = fact;
				break;
			}
			const where = subjectNear(sentence, fact.subject, at);
			if (where === null && onEarlier) {
				const named = subjectNear(folded.slice(0, from), fact.subject, from);
				if (named !== null && named > earliest) {
					earliest = named;
					earlier = fact;
				}
			}
			// After the figure, only in its own clause: 「您現在十二項，基礎會員可以放五十項」.
			if (where === null || (where > at && where >= clauseEnd)) continue;
			// Before the figure is nearer the nearer it is; after it, only when nothing comes before.
			const rank = where < at ? where : -1e6 - where;
			if (rank > nearest) {
				nearest = rank;
				deciding = fact;
			}
		}
		deciding ??= earlier;
		if (!deciding) continue;
		// A count said roughly or as a bound is right when a right value lies in it: 三萬多 (30,000
		// and more, under 40,000) is 38,000; 八萬多 is not.
		const [low, high] =
			figure.low === undefined
				? countBounds(figure, before, folded)
				: [figure.low, figure.high ?? figure.low];
		if (deciding.values.some((value) => value >= low && value <= high)) continue;
		const inRange = deciding.onlyWhen.filter(({ value }) => value >= low && value <= high);
		if (
			inRange.length > 0 &&
			inRange.some(({ words }) =>
				saidWith(
					folded,
					words,
					[from > 0 ? around(sentences, from - 1)[0] : 0, figure.start],
					around(clauses, figure.start)
				)
			)
		)
			continue;
		// Far under every right value, a small figure counts something else (two buyers who called);
		// a large one is the fact said wrong (一萬兩千人次 for 1.2 million visits).
		if (
			deciding.values.length > 0 &&
			figure.value < Math.min(...deciding.values) / 10 &&
			figure.value < SMALL_COUNT
		)
			continue;
		wrong.push([figure.start, figure.end]);
	}
	return wrong;
}
