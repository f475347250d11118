/*
 * Screening a candidate as the handbook does: years and kind of sales experience, education and
 * languages, checked against a position's knock-out rules. A candidate who fails a rule is flagged
 * with the reason, never hidden: the manager decides. Pure: no Kit, database or clock.
 */

export const SALES_KINDS = ['store', 'door-to-door', 'phone', 'mixed', 'other'] as const;
export type SalesKind = (typeof SALES_KINDS)[number];

/** Lowest first: a rule's minimum is met by that level and every later one. */
export const EDUCATION_LEVELS = [
	'junior-high',
	'high-school',
	'college',
	'university',
	'graduate'
] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

export const SCREENING_LIMITS = {
	maxYears: 60,
	maxLanguages: 10,
	languageLength: 30,
	availabilityLength: 200,
	mannerLength: 1000
} as const;

export interface Screening {
	/** null: not recorded (0 is an answer). */
	salesYears: number | null;
	salesKinds: SalesKind[];
	education: Education | null;
	languages: string[];
	availability: string;
	manner: string;
}

export interface PositionRules {
	minSalesYears: number | null;
	minEducation: Education | null;
	requiredLanguage: string | null;
}

export type ScreeningFlag =
	| { rule: 'sales-years'; min: number; years: number | null }
	| { rule: 'education'; min: Education; education: Education | null }
	| { rule: 'language'; language: string };

export function isSalesKind(value: string): value is SalesKind {
	return (SALES_KINDS as readonly string[]).includes(value);
}

export function isEducation(value: string): value is Education {
	return (EDUCATION_LEVELS as readonly string[]).includes(value);
}

/** The education's place in EDUCATION_LEVELS; -1 when not recorded (sorts below every level). */
export function educationRank(education: Education | null): number {
	return education === null ? -1 : EDUCATION_LEVELS.indexOf(education);
}

// Names people write for the same language; compared after NFKC and lower case.
const LANGUAGE_NAMES: readonly (readonly string[])[] = [
	['國語', '华语', '華語', '中文', '普通話', '普通话', 'mandarin', 'chinese'],
	['台語', '臺語', '閩南語', '闽南语', '台语', 'taiwanese', 'hokkien'],
	['客語', '客家話', '客家话', 'hakka'],
	['english', '英文', '英語', '英语'],
	['日文', '日語', '日语', 'japanese']
];

function languageKey(name: string): string {
	const folded = name.normalize('NFKC').trim().toLowerCase();
	const family = LANGUAGE_NAMES.find((names) => names.includes(folded));
	return family ? family[0]! : folded;
}

/** Whether two names mean one language (國語 and Mandarin, 台語 and 臺語, English and 英文). */
export function sameLanguage(a: string, b: string): boolean {
	return languageKey(a) === languageKey(b);
}

/**
 * A free list of languages as typed ("國語、台語、English"): split on commas, 、, semicolons,
 * slashes and line breaks; blanks and repeats of one language dropped.
 */
export function parseLanguages(text: string): string[] {
	const languages: string[] = [];
	for (const part of text.split(/[,，、;；/\n]/)) {
		const name = part.normalize('NFKC').trim();
		if (name && !languages.some((known) => sameLanguage(known, name))) languages.push(name);
	}
	return languages;
}

/** The rules the candidate fails, in the order: sales years, education, language. */
export function screenCandidate(
	candidate: Pick<Screening, 'salesYears' | 'education' | 'languages'>,
	rules: PositionRules | null | undefined
): ScreeningFlag[] {
	if (!rules) return [];
	const flags: ScreeningFlag[] = [];
	if (
		rules.minSalesYears !== null &&
		rules.minSalesYears > 0 &&
		(candidate.salesYears === null || candidate.salesYears < rules.minSalesYears)
	)
		flags.push({ rule: 'sales-years', min: rules.minSalesYears, years: candidate.salesYears });
	if (
		rules.minEducation !== null &&
		educationRank(candidate.education) < educationRank(rules.minEducation)
	)
		flags.push({ rule: 'education', min: rules.minEducation, education: candidate.education });
	const language = rules.requiredLanguage?.trim();
	if (language && !candidate.languages.some((known) => sameLanguage(known, language)))
		flags.push({ rule: 'language', language });
	return flags;
}

