import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { addTeamMember, createTeam } from '../accounts/teams';
import { peopleIn } from '../testing/people';
import { toCsv } from '../csv';
import { dealReviewTable } from './deals-csv';
import {
	MAX_EVIDENCE_PER_DEAL,
	MAX_OPEN_DEALS,
	addEvidence,
	closeDeal,
	closedDealsOf,
	createDeal,
	dealReview,
	openDealsOf,
	ownDeal,
	parseDeal,
	parseEvidence,
	proposeEvidence,
	removeEvidence,
	updateDeal,
	type DealInput
} from './deals';
import { objectionContent } from '../team/dashboard';
import { localIsoDate } from '$lib/calendar';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';

// A fixed day: Saturday 5 December 2026. Nothing here reads the clock.
const TODAY = '2026-12-05';

const FEELING = '感覺老闆很有興趣，態度很好。';
const ASKED = '老闆問了兩年方案的價格，要我週三前寄報價。';

function dealInput(overrides: Partial<DealInput> = {}): DealInput {
	return {
		company: '大成五金',
		contact: '王老闆',
		contactTitle: '老闆',
		callNumber: 4,
		lastContact: '2026-12-01',
		nextStep: '寄報價',
		nextStepDate: '2026-12-09',
		help: '',
		objection: null,
		...overrides
	};
}

function setUp() {
	const db = createTestDatabase();
	const person = peopleIn(db);
	const admin = person('Admin', ['admin']);
	const lead = person('Lead', ['manager']);
	const otherLead = person('Other lead', ['manager']);
	const rep = person('Rep', ['rep']);
	const otherRep = person('Other rep', ['rep']);
	const southRep = person('South rep', ['rep']);
	const north = createTeam(db, 'North');
	const south = createTeam(db, 'South');
	addTeamMember(db, north.id, lead.id, 'manager');
	addTeamMember(db, north.id, rep.id, 'rep');
	addTeamMember(db, north.id, otherRep.id, 'rep');
	addTeamMember(db, south.id, otherLead.id, 'manager');
	addTeamMember(db, south.id, southRep.id, 'rep');
	const open = (owner: typeof rep, overrides: Partial<DealInput> = {}): string => {
		const created = createDeal(db, owner, dealInput(overrides), 'zh-TW');
		if (!created.ok) throw new Error(created.problem);
		return created.id;
	};
	return { db, admin, lead, otherLead, rep, otherRep, southRep, north, south, open };
}

describe('reading a deal’s form', () => {
	const fields = {
		company: ' 大成五金 ',
		contact: '王老闆',
		contactTitle: '老闆',
		callNumber: '9',
		lastContact: '2026-12-05',
		nextStep: '',
		nextStepDate: '',
		help: '請組長一起打',
		objection: 'price'
	};

	it('takes a deal with its fields trimmed, and no next step as none', () => {
		expect(parseDeal(fields, TODAY, ['price', 'timing'])).toEqual({
			ok: true,
			value: {
				company: '大成五金',
				contact: '王老闆',
				contactTitle: '老闆',
				callNumber: 9,
				lastContact: '2026-12-05',
				nextStep: null,
				nextStepDate: null,
				help: '請組長一起打',
				objection: 'price'
			}
		});
	});

	it('says what is wrong with each field', () => {
		const parsed = parseDeal(
			{
				...fields,
				company: '\u200b ',
				callNumber: '0',
				lastContact: '2026-12-06',
				nextStep: '寄報價',
				objection: 'bribery',
				help: 'x'.repeat(501)
			},
			TODAY,
			['price']
		);
		expect(parsed).toEqual({
			ok: false,
			problems: {
				company: 'missing',
				callNumber: 'out-of-range',
				lastContact: 'in-the-future',
				nextStepDate: 'missing',
				objection: 'unknown',
				help: 'too-long'
			}
		});
		expect(
			parseDeal(
				{ ...fields, callNumber: '2.5', lastContact: '2026-02-30', nextStepDate: '2026-12-09' },
				TODAY,
				['price']
			)
		).toEqual({
			ok: false,
			problems: { callNumber: 'not-a-number', lastContact: 'not-a-date', nextStep: 'missing' }
		});
		expect(parseDeal({ ...fields, callNumber: '31' }, TODAY, ['price'])).toMatchObject({
			ok: false,
			problems: { callNumber: 'out-of-range' }
		});
		expect(
			parseDeal({ ...fields, nextStep: '寄報價', nextStepDate: 'next week' }, TODAY, ['price'])
		).toMatchObject({ ok: false, problems: { nextStepDate: 'not-a-date' } });
	});

	it('counts lengths in characters, not UTF-16 units', () => {
		expect(parseDeal({ ...fields, company: '𠀋'.repeat(120) }, TODAY, ['price']).ok).toBe(true);
		expect(parseDeal({ ...fields, company: '𠀋'.repeat(121) }, TODAY, ['price'])).toMatchObject({
			ok: false,
			problems: { company: 'too-long' }
		});
	});

	it('reads a piece of evidence, whose strength may be left for the app to propose', () => {
		expect(parseEvidence({ text: ASKED, date: TODAY, strength: '' }, TODAY)).toEqual({
			ok: true,
			value: { text: ASKED, date: TODAY, strength: null }
		});
		expect(parseEvidence({ text: ASKED, date: TODAY, strength: 'strong' }, TODAY)).toMatchObject({
			ok: true,
			value: { strength: 'strong' }
		});
		expect(parseEvidence({ text: ' ', date: '2026-12-06', strength: '強' }, TODAY)).toEqual({
			ok: false,
			problems: { text: 'missing', date: 'in-the-future', strength: 'unknown' }
		});
	});
});

