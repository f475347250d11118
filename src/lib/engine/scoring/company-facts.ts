// Facts about the company itself that a reply may state wrongly (GRADING.md: a wrong fact caps the
// grade at 2): the year it was founded and the city it is in. A customer who checks the company
// registry finds both, so a rep who says "set up in Taichung in 2005" has lost him. Pure: the facts
// and the places come from the lexicon (`company-facts`, `places`, read in score.ts), never from here.
import { around, CLAUSE_END, DENIED_BEFORE, figureValue, SENTENCE_END, stretches } from './figures';
import type { Span } from './score';

/**
 * A fact about the company, written in the lexicon as `subject = 2012 / taipei`: a year said in a
 * sentence that names the subject (founded, 成立) is one of the years; a place said beside it
 * (founded in …, 在…成立) is one of the places.
 */
export interface CompanyFact {
	subject: string;
	years: number[];
	places: string[];
}

/** A `company-facts` phrase read (values of four digits are years, others places), or null when it is not of that form. */
export function companyFactOf(phrase: string, fold: (text: string) => string): CompanyFact | null {
	const [claim, right] = phrase.split('=');
	const subject = fold(claim ?? '').trim();
	if (!subject || right === undefined) return null;
	const fact: CompanyFact = { subject, years: [], places: [] };
	for (const value of right.split('/').map((part) => fold(part).trim())) {
		if (/^\d{4}$/.test(value)) fact.years.push(Number(value));
		else if (value) fact.places.push(value);
	}
	return fact.years.length + fact.places.length > 0 ? fact : null;
}

