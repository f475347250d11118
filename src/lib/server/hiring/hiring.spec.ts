import { describe, expect, it } from 'vitest';
import { hiringWorld } from '../testing/hiring-world';
import { createTeam } from '../accounts/teams';
import { setUserActive } from '../accounts/users';
import { findAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { canSeeInterview, listVisibleCandidates } from './access';
import {
	createInterview,
	findCandidate,
	interviewChoicesFor,
	startInterviewAttempt
} from './hiring';
import { createInterviewInvite, lookUpCandidateLink, revokeInterviewInvites } from './links';
import { saveRating } from './ratings';

function setUp() {
	const {
		db,
		person,
		admin,
		panelist,
		lead: teamLead,
		outsider,
		team,
		interview: interviewOf
	} = hiringWorld();
	const rep = person('rep', ['rep']);
	const trainer = person('trainer', ['trainer']);
	const interview = interviewOf('Cand', {
		contact: 'c@example.com',
		createdBy: teamLead,
		scheduledAt: new Date()
	});
	const candidate = findCandidate(db, interview.candidateId)!;
	return { db, admin, panelist, teamLead, outsider, rep, trainer, team, candidate, interview };
}

describe('who sees an interview', () => {
	it.each([
		['admin', true],
		['panelist', true],
		['lead', true],
		['outsider', false],
		['rep', false]
	] as const)('%s → %s', (who, expected) => {
		const s = setUp();
		const user = {
			admin: s.admin,
			panelist: s.panelist,
			lead: s.teamLead,
			outsider: s.outsider,
			rep: s.rep
		}[who];
		expect(canSeeInterview(s.db, user, s.interview.id)).toBe(expected);
		expect(listVisibleCandidates(s.db, user).some((c) => c.id === s.candidate.id)).toBe(expected);
	});
});

describe('creating an interview', () => {
	it('pins the scenario revision and the rubric, and refuses an unknown panel member', () => {
		const s = setUp();
		expect((s.interview.rubric as { criteria: unknown[] }).criteria).toHaveLength(7);
		const bad = createInterview(s.db, {
			candidateId: s.candidate.id,
			scenarioId: 'renewal-price-objection',
			rubricId: 'hiring-roleplay',
			locale: 'en',
			mode: 'live',
			scheduledAt: new Date(),
			panel: ['nobody'],
			teamId: null,
			createdBy: s.admin.id
		});
		expect(bad).toEqual({ ok: false, problem: 'panel' });
	});

	// A team's managers see its interviews (the candidate's contact and notes with them), and only
	// managers and admins can score one: the same rule as a cohort's team.
	it.each([
		['lead', 'own team', 'panelist', { ok: true }],
		['admin', 'own team', 'panelist', { ok: true }],
		['lead', 'none', 'lead', { ok: true }],
		['outsider', 'own team', 'outsider', { ok: false, problem: 'team' }],
		['outsider', 'unknown', 'outsider', { ok: false, problem: 'team' }],
		['admin', 'unknown', 'admin', { ok: false, problem: 'team' }],
		['lead', 'own team', 'rep', { ok: false, problem: 'panel' }],
		['admin', 'none', 'trainer', { ok: false, problem: 'panel' }],
		['lead', 'own team', 'deactivated', { ok: false, problem: 'panel' }]
	] as const)('%s with team %s and %s on the panel → %j', (who, team, member, expected) => {
		const s = setUp();
		const people = {
			admin: s.admin,
			lead: s.teamLead,
			outsider: s.outsider,
			panelist: s.panelist,
			rep: s.rep,
			trainer: s.trainer,
			deactivated: s.outsider
		};
		if (member === 'deactivated') setUserActive(s.db, s.outsider.id, false);
		const teamId = { 'own team': s.team.id, none: null, unknown: 'no-such-team' }[team];
		const result = createInterview(s.db, {
			candidateId: s.candidate.id,
			scenarioId: 'renewal-price-objection',
			rubricId: 'hiring-roleplay',
			locale: 'en',
			mode: 'live',
			scheduledAt: new Date(),
			panel: [s.admin.id, people[member].id],
			teamId,
			createdBy: people[who].id
		});
		expect(result).toMatchObject(expected);
	});

	it('offers a manager their own teams and every manager and admin for the panel, nobody else', () => {
		const s = setUp();
		const other = createTeam(s.db, 'Kaohsiung');
		const names = (list: { name: string }[]) => list.map((x) => x.name).sort();
		expect(names(interviewChoicesFor(s.db, s.teamLead).teams)).toEqual(['Taipei']);
		expect(interviewChoicesFor(s.db, s.outsider).teams).toEqual([]);
		expect(names(interviewChoicesFor(s.db, s.admin).teams)).toEqual([other.name, 'Taipei'].sort());
		expect(names(interviewChoicesFor(s.db, s.outsider).interviewers)).toEqual([
			'admin',
			'lead',
			'outsider',
			'panelist'
		]);
	});
});

describe('blind ratings', () => {
	const scores = {
		opening: 4,
		'needs-discovery': 3,
		'objection-handling': 4,
		'product-knowledge': 3,
		closing: 4,
		composure: 5,
		articulation: 4
	};

	it('keeps drafts editable, refuses an incomplete submission, and locks a submitted one', () => {
		const s = setUp();
		expect(
			saveRating(s.db, s.interview, s.panelist.id, {
				scores: { opening: 4 },
				notes: '',
				recommendation: null,
				submit: false
			}).ok
		).toBe(true);
		expect(
			saveRating(s.db, s.interview, s.panelist.id, {
				scores: { opening: 4 },
				notes: '',
				recommendation: 'yes',
				submit: true
			})
		).toMatchObject({ ok: false, problem: 'incomplete' });
		expect(
			saveRating(s.db, s.interview, s.panelist.id, {
				scores,
				notes: 'Calm',
				recommendation: 'yes',
				submit: true
			}).ok
		).toBe(true);
		expect(
			saveRating(s.db, s.interview, s.panelist.id, {
				scores: { ...scores, opening: 1 },
				notes: '',
				recommendation: 'no',
				submit: true
			})
		).toEqual({ ok: false, problem: 'submitted' });
	});
});

describe('candidate links', () => {
	it('work until the role-play ends, then say they were used', () => {
		const s = setUp();
		const token = createInterviewInvite(s.db, s.interview.id, s.panelist.id);
		const first = lookUpCandidateLink(s.db, token);
		expect(first.ok && first.attempt).toBeUndefined();
		const attempt = startInterviewAttempt(s.db, s.interview, 'text');
		expect(lookUpCandidateLink(s.db, token)).toMatchObject({
			ok: true,
			attempt: { id: attempt.id }
		});
		// Time runs out: the attempt ends, and the link is used up.
		submitTurn(
			s.db,
			attempt.id,
			{ mode: 'text', reply: 'Hello?' },
			0,
			new Date(Date.now() + 60 * 60_000)
		);
		expect(findAttempt(s.db, attempt.id)!.status).toBe('timeout');
		expect(lookUpCandidateLink(s.db, token)).toEqual({ ok: false, reason: 'used' });
	});

	it('expire, can be revoked, and a new link replaces the old one', () => {
		const s = setUp();
		const created = new Date('2026-06-01T00:00:00Z');
		const old = createInterviewInvite(s.db, s.interview.id, s.panelist.id, created);
		expect(
			lookUpCandidateLink(s.db, old, new Date(created.getTime() + 15 * 24 * 3600_000))
		).toEqual({ ok: false, reason: 'expired' });
		const fresh = createInterviewInvite(s.db, s.interview.id, s.panelist.id);
		expect(lookUpCandidateLink(s.db, old)).toEqual({ ok: false, reason: 'revoked' });
		revokeInterviewInvites(s.db, s.interview.id, s.panelist.id);
		expect(lookUpCandidateLink(s.db, fresh)).toEqual({ ok: false, reason: 'revoked' });
		expect(lookUpCandidateLink(s.db, 'nonsense')).toEqual({ ok: false, reason: 'invalid' });
		expect(lookUpCandidateLink(s.db, `${fresh.split('.')[0]}.wrongsecret`)).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});
});