describe('proposing a strength', () => {
	it('proposes none for a feeling, and says which words made it one', () => {
		const proposal = proposeEvidence(FEELING, 'zh-TW');
		expect(proposal.suggested).toBeNull();
		expect(proposal.reading.kind).toBe('subjective');
		expect(proposal.reading.feelings).toEqual(expect.arrayContaining(['感覺', '態度']));
	});

	it('proposes the content’s level for what the customer did', () => {
		expect(proposeEvidence(ASKED, 'zh-TW')).toMatchObject({
			suggested: 'very-strong',
			reading: { kind: 'objective' }
		});
		expect(proposeEvidence('He said it sounds good.', 'en')).toMatchObject({
			suggested: 'weak',
			reading: { kind: 'objective' }
		});
	});
});

describe('a rep’s deals', () => {
	it('flags a deal with feelings only until objective evidence comes, and moves the last contact to the evidence’s day', () => {
		const { db, rep, open } = setUp();
		const id = open(rep);
		expect(openDealsOf(db, rep.id, TODAY)[0]!.flags).toEqual(['feelings-only']);
		expect(
			addEvidence(db, rep, id, { text: FEELING, date: '2026-11-30', strength: 'weak' })
		).toMatchObject({ ok: true });
		expect(openDealsOf(db, rep.id, TODAY)[0]!.flags).toEqual(['feelings-only']);
		expect(
			addEvidence(db, rep, id, { text: ASKED, date: '2026-12-04', strength: 'very-strong' })
		).toMatchObject({ ok: true });
		const deal = openDealsOf(db, rep.id, TODAY)[0]!;
		expect(deal.flags).toEqual([]);
		expect(deal.lastContact).toBe('2026-12-04');
		// Latest first, each with the reading a page explains it by.
		expect(deal.evidence.map((e) => [e.date, e.reading.kind])).toEqual([
			['2026-12-04', 'objective'],
			['2026-11-30', 'subjective']
		]);
	});

	it('flags no contact for 14 days, an overdue or missing next step, and 11 calls without strong evidence; flagged first', () => {
		const { db, rep, open } = setUp();
		const calm = open(rep, { company: 'Calm' });
		addEvidence(db, rep, calm, { text: ASKED, date: '2026-12-01', strength: 'very-strong' });
		open(rep, { company: 'Stale', lastContact: '2026-11-21', nextStepDate: '2026-12-04' });
		const long = open(rep, { company: 'Long', callNumber: 11, nextStep: null, nextStepDate: null });
		// Objective, but words that cost nothing: ranked weak, it is no strong evidence.
		addEvidence(db, rep, long, {
			text: 'He said to send some material.',
			date: '2026-12-02',
			strength: 'weak'
		});
		const flags = Object.fromEntries(
			openDealsOf(db, rep.id, TODAY).map((d) => [d.company, d.flags])
		);
		expect(flags).toEqual({
			Stale: ['feelings-only', 'no-contact-14-days', 'next-step-overdue'],
			Long: ['past-11-calls-without-strong-evidence', 'no-next-step'],
			Calm: []
		});
		expect(openDealsOf(db, rep.id, TODAY).map((d) => d.company)).toEqual(['Stale', 'Long', 'Calm']);
	});

	it('keeps at most MAX_OPEN_DEALS open: one more is refused until one is closed', () => {
		const { db, rep, open } = setUp();
		const ids = Array.from({ length: MAX_OPEN_DEALS }, (_, i) =>
			open(rep, { company: `Deal ${i}` })
		);
		expect(createDeal(db, rep, dealInput(), 'zh-TW')).toEqual({ ok: false, problem: 'cap' });
		expect(closeDeal(db, rep, ids[0]!, 'nurture')).toEqual({ ok: true });
		expect(createDeal(db, rep, dealInput(), 'zh-TW')).toMatchObject({ ok: true });
	});

	it('keeps at most MAX_EVIDENCE_PER_DEAL pieces on a deal', () => {
		const { db, rep, open } = setUp();
		const id = open(rep);
		for (let i = 0; i < MAX_EVIDENCE_PER_DEAL; i++)
			expect(addEvidence(db, rep, id, { text: ASKED, date: TODAY, strength: 'weak' }).ok).toBe(
				true
			);
		expect(addEvidence(db, rep, id, { text: ASKED, date: TODAY, strength: 'weak' })).toEqual({
			ok: false,
			problem: 'evidence-cap'
		});
	});

	it('changes, removes evidence from and closes only the rep’s own open deal', () => {
		const { db, rep, otherRep, lead, admin, open } = setUp();
		const id = open(rep);
		const piece = addEvidence(db, rep, id, { text: ASKED, date: TODAY, strength: 'strong' });
		if (!piece.ok) throw new Error('no evidence');
		// Nobody else, their manager and an admin included, finds or changes it.
		for (const someone of [otherRep, lead, admin]) {
			expect(ownDeal(db, someone, id, TODAY)).toBeNull();
			expect(updateDeal(db, someone, id, dealInput({ company: 'Hijacked' }))).toEqual({
				ok: false,
				problem: 'not-found'
			});
			expect(
				addEvidence(db, someone, id, { text: 'Hijack', date: TODAY, strength: 'weak' })
			).toEqual({ ok: false, problem: 'not-found' });
			expect(removeEvidence(db, someone, id, piece.id)).toEqual({
				ok: false,
				problem: 'not-found'
			});
			expect(closeDeal(db, someone, id, 'lost')).toEqual({ ok: false, problem: 'not-found' });
		}
		expect(ownDeal(db, rep, id, TODAY)).toMatchObject({
			company: '大成五金',
			evidence: [{ id: piece.id }]
		});
		// A piece of another deal is not on this one.
		const other = open(rep, { company: 'Other' });
		expect(removeEvidence(db, rep, other, piece.id)).toEqual({ ok: false, problem: 'not-found' });
		expect(updateDeal(db, rep, id, dealInput({ company: '大成五金二廠', callNumber: 5 }))).toEqual({
			ok: true
		});
		expect(removeEvidence(db, rep, id, piece.id)).toEqual({ ok: true });
		expect(closeDeal(db, rep, id, 'won')).toEqual({ ok: true });
		// Closed: kept for the record, off the open list, no longer changed.
		expect(updateDeal(db, rep, id, dealInput())).toEqual({ ok: false, problem: 'closed' });
		expect(addEvidence(db, rep, id, { text: ASKED, date: TODAY, strength: 'weak' })).toEqual({
			ok: false,
			problem: 'closed'
		});
		expect(closeDeal(db, rep, id, 'lost')).toEqual({ ok: false, problem: 'closed' });
		expect(openDealsOf(db, rep.id, TODAY).map((d) => d.company)).toEqual(['Other']);
		expect(closedDealsOf(db, rep.id).map((d) => [d.company, d.status, d.flags])).toEqual([
			['大成五金二廠', 'won', []]
		]);
	});
});

