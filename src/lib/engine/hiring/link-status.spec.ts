import { describe, expect, it } from 'vitest';
import { linkStatus, type LinkFacts } from './link-status';

const DAY = 86_400_000;
const made = new Date('2026-12-05T09:00:00Z');
const expiresAt = new Date(made.getTime() + 14 * DAY);
const invite = { expiresAt, revokedAt: null };
const facts = (over: Partial<LinkFacts>): LinkFacts => ({
	invite,
	attempt: null,
	cancelled: false,
	...over
});

describe('a candidate link’s status, under fixed clocks', () => {
	it('is active until it runs out, and expired from the moment it does', () => {
		expect(linkStatus(facts({}), made)).toEqual({ state: 'active', until: expiresAt });
		expect(linkStatus(facts({}), new Date(expiresAt.getTime() - 1))).toEqual({
			state: 'active',
			until: expiresAt
		});
		expect(linkStatus(facts({}), expiresAt)).toEqual({ state: 'expired', on: expiresAt });
		expect(linkStatus(facts({}), new Date(expiresAt.getTime() + 30 * DAY))).toEqual({
			state: 'expired',
			on: expiresAt
		});
	});

	it('is used once the candidate finished, on the day they did, even before the link would run out', () => {
		const startedAt = new Date(made.getTime() + DAY);
		const endedAt = new Date(startedAt.getTime() + 8 * 60_000);
		const finished = facts({ attempt: { status: 'completed', startedAt, endedAt } });
		expect(linkStatus(finished, new Date(endedAt.getTime() + 1))).toEqual({
			state: 'used',
			on: endedAt
		});
		// A new link made afterwards opens nothing either: the role-play is over.
		expect(
			linkStatus(
				{
					...finished,
					invite: { expiresAt: new Date(endedAt.getTime() + 14 * DAY), revokedAt: null }
				},
				endedAt
			)
		).toEqual({ state: 'used', on: endedAt });
		// A role-play that ran out of time is over too.
		expect(
			linkStatus(facts({ attempt: { status: 'timed-out', startedAt, endedAt: null } }), endedAt)
		).toEqual({ state: 'used', on: startedAt });
	});

	it('stays open while the candidate’s role-play runs, past the link’s own end', () => {
		const startedAt = new Date(expiresAt.getTime() - 60_000);
		expect(
			linkStatus(
				facts({ attempt: { status: 'active', startedAt, endedAt: null } }),
				new Date(expiresAt.getTime() + 60_000)
			)
		).toEqual({ state: 'in-progress', since: startedAt });
	});

	it('is revoked once withdrawn, whatever the clock says', () => {
		const revokedAt = new Date(made.getTime() + 2 * DAY);
		expect(linkStatus(facts({ invite: { expiresAt, revokedAt } }), made)).toEqual({
			state: 'revoked',
			on: revokedAt
		});
		expect(
			linkStatus(facts({ invite: { expiresAt, revokedAt } }), new Date(expiresAt.getTime() + DAY))
		).toEqual({ state: 'revoked', on: revokedAt });
	});

	it('says so when there is no link, or the interview was cancelled', () => {
		expect(linkStatus(facts({ invite: null }), made)).toEqual({ state: 'none' });
		expect(linkStatus(facts({ cancelled: true }), made)).toEqual({ state: 'cancelled' });
	});
});