/** A year said, as the least and the most it may mean: 2005, 二〇〇二, 民國九十年, the nineties. */
interface Year {
	low: number;
	high: number;
	start: number;
	end: number;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const chineseDigit = (c: string) => (c === '零' ? 0 : CHINESE_DIGITS.indexOf(c));
const DECADE_WORDS: Record<string, number> = {
	fifties: 1950,
	sixties: 1960,
	seventies: 1970,
	eighties: 1980,
	nineties: 1990
};
// Digits not part of a larger number or a price (NT$2,012): 1900–2099.
const DIGIT_YEAR = /(?<![\d,.$])(?:19|20)\d\d(?![\d]|[,.]\d)/g;
// Read out one by one in Chinese: 二〇一二.
const CHINESE_YEAR = /[一二][〇零一二三四五六七八九]{3}/g;
// The Republic of China's calendar: 民國 101 年 is 2012.
const ROC_YEAR = /民國\s*([\d〇零一二三四五六七八九十百]+)\s*年/g;
const DECADE =
	/(?:\b19|['’]|\b)([5-9]0)['’]?s\b|\b(fifties|sixties|seventies|eighties|nineties)\b|([五六七八九])[十〇零]年代/g;
/** Whether a folded text may say a year: the quick look before yearsIn. */
export const MAY_SAY_YEAR = /(?:19|20)\d\d|[一二][〇零]|民國|年代|0s\b|ties\b/;

/** The years a folded sentence says, with where they are. */
function yearsIn(folded: string): Year[] {
	const years: Year[] = [];
	const add = (low: number, high: number, start: number, end: number) =>
		years.push({ low, high, start, end });
	for (const m of folded.matchAll(DIGIT_YEAR)) {
		const year = Number(m[0]);
		add(year, year, m.index, m.index + m[0].length);
	}
	for (const m of folded.matchAll(CHINESE_YEAR)) {
		const year = Number([...m[0]].map(chineseDigit).join(''));
		if (year >= 1900 && year <= 2099) add(year, year, m.index, m.index + m[0].length);
	}
	for (const m of folded.matchAll(ROC_YEAR)) {
		const value = figureValue(m[1]!);
		if (value !== null && value >= 1 && value <= 200)
			add(value + 1911, value + 1911, m.index, m.index + m[0].length);
	}
	for (const m of folded.matchAll(DECADE)) {
		const from = m[1]
			? 1900 + Number(m[1])
			: m[2]
				? DECADE_WORDS[m[2]]!
				: 1900 + chineseDigit(m[3]!) * 10;
		add(from, from + 9, m.index, m.index + m[0].length);
	}
	return years;
}

const LATIN = /[a-z0-9]/;
const LETTER = /[a-z]/;

/** Where a folded text names `words`: Chinese anywhere, English as whole words. */
function occurrences(folded: string, words: string): Span[] {
	const latin = LATIN.test(words);
	const found: Span[] = [];
	for (let i = folded.indexOf(words); i >= 0; i = folded.indexOf(words, i + 1)) {
		const end = i + words.length;
		if (latin && (LETTER.test(folded[i - 1] ?? '') || LETTER.test(folded[end] ?? ''))) continue;
		found.push([i, end]);
	}
	return found;
}

// What may stand between a subject and the place said of it: "founded in", "JuGong Technology down
// in", 「聚工科技總公司在」, 「在…成立」. Anything else (calling screw makers around Kaohsiung) says
// the place of something other than the company.
const LINK =
	/^(?:[\s-]+|(?:in|at|down|up|out|of|from|based|the|city|technology|tech|co|ltd|is|was|we['’]?re|we are|were)(?![a-z])|股份有限公司|有限公司|總公司|總部|公司|科技|位於|設在|在|是|於|的|就|市|縣)/;

function onlyLinks(text: string): boolean {
	let rest = text;
	while (rest) {
		const m = LINK.exec(rest);
		if (!m) return false;
		rest = rest.slice(m[0].length);
	}
	return true;
}

/**
 * What a reply says of the company that the lexicon states otherwise, not denied (「不是二〇〇二年，
 * 是二〇一二年」 corrects the customer): a year in a sentence naming a fact's subject, when that
 * sentence says none of its years (a sentence with the right year may date something else too);
 * a place of `places` said beside the subject, with only linking words between, that is none of its places.
 */
export function wrongCompanyFacts(
	folded: string,
	facts: readonly CompanyFact[],
	places: readonly string[]
): Span[] {
	if (facts.length === 0) return [];
	// Most replies say no year and no place: nothing to look for then.
	const years = MAY_SAY_YEAR.test(folded) ? yearsIn(folded) : [];
	const named = places.flatMap((place) =>
		occurrences(folded, place).map((span) => ({ place, span }))
	);
	if (years.length === 0 && named.length === 0) return [];
	const wrong: Span[] = [];
	const denied = (start: number) =>
		DENIED_BEFORE.test(folded.slice(Math.max(0, start - 10), start));
	const add = (span: Span) => {
		if (!wrong.some(([start, end]) => start === span[0] && end === span[1])) wrong.push(span);
	};
	const sentences = years.length > 0 ? stretches(folded, SENTENCE_END) : [];
	const clauses = named.length > 0 ? stretches(folded, CLAUSE_END) : [];
	for (const fact of facts) {
		const subjects = occurrences(folded, fact.subject);
		if (subjects.length === 0) continue;
		if (fact.years.length > 0) {
			for (const [from, to] of new Set(subjects.map(([start]) => around(sentences, start)))) {
				const said = years.filter((year) => year.start >= from && year.end <= to);
				const right = (year: Year) => fact.years.some((y) => y >= year.low && y <= year.high);
				if (said.some(right)) continue;
				for (const year of said) if (!denied(year.start)) add([year.start, year.end]);
			}
		}
		if (fact.places.length > 0) {
			for (const { place, span } of named) {
				if (fact.places.includes(place) || denied(span[0])) continue;
				const clause = around(clauses, span[0]);
				const beside = subjects.some(
					([start, end]) =>
						start >= clause[0] &&
						end <= clause[1] &&
						onlyLinks(end <= span[0] ? folded.slice(end, span[0]) : folded.slice(span[1], start))
				);
				if (beside) add(span);
			}
		}
	}
	return wrong;
}