describe.each(TIME_ZONES)('the flags on the organisation’s calendar day, in %s', (zone) => {
	inTimeZone(zone);

	it('counts the days without contact from the local date of the clock (a Saturday evening in New York is Sunday in Taipei)', () => {
		const { db, rep, open } = setUp();
		open(rep, { lastContact: '2026-11-22' });
		const today = localIsoDate(new Date('2026-12-05T20:00:00Z'));
		expect(today).toBe(zone === 'Asia/Taipei' ? '2026-12-06' : '2026-12-05');
		expect(openDealsOf(db, rep.id, today)[0]!.flags.includes('no-contact-14-days')).toBe(
			zone === 'Asia/Taipei'
		);
	});
});

describe('the weekly review', () => {
	it('shows a manager every rep of the teams they lead with their open deals, flagged first, and nobody else’s', () => {
		const { db, lead, rep, otherRep, southRep, open } = setUp();
		const id = open(rep, { company: 'Flagged' });
		addEvidence(db, rep, id, { text: FEELING, date: TODAY, strength: 'weak' });
		const fine = open(otherRep, { company: 'Fine' });
		addEvidence(db, otherRep, fine, { text: ASKED, date: TODAY, strength: 'very-strong' });
		open(southRep, { company: 'South deal' });
		const review = dealReview(db, lead, TODAY);
		expect(review.reps.map((r) => [r.name, r.flagged, r.deals.map((d) => d.company)])).toEqual([
			['Rep', 1, ['Flagged']],
			['Other rep', 0, ['Fine']]
		]);
		expect(review.teams.map((t) => t.name)).toEqual(['North']);
		expect(JSON.stringify(review)).not.toContain('South deal');
	});

	it('shows an admin every team’s reps, and one team when asked; a team they cannot see is ignored', () => {
		const { db, admin, otherLead, rep, southRep, south, north, open } = setUp();
		open(rep, { company: 'North deal' });
		open(southRep, { company: 'South deal' });
		expect(dealReview(db, admin, TODAY).reps.map((r) => r.name)).toEqual([
			'Rep',
			'South rep',
			'Other rep'
		]);
		expect(dealReview(db, admin, TODAY, south.id)).toMatchObject({
			teamId: south.id,
			reps: [{ name: 'South rep' }]
		});
		// Another team's id is no filter for a manager who does not lead it.
		expect(dealReview(db, otherLead, TODAY, north.id)).toMatchObject({
			teamId: null,
			reps: [{ name: 'South rep' }]
		});
	});

	it('leaves closed deals out, and never lists the reader’s own deals (an admin who is also a rep)', () => {
		const { db, admin, lead, rep, south, open } = setUp();
		const id = open(rep);
		closeDeal(db, rep, id, 'lost');
		expect(dealReview(db, lead, TODAY).reps.find((r) => r.name === 'Rep')!.deals).toEqual([]);
		addTeamMember(db, south.id, admin.id, 'rep');
		open({ ...admin, roles: ['admin', 'rep'] }, { company: 'Admin’s own' });
		expect(dealReview(db, admin, TODAY).reps.map((r) => r.name)).not.toContain('Admin');
	});

	it('downloads as a table in the reader’s language, the flags in words, formulas defused', () => {
		const { db, lead, rep, open } = setUp();
		open(rep, {
			company: '=HYPERLINK("http://evil.example")',
			lastContact: '2026-11-01',
			objection: 'price'
		});
		const table = dealReviewTable(dealReview(db, lead, TODAY), 'en');
		expect(table[0]).toEqual([
			'Rep',
			'Teams',
			'Company',
			'Contact',
			'Contact’s title',
			'Follow-up call',
			'Last contact',
			'Next step',
			'Next step’s date',
			'Latest evidence',
			'Strength',
			'Help you need',
			'Objection that stalls it',
			'Flags'
		]);
		expect(table[1]).toEqual([
			'Rep',
			'North',
			'=HYPERLINK("http://evil.example")',
			'王老闆',
			'老闆',
			4,
			'2026-11-01',
			'寄報價',
			'2026-12-09',
			null,
			null,
			'',
			'Price',
			'Feelings only: no evidence of what the customer said or did; No contact for 14 days or more'
		]);
		// The other rep has no deal, and is in the table all the same.
		expect(table[2]).toEqual([
			'Other rep',
			'North',
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null
		]);
		expect(toCsv(table)).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
		expect(dealReviewTable(dealReview(db, lead, TODAY), 'zh-TW')[1]!.at(-1)).toBe(
			'只有感覺：沒有客戶說過或做過什麼的證據; 已 14 天以上沒有聯絡'
		);
	});
});

describe('the objections a deal can name', () => {
	it('are the content’s script categories, each with a script entry of it and a scenario whose beats use one', () => {
		const db = createTestDatabase();
		loadShippedContent(db);
		const { categories, byCategory } = objectionContent(db, 'zh-TW');
		expect(categories).toEqual(
			expect.arrayContaining(['price', 'competitor', 'timing', 'authority'])
		);
		for (const category of categories)
			expect(byCategory.get(category)!.scriptId, category).toBeTruthy();
		const price = byCategory.get('price')!;
		expect(price.scenarioId).toBeTruthy();
		expect(price.scriptTitle).toMatch(/[\u4e00-\u9fff]/);
		// Loading the whole content takes seconds on a busy machine.
	}, 60_000);
});
