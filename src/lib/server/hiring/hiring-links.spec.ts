import { describe, expect, it } from 'vitest';
import { submitTurn } from '../practice/turns';
import { createInterviewInvite, linkStatusOf, revokeInterviewInvites } from './links';
import { listVisibleInterviews } from './interview-list';
import { startInterviewAttempt } from './hiring';
import { hiringWorld } from '../testing/hiring-world';

const DAY = 86_400_000;
const MADE = new Date('2026-12-05T09:00:00Z');

/** The Taipei team's lead with an online and a live interview they scheduled. */
function leadWithInterviews() {
	const { db, lead, interview } = hiringWorld();
	const schedule = (mode: 'online' | 'live') =>
		interview('Cand', { mode, createdBy: lead, panel: [lead], scheduledAt: MADE });
	return { db, manager: lead, online: schedule('online'), live: schedule('live') };
}

describe(
	'the manager’s pages tell the truth about a candidate link (fixed clocks)',
	{ timeout: 30_000 },
	() => {
		it('none, active until its end, then expired on that day', () => {
			const { db, online } = leadWithInterviews();
			expect(linkStatusOf(db, online, MADE)).toEqual({ state: 'none' });
			createInterviewInvite(db, online.id, online.createdBy!, MADE);
			const end = new Date(MADE.getTime() + 14 * DAY);
			expect(linkStatusOf(db, online, new Date(end.getTime() - 1))).toEqual({
				state: 'active',
				until: end
			});
			expect(linkStatusOf(db, online, end)).toEqual({ state: 'expired', on: end });
		});

		it('in progress while the candidate plays, used on the day they finished', () => {
			const { db, online } = leadWithInterviews();
			createInterviewInvite(db, online.id, online.createdBy!, MADE);
			const started = new Date(MADE.getTime() + DAY);
			const attempt = startInterviewAttempt(db, online, 'text', started);
			expect(linkStatusOf(db, online, started)).toEqual({ state: 'in-progress', since: started });
			// The time box runs out on the next reply: the role-play ends and the link is used up.
			const late = new Date(started.getTime() + 60 * 60_000);
			submitTurn(db, attempt.id, { mode: 'text', reply: 'Hello?' }, 0, late);
			expect(linkStatusOf(db, online, late)).toEqual({ state: 'used', on: late });
			// Still used later, and with a fresh link made afterwards.
			createInterviewInvite(db, online.id, online.createdBy!, new Date(late.getTime() + DAY));
			expect(linkStatusOf(db, online, new Date(late.getTime() + 2 * DAY))).toEqual({
				state: 'used',
				on: late
			});
		});

		it('revoked once withdrawn; lists show it for online interviews only', () => {
			const { db, manager, online, live } = leadWithInterviews();
			createInterviewInvite(db, online.id, manager.id, MADE);
			const withdrawn = new Date(MADE.getTime() + 3600_000);
			revokeInterviewInvites(db, online.id, manager.id, withdrawn);
			expect(linkStatusOf(db, online, withdrawn)).toEqual({ state: 'revoked', on: withdrawn });
			const listed = listVisibleInterviews(db, manager, undefined, withdrawn);
			expect(listed.find((row) => row.id === online.id)?.link).toEqual({
				state: 'revoked',
				on: withdrawn
			});
			expect(listed.find((row) => row.id === live.id)?.link).toBeNull();
		});
	}
);
