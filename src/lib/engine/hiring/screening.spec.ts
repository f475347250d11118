import { describe, expect, it } from 'vitest';
import {
	compareCandidates,
	parseLanguages,
	parseYears,
	readPositionRules,
	readScreening,
	sameLanguage,
	screenCandidate,
	type PositionRules
} from './screening';

const HANDBOOK: PositionRules = {
	minSalesYears: 1,
	minEducation: 'high-school',
	requiredLanguage: '台語'
};

const blank = {
	salesYears: '',
	salesKinds: [] as string[],
	education: '',
	languages: '',
	availability: '',
	manner: ''
};

describe('screenCandidate', () => {
	it('flags each rule a candidate fails, with what they have', () => {
		expect(
			screenCandidate({ salesYears: 0.5, education: 'junior-high', languages: ['國語'] }, HANDBOOK)
		).toEqual([
			{ rule: 'sales-years', min: 1, years: 0.5 },
			{ rule: 'education', min: 'high-school', education: 'junior-high' },
			{ rule: 'language', language: '台語' }
		]);
	});

	it('passes a candidate who meets every rule, at the minimum or above', () => {
		expect(
			screenCandidate(
				{ salesYears: 1, education: 'high-school', languages: ['國語', '臺語'] },
				HANDBOOK
			)
		).toEqual([]);
		expect(
			screenCandidate({ salesYears: 12, education: 'graduate', languages: ['閩南語'] }, HANDBOOK)
		).toEqual([]);
	});

	it('flags what is not recorded when a rule asks for it: 0 years is an answer, blank is not', () => {
		expect(screenCandidate({ salesYears: null, education: null, languages: [] }, HANDBOOK)).toEqual(
			[
				{ rule: 'sales-years', min: 1, years: null },
				{ rule: 'education', min: 'high-school', education: null },
				{ rule: 'language', language: '台語' }
			]
		);
		expect(
			screenCandidate({ salesYears: 0, education: 'college', languages: ['台語'] }, HANDBOOK)
		).toEqual([{ rule: 'sales-years', min: 1, years: 0 }]);
	});

	it('flags nothing for a position without rules, or with rules left empty', () => {
		const candidate = { salesYears: null, education: null, languages: [] };
		expect(screenCandidate(candidate, null)).toEqual([]);
		expect(
			screenCandidate(candidate, {
				minSalesYears: null,
				minEducation: null,
				requiredLanguage: null
			})
		).toEqual([]);
	});
});

describe('languages', () => {
	it('reads a free list in either language’s punctuation, without repeats', () => {
		expect(parseLanguages('國語、台語, English；english\n 臺語 ')).toEqual([
			'國語',
			'台語',
			'English'
		]);
		expect(parseLanguages('  ')).toEqual([]);
	});

	it('knows the names people write for one language', () => {
		expect(sameLanguage('國語', 'Mandarin')).toBe(true);
		expect(sameLanguage('台語', '閩南語')).toBe(true);
		expect(sameLanguage('ＥＮＧＬＩＳＨ', '英文')).toBe(true);
		expect(sameLanguage('台語', '國語')).toBe(false);
		expect(sameLanguage('Thai', 'thai')).toBe(true);
	});
});

describe('readScreening', () => {
	it('keeps what a manager typed, in the order of the lists', () => {
		expect(
			readScreening({
				salesYears: ' 1.5 ',
				salesKinds: ['phone', 'store'],
				education: 'high-school',
				languages: '國語、台語',
				availability: ' 2027-01-04 ',
				manner: '口條清楚，態度積極'
			})
		).toEqual({
			ok: true,
			screening: {
				salesYears: 1.5,
				salesKinds: ['store', 'phone'],
				education: 'high-school',
				languages: ['國語', '台語'],
				availability: '2027-01-04',
				manner: '口條清楚，態度積極'
			}
		});
	});

	it('reads blank as not recorded, and 0 years as none', () => {
		expect(readScreening(blank)).toEqual({
			ok: true,
			screening: {
				salesYears: null,
				salesKinds: [],
				education: null,
				languages: [],
				availability: '',
				manner: ''
			}
		});
		expect(parseYears('0')).toBe(0);
		expect(parseYears('２')).toBe(2);
	});

	it.each([
		[{ salesYears: '-1' }, 'years'],
		[{ salesYears: 'two' }, 'years'],
		[{ salesYears: '61' }, 'years'],
		[{ salesYears: '1e1' }, 'years'],
		[{ salesKinds: ['phone', '__proto__'] }, 'kinds'],
		[{ education: 'kindergarten' }, 'education'],
		[{ languages: Array.from({ length: 11 }, (_, i) => `L${i}`).join(',') }, 'languages'],
		[{ languages: 'x'.repeat(31) }, 'languages'],
		[{ availability: '字'.repeat(201) }, 'availability'],
		[{ manner: '𠀀'.repeat(1001) }, 'manner']
	] as const)('refuses %j with the problem %s', (field, problem) => {
		expect(
			readScreening({
				...blank,
				...field,
				salesKinds: 'salesKinds' in field ? [...field.salesKinds] : []
			})
		).toEqual({ ok: false, problem });
	});

	it('counts characters, not UTF-16 units: 1,000 rare characters are allowed', () => {
		expect(readScreening({ ...blank, manner: '𠀀'.repeat(1000) }).ok).toBe(true);
	});
});

describe('readPositionRules', () => {
	it('reads rules, blank ones as none and 0 years as no rule', () => {
		expect(
			readPositionRules({
				position: ' Phone sales ',
				minSalesYears: '1',
				minEducation: 'high-school',
				requiredLanguage: ' 台語 '
			})
		).toEqual({ ok: true, position: 'Phone sales', rules: HANDBOOK });
		expect(
			readPositionRules({
				position: 'Store',
				minSalesYears: '0',
				minEducation: '',
				requiredLanguage: ''
			})
		).toEqual({
			ok: true,
			position: 'Store',
			rules: { minSalesYears: null, minEducation: null, requiredLanguage: null }
		});
	});

	it.each([
		[{ position: ' ' }, 'position'],
		[{ position: 'p'.repeat(101) }, 'position'],
		[{ minSalesYears: 'one' }, 'years'],
		[{ minEducation: 'phd' }, 'education'],
		[{ requiredLanguage: 'x'.repeat(31) }, 'language']
	] as const)('refuses %j with the problem %s', (field, problem) => {
		expect(
			readPositionRules({
				position: 'Phone sales',
				minSalesYears: '',
				minEducation: '',
				requiredLanguage: '',
				...field
			})
		).toEqual({ ok: false, problem });
	});
});

describe('compareCandidates', () => {
	const people = [
		{ name: 'Chen', salesYears: 2, education: 'college' as const },
		{ name: 'Lin', salesYears: null, education: 'graduate' as const },
		{ name: 'Wang', salesYears: 5, education: null },
		{ name: 'Huang', salesYears: 2, education: 'high-school' as const }
	];
	const order = (sort: 'name' | 'years' | 'education') =>
		[...people].sort((a, b) => compareCandidates(sort, a, b)).map((p) => p.name);

	it('sorts by years, most first, not recorded last, ties by name', () => {
		expect(order('years')).toEqual(['Wang', 'Chen', 'Huang', 'Lin']);
	});

	it('sorts by education, highest first, not recorded last', () => {
		expect(order('education')).toEqual(['Lin', 'Chen', 'Huang', 'Wang']);
	});

	it('sorts by name', () => {
		expect(order('name')).toEqual(['Chen', 'Huang', 'Lin', 'Wang']);
	});
});
