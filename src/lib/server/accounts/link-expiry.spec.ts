import { describe, expect, it } from 'vitest';
import { createTestDatabase, type AppDb } from '../db/index';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { peopleIn } from '../testing/people';
import { insertUser } from './users';
import {
	createAccountToken,
	listPendingAccountTokens,
	lookUpAccountToken
} from '../auth/account-tokens';
import { acceptInvite, acceptPasswordReset } from '../auth/invites';
import { activeInviteOf, createInterviewInvite, lookUpCandidateLink } from '../hiring/links';
import { createCandidate, createInterview } from '../hiring/hiring';
import { inTimeZone, TIME_ZONES } from '$lib/test-time-zones';

const HOUR = 3600_000;
const PASSWORD = 'a good long passphrase';

/** Local times a link is made at: its lifetime then runs over a month end, the year end or a clock change. */
const MADE_AT = [
	{ what: 'over a month end', at: [2026, 0, 28, 17, 30] },
	{ what: 'over the year end', at: [2026, 11, 27, 23, 59] },
	{ what: 'over the spring clock change', at: [2026, 2, 5, 9, 0] },
	{ what: 'over the autumn clock change', at: [2026, 9, 28, 9, 0] }
] as const;

describe.each(TIME_ZONES)('links expire in %s', (zone) => {
	inTimeZone(zone);

	it.each(MADE_AT)('an invitation after 7 × 24 hours, a set-up link too, $what', async ({ at }) => {
		const db = createTestDatabase();
		const [year, month, day, hour, minute] = at;
		const made = new Date(year, month, day, hour, minute);
		const invite = createAccountToken(
			db,
			{ kind: 'invite', email: 'new@example.com', roles: ['rep'] },
			made
		);
		const setup = createAccountToken(db, { kind: 'setup', roles: ['admin'] }, made);
		const expires = made.getTime() + 168 * HOUR;
		expect([invite.row.expiresAt.getTime(), setup.row.expiresAt.getTime()]).toEqual([
			expires,
			expires
		]);
		const justBefore = new Date(expires - 1);
		expect(lookUpAccountToken(db, invite.token, 'invite', justBefore).ok).toBe(true);
		expect(listPendingAccountTokens(db, 'invite', justBefore).map((row) => row.id)).toEqual([
			invite.row.id
		]);
		expect(listPendingAccountTokens(db, 'invite', new Date(expires))).toEqual([]);
		expect(
			await acceptInvite(db, invite.token, { name: 'New', password: PASSWORD }, new Date(expires))
		).toEqual({ ok: false, problem: 'token-expired' });
		expect(
			await acceptInvite(
				db,
				setup.token,
				{ name: 'Boss', password: PASSWORD, email: 'boss@example.com' },
				new Date(expires)
			)
		).toEqual({ ok: false, problem: 'token-expired' });
		expect(
			(await acceptInvite(db, invite.token, { name: 'New', password: PASSWORD }, justBefore)).ok
		).toBe(true);
		expect(
			(
				await acceptInvite(
					db,
					setup.token,
					{ name: 'Boss', password: PASSWORD, email: 'boss@example.com' },
					justBefore
				)
			).ok
		).toBe(true);
	});

	it.each(MADE_AT)('a password reset link after 48 hours, $what', async ({ at }) => {
		const db = createTestDatabase();
		const user = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		// Two days later than an invitation, so that its 48 hours run over the same change.
		const [year, month, day, hour, minute] = at;
		const made = new Date(year, month, day + 2, hour, minute);
		const { token, row } = createAccountToken(
			db,
			{ kind: 'reset', userId: user.id, email: user.email },
			made
		);
		const expires = made.getTime() + 48 * HOUR;
		expect(row.expiresAt.getTime()).toBe(expires);
		expect(await acceptPasswordReset(db, token, PASSWORD, new Date(expires))).toEqual({
			ok: false,
			problem: 'token-expired'
		});
		expect((await acceptPasswordReset(db, token, PASSWORD, new Date(expires - 1))).ok).toBe(true);
	});

	// Loading the demo content takes seconds on a busy machine: the candidate links share one database.
	let hiring: { db: AppDb; managerId: string; candidateId: string } | undefined;
	function hiringDb(): NonNullable<typeof hiring> {
		if (!hiring) {
			const db = createTestDatabase();
			loadShippedContent(db);
			const managerId = peopleIn(db)('lead', ['manager']).id;
			hiring = {
				db,
				managerId,
				candidateId: createCandidate(db, {
					name: 'Cand',
					contact: '',
					position: 'Sales',
					notes: '',
					createdBy: managerId
				}).id
			};
		}
		return hiring;
	}

	it.each(MADE_AT)(
		'a candidate’s link after 14 × 24 hours, when the interview page stops showing it, $what',
		({ at }) => {
			const { db, managerId, candidateId } = hiringDb();
			const [year, month, day, hour, minute] = at;
			const made = new Date(year, month, day, hour, minute);
			const created = createInterview(db, {
				candidateId,
				scenarioId: 'renewal-price-objection',
				rubricId: 'hiring-roleplay',
				locale: 'en',
				mode: 'online',
				scheduledAt: made,
				panel: [managerId],
				teamId: null,
				createdBy: managerId
			});
			if (!created.ok) throw new Error(created.problem);
			const token = createInterviewInvite(db, created.interview.id, managerId, made);
			const expires = new Date(made.getTime() + 336 * HOUR);
			const justBefore = new Date(expires.getTime() - 1);
			expect(lookUpCandidateLink(db, token, justBefore).ok).toBe(true);
			expect(lookUpCandidateLink(db, token, expires)).toEqual({ ok: false, reason: 'expired' });
			expect(activeInviteOf(db, created.interview.id, justBefore)).toEqual({ expiresAt: expires });
			expect(activeInviteOf(db, created.interview.id, expires)).toBeUndefined();
		}
	);
});