export type ScreeningProblem =
	'years' | 'kinds' | 'education' | 'languages' | 'availability' | 'manner';

/** A number of years as typed: blank is "not recorded"; otherwise 0 to 60, halves and the like allowed. */
export function parseYears(text: string): number | null | undefined {
	const trimmed = text.normalize('NFKC').trim();
	if (trimmed === '') return null;
	if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
	const years = Number(trimmed);
	return years <= SCREENING_LIMITS.maxYears ? Math.round(years * 10) / 10 : undefined;
}

/** The screening fields of a form, checked: the first problem, or the values to store. */
export function readScreening(input: {
	salesYears: string;
	salesKinds: readonly string[];
	education: string;
	languages: string;
	availability: string;
	manner: string;
}): { ok: true; screening: Screening } | { ok: false; problem: ScreeningProblem } {
	const salesYears = parseYears(input.salesYears);
	if (salesYears === undefined) return { ok: false, problem: 'years' };
	if (!input.salesKinds.every(isSalesKind)) return { ok: false, problem: 'kinds' };
	const education = input.education.trim();
	if (education !== '' && !isEducation(education)) return { ok: false, problem: 'education' };
	const languages = parseLanguages(input.languages);
	if (
		languages.length > SCREENING_LIMITS.maxLanguages ||
		languages.some((name) => [...name].length > SCREENING_LIMITS.languageLength)
	)
		return { ok: false, problem: 'languages' };
	const availability = input.availability.trim();
	if ([...availability].length > SCREENING_LIMITS.availabilityLength)
		return { ok: false, problem: 'availability' };
	const manner = input.manner.trim();
	if ([...manner].length > SCREENING_LIMITS.mannerLength) return { ok: false, problem: 'manner' };
	return {
		ok: true,
		screening: {
			salesYears,
			salesKinds: SALES_KINDS.filter((kind) => input.salesKinds.includes(kind)),
			education: education === '' ? null : (education as Education),
			languages,
			availability,
			manner
		}
	};
}

export type RulesProblem = 'position' | 'years' | 'education' | 'language';

/** A position's rules as typed: blank fields set no rule. */
export function readPositionRules(input: {
	position: string;
	minSalesYears: string;
	minEducation: string;
	requiredLanguage: string;
}): { ok: true; position: string; rules: PositionRules } | { ok: false; problem: RulesProblem } {
	const position = input.position.trim();
	if (!position || [...position].length > 100) return { ok: false, problem: 'position' };
	const minSalesYears = parseYears(input.minSalesYears);
	if (minSalesYears === undefined) return { ok: false, problem: 'years' };
	const minEducation = input.minEducation.trim();
	if (minEducation !== '' && !isEducation(minEducation)) return { ok: false, problem: 'education' };
	const requiredLanguage = input.requiredLanguage.normalize('NFKC').trim();
	if ([...requiredLanguage].length > SCREENING_LIMITS.languageLength)
		return { ok: false, problem: 'language' };
	return {
		ok: true,
		position,
		rules: {
			minSalesYears: minSalesYears === 0 ? null : minSalesYears,
			minEducation: minEducation === '' ? null : (minEducation as Education),
			requiredLanguage: requiredLanguage || null
		}
	};
}

export type CandidateSort = 'name' | 'years' | 'education';

/** Most years (or highest education) first, not recorded last; ties by name. */
export function compareCandidates(
	sort: CandidateSort,
	a: { name: string; salesYears: number | null; education: Education | null },
	b: { name: string; salesYears: number | null; education: Education | null }
): number {
	const byName = a.name.localeCompare(b.name);
	if (sort === 'years') return (b.salesYears ?? -1) - (a.salesYears ?? -1) || byName;
	if (sort === 'education')
		return educationRank(b.education) - educationRank(a.education) || byName;
	return byName;
}
