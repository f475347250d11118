import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hiringWorld } from '../testing/hiring-world';
import { auditLog } from '../db/schema';
import { createCandidate, findCandidate } from './hiring';
import {
	candidateFilterOf,
	flagsOf,
	listPositionRules,
	listScreenedCandidates,
	setPositionRules,
	updateScreening,
	type CandidateFilter
} from './screening';
import type { Screening } from '$lib/engine/hiring/screening';

const HANDBOOK = { minSalesYears: 1, minEducation: 'high-school', requiredLanguage: null } as const;

function screening(overrides: Partial<Screening>): Screening {
	return {
		salesYears: 2,
		salesKinds: ['phone'],
		education: 'high-school',
		languages: ['國語', '台語'],
		availability: '2027-01-04',
		manner: '口條清楚',
		...overrides
	};
}

/** Three screened candidates for phone sales, as the handbook screens them: one under a year of sales. */
function setUp() {
	const world = hiringWorld();
	const { db, lead, interview } = world;
	setPositionRules(db, lead.id, 'Phone sales', HANDBOOK);
	const chen = interview('Chen', {
		createdBy: lead,
		screening: screening({ salesYears: 3, salesKinds: ['store', 'mixed'], education: 'college' })
	});
	const lin = interview('Lin', {
		createdBy: lead,
		screening: screening({ salesYears: 0.5, salesKinds: ['door-to-door'] })
	});
	const wang = interview('Wang', {
		createdBy: lead,
		screening: screening({ salesYears: 1, education: 'university' })
	});
	return { ...world, chen, lin, wang };
}

const ALL: CandidateFilter = { flagged: 'all', kind: null, sort: 'name' };

describe('screening against a position’s rules', () => {
	it('flags the candidate under a year of sales, with the reason, and keeps them in the list', () => {
		const { db, lead } = setUp();
		const listed = listScreenedCandidates(db, lead, ALL);
		expect(listed.map((c) => [c.name, c.flags])).toEqual([
			['Chen', []],
			['Lin', [{ rule: 'sales-years', min: 1, years: 0.5 }]],
			['Wang', []]
		]);
	});

	it('filters on flagged, not flagged and the kind of experience', () => {
		const { db, lead } = setUp();
		const names = (filter: Partial<CandidateFilter>) =>
			listScreenedCandidates(db, lead, { ...ALL, ...filter }).map((c) => c.name);
		expect(names({ flagged: 'flagged' })).toEqual(['Lin']);
		expect(names({ flagged: 'clear' })).toEqual(['Chen', 'Wang']);
		expect(names({ kind: 'phone' })).toEqual(['Wang']);
		expect(names({ kind: 'door-to-door', flagged: 'clear' })).toEqual([]);
	});

	it('sorts by years and by education', () => {
		const { db, lead } = setUp();
		const names = (sort: CandidateFilter['sort']) =>
			listScreenedCandidates(db, lead, { ...ALL, sort }).map((c) => c.name);
		expect(names('years')).toEqual(['Chen', 'Wang', 'Lin']);
		expect(names('education')).toEqual(['Wang', 'Chen', 'Lin']);
	});

	it('lists only the candidates the user may see', () => {
		const { db, outsider, admin } = setUp();
		expect(listScreenedCandidates(db, outsider, ALL)).toEqual([]);
		expect(listScreenedCandidates(db, admin, ALL)).toHaveLength(3);
	});

	it('applies a position’s new rules at once, and none once they are cleared', () => {
		const { db, lead, chen } = setUp();
		const candidate = () => findCandidate(db, chen.candidateId)!;
		setPositionRules(db, lead.id, 'Phone sales', { ...HANDBOOK, requiredLanguage: 'English' });
		expect(flagsOf(db, candidate())).toEqual([{ rule: 'language', language: 'English' }]);
		setPositionRules(db, lead.id, 'Phone sales', {
			minSalesYears: null,
			minEducation: null,
			requiredLanguage: null
		});
		expect(listPositionRules(db)).toEqual([]);
		expect(listScreenedCandidates(db, lead, { ...ALL, flagged: 'flagged' })).toEqual([]);
	});

	it('leaves candidates of another position alone', () => {
		const { db, lead } = setUp();
		const store = createCandidate(db, {
			name: 'Store person',
			contact: '',
			position: 'Store sales',
			notes: '',
			createdBy: lead.id
		});
		expect(flagsOf(db, store)).toEqual([]);
	});
});

describe('recording a screening', () => {
	it('stores the facts and writes who did it to the audit log', () => {
		const { db, lead, lin } = setUp();
		updateScreening(db, lead.id, lin.candidateId, screening({ salesYears: 1.5 }));
		const candidate = findCandidate(db, lin.candidateId)!;
		expect(candidate.salesYears).toBe(1.5);
		expect(candidate.languages).toEqual(['國語', '台語']);
		expect(flagsOf(db, candidate)).toEqual([]);
		const entries = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'candidate.screened'))
			.all();
		expect(entries.map((e) => [e.actorId, e.targetId])).toEqual([[lead.id, lin.candidateId]]);
	});

	it('a candidate entered without screening is flagged for what the rules ask and is not recorded', () => {
		const { db, lead } = setUp();
		const bare = createCandidate(db, {
			name: 'Bare',
			contact: '',
			position: 'Phone sales',
			notes: '',
			createdBy: lead.id
		});
		expect(flagsOf(db, bare)).toEqual([
			{ rule: 'sales-years', min: 1, years: null },
			{ rule: 'education', min: 'high-school', education: null }
		]);
	});
});

describe('candidateFilterOf', () => {
	it('reads the address, and anything unknown as the default', () => {
		expect(candidateFilterOf(new URLSearchParams('flagged=flagged&kind=phone&sort=years'))).toEqual(
			{ flagged: 'flagged', kind: 'phone', sort: 'years' }
		);
		expect(
			candidateFilterOf(new URLSearchParams('flagged=__proto__&kind=toString&sort=drop'))
		).toEqual(ALL);
	});
});
